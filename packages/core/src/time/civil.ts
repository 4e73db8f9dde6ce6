/**
 * Proleptic-Gregorian calendar arithmetic on day numbers (days since 1970-01-01), without `Date`.
 * Used on the hot path of every aggregation, so it allocates nothing but the returned object.
 */

/**
 * Milliseconds in a minute.
 *
 * @example
 * ```ts
 * const minutes = (end.getTime() - start.getTime()) / MS_PER_MINUTE;
 * ```
 */
export const MS_PER_MINUTE = 60_000;
/**
 * Milliseconds in an hour.
 *
 * @example
 * ```ts
 * const hours = durationMs / MS_PER_HOUR;
 * ```
 */
export const MS_PER_HOUR = 3_600_000;
/**
 * Milliseconds in a day of 24 hours (elapsed time; a calendar day in a zone with DST may be 23 or 25 hours).
 *
 * @example
 * ```ts
 * const days = visit.durationMs / MS_PER_DAY;
 * ```
 */
export const MS_PER_DAY = 86_400_000;
/**
 * Minutes in a day of 24 hours: `slotMinutes` must divide it.
 *
 * @example
 * ```ts
 * const slots = MINUTES_PER_DAY / 30; // 48
 * ```
 */
export const MINUTES_PER_DAY = 1440;

/**
 * Day number (days since 1970-01-01) of a calendar date; month is 1–12. (H. Hinnant's days_from_civil.)
 *
 * @example
 * ```ts
 * daysFromCivil(2026, 10, 31); // 20757
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Calendar date of a day number (`month` 1–12). (H. Hinnant's civil_from_days.)
 *
 * @example
 * ```ts
 * civilFromDays(20757); // { year: 2026, month: 10, day: 31 }
 * ```
 */
export function civilFromDays(dayNumber: number): {
  /** The year. */
  year: number;
  /** The month, 1–12. */
  month: number;
  /** The day of the month, 1–31. */
  day: number;
} {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/**
 * Weekday of a day number, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
 *
 * @example
 * ```ts
 * weekdayOfDayNumber(parseDayNumber('2026-10-31')); // 5: a Saturday
 * ```
 */
export function weekdayOfDayNumber(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}

/**
 * "YYYY-MM-DD" of a day number.
 *
 * @example
 * ```ts
 * formatDayNumber(localDayNumber(asOf, 'America/New_York')); // e.g. '2026-10-31'
 * ```
 */
export function formatDayNumber(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/**
 * Day number of a "YYYY-MM-DD" date, or NaN when it is not a valid date.
 *
 * @example
 * ```ts
 * const asOf = endOfLocalDay(parseDayNumber('2026-10-31'), 'America/New_York');
 * parseDayNumber('2026-02-30'); // NaN
 * ```
 */
export function parseDayNumber(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  return daysFromCivil(year, month, day);
}

/**
 * The number of days in a month (`month` 1–12) of the proleptic Gregorian calendar.
 *
 * @example
 * ```ts
 * daysInMonth(2028, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * "HH:MM" of minutes since midnight.
 *
 * @example
 * ```ts
 * formatMinuteOfDay(510); // '08:30'
 * ```
 */
export function formatMinuteOfDay(minutes: number): string {
  return `${pad2(Math.floor(minutes / 60))}:${pad2(minutes % 60)}`;
}

/**
 * A number of 0–99 as two digits.
 *
 * @example
 * ```ts
 * pad2(7); // '07'
 * ```
 */
export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
