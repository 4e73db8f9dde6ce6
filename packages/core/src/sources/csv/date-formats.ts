import { MS_PER_DAY, daysFromCivil, daysInMonth } from '../../time/civil.js';
import { csvMessages } from '../messages.js';
import { monthNameDate, monthNameDateEnd } from './month-name-dates.js';
import type { ByteTimestampParser, TimestampBytesReader } from './timestamp.js';

/**
 * How the timestamps of CSV files are read. `auto` (the default) detects each column's format from its
 * values (ISO 8601; US `MM/DD/YYYY`; European `DD/MM/YYYY` or `DD.MM.YYYY`; Excel serial numbers; dates
 * naming the month in English, `Jun 4, 2026` or `4-Jun-2026`) and
 * reads a column whose days and months are all 12 or less the way the rest of the file shows, else as
 * US for slashes and European for dots, saying so. `MM/DD/YYYY` and `DD/MM/YYYY` decide the order of
 * day and month for every such column; `YYYY-MM-DD` reads ISO 8601 only. ISO values are read in every
 * mode.
 *
 * @example
 * ```ts
 * const dateFormat: DateFormat = 'DD/MM/YYYY';
 * ```
 */
export type DateFormat = 'auto' | 'YYYY-MM-DD' | 'MM/DD/YYYY' | 'DD/MM/YYYY';

/**
 * Every accepted {@link DateFormat}, for option checks and help texts.
 *
 * @example
 * ```ts
 * DATE_FORMATS.includes('DD/MM/YYYY'); // true
 * ```
 */
export const DATE_FORMATS: readonly DateFormat[] = ['auto', 'YYYY-MM-DD', 'MM/DD/YYYY', 'DD/MM/YYYY'];

/** Throws a `RangeError` for a date format that is not a {@link DateFormat}. @internal */
export function assertDateFormat(format: string | undefined): void {
  if (format !== undefined && !(DATE_FORMATS as readonly string[]).includes(format)) {
    throw new RangeError(csvMessages.badDateFormat(format, DATE_FORMATS));
  }
}

/**
 * How one column's timestamps are read: ISO 8601 (the fast parser of timestamp.ts), month first, day
 * first, year first with one-digit parts or a 12-hour clock (`2025/3/4 2:15 PM`), Excel serial numbers
 * (days since 1899-12-30, the fraction being the time of day), or dates naming the month in English
 * (`Jun 04, 2026 04:03 PM`, `04-Jun-2026 16:03`: month-name-dates.ts). @internal
 */
export type DateReading = 'iso' | 'mdy' | 'dmy' | 'ymd' | 'excel' | 'month-name';

/** The reading's name in messages. @internal */
export const DATE_READING_NAMES: Record<DateReading, string> = {
  iso: 'ISO 8601 (YYYY-MM-DD)',
  mdy: 'MM/DD/YYYY (month first)',
  dmy: 'DD/MM/YYYY (day first)',
  ymd: 'YYYY/MM/DD',
  excel: 'Excel serial numbers (days since 1899-12-30, in the time zone)',
  'month-name': 'dates with English month names (Jun 4, 2026 or 4-Jun-2026)',
};

/** The parser of a column read as `reading`: the zone's ISO parser itself for `iso` (the fast path stays as it is). @internal */
export function timestampReaderFor(reading: DateReading | undefined, iso: ByteTimestampParser): TimestampBytesReader {
  return reading === undefined || reading === 'iso' ? iso : new FormattedTimestampParser(reading, iso);
}

const ZERO = 48;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SLASH = 47;
const DASH = 45;
// Days from 1899-12-30 (Excel's day 0, counting its 1900 leap day) to 1970-01-01.
const EXCEL_EPOCH_DAYS = 25_569;

/**
 * Reads a column's timestamps in one of the non-ISO {@link DateReading}s; an ISO value is still read as
 * ISO. Wall-clock times go through the zone's ISO parser (`wallTime`), so DST rules and the gap count are
 * the same for every format. @internal
 */
export class FormattedTimestampParser implements TimestampBytesReader {
  constructor(
    readonly reading: Exclude<DateReading, 'iso'>,
    private readonly iso: ByteTimestampParser,
  ) {}

  parse(buf: Uint8Array, start: number, end: number): number {
    const value = this.iso.parse(buf, start, end);
    if (value === value) return value;
    let s = start;
    let e = end;
    while (s < e && (buf[s] === SPACE || buf[s] === TAB)) s++;
    while (e > s && (buf[e - 1] === SPACE || buf[e - 1] === TAB)) e--;
    if (s === e) return Number.NaN;
    return this.reading === 'excel' ? this.serial(buf, s, e) : this.dated(buf, s, e);
  }

  /** An Excel serial number: whole days since 1899-12-30, the fraction the time of day (to the second). */
  private serial(buf: Uint8Array, s: number, e: number): number {
    let whole = 0;
    let i = s;
    while (i < e && buf[i]! >= ZERO && buf[i]! <= ZERO + 9 && i - s < 7) whole = whole * 10 + buf[i++]! - ZERO;
    if (i === s || whole < 61) return Number.NaN; // before 1900-03-01 Excel's days are off by its 1900 leap day
    let fraction = 0;
    if (i < e && (buf[i] === DOT || buf[i] === COMMA)) {
      fraction = decimalDigits(buf, i + 1, e, 0.1);
      if (fraction !== fraction) return Number.NaN;
      i = digitsEnd;
    }
    if (i !== e) return Number.NaN;
    const dayNumber = whole - EXCEL_EPOCH_DAYS;
    const seconds = Math.round(fraction * 86_400);
    return this.iso.wallTime(dayNumber * MS_PER_DAY + seconds * 1000, dayNumber);
  }

