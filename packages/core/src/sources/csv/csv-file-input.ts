import { CsvReadError } from './csv-read-error.js';
import type { CsvChunk, CsvInput } from './csv-record.js';

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
