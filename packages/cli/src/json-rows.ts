/**
 * Flat JSON rows (strings, numbers, instants, nulls) stated once as fields, and written two ways from that
 * statement: as objects ({@link jsonRowOf}, what the CSV and the dashboard read) and, for a long list, straight
 * into bytes ({@link renderJsonRowBytes}): the text `renderJsonParts` makes of the same objects, without an
 * object, an ISO string or a `JSON.stringify` per row (half a million rows of `panopticon attention` spent
 * most of their output time on those). Platform-neutral: TextEncoder and TextDecoder only.
 *
 * @module
 */
import { MS_PER_DAY, formatDayNumber } from '@panopticon/core';
import { isoString, jsonListFrame } from './format.js';

/**
 * One field of a flat JSON row: its key and its value, a string, a number (non-finite numbers are null, as in
 * JSON) or an instant (written as its ISO string); `null` or `undefined` is written as null.
 */
export type JsonRowField<R> =
  | { key: string; kind: 'string'; value: (row: R) => string | null | undefined }
  | { key: string; kind: 'number'; value: (row: R) => number | null | undefined }
  | { key: string; kind: 'instant'; value: (row: R) => Date | null | undefined };

/** The row as an object: each field's key, in order, with its JSON value (an instant as its ISO string). */
export function jsonRowOf<R>(fields: readonly JsonRowField<R>[], row: R): Record<string, string | number | null> {
  const object: Record<string, string | number | null> = {};
  for (const field of fields) {
    const v = field.value(row as never);
    object[field.key] = v === null || v === undefined ? null : v instanceof Date ? isoString(v) : v;
  }
  return object;
}

/** The size of a part: the bytes written before they are decoded and handed on. */
const PART_BYTES = 1 << 20;
const QUOTE = 34;
const BACKSLASH = 92;

/**
 * `renderJsonParts(head, key, rows, (row) => jsonRowOf(fields, row))` as UTF-8, byte for byte (parts may split the
 * text elsewhere, always between rows), written into bytes: a string with no character JSON escapes and no
 * surrogate is encoded as it is, any other through `JSON.stringify`; an instant's date through `formatDayNumber`,
 * its time of day by digits. Each part is a new array, never written to again (a stream may hold it until it is
 * written out).
 */
export function* renderJsonRowBytes<R>(
  head: Record<string, unknown>,
  key: string,
  rows: readonly R[],
  fields: readonly JsonRowField<R>[],
): Generator<Uint8Array> {
  const frame = jsonListFrame(head, key);
  const out = new JsonBytes();
  if (rows.length === 0) {
    yield out.utf8(frame.empty);
    return;
  }
  yield out.utf8(frame.open);
  // Each field's bytes before its value: the row's opening brace before the first, a comma before the others.
  const before = fields.map((f, i) => out.utf8(`${i === 0 ? '    {\n' : ',\n'}      ${JSON.stringify(f.key)}: `));
  const rowEnd = out.utf8(fields.length === 0 ? '    {}' : '\n    }');
  const betweenRows = out.utf8(',\n');
  const nullBytes = out.utf8('null');
  const kinds = fields.map((f) => f.kind);
  const values = fields.map((f) => f.value as (row: R) => unknown);
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (r > 0) out.put(betweenRows);
    for (let f = 0; f < kinds.length; f++) {
      out.put(before[f]!);
      const v = values[f]!(row);
      if (v === null || v === undefined) out.put(nullBytes);
      else if (kinds[f] === 'string') out.string(v as string);
      else if (kinds[f] === 'number') out.number(v as number);
      else out.instant(v as Date);
    }
    out.put(rowEnd);
    if (out.at >= PART_BYTES) yield out.take();
  }
  out.put(out.utf8(frame.close));
  yield out.take();
}

/** UTF-8 parts as text, for a writer that takes strings: each part must end between characters, as those of {@link renderJsonRowBytes} do. */
export function* textParts(parts: Iterable<Uint8Array>): Generator<string> {
  const decoder = new TextDecoder();
  for (const part of parts) yield decoder.decode(part);
}

