import type { CsvChunk, CsvFileInput } from '../csv/csv-file-input.js';
import { HEAD_BYTES, contentKindOf } from './content-kind.js';
import type { ReadColumns } from './read-columns.js';
import { ALL_COLUMNS } from './read-columns.js';
import { fileBytes, memoryBytes } from './table-bytes.js';
import type { TextOptions } from './table-content.js';
import { asCsv, contentAsCsv, fileHead, peek } from './table-content.js';
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
      /** The format; default: from the content where it has a magic number (gzip, ZIP, Parquet, Arrow), else from the extension ({@link tableFormatOf}). */
      format?: TableFormat;
      /** The input's name in issues and stats. Default: the path. */
      label?: string;
    }
  | {
      /** The file's contents. */
      bytes: Uint8Array;
      /** The format of the bytes; `'csv'` also when unknown: bytes with a magic number (gzip, ZIP, Parquet, Arrow) are read as what they are. */
      format: TableFormat;
      /** The input's name in issues and stats. Default: the file name of DESIGN §4 with the format's extension (`leads.parquet`). */
      label?: string;
    };

const EXTENSION: Record<TableFormat, string> = { csv: '.csv', parquet: '.parquet', arrow: '.arrow', ndjson: '.ndjson' };

/**
 * A table input as the CSV readers take it: a CSV input unchanged; any other format as the text of the same table written as CSV, made as
 * the reader asks for it, so that every format is read with the CSV rules (column recognition, timestamps, the data-quality report).
 * What a file is, its first bytes say before its name does (table-content.ts): a gzip or ZIP file, Parquet or Arrow content under another
 * name, or a workbook, a PDF or binary bytes (refused, saying what the file is); a path of CSV text stays a path (read in pieces by workers).
 * The text is written with `delimiter` (the one the CSV reader is told, else a comma, which it detects); the columns `read` says no reader
 * reads are left empty (a wide export's other columns are never decoded); `encoding`, the one the CSV reader is told, is refused for a file whose content is another format. `defaultName` is the CSV file name of DESIGN §4 (`leads.csv`), whose extension a byte input's default label takes from its format.
 * @internal
 */
export async function openTableInput(
  input: TableFileInput,
  defaultName: string,
  delimiter = ',',
  read: ReadColumns = ALL_COLUMNS,
  encoding?: string,
): Promise<CsvFileInput> {
  const how = { delimiter, read, encoding };
  if (typeof input === 'string') return openPath(input, undefined, input, how);
  if ('bytes' in input) {
    const label = input.label ?? defaultName.replace(/\.csv$/, EXTENSION[input.format]);
    const file = { label, path: label };
    const peeked = { bytes: memoryBytes(input.bytes), head: input.bytes.subarray(0, HEAD_BYTES), node: false };
    const plain = input.format === 'csv' && contentKindOf(peeked.head) === 'text';
    // `format: 'csv'` is what a byte input says when it knows no better: CSV has no magic number, so content with one is what it says.
    return {
      chunks: plain ? [input.bytes] : contentAsCsv(peeked, label, input.format, how, file),
      label,
    };
  }
  if ('path' in input) return openPath(input.path, 'format' in input && input.format ? input.format : undefined, input.label, how);
  if ('text' in input) return input;
  const label = input.label ?? defaultName;
  return { chunks: chunksAsCsv(input.chunks, label, how), ...(input.label === undefined ? {} : { label }) };
}

async function openPath(
  path: string,
  declared: TableFormat | undefined,
  label: string | undefined,
  how: TextOptions,
): Promise<CsvFileInput> {
  const format = declared ?? tableFormatOf(path);
  const name = label ?? path;
  const file = { label: name, path };
  if (format === 'parquet' || format === 'arrow') return { chunks: asCsv(format, fileBytes(path, name), how, file), label: name };
  const head = await fileHead(path);
  // A file that cannot be opened is left to the reader, which says why as it always has.
  if (format === 'csv' && (head === null || contentKindOf(head) === 'text')) return label === undefined ? path : { path, label };
  if (head === null) return { chunks: asCsv(format as 'ndjson', fileBytes(path, name), how, file), label: name };
  return { chunks: contentAsCsv({ bytes: fileBytes(path, name), head, node: true }, path, declared, how, file), label: name };
}

/** Chunks as the CSV reader takes them: as they come when they are text, else as what their first bytes say. */
async function* chunksAsCsv(
  chunks: AsyncIterable<CsvChunk> | Iterable<CsvChunk>,
  label: string,
  how: TextOptions,
): AsyncGenerator<CsvChunk> {
  const peeked = await peek(chunks);
  // Chunks are CSV input: text is CSV whatever the label says; content with a magic number is what it says.
  yield* contentAsCsv(peeked, label, 'csv', how, { label, path: label });
}

/** The format of a table input: the one it names, else its path's ({@link tableFormatOf}), else CSV (text and chunks). @internal */
export function tableFormatOfInput(input: TableFileInput): TableFormat {
  if (typeof input === 'string') return tableFormatOf(input);
  if ('format' in input && input.format !== undefined) return input.format;
  if ('path' in input) return tableFormatOf(input.path);
  return 'csv';
}
