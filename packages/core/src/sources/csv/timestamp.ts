import { MS_PER_DAY, daysFromCivil, daysInMonth } from '../../time/civil.js';
import { DayOffsets } from '../../time/day-offsets.js';
import type { Zone } from '../../time/zone.js';
import { getZone } from '../../time/zone.js';

/**
 * A timestamp reader bound to one time zone: text in, epoch milliseconds (or null) out.
 *
 * @example
 * ```ts
 * const parse: TimestampParser = createTimestampParser('America/New_York');
 * parse('2026-10-31 09:15'); // Date.UTC(2026, 9, 31, 13, 15)
 * ```
 */
export type TimestampParser = (text: string) => number | null;

/**
 * A {@link parseTimestamp} bound to one time zone, resolved once: the form to use per row of a large file.
 * Throws a `RangeError` when `timeZone` is not an IANA time zone.
 *
 * @example
 * ```ts
 * const parse = createTimestampParser('America/New_York');
 * parse('2025-03-09 02:30'); // spring-forward gap: 03:30 EDT, Date.UTC(2025, 2, 9, 7, 30)
 * ```
 */
export function createTimestampParser(timeZone: string): TimestampParser {
  const parser = new ByteTimestampParser(getZone(timeZone));
  return (text) => parseText(parser, text);
}

/**
 * The instant (epoch milliseconds) a timestamp of an input file denotes, or null when the text is not one
 * of the accepted forms or names an impossible date or time.
 *
 * Accepted (surrounding spaces ignored):
 * - `YYYY-MM-DD`: the start of that day in `timeZone` (the first instant of the day, when midnight falls
 *   in a DST gap);
 * - `YYYY-MM-DD HH:MM`, `YYYY-MM-DD HH:MM:SS`, `YYYY-MM-DD HH:MM:SS.fff` (1–9 fraction digits, `.` or `,`;
 *   read to the millisecond, truncated), with ` ` or `T` between date and time;
 * - any of the timed forms followed by `Z` or an offset `±HH:MM`, `±HHMM` or `±HH` (optionally after one
 *   space): an exact instant, whatever `timeZone` is.
 *
 * Without an offset the time is wall-clock time in `timeZone`: a time that occurs twice (DST fall-back) is
 * the earlier instant; one that does not exist (spring-forward gap) is moved forward by the gap.
 * Ranges are checked: month 1–12, a day that exists in that month, hour 0–23, minute and second 0–59,
 * offset hours 0–23.
 *
 * Scans by char code without regular expressions or `Date.parse`, so it is cheap enough to call per field.
 *
 * @example
 * ```ts
 * parseTimestamp('2025-01-15 09:30', 'Asia/Kolkata'); // Date.UTC(2025, 0, 15, 4, 0)
 * parseTimestamp('2025-01-15T09:30:00+05:30', 'UTC'); // Date.UTC(2025, 0, 15, 4, 0)
 * parseTimestamp('2025-02-30', 'UTC'); // null
 * ```
 */
export function parseTimestamp(text: string, timeZone: string): number | null {
  return parseText(timestampParser(getZone(timeZone)), text);
}

// One parser per zone: its day table is then made once, not per call or per piece of a file.
const parsers = new WeakMap<Zone, ByteTimestampParser>();

/** The parser of a zone, shared (it keeps nothing of what it reads but the zone's day table). @internal */
export function timestampParser(zone: Zone): ByteTimestampParser {
  let parser = parsers.get(zone);
  if (parser === undefined) parsers.set(zone, (parser = new ByteTimestampParser(zone)));
  return parser;
}
let scratch = new Uint8Array(64);

/**
 * The text's characters as bytes, read by the byte parser. A character beyond ASCII can stand nowhere in
 * a timestamp (every position takes a digit, a separator, a sign, a zone letter or padding), so text
 * holding one is not a timestamp. @internal
 */
export function parseText(parser: TimestampBytesReader, text: string): number | null {
  const n = text.length;
  if (n > scratch.length) scratch = new Uint8Array(n * 2);
  const bytes = scratch;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return null;
    bytes[i] = c;
  }
  const value = parser.parse(bytes, 0, n);
  return value === value ? value : null;
}

const ZERO = 48;
const DASH = 45;
const PLUS = 43;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const TAB = 9;
const UPPER_T = 84;
const LOWER_T = 116;
const UPPER_Z = 90;
const LOWER_Z = 122;

