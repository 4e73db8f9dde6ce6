import { daysFromCivil, daysInMonth } from '../../time/civil.js';

/**
 * The date part of a timestamp that names its month in English, as CRM report exports write it (Zoho's
 * `Jun 04, 2026 04:03 PM`, `04-Jun-2026 16:03`): month first (`Jun 04, 2026`, `June 4 2026`) or day first
 * (`04-Jun-2026`, `4 June 2026`). The time of day after it is read by the column's parser in date-formats.ts,
 * the same reader as for every other format.
 */

// Full names and three-letter abbreviations (and `Sept`), any case: the name says which part is the month.
const NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTHS = new Map<string, number>([
  ...NAMES.map((name, k): [string, number] => [name, k + 1]),
  ...NAMES.map((name, k): [string, number] => [name.slice(0, 3), k + 1]),
  ['sept', 9],
]);

const ZERO = 48;
const SPACE = 32;
const COMMA = 44;
const DASH = 45;

/** Where {@link monthNameDate} read last ended. */
let dateEnd = 0;

/** Where the last {@link monthNameDate} ended: the end of its year (a second result, without an object per timestamp). */
export function monthNameDateEnd(): number {
  return dateEnd;
}

/**
 * The day number of the month-name date at `buf[s, e)` (leading blanks already skipped), or NaN. Accepts
 * `Mon D[D][,] YYYY` and `D[D] Mon YYYY` or `D[D]-Mon-YYYY` (one separator throughout); a two-digit year is
 * read as the other formats read it (00–69: 2000s). Sets {@link monthNameDateEnd} to the end of the year.
 */
export function monthNameDate(buf: Uint8Array, s: number, e: number): number {
  let i = s;
  let month: number;
  let day: number;
  if (isDigit(at(buf, i, e))) {
    day = number(buf, i, e, 2);
    i = numberEnd;
    const separator = at(buf, i, e);
    if (day < 0 || (separator !== SPACE && separator !== DASH)) return Number.NaN;
    month = monthAt(buf, i + 1, e);
    i = wordEnd;
    if (month === 0 || at(buf, i, e) !== separator) return Number.NaN;
    i++;
  } else {
    month = monthAt(buf, i, e);
    i = wordEnd;
    if (month === 0 || at(buf, i, e) !== SPACE) return Number.NaN;
    day = number(buf, i + 1, e, 2);
    i = numberEnd;
    if (day < 0) return Number.NaN;
    if (at(buf, i, e) === COMMA) i++;
    if (at(buf, i, e) !== SPACE) return Number.NaN;
    i++;
  }
  let year = number(buf, i, e, 4);
  const width = numberEnd - i;
  if (width === 2) year += year < 70 ? 2000 : 1900;
  else if (width !== 4) return Number.NaN;
  if (day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  dateEnd = numberEnd;
  return daysFromCivil(year, month, day);
}

/** Where {@link monthAt} read last ended. */
let wordEnd = 0;

/** The month (1–12) named by the letters from `i`, or 0. Sets {@link wordEnd}. */
function monthAt(buf: Uint8Array, i: number, e: number): number {
  const first = i;
  while (i < e && i - first < 10 && (buf[i]! | 0x20) >= 97 && (buf[i]! | 0x20) <= 122) i++;
  wordEnd = i;
  if (i - first < 3 || i - first > 9) return 0;
  return MONTHS.get(String.fromCharCode(...buf.subarray(first, i)).toLowerCase()) ?? 0;
}

/** Where {@link number} read last ended. */
let numberEnd = 0;

/** The number of 1 to `most` digits from `i`, or -1 when there is none. Sets {@link numberEnd}. */
function number(buf: Uint8Array, i: number, e: number, most: number): number {
  const first = i;
  let value = 0;
  while (i < e && i - first < most && isDigit(buf[i]!)) value = value * 10 + buf[i++]! - ZERO;
  numberEnd = i;
  return i === first ? -1 : value;
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= ZERO + 9;
}

/** The byte at `i`, or -1 past the value's end `e` (the buffer goes on with the rest of the file). */
function at(buf: Uint8Array, i: number, e: number): number {
  return i < e ? buf[i]! : -1;
}
