import { daysInMonth, instantFromWallClock } from '@panopticon/core';

// yyyy-MM-ddTHH:mm[:ss[.SSS]][±HH:mm | ±HHmm | Z]; a space is accepted for the T (exports write one).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads a Zoho date-time or date. Zoho writes `2024-01-15T10:30:00+05:30`: the offset is the API user's,
 * never `Z`, with no milliseconds; such values are exact instants. A value without an offset (a plain
 * date, or a naive time from a custom text field) is wall-clock time in `timeZone`; a date alone is the
 * start of that day there. Returns `null` for anything that is not a real calendar date and time.
 *
 * @example
 * ```ts
 * parseZohoDateTime('2024-01-15T10:30:00+05:30', 'UTC')?.toISOString(); // '2024-01-15T05:00:00.000Z'
 * parseZohoDateTime('2024-01-15', 'America/New_York')?.toISOString(); // '2024-01-15T05:00:00.000Z'
 * parseZohoDateTime('2024-02-30', 'UTC'); // null
 * ```
 */
export function parseZohoDateTime(value: string, timeZone: string): Date | null {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) {
    const [year, month, day] = [Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3])];
    if (!validDate(year, month, day)) return null;
    return instantFromWallClock({ year, month, day }, timeZone);
  }
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const millisecond = m[7] === undefined ? 0 : Math.floor(Number(`0.${m[7]}`) * 1000);
  if (!validDate(year, month, day) || hour > 23 || minute > 59 || second > 59) return null;
  const zone = m[8];
  if (zone === undefined) return instantFromWallClock({ year, month, day, hour, minute, second, millisecond }, timeZone);
  let offsetMinutes = 0;
  if (zone.toUpperCase() !== 'Z') {
    const digits = zone.replace(':', '');
    const hours = Number(digits.slice(1, 3));
    const minutes = Number(digits.slice(3, 5));
    if (hours > 18 || minutes > 59) return null;
    offsetMinutes = (digits.startsWith('-') ? -1 : 1) * (hours * 60 + minutes);
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  // Date.UTC maps years 0–99 to 1900–1999; Zoho never sends those, but keep the arithmetic honest.
  const fixed = year < 100 ? new Date(utc).setUTCFullYear(year) : utc;
  return new Date(fixed - offsetMinutes * 60_000);
}

function validDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Writes an instant the way Zoho does and accepts it: `yyyy-MM-ddTHH:mm:ss±HH:mm`, no milliseconds,
 * always with an offset (default `+00:00`). Used for `If-Modified-Since` and by the fake server.
 *
 * @example
 * ```ts
 * formatZohoDateTime(new Date('2024-01-15T05:00:00.123Z')); // '2024-01-15T05:00:00+00:00'
 * formatZohoDateTime(new Date('2024-01-15T05:00:00Z'), 330); // '2024-01-15T10:30:00+05:30'
 * ```
 */
export function formatZohoDateTime(instant: Date | number, offsetMinutes = 0): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  const local = new Date(Math.floor(ms / 1000) * 1000 + offsetMinutes * 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const p2 = (n: number) => String(n).padStart(2, '0');
  return (
    `${String(local.getUTCFullYear()).padStart(4, '0')}-${p2(local.getUTCMonth() + 1)}-${p2(local.getUTCDate())}` +
    `T${p2(local.getUTCHours())}:${p2(local.getUTCMinutes())}:${p2(local.getUTCSeconds())}` +
    `${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`
  );
}

/** Minutes of a `±HH:mm` offset string (`+05:30` → 330). Throws on anything else. */
export function parseOffset(offset: string): number {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!m) throw new RangeError(`expected an offset like +05:30, got ${JSON.stringify(offset)}`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}