  /**
   * A date in the column's order with `/`, `.` or `-`, or with the month's name, then optionally a time (24-hour,
   * or 12-hour with AM/PM).
   */
  private dated(buf: Uint8Array, s: number, e: number): number {
    let dayNumber: number;
    let i: number;
    if (this.reading === 'month-name') {
      dayNumber = monthNameDate(buf, s, e);
      i = monthNameDateEnd();
    } else {
      dayNumber = this.numeric(buf, s, e);
      i = digitsEnd;
    }
    if (dayNumber !== dayNumber) return Number.NaN;
    if (i < e && buf[i] === DOT) i++; // `04.03.2025. 14:15`
    if (i < e && buf[i] === COMMA) i++; // `3/4/2025, 2:15 PM`
    const time = this.time(buf, i, e);
    if (time !== time) return Number.NaN;
    return this.iso.wallTime(dayNumber * MS_PER_DAY + time, dayNumber);
  }

  /** The day number of a date of numbers in the column's order, or NaN; sets {@link digitsEnd} to where it ends. */
  private numeric(buf: Uint8Array, s: number, e: number): number {
    const parts = [0, 0, 0];
    const widths = [0, 0, 0];
    let i = s;
    let separator = -1;
    for (let k = 0; k < 3; k++) {
      const first = i;
      while (i < e && buf[i]! >= ZERO && buf[i]! <= ZERO + 9 && i - first < 4) parts[k] = parts[k]! * 10 + buf[i++]! - ZERO;
      widths[k] = i - first;
      if (widths[k] === 0) return Number.NaN;
      if (k < 2) {
        const c = buf[i];
        if (c !== SLASH && c !== DOT && c !== DASH) return Number.NaN;
        if (separator >= 0 && c !== separator) return Number.NaN;
        separator = c!;
        i++;
      }
    }
    let year: number;
    let month: number;
    let day: number;
    let yearWidth: number;
    if (this.reading === 'ymd') {
      [year, month, day] = parts as [number, number, number];
      yearWidth = widths[0]!;
      if (widths[1]! > 2 || widths[2]! > 2) return Number.NaN;
    } else {
      if (widths[0]! > 2 || widths[1]! > 2) return Number.NaN;
      [month, day] = this.reading === 'mdy' ? [parts[0]!, parts[1]!] : [parts[1]!, parts[0]!];
      year = parts[2]!;
      yearWidth = widths[2]!;
    }
    if (yearWidth === 2) year += year < 70 ? 2000 : 1900;
    else if (yearWidth !== 4) return Number.NaN;
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
    digitsEnd = i;
    return daysFromCivil(year, month, day);
  }

  /** The time of day from `i` (after spaces or `T`) to `e`, in ms: `H:MM`, `H:MM:SS`, `H:MM:SS.fff`, optionally `AM`/`PM`; 0 when none. */
  private time(buf: Uint8Array, i: number, e: number): number {
    if (i === e) return 0;
    const gap = i;
    while (i < e && (buf[i] === SPACE || buf[i] === TAB || buf[i] === 84 || buf[i] === 116)) i++;
    if (i === gap) return Number.NaN;
    const numbers = [0, 0, 0];
    let count = 0;
    let millisecond = 0;
    for (; count < 3; count++) {
      const first = i;
      while (i < e && buf[i]! >= ZERO && buf[i]! <= ZERO + 9 && i - first < 2) numbers[count] = numbers[count]! * 10 + buf[i++]! - ZERO;
      if (i === first || (count > 0 && i - first !== 2)) return Number.NaN;
      if (i < e && buf[i] === COLON && count < 2) i++;
      else {
        count++;
        break;
      }
    }
    if (count < 2) return Number.NaN;
    if (count === 3 && i < e && (buf[i] === DOT || buf[i] === COMMA)) {
      millisecond = Math.floor(decimalDigits(buf, i + 1, e, 100));
      if (millisecond !== millisecond) return Number.NaN;
      i = digitsEnd;
    }
    let [hour, minute, second] = numbers as [number, number, number];
    while (i < e && buf[i] === SPACE) i++;
    if (i < e) {
      const meridiem = meridiemAt(buf, i, e);
      if (meridiem === 0 || hour < 1 || hour > 12) return Number.NaN;
      hour = (hour % 12) + (meridiem === 2 ? 12 : 0);
    }
    if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
    return ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
  }
}

/** 1 for AM, 2 for PM (`AM`, `am`, `a.m.`, `A`), filling the rest of the text; 0 for anything else. */
function meridiemAt(buf: Uint8Array, i: number, e: number): number {
  const text = String.fromCharCode(...buf.subarray(i, e))
    .toLowerCase()
    .replaceAll('.', '');
  return text === 'am' || text === 'a' ? 1 : text === 'pm' || text === 'p' ? 2 : 0;
}

/** Where the digits {@link decimalDigits} or the date `numeric` read last ended (a second result, without an object per timestamp). */
let digitsEnd = 0;

/**
 * The digits from `i` on, the first times `scale`, the next times `scale / 10`, …: a decimal fraction (`scale` 0.1) or milliseconds
 * (`scale` 100); NaN when there is no digit. Sets {@link digitsEnd}.
 */
function decimalDigits(buf: Uint8Array, i: number, e: number, scale: number): number {
  const first = i;
  let value = 0;
  while (i < e && buf[i]! >= ZERO && buf[i]! <= ZERO + 9) {
    value += (buf[i++]! - ZERO) * scale;
    scale /= 10;
  }
  digitsEnd = i;
  return i === first ? Number.NaN : value;
}
