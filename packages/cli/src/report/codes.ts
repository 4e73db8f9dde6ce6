/**
 * The compact encodings of the data the dashboard page embeds (page-tables.ts, lead-detail-columns.ts): texts
 * written once in a shared dictionary and referred to by index, small whole numbers packed one character
 * each, and "YYYY-MM-DD HH:MM" wall-clock times as whole minutes. Platform-neutral: the page builder encodes,
 * the page's script decodes.
 *
 * @module
 */

/**
 * The characters a packed column is written with: none of them is escaped by JSON or by escape.ts's
 * jsonForScript, so each costs one byte in the page. Character `k` stands for the value `k - 1`.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-.!#$%()*+/:;=?@[]^{|}';

/** Starts a value outside the alphabet's range: `~`, the value in base 36, `,`. */
const ESCAPE = '~';

/** The smallest and largest value a packed column can hold (-1 stands for "none"). */
const MIN_PACKED = -1;
const MAX_PACKED = ALPHABET.length - 2;

/** A column of whole numbers: packed (one character a value) when every value fits, else the plain numbers. */
export type Codes = string | number[];

/**
 * Packs whole numbers one character each (-1 to {@link MAX_PACKED}; a larger or negative one as `~`, base 36,
 * `,`) when that is shorter than writing them in JSON; else (or with a value not a safe whole number) returns
 * them as they are.
 */
export function packCodes(values: readonly number[]): Codes {
  let out = '';
  for (const v of values) {
    if (!Number.isSafeInteger(v)) return [...values];
    out += v >= MIN_PACKED && v <= MAX_PACKED ? ALPHABET[v + 1] : `${ESCAPE}${v.toString(36)},`;
  }
  return out.length + 2 <= JSON.stringify(values).length ? out : [...values];
}

/** The value of each character code of the alphabet. */
const VALUE_OF = new Int8Array(128);
for (let k = 0; k < ALPHABET.length; k++) VALUE_OF[ALPHABET.charCodeAt(k)] = k - 1;
const ESCAPE_CODE = ESCAPE.charCodeAt(0);
const END_CODE = ','.charCodeAt(0);
const MINUS_CODE = '-'.charCodeAt(0);

/** The value of each base-36 digit's character code (as `Number.toString(36)` writes them: 0-9, a-z). */
const DIGIT_OF = new Int8Array(128);
for (let k = 0; k < 36; k++) DIGIT_OF[k.toString(36).charCodeAt(0)] = k;

/**
 * The values of a {@link packCodes} column. Read once per column when the page opens (millions of characters
 * on a large page), so made for speed: the array is allocated at its final length, and an escaped value's
 * base-36 digits are read in place (the same number `Number.parseInt` gives for a safe whole number).
 */
export function unpackCodes(codes: Codes): number[] {
  if (typeof codes !== 'string') return codes;
  const length = codes.length;
  let count = length;
  for (let at = codes.indexOf(ESCAPE); at !== -1; at = codes.indexOf(ESCAPE, at + 1)) {
    const end = codes.indexOf(',', at);
    count -= end - at;
    at = end;
  }
  const out = new Array<number>(count);
  let k = 0;
  for (let i = 0; i < length; i++) {
    const c = codes.charCodeAt(i);
    if (c !== ESCAPE_CODE) {
      out[k++] = VALUE_OF[c]!;
      continue;
    }
    let j = i + 1;
    const negative = codes.charCodeAt(j) === MINUS_CODE;
    if (negative) j++;
    let value = 0;
    for (let d = codes.charCodeAt(j); d !== END_CODE; d = codes.charCodeAt(++j)) value = value * 36 + DIGIT_OF[d]!;
    out[k++] = negative ? -value : value;
    i = j;
  }
  return out;
}

/** A column of numbers or `null`s: packed (codes.ts's packCodes, `null` as -1) when every number is whole and that is shorter; else as it is. */
export type NullableCodes = string | (number | null)[];

/** Packs a column with `null`s: `null` is -1, a negative number one less than itself (so -1 stays free). */
export function packNullable(values: readonly (number | null)[]): NullableCodes {
  const mapped: number[] = [];
  for (const v of values) {
    if (v !== null && !Number.isSafeInteger(v)) return [...values];
    mapped.push(v === null ? -1 : v < 0 ? v - 1 : v);
  }
  const packed = packCodes(mapped);
  return typeof packed === 'string' ? packed : [...values];
}