// Day numbers of the first of each month for years 1900–2199, filled on first use.
const FIRST_YEAR = 1900;
const YEARS = 300;
const MONTH_STARTS = new Int32Array(YEARS * 12).fill(-0x7fffffff);

/** Day number of `year-month-01`, from the table when the year is in its range. */
function monthStart(year: number, month: number): number {
  const k = (year - FIRST_YEAR) * 12 + month - 1;
  if (k < 0 || k >= YEARS * 12) return daysFromCivil(year, month, 1);
  let v = MONTH_STARTS[k]!;
  if (v === -0x7fffffff) {
    v = daysFromCivil(year, month, 1);
    MONTH_STARTS[k] = v;
  }
  return v;
}

/** What reads a timestamp from bytes: {@link ByteTimestampParser}, or a column's date format (date-formats.ts). @internal */
export interface TimestampBytesReader {
  /** The instant (epoch ms) of the text in `buf[start, end)`, or NaN when it is not a timestamp. */
  parse(buf: Uint8Array, start: number, end: number): number;
}

/**
 * The timestamp grammar of {@link parseTimestamp}, read from UTF-8 bytes without making a string (the text
 * entry points above copy their characters into bytes and call it). Bound to one zone; naive times are
 * resolved through {@link DayOffsets}, so a row costs a table look-up instead of a zone search. @internal
 */
export class ByteTimestampParser implements TimestampBytesReader {
  /**
   * How many wall-clock times read so far fell in a spring-forward gap (and were moved forward): the
   * readers compare it before and after a row, to warn about that row. Counted only on transition days.
   */
  gaps = 0;
  private readonly days: DayOffsets;
  /** The instant {@link common} read last. */
  private value = Number.NaN;

  constructor(readonly zone: Zone) {
    this.days = new DayOffsets(zone);
  }

  /** The instant (epoch ms) of the text in `buf[start, end)`, or NaN when it is not a timestamp. */
  parse(buf: Uint8Array, start: number, end: number): number {
    // The common form first, `YYYY-MM-DD HH:MM:SS` exactly (what exports write), or with `.mmm` (what typed times are written as:
    // tables/csv-cells.ts): fixed positions, no padding to trim. It gives what the general reading below gives for the same bytes.
    const n = end - start;
    if (
      (n === 19 || (n === 23 && buf[start + 19] === DOT)) &&
      buf[start + 10] === SPACE &&
      buf[start + 13] === COLON &&
      buf[start + 16] === COLON
    ) {
      if (this.common(buf, start, n === 23)) return this.value;
    }
    return this.general(buf, start, end);
  }

  /** Any accepted form (small {@link parse} can be inlined into its callers, and its result is then not boxed). */
  private general(buf: Uint8Array, start: number, end: number): number {
    let s = start;
    let e = end;
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    if (e - s < 10) return Number.NaN;

    const century = digits2(buf, s, e);
    const yy = digits2(buf, s + 2, e);
    const month = digits2(buf, s + 5, e);
    const day = digits2(buf, s + 8, e);
    if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return Number.NaN;
    if (buf[s + 4] !== DASH || buf[s + 7] !== DASH) return Number.NaN;
    const year = century * 100 + yy;
    if (day > daysInMonth(year, month)) return Number.NaN;
    const dayNumber = monthStart(year, month) + day - 1;
    const dayStart = dayNumber * MS_PER_DAY;

    let i = s + 10;
    if (i === e) return this.naive(dayStart, dayNumber);

    const separator = buf[i];
    if (separator !== SPACE && separator !== UPPER_T && separator !== LOWER_T) return Number.NaN;
    const hour = digits2(buf, i + 1, e);
    const minute = digits2(buf, i + 4, e);
    if (hour < 0 || hour > 23 || at(buf, i + 3, e) !== COLON || minute < 0 || minute > 59) return Number.NaN;
    i += 6;
    let second = 0;
    let millisecond = 0;
    if (i < e && buf[i] === COLON) {
      second = digits2(buf, i + 1, e);
      if (second < 0 || second > 59) return Number.NaN;
      i += 3;
      const mark = i < e ? buf[i] : 0;
      if (mark === DOT || mark === COMMA) {
        i++;
        let scale = 100;
        const first = i;
        while (i < e) {
          const d = buf[i]! - ZERO;
          if (d < 0 || d > 9) break;
          millisecond += d * scale;
          scale /= 10;
          i++;
        }
        const count = i - first;
        if (count === 0 || count > 9) return Number.NaN;
        millisecond = Math.floor(millisecond);
      }
    }
    if (i > e) return Number.NaN;
    const local = dayStart + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
    if (i === e) return this.naive(local, dayNumber);

    if (buf[i] === SPACE) i++;
    const sign = at(buf, i, e);
    if ((sign === UPPER_Z || sign === LOWER_Z) && i + 1 === e) return local;
    if (sign !== PLUS && sign !== DASH) return Number.NaN;
    const offsetHours = digits2(buf, i + 1, e);
    if (offsetHours < 0 || offsetHours > 23) return Number.NaN;
    let offsetMinutes = 0;
    let stop = i + 3;
    if (stop < e) {
      if (buf[stop] === COLON) stop++;
      offsetMinutes = digits2(buf, stop, e);
      if (offsetMinutes < 0 || offsetMinutes > 59) return Number.NaN;
      stop += 2;
    }
    if (stop !== e) return Number.NaN;
    const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
    return sign === PLUS ? local - offset : local + offset;
  }

