import type { CsvChunk, CsvInput } from './csv-record.js';

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
      if (held !== null) bytes = concat(held, bytes);
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

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
