// Property: a table written as CSV, Parquet, Arrow IPC and NDJSON loads to the same leads, histories, issues
// (rows, fields, values, messages), stats and judgeability, whatever its values: typed times (instants,
// wall-clock times, dates), text times good and bad, nulls, duplicate and empty ids, values with commas,
// quotes and line breaks, CRM header labels, unknown stages and unknown leads in the histories.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../model/pipeline.js';
import { loadFiles, loadFilesColumnar } from './load-files.js';
import type { LoadFilesOptions } from './load-files.js';
import type { ColumnType, Table } from './tables.test-helper.js';
import { EVERY_ISSUE, written } from './tables.test-helper.js';
import type { TableFormat } from './table-format.js';

const pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Won', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

const DAY = 86_400_000;
const FROM = Date.UTC(2025, 0, 1);
const TO = Date.UTC(2026, 0, 1);

/** A time column's type: text, or one of the typed times. */
const timeType = fc.constantFrom<ColumnType>('string', 'instant', 'wall', 'date');

/** A value of a time column of that type: epoch ms for a typed one (days for a date), text (good, odd or bad) for a text one. */
function timeValue(type: ColumnType): fc.Arbitrary<string | number | null> {
  // Half-hour steps: in Pacific/Chatham and New York some wall-clock times fall in a DST gap (a warning, in every format).
  const ms = fc.integer({ min: 0, max: (TO - FROM) / 1_800_000 }).map((k) => FROM + k * 1_800_000);
  if (type === 'date')
    return fc.option(
      ms.map((t) => Math.floor(t / DAY) * DAY),
      { nil: null, freq: 5 },
    );
  if (type !== 'string') return fc.option(ms, { nil: null, freq: 5 });
  return fc.oneof(
    ms.map((t) => new Date(t).toISOString()),
    ms.map((t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ')),
    ms.map((t) => `${new Date(t).toISOString().slice(0, 19)}+05:30`),
    fc.constantFrom('', ' ', 'yesterday', '2025-02-30 10:00', '06/01/2025 09:00', null),
  );
}

const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom('Smith, J', '"Q" Ltd', 'line\nbreak', ' padded ', 'a;b|c\td', 'x\r\ny', ''),
);
const optionalText = fc.option(text, { nil: null, freq: 4 });
const leadId = fc.constantFrom<string | null>('1', '2', '3', '10', ' 4 ', 'L-5', 'a,b', 'q"x', '', null);
const stage = fc.constantFrom<string | null>('New', 'Won', 'Lost', 'Bogus', '', null);

interface Tables {
  leads: Table;
  stageHistory: Table | undefined;
  ownerHistory: Table | undefined;
}

const leadsTable: fc.Arbitrary<Table> = fc
  .record({
    idHeader: fc.constantFrom('lead_id', 'Record Id'),
    receivedHeader: fc.constantFrom('received_time', 'Created Time'),
    received: timeType,
    contact: timeType,
    appointment: timeType,
    withStage: fc.boolean(),
    withOwner: fc.boolean(),
    size: fc.integer({ min: 0, max: 12 }),
  })
  .chain((shape) => {
    const columns: Table['columns'] = [
      { name: shape.idHeader, type: 'string' },
      { name: 'name', type: 'string' },
      { name: shape.receivedHeader, type: shape.received },
      { name: 'first_contact_time', type: shape.contact },
      { name: 'appointment_time', type: shape.appointment },
      ...(shape.withStage ? [{ name: 'stage', type: 'string' as const }] : []),
      ...(shape.withOwner ? [{ name: 'Lead Owner', type: 'string' as const }] : []),
      { name: 'Notes', type: 'string' },
    ];
    // A column no reader reads is never decoded, so a line break in it does not move later rows' lines as it does in CSV (a test of
    // load-files.test.ts); here its values have none.
    const cell = (type: ColumnType, name: string) =>
      name === shape.idHeader
        ? leadId
        : name === 'stage'
          ? stage
          : name === 'Notes'
            ? optionalText.map((t) => t?.replace(/[\r\n]/g, ' ') ?? null)
            : type === 'string'
              ? optionalText
              : timeValue(type);
    const row = fc.tuple(...columns.map((c) => cell(c.type, c.name)));
    return fc.array(row, { minLength: shape.size, maxLength: shape.size }).map((rows) => ({ columns, rows }));
  });

function historyTable(value: 'stage' | 'locator'): fc.Arbitrary<Table | undefined> {
  return fc.option(
    fc.record({ at: timeType, size: fc.integer({ min: 0, max: 10 }) }).chain(({ at, size }) => {
      const columns: Table['columns'] = [
        { name: 'lead_id', type: 'string' },
        { name: value, type: 'string' },
        { name: 'changed_at', type: at },
      ];
      const row = fc.tuple(fc.oneof(leadId, fc.constant('99')), value === 'stage' ? stage : optionalText, timeValue(at));
      return fc.array(row, { minLength: size, maxLength: size }).map((rows) => ({ columns, rows }));
    }),
    { nil: undefined },
  );
}

const tables: fc.Arbitrary<Tables> = fc.record({
  leads: leadsTable,
  stageHistory: historyTable('stage'),
  ownerHistory: historyTable('locator'),
});

/**
 * The load options of the tables written in one format (the same labels in every format, so that issues compare whole). NDJSON has no
 * header: a table without rows is an empty file, so its CSV counterpart (`csvOf: 'ndjson'`) is an empty file too.
 */
function options(t: Tables, format: TableFormat, timeZone: string, csvOf?: TableFormat): LoadFilesOptions {
  const bytes = (table: Table) => (csvOf === 'ndjson' && table.rows.length === 0 ? new Uint8Array(0) : written(table, format));
  const input = (table: Table, label: string) => ({ bytes: bytes(table), format, label });
  return {
    leads: input(t.leads, 'leads'),
    ...(t.stageHistory ? { stageHistory: input(t.stageHistory, 'stages') } : {}),
    ...(t.ownerHistory ? { ownerHistory: input(t.ownerHistory, 'owners') } : {}),
    timeZone,
    pipeline,
  };
}

const zone = fc.constantFrom('America/New_York', 'Pacific/Chatham', 'UTC');

describe('every format loads as its CSV', () => {
  it('the same leads, histories, issues, stats and judgeability (loadFiles)', async () => {
    const codes = new Set<string>();
    let leads = 0;
    await fc.assert(
      fc.asyncProperty(tables, zone, async (t, timeZone) => {
        for (const format of ['parquet', 'arrow', 'ndjson'] as const) {
          const csv = await loadFiles(options(t, 'csv', timeZone, format));
          expect(await loadFiles(options(t, format, timeZone)), format).toEqual(csv);
          for (const issue of csv.issues) codes.add(issue.code);
          leads += csv.leads.length;
        }
      }),
      { numRuns: 60, examples: [[EVERY_ISSUE, 'Pacific/Chatham']] },
    );
    // The tables exercised the rules, not only clean rows.
    expect(leads).toBeGreaterThan(0);
    for (const code of ['duplicate-id', 'missing-value', 'unparseable-timestamp', 'unknown-lead', 'unknown-stage', 'column-read-as']) {
      expect([...codes]).toContain(code);
    }
  });

  it('the same columns (loadFilesColumnar)', async () => {
    await fc.assert(
      fc.asyncProperty(tables, zone, async (t, timeZone) => {
        for (const format of ['parquet', 'arrow', 'ndjson'] as const) {
          const csv = await loadFilesColumnar(options(t, 'csv', timeZone, format));
          expect(await loadFilesColumnar(options(t, format, timeZone)), format).toEqual(csv);
        }
      }),
      { numRuns: 25 },
    );
  });
});
