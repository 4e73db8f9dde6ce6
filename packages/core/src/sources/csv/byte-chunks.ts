import type { CsvChunk, CsvInput } from './parse-csv.js';

/**
 * The bytes of CSV input, with the byte-order mark a UTF-8 decoder would drop removed from the start of
 * the byte chunks, so that a byte reader told to skip one more mark reads exactly the text the text
 * parser would. Text chunks are encoded (a character split between two of them is kept whole; a lone
 * surrogate, which is not text, becomes U+FFFD). @internal
 */
export async function* byteChunks(input: CsvInput): AsyncGenerator<Uint8Array, void, undefined> {
  const encoder = new TextEncoder();
  if (typeof input === 'string') {
    yield encoder.encode(input);
    return;
  }
  let decoderStart = true; // the next byte chunk begins the byte stream a decoder would see
  let held: Uint8Array | null = null; // the first bytes, held until it is clear whether they are a mark
  let highSurrogate = ''; // the first half of a character split between two text chunks
  for await (const chunk of input as AsyncIterable<CsvChunk>) {
    if (typeof chunk === 'string') {
      let text = highSurrogate + chunk;
      highSurrogate = '';
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) {
        highSurrogate = text.slice(-1);
        text = text.slice(0, -1);
      }
      if (text !== '') yield encoder.encode(text);
      continue;
    }
    if (highSurrogate !== '') {
      yield encoder.encode(highSurrogate);
      highSurrogate = '';
    }
    // A plain Uint8Array view of a Node Buffer: one kind of array keeps the byte reader's loops monomorphic.
    let bytes = chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (decoderStart) {
      if (held !== null) bytes = concat(held, bytes);
      held = null;
      if (bytes.length < 3 && isBomPrefix(bytes)) {
        held = bytes;
        continue;
      }
      decoderStart = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (bytes.length > 0) yield bytes;
  }
  if (held !== null && held.length > 0) yield held;
  if (highSurrogate !== '') yield encoder.encode(highSurrogate);
}

/**
 * Whether text can be read as UTF-8 bytes without a change: it holds no lone surrogate (which encoding
 * would turn into U+FFFD). Text that is not is read by the text parser instead. @internal
 */
export function encodesExactly(input: CsvInput): boolean {
  if (typeof input !== 'string') return true;
  const check = (input as { isWellFormed?: () => boolean }).isWellFormed;
  return check === undefined ? !/[\uD800-\uDFFF]/.test(input.replace(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g, '')) : check.call(input);
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
