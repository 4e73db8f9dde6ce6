import { csvMessages } from '../messages.js';
import { concatBytes } from './csv-file-input.js';

/**
 * The text encodings a CSV file may be in. `auto` (the default) reads UTF-8, with or without a byte-order
 * mark; UTF-16 (little- or big-endian) when the file starts with its byte-order mark; and Windows-1252
 * when the first byte that is not ASCII is not UTF-8 (a Latin-1 / Windows-1252 export of Excel or an older
 * CRM). `latin1`, `iso-8859-1` and `cp1252` name Windows-1252, as browsers read them.
 *
 * @example
 * ```ts
 * const encoding: CsvEncoding = 'windows-1252';
 * ```
 */
export type CsvEncoding = 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'latin1' | 'iso-8859-1' | 'cp1252';

/**
 * Every accepted {@link CsvEncoding}, for option checks and help texts.
 *
 * @example
 * ```ts
 * CSV_ENCODINGS.includes('utf-16le'); // true
 * ```
 */
export const CSV_ENCODINGS: readonly CsvEncoding[] = [
  'auto',
  'utf-8',
  'utf-16le',
  'utf-16be',
  'windows-1252',
  'latin1',
  'iso-8859-1',
  'cp1252',
];

/** Throws a `RangeError` for an encoding that is not a {@link CsvEncoding}. @internal */
export function assertEncoding(encoding: string | undefined): void {
  if (encoding !== undefined && !(CSV_ENCODINGS as readonly string[]).includes(encoding.toLowerCase())) {
    throw new RangeError(csvMessages.badEncoding(encoding, CSV_ENCODINGS));
  }
}

/** What the decoder tells the file's log: how it read the file, and bytes it had to replace. @internal */
export interface EncodingReport {
  /** The file is read as `encoding` (not UTF-8), for the reason given. */
  detected(encoding: string, why: string, line: number | undefined): void;
  /** `count` bytes were replaced by U+FFFD, the first on `line`. */
  replaced(count: number, encoding: string, line: number): void;
  /**
   * The line the next bytes start on: the CSV reader's count, read lazily; undefined while the bytes are
   * read ahead of the reader (the decoder then counts the lines it gave).
   */
  line(): number | undefined;
  /** The encoding the bytes are read in so far: `auto` until a byte beyond ASCII decides it. */
  mode?(mode: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'): void;
}

type Validator = (bytes: Uint8Array) => boolean;
interface Checks {
  utf8: Validator;
  ascii: Validator;
}
let checks: Checks | undefined;
/**
 * Node's native checks (`node:buffer`, loaded lazily so that browsers can import the library: a file of
 * ASCII then costs a few milliseconds per 100 MB), else the same checks in JavaScript.
 */
async function loadChecks(): Promise<Checks> {
  if (checks === undefined) {
    checks = { utf8: decodesAsUtf8, ascii: isAscii };
    try {
      const { isUtf8, isAscii: nativeAscii } = await import('node:buffer');
      if (typeof isUtf8 === 'function' && typeof nativeAscii === 'function') checks = { utf8: isUtf8, ascii: nativeAscii };
    } catch {
      // Not Node: the JavaScript checks.
    }
  }
  return checks;
}

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
function decodesAsUtf8(bytes: Uint8Array): boolean {
  try {
    fatalUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

// Windows-1252's bytes 0x80–0x9F (WHATWG): the rest of the 256 are Latin-1, code point = byte.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];
/** Each byte's UTF-8 bytes in Windows-1252. */
const CP1252_UTF8: Uint8Array[] = Array.from({ length: 256 }, (_, b) =>
  new TextEncoder().encode(String.fromCharCode(b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80]! : b)),
);

/** Windows-1252 bytes as UTF-8 (ASCII runs copied as they are). @internal */
export function windows1252ToUtf8(bytes: Uint8Array): Uint8Array {
  let extra = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) extra += CP1252_UTF8[bytes[i]!]!.length - 1;
  if (extra === 0) return bytes;
  const out = new Uint8Array(bytes.length + extra);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) out[o++] = b;
    else {
      const seq = CP1252_UTF8[b]!;
      for (let k = 0; k < seq.length; k++) out[o++] = seq[k]!;
    }
  }
  return out;
}

