// Decompression of a byte stream as it is read (never the whole file in memory): gzip files, and the deflated entries of a ZIP archive.
// A file path is read in Node, so it is inflated by node:zlib (loaded on first use, as node:fs is: the browser build reaches no Node
// built-in); bytes and chunks from memory (an upload in a browser) by the platform's `DecompressionStream`, which Node has too.
import { tablesMessages } from './messages.js';

/** `gzip` (a .gz file) or `deflate-raw` (a ZIP entry compressed with method 8). @internal */
export type Compression = 'gzip' | 'deflate-raw';

/**
 * The bytes `chunks` hold once decompressed, in pieces as they come. `node`: inflate with node:zlib (the input comes from a file path),
 * else with `DecompressionStream`. A corrupt or cut-short stream throws (the caller names the file). The input's pieces are copied as
 * they are handed on: a file reader may reuse its buffers (csv/csv-file-input.ts `readFileChunks`). @internal
 */
export async function* inflate(chunks: AsyncIterable<Uint8Array>, compression: Compression, node: boolean): AsyncGenerator<Uint8Array> {
  const input = new Failure();
  try {
    yield* node ? inflateNode(input.watch(chunks), compression) : inflateWeb(input.watch(chunks), compression);
  } catch (error) {
    // The input's own failure (a file that cannot be read) as it is; the decompressor's, as what it says of the file.
    if (input.seen(error)) throw error;
    throw new Error(tablesMessages.corrupt(compression, (error as Error | null)?.message ?? String(error)));
  }
}

/** Remembers the error reading the input threw, to tell it from the decompressor's. */
class Failure {
  private error: unknown = undefined;
  private failed = false;

  async *watch(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    try {
      yield* chunks;
    } catch (error) {
      this.failed = true;
      this.error = error;
      throw error;
    }
  }

  seen(error: unknown): boolean {
    return this.failed && error === this.error;
  }
}

async function* inflateNode(chunks: AsyncIterable<Uint8Array>, compression: Compression): AsyncGenerator<Uint8Array> {
  const [zlib, { Readable }] = await Promise.all([import('node:zlib'), import('node:stream')]);
  const inflater = compression === 'gzip' ? zlib.createGunzip() : zlib.createInflateRaw();
  const input = Readable.from(copies(chunks));
  input.on('error', (error) => inflater.destroy(error));
  input.pipe(inflater);
  try {
    for await (const piece of inflater as AsyncIterable<Buffer>) yield new Uint8Array(piece.buffer, piece.byteOffset, piece.byteLength);
  } finally {
    input.destroy();
    inflater.destroy();
  }
}

async function* inflateWeb(chunks: AsyncIterable<Uint8Array>, compression: Compression): AsyncGenerator<Uint8Array> {
  const stream = new DecompressionStream(compression);
  const writer = stream.writable.getWriter();
  // The input is written while the output is read: a decompressor holds back its input until its output is taken.
  const written = (async () => {
    for await (const chunk of copies(chunks)) await writer.write(chunk);
    await writer.close();
  })().catch(async (error: unknown) => {
    await writer.abort(error).catch(() => undefined);
  });
  const reader = stream.readable.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
    await written;
  }
}

async function* copies(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array<ArrayBuffer>> {
  for await (const chunk of chunks) yield chunk.slice();
}
