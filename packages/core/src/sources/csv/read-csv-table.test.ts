import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../model/pipeline.js';
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import { sampleRecords, setFastRowsForTesting } from './read-csv-table.js';
import { loadFiles } from '../tables/load-files.js';

const open = (name: string, staleAfterDays?: number) => ({ name, category: 'open', ...(staleAfterDays ? { staleAfterDays } : {}) });
const pipeline = parsePipeline({
  stages: [
    open('New'),
    open('Appointment Set'),
    open('Follow-Up', 14),
    { name: 'Green', category: 'green' },
    { name: 'Lost', category: 'lost' },
  ],
});

const idArb = fc.constantFrom('1', '2', '3', '10', '007', 'L-1', ' 2', '', '12345678901234567890', 'é');
const timeArb = fc.constantFrom(
  '2025-03-09 02:30',
  '2025-03-10 09:00:00',
  '2025-03-01',
  ' 2025-03-12 10:00 ',
  '2025-02-30',
  'soon',
  '',
  '2025-03-11T10:00:00Z',
);
const stageArb = fc.constantFrom('New', 'Appointment Set', 'Green', 'Lost', 'Lots', ' Lost', 'Lost\u00a0', '', 'Étape', '"Follow-Up"');
const textArb = fc.constantFrom('Ana', 'Zoë Martin', '', ' Ben ', 'a, b', 'say "hi"', 'two\nlines', 'Chloé');

const leadRowArb = fc.tuple(
  idArb,
  textArb,
  timeArb,
  timeArb,
  timeArb,
  stageArb,
  textArb,
  textArb,
  textArb,
  textArb,
  timeArb,
  fc.constantFrom('ok', 'ok', 'ok', 'ok', 'short'),
);
const historyRowArb = fc.tuple(idArb, stageArb, timeArb, fc.constantFrom('ok', 'ok', 'ok', 'long'));

const quote = (v: string) => (/[",\n\r]/.test(v) || v.startsWith('"') ? `"${v.replaceAll('"', '""')}"` : v);
const csv = (header: string, rows: string[][], eol: string) => [header, ...rows.map((r) => r.map(quote).join(','))].join(eol) + eol;

async function loadBoth(options: Parameters<typeof loadFiles>[0]) {
  setFastRowsForTesting(false);
  try {
    const expected = await loadFiles(options);
    setFastRowsForTesting(true);
    return { expected, actual: await loadFiles(options) };
  } finally {
    setFastRowsForTesting(true);
  }
}

describe('reading CSV tables from bytes', () => {
  it('loads exactly what the text rules load (fast row visitors off): leads, histories, issues and stats (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(leadRowArb, { maxLength: 12 }),
        fc.array(historyRowArb, { maxLength: 20 }),
        fc.array(historyRowArb, { maxLength: 8 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom('UTC', 'America/New_York'),
        async (leadRows, stageRows, ownerRows, eol, timeZone) => {
          const leads = csv(
            'lead_id,name,received_time,first_contact_time,appointment_time,stage,locator,team,source,company,assigned_time',
            leadRows.map((row) => (row[11] === 'short' ? row.slice(0, 5) : row.slice(0, 11))),
            eol,
          );
          const stageHistory = csv(
            'lead_id,stage,changed_at',
            stageRows.map(([id, stage, at, shape]) => (shape === 'long' ? [id, stage, at, 'x'] : [id, stage, at])),
            eol,
          );
          const ownerHistory = csv(
            'lead_id,locator,changed_at',
            ownerRows.map(([id, stage, at]) => [id, stage.replace('Lost', 'Ana'), at]),
            eol,
          );
          const { expected, actual } = await loadBoth({
            leads: { text: leads },
            stageHistory: { chunks: [new TextEncoder().encode(stageHistory)] },
            ownerHistory: { text: ownerHistory },
            timeZone,
            pipeline,
          });
          expect(actual.stats).toEqual(expected.stats);
          expect(actual.issues).toEqual(expected.issues);
          expect(actual.leads).toEqual(expected.leads);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the ordinary rows of a history without making their strings, with the same result', async () => {
    const leads = 'lead_id,received_time,stage\n1,2025-03-01 09:00,New\n2,2025-03-01 10:00,New\n';
    const stageHistory =
      'lead_id,stage,changed_at\n1,New,2025-03-01 09:00\n1,Green,2025-03-05 10:00\n2,Lots,2025-03-02 10:00\n2,Lost,2025-02-01 10:00\n3,New,2025-03-01 09:00\n';
    const { expected, actual } = await loadBoth({
      leads: { text: leads },
      stageHistory: { text: stageHistory },
      timeZone: 'UTC',
      pipeline,
    });
    expect(actual).toEqual(expected);
    expect(actual.issues.map((i) => i.code)).toEqual(['history-before-created', 'unknown-lead', 'unknown-stage']);
  });

  it('samples the first records of a head read in pieces as a reading of the whole head gives them (property)', () => {
    const encoder = new TextEncoder();
    // Every record of the head's whole lines, read in one write: what the sample must start with.
    const wholeRecords = (head: Uint8Array): string[][] => {
      const records: string[][] = [];
      const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
      const reader = new ByteCsvReader(
        {
          fast: (buf, starts, ends, count, _line, quoted) => records.push(decodeFields(decoder, buf, starts, ends, count, quoted, ',')),
          record: (record) => {
            if (record.error === undefined) records.push(record.fields);
          },
        },
        { delimiter: ',', boms: 1 },
      );
      reader.write(head.subarray(0, head.lastIndexOf(10) + 1));
      return records;
    };
    fc.assert(
      fc.property(
        fc.array(leadRowArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 200, max: 3000 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 2500 }),
        (rows, repeat, cut, max) => {
          const lines = Array.from({ length: repeat }, (_, k) => {
            const row = rows[k % rows.length]!;
            return [row[0], row[1], row[5]]; // quoted values, line feeds inside quotes
          });
          const text = csv('lead_id,name,stage', lines, repeat % 2 === 0 ? '\r\n' : '\n');
          const head = encoder.encode(`\ufeff${text}`).subarray(0, Math.max(0, encoder.encode(text).length - cut));
          expect(sampleRecords(head, ',', max)).toEqual(wholeRecords(head).slice(0, max));
        },
      ),
      { numRuns: 40 },
    );
  });
});
