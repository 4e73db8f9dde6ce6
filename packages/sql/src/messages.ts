/** Every message of the SQL engine, in one place so that wording stays consistent and tests can match it. */

/** A feature the SQL statements do not state (yet): refused rather than answered with a different figure. */
export function unsupported(feature: string, instead: string): string {
  return `The SQL engine does not support ${feature}; ${instead}`;
}

export const USE_TS_ENGINE = 'use the TypeScript engine (the default, without --engine duckdb) for it.';

export function missingColumns(file: string, missing: readonly string[], headers: readonly string[]): string {
  return (
    `${file}: the SQL engine reads the canonical column names only, and ${missing.map((c) => `"${c}"`).join(', ')} ` +
    `${missing.length === 1 ? 'is' : 'are'} missing (headers: ${headers.map((h) => `"${h}"`).join(', ')}); ` +
    `rename the columns or ${USE_TS_ENGINE}`
  );
}

export function badTimestamp(file: string, row: number, column: string, value: string): string {
  return (
    `${file}, row ${row}: ${column} "${value}" is not a timestamp the SQL engine reads (YYYY-MM-DD[ HH:MM[:SS[.fff]]] with an ` +
    `optional Z or ±HH:MM offset); fix the value or ${USE_TS_ENGINE}`
  );
}

export function missingValue(file: string, row: number, column: string): string {
  return `${file}, row ${row}: ${column} is empty; the SQL engine refuses a file with rows the TypeScript engine would reject: fix the row or ${USE_TS_ENGINE}`;
}

export function duplicateId(file: string, id: string, rows: number): string {
  return `${file}: lead_id "${id}" appears on ${rows} rows; the SQL engine refuses duplicate leads: fix the file or ${USE_TS_ENGINE}`;
}

export function unknownFormat(file: string): string {
  return `${file}: the SQL engine reads .csv and .parquet files only`;
}

/** A file whose content (not its name) is a format core reads and DuckDB does not: a ZIP archive, an Arrow IPC file, gzip of Parquet. */
export function contentNotRead(file: string, what: string): string {
  return `${file} is ${what}, which the SQL engine does not read (it reads CSV, gzip-compressed CSV and Parquet files); ${USE_TS_ENGINE}`;
}
