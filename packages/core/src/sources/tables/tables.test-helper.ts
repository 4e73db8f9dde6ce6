// One table written in each format the readers take (CSV, Parquet, Arrow IPC, NDJSON), for the tests that
// check every format loads to what its CSV loads to. Written here by the formats' own writers
// (hyparquet-writer, apache-arrow), not by the code under test.
import * as arrow from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { TableFormat } from './table-format.js';

/** A column's type: text, an instant, a wall-clock time (a timestamp without a zone), a calendar date, or a whole number. */
export type ColumnType = 'string' | 'instant' | 'wall' | 'date' | 'int';

/** A typed table: text columns hold strings, time columns epoch milliseconds, `int` columns numbers; null is no value. */
export interface Table {
  columns: { name: string; type: ColumnType }[];
  rows: (string | number | null)[][];
}

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
