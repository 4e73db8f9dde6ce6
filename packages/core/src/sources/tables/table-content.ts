// A table file read as what its content is: its first bytes (content-kind.ts) decide before its name does, for what has a magic number.
// gzip is taken off as the file is read, a ZIP archive's one table file is read (zip-archive.ts), Parquet and Arrow IPC files are read
// as such whatever their name, and a workbook, a PDF or other binary bytes are refused with a message saying what the file is.
import type { CsvChunk } from '../csv/csv-file-input.js';
import { CsvReadError } from '../csv/csv-read-error.js';
import { arrowAsCsv } from './arrow-table.js';
import { contentKindOf, HEAD_BYTES, nameInsideGzip } from './content-kind.js';
import { inflate } from './inflate.js';
import { tablesMessages } from './messages.js';
import { NdjsonLineError, ndjsonAsCsv } from './ndjson-table.js';
import { parquetAsCsv } from './parquet-table.js';
import type { ReadColumns } from './read-columns.js';
import type { TableBytes } from './table-bytes.js';
import { memoryBytes } from './table-bytes.js';
import type { TableFormat } from './table-format.js';
import { tableFormatOf } from './table-format.js';
import { zipEntryBytes, zipTableEntry } from './zip-archive.js';

/** How the text is made: its delimiter, which columns are decoded, and the text encoding the CSV reader is told (if any). @internal */
export interface TextOptions {
  delimiter: string;
  read: ReadColumns;
  encoding?: string | undefined;
}

/** A table's bytes with their first bytes (up to `HEAD_BYTES`) already read; `node`: they come from a file path. @internal */
export interface PeekedBytes {
  bytes: TableBytes;
  head: Uint8Array;
  node: boolean;
  /** A stream read once: its pieces as they came (text as strings), for a CSV reader. */
  raw?: () => AsyncIterable<CsvChunk>;
}

/** The file being read, as errors name it. @internal */
export interface FileName {
  label: string;
  path: string;
}

const FORMAT_NAME: Record<Exclude<TableFormat, 'csv'>, string> = { parquet: 'Parquet', arrow: 'Arrow IPC', ndjson: 'NDJSON' };
const PACKAGE: Record<Exclude<TableFormat, 'csv'>, string | undefined> = { parquet: 'hyparquet', arrow: 'apache-arrow', ndjson: undefined };

/**
 * The CSV text (or bytes) of the table in `peeked`, whose name is `name` and whose format the caller may have said (`declared`). A Parquet
 * or Arrow name or `declared` format is read as such (a file that is not one says so); otherwise the content decides: gzip is inflated
 * and what it holds read the same way (named without `.gz`), a ZIP archive's one table file is read, Parquet and Arrow content is read as
 * such (unless `declared` is NDJSON: what the caller says wins), text is read as `declared`, else as its name says (CSV or NDJSON), and
 * a workbook, a PDF or binary bytes are a `CsvReadError` saying what the file is. So `declared: 'csv'` means: text is CSV, whatever the
 * name, and content with a magic number is what it is (CSV has none). @internal
 */
export async function* contentAsCsv(
  peeked: PeekedBytes,
  name: string,
  declared: TableFormat | undefined,
  how: TextOptions,
  file: FileName,
): AsyncGenerator<CsvChunk> {
  try {
    const format = declared ?? tableFormatOf(name);
    if (format === 'parquet' || format === 'arrow') return yield* asCsv(format, peeked.bytes, how, file);
    const kind = contentKindOf(peeked.head);
    if (kind === 'text') {
      if (format === 'csv') yield* peeked.raw?.() ?? peeked.bytes.chunks();
      else yield* asCsv(format, peeked.bytes, how, file);
    } else if (kind === 'gzip') {
      const inner = await peek(inflate(peeked.bytes.chunks(), 'gzip', peeked.node));
      yield* contentAsCsv({ ...inner, node: peeked.node }, nameInsideGzip(name), declared, how, file);
    } else if (kind === 'zip') {
      const archive = await peeked.bytes.asyncBuffer();
      const entry = await zipTableEntry(archive);
      const inner = await peek(zipEntryBytes(archive, entry, peeked.node));
      yield* contentAsCsv({ ...inner, node: peeked.node }, entry.name, undefined, how, file);
    } else if (kind === 'parquet' || kind === 'arrow') {
      yield* asCsv(declared === 'ndjson' ? 'ndjson' : kind, peeked.bytes, how, file);
    } else {
      throw new Error(notATable(kind));
    }
  } catch (error) {
    if (error instanceof CsvReadError) throw error;
    throw new CsvReadError(file.label, file.path, error);
  }
}

