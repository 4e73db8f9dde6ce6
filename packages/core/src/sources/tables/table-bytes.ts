import { readFileChunks } from '../csv/csv-file-input.js';

/** Random access to a file's bytes, in the shape `hyparquet` reads (its `AsyncBuffer`). @internal */
export interface RandomAccessBytes {
  byteLength: number;
  slice(start: number, end?: number): Promise<ArrayBuffer>;
}

/** A file's bytes, whether it is a path (Node) or already in memory: read whole, streamed, or at random. @internal */
export interface TableBytes {
  /** The whole file. */
  all(): Promise<Uint8Array>;
  /** The file in pieces, in order. */
  chunks(): AsyncIterable<Uint8Array>;
  /** Random access (Parquet reads its footer, then each column chunk). */
  asyncBuffer(): Promise<RandomAccessBytes>;
}

/** The bytes of a file path, read with Node's file system (loaded when first read). @internal */
export function fileBytes(path: string, label: string): TableBytes {
  return {
    async all() {
      const { readFile } = await import('node:fs/promises');
      return new Uint8Array(await readFile(path));
    },
    chunks: () => readFileChunks(path, label),
    async asyncBuffer() {
      const { open } = await import('node:fs/promises');
      const handle = await open(path, 'r');
      try {
        const { size } = await handle.stat();
        return {
          byteLength: size,
          async slice(start: number, end = size) {
            const length = Math.max(0, Math.min(end, size) - start);
            const buffer = new Uint8Array(length);
            // Opened per slice: the reader may stop early (an error) without a handle left open.
            const file = await open(path, 'r');
            try {
              let at = 0;
              while (at < length) {
                const { bytesRead } = await file.read(buffer, at, length - at, start + at);
                if (bytesRead === 0) break;
                at += bytesRead;
              }
            } finally {
              await file.close();
            }
            return buffer.buffer;
          },
        };
      } finally {
        await handle.close();
      }
    },
  };
}

/** Bytes already in memory (an upload, a test). @internal */
export function memoryBytes(bytes: Uint8Array): TableBytes {
  return {
    all: async () => bytes,
    async *chunks() {
      yield bytes;
    },
    asyncBuffer: async () => ({
      byteLength: bytes.byteLength,
      slice: async (start: number, end = bytes.byteLength) => bytes.slice(start, end).buffer,
    }),
  };
}
