import { civilFromDays } from '../../time/civil.js';
import type { CellKind } from './csv-cells.js';
import { cellText, csvQuote } from './csv-cells.js';

const DAY_MS = 86_400_000;

/**
 * Writes the CSV of a typed table as UTF-8 bytes, cell by cell, into one reused buffer: the same text as `csvLine` of `cellText`, without a
 * string per line or per time (a million rows of times would otherwise be millions of short strings). @internal
 */
export class CsvBytesWriter {
  private buf = new Uint8Array(1 << 20);
  private at = 0;
  private first = true;
  private readonly delimiter: Uint8Array;
  private readonly encoder = new TextEncoder();
  // Times of one column come in runs of a day: the day's `YYYY-MM-DD` bytes are kept.
  private lastDay = Number.NaN;
  private readonly dayBytes = new Uint8Array(10);

  constructor(private readonly delimiterText: string) {
    this.delimiter = this.encoder.encode(delimiterText);
  }

  /** How many bytes are waiting. */
  get size(): number {
    return this.at;
  }

  /** Appends a cell (after a delimiter, unless it is the line's first). */
  cell(value: unknown, kind: CellKind): void {
    if (!this.first) this.bytes(this.delimiter);
    this.first = false;
    if (value === null || value === undefined) return;
    if (kind !== 'value' && typeof value === 'number' && this.time(value, kind)) return;
    this.text(csvQuote(cellText(value, kind), this.delimiterText));
  }

  /** Ends the line. */
  line(): void {
    this.room(1);
    this.buf[this.at++] = 10;
    this.first = true;
  }

  /** The bytes written since the last call. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.at);
    this.at = 0;
    return out;
  }

  private room(n: number): void {
    if (this.at + n <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(this.buf.length * 2, this.at + n));
    grown.set(this.buf.subarray(0, this.at));
    this.buf = grown;
  }

  private bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }

  private text(s: string): void {
    this.room(s.length * 3);
    const { buf } = this;
    let at = this.at;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        // Not ASCII: the encoder writes the rest (surrogate pairs, replacement of lone ones, as TextEncoder does for a CSV string).
        at += this.encoder.encodeInto(s.slice(i), buf.subarray(at)).written;
        this.at = at;
        return;
      }
      buf[at++] = c;
    }
    this.at = at;
  }

  /** A time as `cellText` writes it, from its digits; false (nothing written) outside the years 0000–9999, left to `cellText`. */
  private time(ms: number, kind: Exclude<CellKind, 'value'>): boolean {
    if (!Number.isFinite(ms)) return false;
    const t = Math.floor(ms);
    const day = Math.floor(t / DAY_MS);
    if (day !== this.lastDay && !this.setDay(day)) return false;
    this.room(24);
    const { buf } = this;
    let at = this.at;
    buf.set(this.dayBytes, at);
    at += 10;
    if (kind !== 'date') {
      const inDay = t - day * DAY_MS;
      const seconds = Math.floor(inDay / 1000);
      buf[at++] = kind === 'instant' ? 84 : 32; // 'T' or ' '
      at = two(buf, at, Math.floor(seconds / 3600));
      buf[at++] = 58;
      at = two(buf, at, Math.floor(seconds / 60) % 60);
      buf[at++] = 58;
      at = two(buf, at, seconds % 60);
      buf[at++] = 46;
      const milli = inDay % 1000;
      buf[at++] = 48 + Math.floor(milli / 100);
      at = two(buf, at, milli % 100);
      if (kind === 'instant') buf[at++] = 90; // 'Z'
    }
    this.at = at;
    return true;
  }

  /** The civil date of a day number (time/civil.ts) as bytes; false outside the years 0000–9999. */
  private setDay(day: number): boolean {
    const { year: y, month: m, day: d } = civilFromDays(day);
    if (y < 0 || y > 9999) return false;
    const b = this.dayBytes;
    two(b, two(b, 0, Math.floor(y / 100)), y % 100);
    b[4] = 45;
    two(b, 5, m);
    b[7] = 45;
    two(b, 8, d);
    this.lastDay = day;
    return true;
  }
}

/** Two decimal digits of `n` (0–99) at `at`; the position after them. */
function two(buf: Uint8Array, at: number, n: number): number {
  buf[at] = 48 + Math.floor(n / 10);
  buf[at + 1] = 48 + (n % 10);
  return at + 2;
}
