import { CsvReadError } from '../csv/csv-read-error.js';
import type { CsvFileInput } from '../csv/csv-file-input.js';
import { arrowAsCsv } from './arrow-table.js';
import { tablesMessages } from './messages.js';
import { NdjsonLineError, ndjsonAsCsv } from './ndjson-table.js';
import { parquetAsCsv } from './parquet-table.js';
import type { ReadColumns } from './read-columns.js';
import { ALL_COLUMNS } from './read-columns.js';
import type { TableBytes } from './table-bytes.js';
import { fileBytes, memoryBytes } from './table-bytes.js';
import type { TableFormat } from './table-format.js';
import { tableFormatOf } from './table-format.js';

/**
 * Where a table comes from: a CSV input (a path, `{ text }`, `{ chunks }`), a path whose extension names its format (or with `format` to say it), or
 * a file's bytes with their format.
 *
 * @example
 * ```ts
 * const byName: TableFileInput = 'exports/leads.parquet';
 * const forced: TableFileInput = { path: 'exports/leads.bin', format: 'arrow' };
 * const upload: TableFileInput = { bytes: new Uint8Array(await file.arrayBuffer()), format: 'parquet', label: file.name };
 * ```
 */
export type TableFileInput =
  | CsvFileInput
  | {
      /** A file path (Node). */
      path: string;
      /** The format; default: from the extension ({@link tableFormatOf}). */
      format?: TableFormat;
      /** The input's name in issues and stats. Default: the path. */
      label?: string;
    }
  | {
      /** The file's contents. */
      bytes: Uint8Array;
      /** The format of the bytes. */
      format: TableFormat;
      /** The input's name in issues and stats. Default: the file name of DESIGN §4 with the format's extension (`leads.parquet`). */
      label?: string;
    };

const EXTENSION: Record<TableFormat, string> = { csv: '.csv', parquet: '.parquet', arrow: '.arrow', ndjson: '.ndjson' };
const FORMAT_NAME: Record<Exclude<TableFormat, 'csv'>, string> = { parquet: 'Parquet', arrow: 'Arrow IPC', ndjson: 'NDJSON' };
const PACKAGE: Record<Exclude<TableFormat, 'csv'>, string | undefined> = { parquet: 'hyparquet', arrow: 'apache-arrow', ndjson: undefined };

/**
 * A table input as the CSV readers take it: a CSV input unchanged; any other format as the text of the same table written as CSV, made as
 * the reader asks for it, so that every format is read with the CSV rules (column recognition, timestamps, the data-quality report).
 * The text is written with `delimiter` (the one the CSV reader is told, else a comma, which it detects); the columns `read` says no reader
 * reads are left empty (a wide export's other columns are never decoded). `defaultName` is the CSV file name of DESIGN §4 (`leads.csv`), whose extension a byte input's default label takes from its format.
 * @internal
 */
export function openTableInput(input: TableFileInput, defaultName: string, delimiter = ',', read: ReadColumns = ALL_COLUMNS): CsvFileInput {
  const how = { delimiter, read };
  if (typeof input === 'string') return openPath(input, tableFormatOf(input), input, how);
  if ('bytes' in input) {
    const label = input.label ?? defaultName.replace(/\.csv$/, EXTENSION[input.format]);
    if (input.format === 'csv') return { chunks: [input.bytes], label };
    return { chunks: asCsv(input.format, memoryBytes(input.bytes), how, label, label), label };
  }
  if ('path' in input) {
    const format = 'format' in input && input.format ? input.format : tableFormatOf(input.path);
    return openPath(input.path, format, input.label, how);
  }
  return input;
}

function openPath(path: string, format: TableFormat, label: string | undefined, how: TextOptions): CsvFileInput {
  if (format === 'csv') return label === undefined ? path : { path, label };
  const name = label ?? path;
  return { chunks: asCsv(format, fileBytes(path, name), how, name, path), label: name };
}

/** How the text is made: its delimiter, and which columns are decoded. */
interface TextOptions {
  delimiter: string;
  read: ReadColumns;
}

/** The CSV text of a table, with any failure to read it as a `CsvReadError` naming the file. */
async function* asCsv(
  format: Exclude<TableFormat, 'csv'>,
  bytes: TableBytes,
  { delimiter, read }: TextOptions,
  label: string,
  path: string,
): AsyncGenerator<string | Uint8Array> {
  try {
    if (format === 'parquet') yield* parquetAsCsv(bytes, delimiter, read);
    else if (format === 'arrow') yield* arrowAsCsv(bytes, delimiter, read);
    else yield* ndjsonAsCsv(bytes, delimiter);
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    const code = (error as { code?: unknown } | null)?.code;
    const pkg = PACKAGE[format];
    if (pkg !== undefined && code === 'ERR_MODULE_NOT_FOUND' && String((error as Error).message).includes(pkg)) {
      throw new CsvReadError(label, path, new Error(tablesMessages.missingPackage(FORMAT_NAME[format], pkg)));
    }
    // An operating-system error (ENOENT, EACCES, …) keeps its code; a line of NDJSON says which; anything else is a file not in the format.
    if (typeof code === 'string' || error instanceof NdjsonLineError) throw new CsvReadError(label, path, error);
    throw new CsvReadError(
      label,
      path,
      new Error(tablesMessages.notFormat(FORMAT_NAME[format], (error as Error).message ?? String(error))),
    );
  }
}

/** The format of a table input: the one it names, else its path's ({@link tableFormatOf}), else CSV (text and chunks). @internal */
export function tableFormatOfInput(input: TableFileInput): TableFormat {
  if (typeof input === 'string') return tableFormatOf(input);
  if ('format' in input && input.format !== undefined) return input.format;
  if ('path' in input) return tableFormatOf(input.path);
  return 'csv';
}