/** A growing buffer of JSON bytes, with a writer per kind of value (methods of one class: the row loop stays monomorphic). */
class JsonBytes {
  buf = new Uint8Array(PART_BYTES + (1 << 12));
  at = 0;
  private readonly encoder = new TextEncoder();
  private lastDay = Number.NaN;
  private dayBytes: Uint8Array = new Uint8Array(0);

  utf8(text: string): Uint8Array {
    return this.encoder.encode(text);
  }

  /** The bytes written so far; writing goes on in a new buffer. */
  take(): Uint8Array {
    const bytes = this.buf.subarray(0, this.at);
    this.buf = new Uint8Array(PART_BYTES + (1 << 12));
    this.at = 0;
    return bytes;
  }

  room(bytes: number): void {
    if (this.buf.length - this.at >= bytes) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + bytes));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  put(bytes: Uint8Array): void {
    this.room(bytes.length);
    const buf = this.buf;
    let at = this.at;
    for (let i = 0; i < bytes.length; i++) buf[at++] = bytes[i]!;
    this.at = at;
  }

  /** JSON text, as UTF-8. */
  text(json: string): void {
    this.room(json.length * 3);
    this.at += this.encoder.encodeInto(json, this.buf.subarray(this.at)).written;
  }

  /** A string: encoded as it is when it has no character JSON escapes and no surrogate, else as `JSON.stringify` writes it. */
  string(s: string): void {
    this.room(s.length * 3 + 2);
    const buf = this.buf;
    let at = this.at;
    buf[at++] = QUOTE;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === QUOTE || c === BACKSLASH) {
          this.text(JSON.stringify(s));
          return;
        }
        buf[at++] = c;
      } else if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
        buf[at++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[at++] = 0xe0 | (c >> 12);
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
        buf[at++] = 0x80 | (c & 0x3f);
      } else {
        // A surrogate: a pair is four bytes, a lone one is escaped.
        this.text(JSON.stringify(s));
        return;
      }
    }
    buf[at++] = QUOTE;
    this.at = at;
  }

  /** `n` in `width` digits, zero-padded (room made by the caller). */
  private digits(n: number, width: number): void {
    const buf = this.buf;
    for (let i = width - 1; i >= 0; i--) {
      buf[this.at + i] = 48 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.at += width;
  }

  /** A number as `JSON.stringify` writes it: small whole numbers by digits. */
  number(n: number): void {
    if (!(Number.isSafeInteger(n) && n >= 0 && n < 1e9)) {
      this.text(JSON.stringify(n));
      return;
    }
    this.room(16);
    let width = 1;
    while (width < 9 && n >= 10 ** width) width++;
    this.digits(n, width);
  }

  /** An instant as its quoted ISO string (isoString's): the date through `formatDayNumber`, once a day, the time by digits. */
  instant(date: Date): void {
    const ms = date.getTime();
    const day = Math.floor(ms / MS_PER_DAY);
    // 1970-01-01 … 9999-12-31 by digits; anything else (and an invalid date, which throws) as isoString writes it.
    if (!(day >= 0 && day < 2_932_897)) {
      this.text(JSON.stringify(isoString(date)));
      return;
    }
    if (day !== this.lastDay) {
      this.lastDay = day;
      this.dayBytes = this.utf8(formatDayNumber(day));
    }
    const t = ms - day * MS_PER_DAY;
    this.room(40);
    this.buf[this.at++] = QUOTE;
    this.put(this.dayBytes);
    this.buf[this.at++] = 84; // T
    this.digits(Math.floor(t / 3_600_000), 2);
    this.buf[this.at++] = 58; // :
    this.digits(Math.floor(t / 60_000) % 60, 2);
    this.buf[this.at++] = 58;
    this.digits(Math.floor(t / 1000) % 60, 2);
    this.buf[this.at++] = 46; // .
    this.digits(t % 1000, 3);
    this.buf[this.at++] = 90; // Z
    this.buf[this.at++] = QUOTE;
  }
}