/**
 * The file's bytes as UTF-8, whatever its encoding ({@link CsvEncoding}); the bytes come from `byteChunks`
 * (a UTF-8 byte-order mark already removed). UTF-8 input passes through unchanged, checked a piece at a
 * time (natively where Node is there). A byte that is not text is never turned into U+FFFD in silence:
 * in `auto` mode, a file whose first piece holding bytes beyond ASCII (a file's first MiB, usually) is not
 * UTF-8 is read as Windows-1252 from its start (every byte before was ASCII, which reads the same), with
 * an `info` saying so; any other replaced
 * byte (in a file that also holds valid UTF-8 beyond ASCII, or in a forced UTF-8 or UTF-16 file) is a
 * `replaced-bytes` warning with its line. @internal
 */
export async function* decodeToUtf8(
  chunks: AsyncIterable<Uint8Array>,
  encoding: CsvEncoding,
  report: EncodingReport,
): AsyncGenerator<Uint8Array, void, undefined> {
  let mode = normalize(encoding);
  const { utf8: valid, ascii } = await loadChecks();
  report.mode?.(mode);
  let first = true;
  let sawNonAscii = false;
  let tail: Uint8Array | null = null; // the start of a UTF-8 character cut at the end of the last piece
  let utf16: TextDecoder | null = null;
  const encoder = new TextEncoder();
  let readAhead = 1; // the line after the bytes given so far, counted while the reader has not read them
  const given = (bytes: Uint8Array): Uint8Array => {
    if (report.line() === undefined) readAhead += countLineFeeds(bytes, bytes.length);
    return bytes;
  };
  const lineNow = (): number => report.line() ?? readAhead;

  let start: Uint8Array | null = null; // the first bytes, held until there are two (a UTF-16 mark)
  for await (const chunk of chunks) {
    let bytes = chunk;
    if (first) {
      start = start === null ? chunk.slice() : concatBytes(start, chunk);
      if (start.length < 2) continue;
      bytes = start;
      start = null;
      first = false;
      const le = bytes[0] === 0xff && bytes[1] === 0xfe;
      const be = bytes[0] === 0xfe && bytes[1] === 0xff;
      if (mode === 'auto' && (le || be)) {
        mode = le ? 'utf-16le' : 'utf-16be';
        report.detected(le ? 'UTF-16 LE' : 'UTF-16 BE', 'because the file starts with its byte-order mark', undefined);
      }
      if (mode === 'utf-16le' || mode === 'utf-16be') utf16 = new TextDecoder(mode);
      report.mode?.(mode);
    }
    if (utf16 !== null) {
      const text = utf16.decode(bytes, { stream: true });
      if (text.length > 0) yield given(encodeChecked(text, encoder, lineNow(), report, 'UTF-16'));
      continue;
    }
    if (mode === 'windows-1252') {
      yield given(windows1252ToUtf8(bytes));
      continue;
    }
    if (tail !== null) {
      bytes = concatBytes(tail, bytes);
      tail = null;
    }
    const cut = bytes.length - incompleteTail(bytes);
    if (cut < bytes.length) {
      tail = bytes.slice(cut);
      bytes = bytes.subarray(0, cut);
    }
    if (bytes.length === 0) continue;
    // One native pass for a piece of ASCII (most exports): ASCII is UTF-8.
    if (ascii(bytes)) {
      yield given(bytes);
      continue;
    }
    if (valid(bytes)) {
      if (!sawNonAscii && mode === 'auto') report.mode?.('utf-8');
      sawNonAscii = true;
      yield given(bytes);
      continue;
    }
    const bad = firstInvalidUtf8(bytes);
    const line = lineNow() + countLineFeeds(bytes, bad);
    // Every byte before this piece was ASCII, so reading the file as Windows-1252 from its start changes
    // nothing already read; a sequence of this piece that looked like UTF-8 ("ß€" is DF 80) was 1252 too.
    if (mode === 'auto' && !sawNonAscii) {
      mode = 'windows-1252';
      report.mode?.(mode);
      report.detected(
        'Windows-1252 (Latin-1)',
        `because byte 0x${bytes[bad]!.toString(16).toUpperCase()} on line ${line} is not UTF-8`,
        line,
      );
      // A held "character start" is Windows-1252 too: it goes with these bytes.
      yield given(windows1252ToUtf8(tail === null ? bytes : concatBytes(bytes, tail)));
      tail = null;
      continue;
    }
    sawNonAscii = true;
    const { out, replaced } = replaceInvalidUtf8(bytes);
    report.replaced(replaced, 'UTF-8', line);
    yield given(out);
  }
  if (start !== null && start.length > 0) {
    // A file of one byte.
    if (start[0]! < 0x80 || mode === 'windows-1252') yield given(windows1252ToUtf8(start));
    else if (mode === 'auto') {
      report.detected('Windows-1252 (Latin-1)', `because byte 0x${start[0]!.toString(16).toUpperCase()} on line 1 is not UTF-8`, 1);
      yield given(windows1252ToUtf8(start));
    } else {
      report.replaced(1, 'UTF-8', 1);
      yield given(Uint8Array.from(REPLACEMENT));
    }
  }
  if (utf16 !== null) {
    const rest = utf16.decode();
    if (rest.length > 0) yield given(encodeChecked(rest, encoder, lineNow(), report, 'UTF-16'));
  } else if (tail !== null) {
    // The file ends inside a character.
    const line = lineNow();
    if (mode === 'windows-1252') yield given(windows1252ToUtf8(tail));
    else {
      const { out, replaced } = replaceInvalidUtf8(tail);
      report.replaced(replaced, 'UTF-8', line);
      yield given(out);
    }
  }
}

