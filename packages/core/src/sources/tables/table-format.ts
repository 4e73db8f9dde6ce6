/**
 * The file formats Panopticon reads leads and histories from, and how a path names its format.
 *
 * @example
 * ```ts
 * const format: TableFormat = 'parquet';
 * ```
 */
export type TableFormat = 'csv' | 'parquet' | 'arrow' | 'ndjson';

/**
 * Every {@link TableFormat}, in the order the documentation lists them.
 *
 * @example
 * ```ts
 * TABLE_FORMATS.includes('arrow'); // true
 * ```
 */
export const TABLE_FORMATS: readonly TableFormat[] = ['csv', 'parquet', 'arrow', 'ndjson'];

// Lower-case file extensions, longest first where one ends another.
const EXTENSIONS: readonly [string, TableFormat][] = [
  ['.parquet', 'parquet'],
  ['.pq', 'parquet'],
  ['.arrow', 'arrow'],
  ['.feather', 'arrow'],
  ['.ipc', 'arrow'],
  ['.arrows', 'arrow'],
  ['.ndjson', 'ndjson'],
  ['.jsonl', 'ndjson'],
];

/**
 * The format a file's name says it holds: `.parquet`/`.pq` Parquet, `.arrow`/`.feather`/`.ipc`/`.arrows` Arrow IPC (file or stream),
 * `.ndjson`/`.jsonl` newline-delimited JSON, anything else CSV (exports come as `.csv`, `.txt`, `.tsv` or without an extension).
 *
 * @example
 * ```ts
 * tableFormatOf('exports/leads.parquet'); // 'parquet'
 * tableFormatOf('LEADS.Feather'); // 'arrow'
 * tableFormatOf('leads.csv'); // 'csv'
 * ```
 */
export function tableFormatOf(path: string): TableFormat {
  const lower = path.toLowerCase();
  for (const [extension, format] of EXTENSIONS) if (lower.endsWith(extension)) return format;
  return 'csv';
}
