// One table written in each format the readers take (CSV, Parquet, Arrow IPC, NDJSON), for the tests that
// check every format loads to what its CSV loads to. Written here by the formats' own writers
// (hyparquet-writer, apache-arrow), not by the code under test.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as arrow from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll } from 'vitest';
import type { TableFormat } from './table-format.js';

/** A column's type: text, an instant, a wall-clock time (a timestamp without a zone), a calendar date, or a whole number. */
export type ColumnType = 'string' | 'instant' | 'wall' | 'date' | 'int';
const COLUMN_TYPES: readonly ColumnType[] = ['string', 'instant', 'wall', 'date', 'int'];

/** A typed table: text columns hold strings, time columns epoch milliseconds, `int` columns numbers; null is no value. */
export interface Table {
  columns: { name: string; type: ColumnType }[];
  rows: (string | number | null)[][];
}

/**
 * A table's columns written as one line, `'lead_id:string, received_time:wall'`: each column's name (spaces allowed) and
 * its type after the last colon.
 */
export function header(spec: string): Table['columns'] {
  return spec.split(',').map((column) => {
    const colon = column.lastIndexOf(':');
    const type = column.slice(colon + 1).trim() as ColumnType;
    if (colon < 0 || !COLUMN_TYPES.includes(type)) throw new RangeError(`header: no column type in "${column}"`);
    return { name: column.slice(0, colon).trim(), type };
  });
}

/**
 * Tables that raise each issue of the readers' rules the property tests over formats and sources look for (column-read-as,
 * column-not-read, duplicate-id, missing-value, unparseable-timestamp, unknown-stage, unknown-lead): those tests run them
 * first, as a fixed example, so that their "the rules were exercised" guards hold on every run, not by the random draws.
 * Stages New and Lost are in the pipeline of every such test, Bogus in none.
 */
export const EVERY_ISSUE: { leads: Table; stageHistory: Table; ownerHistory: undefined } = {
  leads: {
    // 'Record Id' is a CRM label (column-read-as); Notes no reader reads (column-not-read).
    columns: header(
      'Record Id:string, name:string, received_time:string, first_contact_time:instant, appointment_time:date, stage:string, Notes:string',
    ),
    rows: [
      ['1', 'Ana', '2025-03-03 09:00', Date.UTC(2025, 2, 3, 9, 30), Date.UTC(2025, 2, 10), 'New', 'Smith, J'],
      ['1', 'Ana again', '2025-03-03 09:30', null, null, 'Lost', null], // duplicate-id
      ['2', 'Ben', 'yesterday', null, null, 'Bogus', null], // unparseable-timestamp, unknown-stage
      ['', 'Cy', '2025-03-04 10:00', null, null, 'New', null], // missing-value
    ],
  },
  stageHistory: {
    columns: header('lead_id:string, stage:string, changed_at:wall'),
    rows: [
      ['99', 'New', Date.UTC(2025, 2, 4, 8)], // unknown-lead
      ['1', 'Lost', Date.UTC(2025, 2, 5, 8)],
    ],
  },
  ownerHistory: undefined,
};

/** A time as the text a CSV export writes for it. */
function timeText(ms: number, type: ColumnType): string {
  const iso = new Date(ms).toISOString();
  if (type === 'instant') return iso;
  if (type === 'date') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** A value as text (what CSV and NDJSON carry): null stays null. */
function asText(value: string | number | null, type: ColumnType): string | number | null {
  if (value === null || type === 'string') return value;
  if (type === 'int') return value;
  return timeText(value as number, type);
}

function csvField(text: string): string {
  return /[",\r\n;\t|]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(table: Table): Uint8Array {
  const lines = [table.columns.map((c) => csvField(c.name)).join(',')];
  for (const row of table.rows) lines.push(row.map((v, j) => csvField(String(asText(v, table.columns[j]!.type) ?? ''))).join(','));
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

export function toNdjson(table: Table): Uint8Array {
  const lines = table.rows.map((row) =>
    JSON.stringify(Object.fromEntries(row.map((v, j) => [table.columns[j]!.name, asText(v, table.columns[j]!.type)]))),
  );
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

export function toParquet(table: Table, rowGroupSize?: number): Uint8Array {
  const element = (name: string, type: ColumnType) => {
    const base = { name, repetition_type: 'OPTIONAL' as const };
    if (type === 'string') return { ...base, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const };
    if (type === 'int') return { ...base, type: 'INT64' as const };
    if (type === 'date') return { ...base, type: 'INT32' as const, converted_type: 'DATE' as const };
    return {
      ...base,
      type: 'INT64' as const,
      logical_type: { type: 'TIMESTAMP' as const, isAdjustedToUTC: type === 'instant', unit: 'MILLIS' as const },
    };
  };
  const schema = [{ name: 'root', num_children: table.columns.length }, ...table.columns.map((c) => element(c.name, c.type))];
  const columnData = table.columns.map((c, j) => ({
    name: c.name,
    data: table.rows.map((row) => {
      const v = row[j] ?? null;
      if (v === null) return null;
      if (c.type === 'string') return v;
      if (c.type === 'int') return BigInt(v as number);
      return new Date(v as number);
    }),
  }));
  const buffer = parquetWriteBuffer({ columnData, schema, ...(rowGroupSize ? { rowGroupSize } : {}) } as Parameters<
    typeof parquetWriteBuffer
  >[0]);
  return new Uint8Array(buffer);
}

export function toArrow(table: Table, as: 'file' | 'stream' = 'file'): Uint8Array {
  const types: Record<ColumnType, () => arrow.DataType> = {
    string: () => new arrow.Utf8(),
    int: () => new arrow.Int32(),
    instant: () => new arrow.TimestampMillisecond('UTC'),
    wall: () => new arrow.TimestampMillisecond(),
    date: () => new arrow.DateDay(),
  };
  const vectors: Record<string, arrow.Vector> = {};
  table.columns.forEach((c, j) => {
    const values = table.rows.map((row) => {
      const v = row[j] ?? null;
      return v === null || c.type === 'string' || c.type === 'int' ? v : new Date(v as number);
    });
    vectors[c.name] = arrow.vectorFromArray(values, types[c.type]());
  });
  return arrow.tableToIPC(new arrow.Table(vectors), as);
}

/** The table in a format. */
export function written(table: Table, format: TableFormat): Uint8Array {
  if (format === 'csv') return toCsv(table);
  if (format === 'parquet') return toParquet(table, 3);
  if (format === 'arrow') return toArrow(table);
  return toNdjson(table);
}

/** A temporary folder for one test file (removed after its tests), and `file(name, bytes)` writing a file there, returning its path. */
export function tempFiles(prefix: string): { dir: string; file: (name: string, bytes: Uint8Array | string) => string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file: (name, bytes) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