function normalize(encoding: CsvEncoding): 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' {
  const e = encoding.toLowerCase();
  if (e === 'latin1' || e === 'iso-8859-1' || e === 'cp1252' || e === 'windows-1252') return 'windows-1252';
  return e as 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be';
}

/** Text decoded from UTF-16 as UTF-8 bytes; a U+FFFD the decoder put for a lone surrogate is reported. */
function encodeChecked(text: string, encoder: TextEncoder, startLine: number, report: EncodingReport, encoding: string): Uint8Array {
  const at = text.indexOf('\uFFFD');
  if (at >= 0) {
    let count = 0;
    for (let i = at; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
    let line = startLine;
    for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
    report.replaced(count, encoding, line);
  }
  return encoder.encode(text);
}

/** How many bytes at the end start a UTF-8 character that the next piece completes (0–3). */
function incompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  let k = n;
  while (k > 0 && n - k < 3 && (bytes[k - 1]! & 0xc0) === 0x80) k--;
  if (k === 0) return 0;
  const lead = bytes[k - 1]!;
  if (lead < 0xc0) return 0;
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
  return n - (k - 1) < length ? n - (k - 1) : 0;
}

function isAscii(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return false;
  return true;
}

/** The length of the valid UTF-8 sequence at `i`, or 0. */
function sequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k]! & 0xc0) === 0x80;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const c = bytes[i + 1] ?? 0;
    if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return 0;
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const c = bytes[i + 1] ?? 0;
    if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) return i;
    i += n;
  }
  return bytes.length;
}

const REPLACEMENT = [0xef, 0xbf, 0xbd];
/** The bytes with each byte that starts no valid UTF-8 sequence replaced by U+FFFD, and how many were. */
function replaceInvalidUtf8(bytes: Uint8Array): { out: Uint8Array; replaced: number } {
  const out: number[] = [];
  let replaced = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sequenceAt(bytes, i);
    if (n === 0) {
      out.push(...REPLACEMENT);
      replaced++;
      i++;
    } else {
      for (let k = 0; k < n; k++) out.push(bytes[i + k]!);
      i += n;
    }
  }
  return { out: Uint8Array.from(out), replaced };
}

function countLineFeeds(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = bytes.indexOf(10); i >= 0 && i < end; i = bytes.indexOf(10, i + 1)) n++;
  return n;
}
