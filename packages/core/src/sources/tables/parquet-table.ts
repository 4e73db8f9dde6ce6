import type { CellKind } from './csv-cells.js';
import { CsvBytesWriter } from './csv-bytes.js';
import { tablesMessages } from './messages.js';
import type { ReadColumns } from './read-columns.js';
import type { TableBytes } from './table-bytes.js';

// Typed times as epoch milliseconds (numbers) rather than a Date per value: the CSV text is made from them.
const MILLISECONDS_OF = {
  MILLIS: (ms: bigint) => Number(ms),
  MICROS: (us: bigint) => Number(us) / 1000,
  NANOS: (ns: bigint) => Number(ns / 1_000_000n),
};
type TimeUnit = keyof typeof MILLISECONDS_OF;

const PARSERS = {
  timestampFromMilliseconds: MILLISECONDS_OF.MILLIS,
  timestampFromMicroseconds: MILLISECONDS_OF.MICROS,
  timestampFromNanoseconds: MILLISECONDS_OF.NANOS,
  dateFromDays: (days: number) => days * 86_400_000,
};

// How much CSV is handed to the reader at a time.
const CHUNK_BYTES = 1 << 20;

/**
 * A Parquet file as the text of the same table written as CSV (header first), a row group at a time, each decoded once, column by column:
 * what the CSV readers then read with their own rules. A column no reader reads (`read`) is left empty rather than decoded. Loads
 * `hyparquet` only when called. @internal
 */
export async function* parquetAsCsv(
  source: TableBytes,
  delimiter: string,
  read: ReadColumns,
): AsyncGenerator<string | Uint8Array, void, undefined> {
  const { parquetMetadataAsync, parquetRead, parquetSchema } = await import('hyparquet');
  const file = await source.asyncBuffer();
  const metadata = await parquetMetadataAsync(file);
  const children = parquetSchema(metadata).children;
  const columns = children.map((child) => ({ name: child.element.name, kind: cellKind(child.element), nested: child.children.length > 0 }));
  const names = columns.map((c) => c.name);
  // The header as bytes too: the reader treats the first bytes (a byte-order mark) as it does a CSV file's.
  const writer = new CsvBytesWriter(delimiter);
  for (const name of names) writer.cell(name, 'value');
  writer.line();
  // An INT64 time column is decoded as its integers (its annotation hidden from hyparquet, which would convert each value in an array of
  // its own), and converted here as the parser above would.
  const units = children.map((child) => int64TimeUnit(child.element));
  const decodeWith = { ...metadata, schema: metadata.schema.map((e) => (int64TimeUnit(e) === undefined ? e : plainInt64(e))) };
  const wanted = read(names);
  const decoded = columns.filter((c, j) => wanted[j]).map((c) => c.name);
  const nested = columns.find((c, j) => wanted[j] && c.nested);
  if (nested !== undefined) throw new Error(tablesMessages.nestedColumn(nested.name));
  let start = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    // Each column's values over the group, in pieces: one, or a page each when hyparquet hands a column's pages over as they are (a
    // required column's).
    const pieces = new Map<string, Piece[]>();
    await parquetRead({
      file,
      metadata: decodeWith,
      rowStart: start,
      rowEnd: end,
      columns: decoded,
      parsers: PARSERS,
      onChunk: (chunk) => {
        const piece = { data: chunk.columnData as ArrayLike<unknown>, rowStart: chunk.rowStart };
        const list = pieces.get(chunk.columnName);
        if (list === undefined) pieces.set(chunk.columnName, [piece]);
        else list.push(piece);
      },
    });
    const sources = columns.map((c, j) => (wanted[j] ? new PieceCursor(pieces.get(c.name) ?? []) : undefined));
    const kinds = columns.map((c) => c.kind);
    const times = units.map((unit) => (unit === undefined ? undefined : MILLISECONDS_OF[unit]));
    for (let i = start; i < end; i++) {
      for (let j = 0; j < sources.length; j++) {
        const source = sources[j];
        const value = source === undefined ? null : source.at(i);
        const time = times[j];
        writer.cell(time !== undefined && typeof value === 'bigint' ? time(value) : value, kinds[j]!);
      }
      writer.line();
      if (writer.size >= CHUNK_BYTES) yield writer.take();
    }
    start = end;
  }
  if (writer.size > 0) yield writer.take();
}

/** Values of a column from row `rowStart` on (which may be before the group's first row). */
interface Piece {
  data: ArrayLike<unknown>;
  rowStart: number;
}

/** A column's values by row, from its pieces, for rows asked for in increasing order; undefined (no value) for a row no piece has. */
class PieceCursor {
  private data: ArrayLike<unknown> = [];
  private from = 0;
  private until = 0;

  constructor(private readonly pieces: readonly Piece[]) {}

  at(row: number): unknown {
    if (row < this.from || row >= this.until) this.seek(row);
    return this.data[row - this.from];
  }

  private seek(row: number): void {
    const piece = this.pieces.find((p) => row >= p.rowStart && row < p.rowStart + p.data.length);
    this.data = piece?.data ?? [];
    this.from = piece?.rowStart ?? row;
    this.until = piece === undefined ? row + 1 : piece.rowStart + piece.data.length;
  }
}

interface ParquetElement {
  type?: string;
  converted_type?: string;
  logical_type?: { type: string; isAdjustedToUTC?: boolean; unit?: string };
}

/** The unit hyparquet reads an INT64 time column's integers in (its converted type first, then its logical type), or undefined. */
function int64TimeUnit(element: ParquetElement): TimeUnit | undefined {
  if (element.type !== 'INT64') return undefined;
  if (element.converted_type === 'TIMESTAMP_MILLIS') return 'MILLIS';
  if (element.converted_type === 'TIMESTAMP_MICROS') return 'MICROS';
  if (element.converted_type !== undefined || element.logical_type?.type !== 'TIMESTAMP') return undefined;
  const { unit } = element.logical_type;
  return unit === 'MICROS' || unit === 'NANOS' ? unit : 'MILLIS';
}

/** The element without its annotations: hyparquet then hands over its integers as they are. */
function plainInt64<E extends ParquetElement>(element: E): E {
  return { ...element, converted_type: undefined, logical_type: undefined };
}

/** How a Parquet column's values are written: a timestamp not adjusted to UTC is a wall-clock time, DATE a date. */
function cellKind(element: ParquetElement): CellKind {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC === false ? 'wall' : 'instant';
  if (logical?.type === 'DATE' || element.converted_type === 'DATE') return 'date';
  if (element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS' || element.type === 'INT96') {
    return 'instant';
  }
  return 'value';
}