/** What a file whose first bytes are of `kind` is, when it is no table. @internal */
export function notATable(kind: 'xls' | 'pdf' | 'binary'): string {
  return kind === 'pdf' ? tablesMessages.pdf() : kind === 'xls' ? tablesMessages.workbook('xls') : tablesMessages.binary();
}

/** The CSV text of a table in another format, with any failure to read it as a `CsvReadError` naming the file. @internal */
export async function* asCsv(
  format: Exclude<TableFormat, 'csv'>,
  bytes: TableBytes,
  { delimiter, read, encoding }: TextOptions,
  { label, path }: FileName,
): AsyncGenerator<string | Uint8Array> {
  // The text made here is UTF-8: an encoding forced on a file found by its content not to be CSV is refused, as by its name (load-files.ts).
  if (encoding !== undefined && encoding !== 'auto' && encoding !== 'utf-8') {
    throw new CsvReadError(label, path, new RangeError(tablesMessages.encodingNotCsv(encoding, format)));
  }
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

/**
 * A stream read once, with its first `HEAD_BYTES` read ahead to tell what it holds (as far as it starts with bytes: text given as
 * strings is text). `raw()` then gives every piece as it came (those read ahead first), `bytes.chunks()` the same as bytes, and
 * `bytes.all` and `bytes.asyncBuffer` gather them in memory (a Parquet or Arrow file inside gzip or a ZIP is read at random). Pieces
 * read ahead beyond the first are copied: a source may reuse its buffer for the next piece. @internal
 */
export async function peek(
  source: AsyncIterable<CsvChunk> | Iterable<CsvChunk>,
): Promise<PeekedBytes & { raw: () => AsyncGenerator<CsvChunk> }> {
  const iterator = Symbol.asyncIterator in source ? source[Symbol.asyncIterator]() : (source as Iterable<CsvChunk>)[Symbol.iterator]();
  const held: CsvChunk[] = [];
  let size = 0;
  let done = false;
  while (size < HEAD_BYTES && typeof held[held.length - 1] !== 'string') {
    const last = held[held.length - 1];
    if (last !== undefined && typeof last !== 'string') held[held.length - 1] = last.slice();
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    held.push(next.value);
    if (typeof next.value !== 'string') size += next.value.length;
  }
  const leading = held.filter((piece): piece is Uint8Array => typeof piece !== 'string');
  const head = typeof held[0] === 'string' ? new Uint8Array(0) : concat(leading, Math.min(size, HEAD_BYTES));
  let taken = false;
  async function* raw(): AsyncGenerator<CsvChunk> {
    if (taken) throw new Error('a stream is read once');
    taken = true;
    yield* held.splice(0);
    if (done) return;
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      await iterator.return?.();
    }
  }
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<Uint8Array> {
    for await (const piece of raw()) yield typeof piece === 'string' ? encoder.encode(piece) : piece;
  }
  const all = async () => {
    const pieces: Uint8Array[] = [];
    for await (const piece of chunks()) pieces.push(piece.slice());
    return concat(
      pieces,
      pieces.reduce((sum, piece) => sum + piece.length, 0),
    );
  };
  let whole: Promise<Uint8Array> | undefined;
  const bytes: TableBytes = {
    all: () => (whole ??= all()),
    chunks,
    asyncBuffer: async () => memoryBytes(await (whole ??= all())).asyncBuffer(),
  };
  return { bytes, head, raw, node: false };
}

/** The first `length` bytes of `pieces`, in one array. */
function concat(pieces: readonly Uint8Array[], length: number): Uint8Array {
  if (pieces.length === 1 && pieces[0]!.length === length) return pieces[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const piece of pieces) {
    if (at >= length) break;
    const part = piece.subarray(0, length - at);
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The first `HEAD_BYTES` of a file path (fewer for a shorter file), or null when it cannot be read (the reader then says why). @internal */
export async function fileHead(path: string): Promise<Uint8Array | null> {
  try {
    const { open } = await import('node:fs/promises');
    const file = await open(path, 'r');
    try {
      const head = new Uint8Array(HEAD_BYTES);
      const { bytesRead } = await file.read(head, 0, HEAD_BYTES, 0);
      return head.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  } catch {
    return null;
  }
}