/** The values of a {@link packNullable} column. */
export function unpackNullable(codes: NullableCodes): (number | null)[] {
  if (typeof codes !== 'string') return codes;
  // Turned in place: the array is new.
  const out: (number | null)[] = unpackCodes(codes);
  for (let i = 0; i < out.length; i++) {
    const c = out[i]!;
    if (c < 0) out[i] = c === -1 ? null : c + 1;
  }
  return out;
}

/** Each value minus the one before it (the first minus `start`): sorted columns become small numbers. */
export function deltas(values: readonly number[], start = 0): number[] {
  const out = new Array<number>(values.length);
  let previous = start;
  for (let i = 0; i < values.length; i++) {
    out[i] = values[i]! - previous;
    previous = values[i]!;
  }
  return out;
}

/** The running sums of {@link deltas}: the values back. */
export function undoDeltas(values: readonly number[], start = 0): number[] {
  const out = new Array<number>(values.length);
  let sum = start;
  for (let i = 0; i < values.length; i++) {
    sum += values[i]!;
    out[i] = sum;
  }
  return out;
}

/** Texts by index: `index(text)` adds a text once; `words` lists them in the order first seen. */
export class Dictionary {
  readonly words: string[] = [];
  readonly #index = new Map<string, number>();

  index(text: string): number {
    let i = this.#index.get(text);
    if (i === undefined) {
      i = this.words.length;
      this.words.push(text);
      this.#index.set(text, i);
    }
    return i;
  }

  /** The index of a text, -1 for `null`. */
  maybe(text: string | null): number {
    return text === null ? -1 : this.index(text);
  }
}

/** The text of index `i` of a {@link Dictionary}'s words (`null` for -1). */
export function wordOf(words: readonly string[], i: number): string | null {
  return i < 0 ? null : words[i]!;
}

const MS_MINUTE = 60_000;

/** "YYYY-MM-DD HH:MM" as a count of wall-clock minutes (the text read as if it were UTC: no zone involved). */
export function minuteOf(text: string): number {
  const [date, time] = text.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const minute = Date.UTC(y, m - 1, d, h, min) / MS_MINUTE;
  // A text outside the format (a five-digit year) would not come back as written: a bug, said as such.
  if (minuteText(minute) !== text) throw new RangeError(`Not a "YYYY-MM-DD HH:MM" time: ${text}`);
  return minute;
}

const MINUTES_A_DAY = 1440;

/** "HH:MM" of each minute of a day, made once. */
const CLOCK: string[] = Array.from(
  { length: MINUTES_A_DAY },
  (_, m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`,
);

/** "YYYY-MM-DD" of day numbers met so far (a page decodes many times on few days). */
const DAYS = new Map<number, string>();

/** The day ("YYYY-MM-DD") and time ("HH:MM") of a wall-clock minute. */
export function minuteParts(minute: number): [day: string, time: string] {
  const inDay = ((minute % MINUTES_A_DAY) + MINUTES_A_DAY) % MINUTES_A_DAY;
  const dayNumber = (minute - inDay) / MINUTES_A_DAY;
  let day = DAYS.get(dayNumber);
  if (day === undefined) {
    day = new Date(dayNumber * MINUTES_A_DAY * MS_MINUTE).toISOString().slice(0, 10);
    DAYS.set(dayNumber, day);
  }
  return [day, CLOCK[inDay]!];
}

/** The wall-clock minute back as "YYYY-MM-DD HH:MM". */
export function minuteText(minute: number): string {
  const [day, time] = minuteParts(minute);
  return `${day} ${time}`;
}

/** The instant a wall-clock minute was read from, as an offset in ms (`instant - minute`), for {@link minuteOf}'s minutes. */
export function instantOffset(minute: number, instantMs: number): number {
  return instantMs - minute * MS_MINUTE;
}

/** The instant back from its wall-clock minute and {@link instantOffset}. */
export function instantAt(minute: number, offset: number): number {
  return minute * MS_MINUTE + offset;
}
