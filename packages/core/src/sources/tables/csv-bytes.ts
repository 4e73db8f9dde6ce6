import { civilFromDays } from '../../time/civil.js';
import type { CellKind } from './csv-cells.js';
import { cellText, csvQuote } from './csv-cells.js';

const DAY_MS = 86_400_000;
const DAY_SLOTS = 4096;

/**
 * Writes the CSV of a typed table as UTF-8 bytes, cell by cell, into one reused buffer: the same text as `csvLine` of `cellText`, without a
 * string per line or per time (a million rows of times would otherwise be millions of short strings). @internal
 */
export class CsvBytesWriter {
  private buf = new Uint8Array(1 << 20);
  private at = 0;
  private first = true;
  private readonly delimiter: Uint8Array;
  // The delimiter's byte when it is one ASCII byte (written as such), else -1.
  private readonly delimiterByte: number;
  private readonly encoder = new TextEncoder();
  // Times fall on a few hundred days, in runs or not: the `YYYY-MM-DD` bytes of DAY_SLOTS days are kept, each in the slot of its day
  // number modulo DAY_SLOTS (computing a date costs as much as the rest of a time).
  private readonly slotDays = new Float64Array(DAY_SLOTS).fill(Number.NaN);
  private readonly dayBytes = new Uint8Array(DAY_SLOTS * 10);

  constructor(private readonly delimiterText: string) {
    this.delimiter = this.encoder.encode(delimiterText);
    this.delimiterByte = this.delimiter.length === 1 && this.delimiter[0]! < 0x80 ? this.delimiter[0]! : -1;
  }

  /** How many bytes are waiting. */
  get size(): number {
    return this.at;
  }

  /** Appends a cell (after a delimiter, unless it is the line's first). */
  cell(value: unknown, kind: CellKind): void {
    if (!this.first) {
      // One byte written as such: `set` costs more than the byte.
      if (this.delimiterByte >= 0) {
        this.room(1);
        this.buf[this.at++] = this.delimiterByte;
      } else this.bytes(this.delimiter);
    }
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
    const slot = day & (DAY_SLOTS - 1);
    if (this.slotDays[slot] !== day && !this.setDay(day, slot)) return false;
    this.room(24);
    const { buf, dayBytes } = this;
    let at = this.at;
    for (let i = slot * 10, last = i + 10; i < last; i++) buf[at++] = dayBytes[i]!;
    if (kind !== 'date') {
      // In int32 arithmetic (the time of day is below 86,400,000 ms): a remainder of doubles is a call to the C library.
      const inDay = (t - day * DAY_MS) | 0;
      const seconds = (inDay / 1000) | 0;
      const minutes = (seconds / 60) | 0;
      const hours = (minutes / 60) | 0;
      const milli = inDay - seconds * 1000;
      const centis = (milli / 100) | 0;
      buf[at++] = kind === 'instant' ? 84 : 32; // 'T' or ' '
      at = two(buf, at, hours);
      buf[at++] = 58;
      at = two(buf, at, minutes - hours * 60);
      buf[at++] = 58;
      at = two(buf, at, seconds - minutes * 60);
      buf[at++] = 46;
      buf[at++] = 48 + centis;
      at = two(buf, at, milli - centis * 100);
      if (kind === 'instant') buf[at++] = 90; // 'Z'
    }
    this.at = at;
    return true;
  }

  /** The civil date of a day number (time/civil.ts) as bytes; false outside the years 0000–9999. */
  private setDay(day: number, slot: number): boolean {
    const { year: y, month: m, day: d } = civilFromDays(day);
    if (y < 0 || y > 9999) return false;
    const b = this.dayBytes;
    const at = slot * 10;
    const century = (y / 100) | 0;
    two(b, two(b, at, century), y - century * 100);
    b[at + 4] = 45;
    two(b, at + 5, m);
    b[at + 7] = 45;
    two(b, at + 8, d);
    this.slotDays[slot] = day;
    return true;
  }
}

/** Two decimal digits of `n` (0–99) at `at`; the position after them. */
function two(buf: Uint8Array, at: number, n: number): number {
  const tens = (n / 10) | 0;
  buf[at] = 48 + tens;
  buf[at + 1] = 48 + n - tens * 10;
  return at + 2;
}
