import { MS_PER_DAY, daysFromCivil, daysInMonth } from '../../time/civil.js';
import { DayOffsets } from '../../time/day-offsets.js';
import type { Zone } from '../../time/zone.js';
import { getZone } from '../../time/zone.js';

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
  const zone = getZone(timeZone);
  // Naive times resolve through a per-day offset table: one zone search per day seen, not per row.
  const days = new DayOffsets(zone);
  return (text) => parseZoned(text, zone, days);
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
  return parseZoned(text, getZone(timeZone));
}

/** Two digits at `i` as a number, or -1 when either is not a digit. */
function digits2(text: string, i: number): number {
  const a = text.charCodeAt(i) - ZERO;
  const b = text.charCodeAt(i + 1) - ZERO;
  // Past the end charCodeAt gives NaN, which fails the range test like any non-digit.
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function isSpace(c: number): boolean {
  return c === SPACE || c === TAB;
}

/** `zone.fromLocal(local)`, through the day table when there is one and the day allows. */
function fromLocal(zone: Zone, days: DayOffsets | undefined, local: number, dayNumber: number): number {
  if (days !== undefined) {
    const offset = days.offsetOfDay(dayNumber);
    if (offset === offset) return local - offset;
  }
  return zone.fromLocal(local);
}

function parseZoned(text: string, zone: Zone, days?: DayOffsets): number | null {
  let s = 0;
  let e = text.length;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e - s < 10) return null;

  const century = digits2(text, s);
  const yy = digits2(text, s + 2);
  const month = digits2(text, s + 5);
  const day = digits2(text, s + 8);
  if (century < 0 || yy < 0 || month < 1 || month > 12 || day < 1) return null;
  if (text.charCodeAt(s + 4) !== DASH || text.charCodeAt(s + 7) !== DASH) return null;
  const year = century * 100 + yy;
  if (day > daysInMonth(year, month)) return null;
  const dayNumber = daysFromCivil(year, month, day);
  const dayStart = dayNumber * MS_PER_DAY;

  let i = s + 10;
  if (i === e) return fromLocal(zone, days, dayStart, dayNumber);

  const separator = text.charCodeAt(i);
  if (separator !== SPACE && separator !== UPPER_T && separator !== LOWER_T) return null;
  const hour = digits2(text, i + 1);
  const minute = digits2(text, i + 4);
  if (hour < 0 || hour > 23 || text.charCodeAt(i + 3) !== COLON || minute < 0 || minute > 59) return null;
  i += 6;
  let second = 0;
  let millisecond = 0;
  if (i < e && text.charCodeAt(i) === COLON) {
    second = digits2(text, i + 1);
    if (second < 0 || second > 59) return null;
    i += 3;
    const mark = i < e ? text.charCodeAt(i) : 0;
    if (mark === DOT || mark === COMMA) {
      i++;
      let scale = 100;
      const start = i;
      while (i < e) {
        const d = text.charCodeAt(i) - ZERO;
        if (d < 0 || d > 9) break;
        millisecond += d * scale;
        scale /= 10;
        i++;
      }
      const count = i - start;
      if (count === 0 || count > 9) return null;
      millisecond = Math.floor(millisecond);
    }
  }
  if (i > e) return null;
  const local = dayStart + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  if (i === e) return fromLocal(zone, days, local, dayNumber);

  if (text.charCodeAt(i) === SPACE) i++;
  const sign = text.charCodeAt(i);
  if ((sign === UPPER_Z || sign === LOWER_Z) && i + 1 === e) return local;
  if (sign !== PLUS && sign !== DASH) return null;
  const offsetHours = digits2(text, i + 1);
  if (offsetHours < 0 || offsetHours > 23) return null;
  let offsetMinutes = 0;
  let end = i + 3;
  if (end < e) {
    if (text.charCodeAt(end) === COLON) end++;
    offsetMinutes = digits2(text, end);
    if (offsetMinutes < 0 || offsetMinutes > 59) return null;
    end += 2;
  }
  if (end !== e) return null;
  const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
  return sign === PLUS ? local - offset : local + offset;
}