  /**
   * Reads `YYYY-MM-DD HH:MM:SS` at `s` (separators at 10, 13 and 16 already checked), and `.mmm` after it when `millis` (the dot
   * checked), into {@link value}; false for anything else. The instant goes through a field, not the return value: a double returned
   * from a call that is not inlined is boxed, once per timestamp.
   */
  private common(buf: Uint8Array, s: number, millis: boolean): boolean {
    const y0 = buf[s]! - ZERO;
    const y1 = buf[s + 1]! - ZERO;
    const y2 = buf[s + 2]! - ZERO;
    const y3 = buf[s + 3]! - ZERO;
    const m0 = buf[s + 5]! - ZERO;
    const m1 = buf[s + 6]! - ZERO;
    const d0 = buf[s + 8]! - ZERO;
    const d1 = buf[s + 9]! - ZERO;
    const h0 = buf[s + 11]! - ZERO;
    const h1 = buf[s + 12]! - ZERO;
    const i0 = buf[s + 14]! - ZERO;
    const i1 = buf[s + 15]! - ZERO;
    const s0 = buf[s + 17]! - ZERO;
    const s1 = buf[s + 18]! - ZERO;
    // Every one a digit: unsigned, each is at most 9 (a byte below '0' wraps to a large number).
    if ((y0 | y1 | y2 | y3 | m0 | m1 | d0 | d1 | h0 | h1 | i0 | i1 | s0 | s1) >>> 0 > 15) return false;
    if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return false;
    if (h0 > 9 || h1 > 9 || i0 > 9 || i1 > 9 || s0 > 9 || s1 > 9) return false;
    if (buf[s + 4] !== DASH || buf[s + 7] !== DASH) return false;
    const year = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const month = m0 * 10 + m1;
    const day = d0 * 10 + d1;
    const hour = h0 * 10 + h1;
    const minute = i0 * 10 + i1;
    const second = s0 * 10 + s1;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
    let millisecond = 0;
    if (millis) {
      const f0 = buf[s + 20]! - ZERO;
      const f1 = buf[s + 21]! - ZERO;
      const f2 = buf[s + 22]! - ZERO;
      if ((f0 | f1 | f2) >>> 0 > 15 || f0 > 9 || f1 > 9 || f2 > 9) return false;
      millisecond = f0 * 100 + f1 * 10 + f2;
    }
    const dayNumber = monthStart(year, month) + day - 1;
    this.value = this.naive(dayNumber * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond, dayNumber);
    return true;
  }

  /** A wall-clock time in the zone: `Zone.fromLocal`, by the day table where the day allows. */
  private naive(local: number, dayNumber: number): number {
    const offset = this.days.offsetOfDay(dayNumber);
    return offset === offset ? local - offset : this.transitionDay(local);
  }

  /** A wall-clock time on a day with a transition, counting it in {@link gaps} when it does not exist. */
  private transitionDay(local: number): number {
    const at = this.zone.fromLocal(local);
    if (this.zone.toLocal(at) !== local) this.gaps++;
    return at;
  }

  /** The instant of wall-clock time `local` (ms since the epoch of the wall clock) on day `dayNumber`, for other date formats. */
  wallTime(local: number, dayNumber: number): number {
    return this.naive(local, dayNumber);
  }
}

/** Two digits at `i` (before `e`) as a number, or -1. */
function digits2(buf: Uint8Array, i: number, e: number): number {
  if (i + 2 > e) return -1;
  const a = buf[i]! - ZERO;
  const b = buf[i + 1]! - ZERO;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function at(buf: Uint8Array, i: number, e: number): number {
  return i < e ? buf[i]! : -1;
}
