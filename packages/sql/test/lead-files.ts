// Test helpers: leads written as CSV (and Parquet, through DuckDB's COPY) in a temporary folder, with
// each timestamp in one of the forms core's reader accepts, so the SQL engine and core read the same file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { zonedParts } from '@panopticon/core';

/** How a timestamp is written: wall clock in the zone (naive), UTC with `Z`, or with a fixed offset. */
export type TimestampForm = 'naive' | 'utc' | 'offset';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` as text in `form` (naive: the wall clock of `timeZone`, to the millisecond). */
export function timestampText(ms: number, form: TimestampForm, timeZone: string): string {
  if (form === 'utc') return new Date(ms).toISOString();
  const offsetMinutes = form === 'offset' ? 5 * 60 + 45 : 0;
  const p = form === 'naive' ? zonedParts(ms, timeZone) : utcParts(ms + offsetMinutes * 60_000);
  const text = `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}.${pad(p.millisecond, 3)}`;
  return form === 'offset' ? `${text}+05:45` : text;
}

function utcParts(ms: number) {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
  };
}

/** One CSV field, quoted when needed. */
function field(value: string | null): string {
  if (value === null) return '';
  return /[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV text of `header` and `rows`. */
export function csvText(header: readonly string[], rows: readonly (readonly (string | null)[])[]): string {
  return `${[header.join(','), ...rows.map((r) => r.map(field).join(','))].join('\n')}\n`;
}

/** A temporary folder for the files of one test; `dispose()` removes it. */
export function scratchFolder(): { path(name: string): string; write(name: string, text: string): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'panopticon-sql-test-'));
  return {
    path: (name) => join(dir, name),
    write(name, text) {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The CSV file `csv` copied to a Parquet file `parquet` (every column as text, as a CRM export would hold it). */
export async function csvToParquet(csv: string, parquet: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const quote = (p: string) => `'${p.replaceAll("'", "''")}'`;
  await connection.run(
    `COPY (SELECT * FROM read_csv(${quote(csv)}, header = true, all_varchar = true)) TO ${quote(parquet)} (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
}
