import { CsvReadError } from './csv-read-error.js';

/**
 * A piece of CSV input: text, or UTF-8 bytes (split anywhere, even inside a character).
 *
 * @example
 * ```ts
 * const chunks: CsvChunk[] = ['lead_id,received_time\n', new TextEncoder().encode('1,2026-10-01 09:00\n')];
 * ```
 */
export type CsvChunk = string | Uint8Array;

/**
 * CSV input: the whole text, or its chunks in order (a file stream, a `fetch` body, a generator).
 *
 * @example
 * ```ts
 * const input: CsvInput = createReadStream('leads.csv');
 * for await (const record of parseCsv(input)) console.log(record.line, record.fields);
 * ```
 */
export type CsvInput = string | AsyncIterable<CsvChunk> | Iterable<CsvChunk>;

/**
 * Where a CSV file comes from.
 *
 * @example
 * ```ts
 * const fromDisk: CsvFileInput = 'exports/leads.csv';
 * const inMemory: CsvFileInput = { text: 'lead_id,received_time\n1,2025-01-01', label: 'pasted' };
 * const fromFetch: CsvFileInput = { chunks: (await fetch(url)).body! };
 * ```
 */
export type CsvFileInput =
  | string
  | {
      /** A file path (Node). */
      path: string;
      /** The input's name in issues and stats. Default: the path. */
      label?: string;
    }
  | {
      /** The file's contents. */
      text: string;
      /** The input's name in issues and stats. Default: the file name of DESIGN §4. */
      label?: string;
    }
  | {
      /** The file's contents as a stream of text or bytes. */
      chunks: AsyncIterable<CsvChunk> | Iterable<CsvChunk>;
      /** The input's name in issues and stats. Default: the file name of DESIGN §4. */
      label?: string;
    };

/** An input ready to parse, with the label its issues carry. @internal */
export interface OpenedCsvInput {
  label: string;
  chunks: CsvInput;
}

/** Resolves an input's label and its chunks. @internal */
export function openCsvInput(input: CsvFileInput, defaultLabel: string, label?: string): OpenedCsvInput {
  if (typeof input === 'string') return { label: label ?? input, chunks: readFileChunks(input, label ?? input) };
  if ('path' in input) {
    const name = label ?? input.label ?? input.path;
    return { label: name, chunks: readFileChunks(input.path, name) };
  }
  const name = label ?? input.label ?? defaultLabel;
  return { label: name, chunks: 'text' in input ? input.text : input.chunks };
}

let fileChunkSize = 1 << 20;
/** Sets the size of the pieces a file path is read in (tests use tiny ones to cross every boundary case). @internal */
export function setFileChunkSizeForTesting(bytes: number): void {
  fileChunkSize = bytes;
}

/**
 * The bytes of a file (or of its byte ranges `[ranges[0], ranges[1])`, `[ranges[2], ranges[3])`, …), 1 MiB at a time, read into two buffers
 * in turn: the next piece is read while the reader works on this one, and the readers of this module consume a piece before they ask for
 * the next (what they keep, they copy), so a file of any size costs two buffers and no garbage. @internal
 */
export async function* readFileChunks(
  path: string,
  label: string,
  ranges = [0, Number.POSITIVE_INFINITY],
): AsyncGenerator<Uint8Array, void, undefined> {
  let file: import('node:fs/promises').FileHandle | undefined;
  let pending: Promise<{ bytesRead: number }> | undefined;
  try {
    const { open } = await import('node:fs/promises');
    file = await open(path, 'r');
    const size = fileChunkSize;
    const buffers = [new Uint8Array(size), new Uint8Array(size)];
    let which = 0;
    let r = 0;
    let at = ranges[0]!;
    const start = () => (r < ranges.length ? file!.read(buffers[which]!, 0, Math.min(size, ranges[r + 1]! - at), at) : undefined);
    pending = start();
    while (pending !== undefined) {
      const { bytesRead } = await pending;
      at += bytesRead;
      if (bytesRead === 0 || at >= ranges[r + 1]!) {
        r += 2;
        at = ranges[r]!;
      }
      const current = buffers[which]!;
      which ^= 1;
      pending = start();
      if (bytesRead > 0) yield current.subarray(0, bytesRead);
    }
  } catch (error) {
    throw new CsvReadError(label, path, error);
  } finally {
    await pending?.catch(() => undefined);
    await file?.close();
  }
}

/**
 * The bytes of CSV input, with the byte-order mark a UTF-8 decoder would drop removed from the start of the byte chunks, so that a reader
 * told to skip one more mark skips what a text reader of the decoded input would. @internal
 */
export async function* byteChunks(input: CsvInput): AsyncGenerator<Uint8Array, void, undefined> {
  if (typeof input === 'string') {
    yield new TextEncoder().encode(input);
    return;
  }
  const encoder = new TextChunkEncoder();
  let decoderStart = true; // the next byte chunk begins the byte stream a decoder would see
  let held: Uint8Array | null = null; // the first bytes, held until it is clear whether they are a mark
  for await (const chunk of input as AsyncIterable<CsvChunk>) {
    if (typeof chunk === 'string') {
      const bytes = encoder.encode(chunk);
      if (bytes.length > 0) yield bytes;
      continue;
    }
    const rest = encoder.flush();
    if (rest.length > 0) yield rest;
    // A plain Uint8Array view of a Node Buffer: one kind of array keeps the byte reader's loops monomorphic.
    let bytes = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (decoderStart) {
      if (held !== null) bytes = concatBytes(held, bytes);
      held = null;
      if (bytes.length < 3 && isBomPrefix(bytes)) {
        held = bytes.slice();
        continue;
      }
      decoderStart = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (bytes.length > 0) yield bytes;
  }
  if (held !== null && held.length > 0) yield held;
  const rest = encoder.flush();
  if (rest.length > 0) yield rest;
}

/** Encodes text chunks to UTF-8, keeping a character split between two chunks (a surrogate pair) whole. @internal */
export class TextChunkEncoder {
  private readonly encoder = new TextEncoder();
  private highSurrogate = '';

  encode(chunk: string): Uint8Array {
    let text = this.highSurrogate + chunk;
    this.highSurrogate = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.highSurrogate = text.slice(-1);
      text = text.slice(0, -1);
    }
    return this.encoder.encode(text);
  }

  /** The held half of a character, if any (the input ended, or bytes follow). */
  flush(): Uint8Array {
    const rest = this.highSurrogate;
    this.highSurrogate = '';
    return this.encoder.encode(rest);
  }
}

function isBomPrefix(bytes: Uint8Array): boolean {
  const bom = [0xef, 0xbb, 0xbf];
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== bom[i]) return false;
  return true;
}

/** The bytes of `a` then `b`, in a new array. @internal */
export function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
