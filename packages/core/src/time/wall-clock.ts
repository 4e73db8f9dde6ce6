import { MS_PER_DAY, civilFromDays, daysFromCivil, weekdayOfDayNumber } from './civil.js';
import { getZone } from './zone.js';

// Wall-clock questions in a zone (which date, which time, which weekday) and their inverse, answered with
// the zone's cached offsets (zone.ts).

/**
 * The wall-clock reading of an instant in a zone. `weekday`: 0 = Monday … 6 = Sunday; `month`: 1–12.
 *
 * @example
 * ```ts
 * const { year, month, day, hour } = zonedParts(new Date('2026-10-31T16:00:00Z'), 'America/New_York');
 * // 2026, 10, 31, 12
 * ```
 */
export interface ZonedParts {
  /** The year, e.g. 2026. */
  year: number;
  /** The month, 1 (January) … 12. */
  month: number;
  /** The day of the month, 1 … 31. */
  day: number;
  /** The hour, 0 … 23. */
  hour: number;
  /** The minute, 0 … 59. */
  minute: number;
  /** The second, 0 … 59. */
  second: number;
  /** The millisecond, 0 … 999. */
  millisecond: number;
  /** The weekday, 0 = Monday … 6 = Sunday. */
  weekday: number;
}

/**
 * The wall-clock reading (date, time, weekday) of an instant in a time zone.
 *
 * @example
 * ```ts
 * zonedParts(new Date('2026-03-08T07:30:00Z'), 'America/New_York');
 * // { year: 2026, month: 3, day: 8, hour: 3, minute: 30, second: 0, millisecond: 0, weekday: 6 } (EDT, after the gap)
 * ```
 */
export function zonedParts(instant: Date | number, timeZone: string): ZonedParts {
  const local = getZone(timeZone).toLocal(typeof instant === 'number' ? instant : instant.getTime());
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - dayNumber * MS_PER_DAY;
  const { year, month, day } = civilFromDays(dayNumber);
  return {
    year,
    month,
    day,
    hour: Math.floor(msOfDay / 3_600_000),
    minute: Math.floor(msOfDay / 60_000) % 60,
    second: Math.floor(msOfDay / 1000) % 60,
    millisecond: msOfDay % 1000,
    weekday: weekdayOfDayNumber(dayNumber),
  };
}

/**
 * The wall-clock fields of {@link instantFromWallClock}; `month` is 1–12, omitted time fields are zero.
 *
 * @example
 * ```ts
 * const noonOnHalloween: WallClock = { year: 2026, month: 10, day: 31, hour: 12 };
 * ```
 */
export interface WallClock {
  /** The year, e.g. 2026. */
  year: number;
  /** The month, 1 (January) … 12. */
  month: number;
  /** The day of the month, 1 … 31. */
  day: number;
  /** The hour, 0 … 23. Default 0. */
  hour?: number;
  /** The minute, 0 … 59. Default 0. */
  minute?: number;
  /** The second, 0 … 59. Default 0. */
  second?: number;
  /** The millisecond, 0 … 999. Default 0. */
  millisecond?: number;
}

/**
 * The instant at which the clocks of `timeZone` read the given wall-clock time (Temporal's `compatible`
 * disambiguation: the earlier instant in an overlap, moved forward by the gap in a gap).
 *
 * @example
 * ```ts
 * instantFromWallClock({ year: 2026, month: 10, day: 1 }, 'America/New_York'); // 2026-10-01T04:00:00.000Z
 * instantFromWallClock({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, 'America/New_York');
 * // 2026-03-08T07:30:00.000Z: 02:30 does not exist that night, so it reads as 03:30 EDT
 * ```
 */
export function instantFromWallClock(wall: WallClock, timeZone: string): Date {
  const local =
    daysFromCivil(wall.year, wall.month, wall.day) * MS_PER_DAY +
    (((wall.hour ?? 0) * 60 + (wall.minute ?? 0)) * 60 + (wall.second ?? 0)) * 1000 +
    (wall.millisecond ?? 0);
  return new Date(getZone(timeZone).fromLocal(local));
}

/**
 * Day number (days since 1970-01-01) of the calendar date of an instant in a time zone.
 *
 * @example
 * ```ts
 * formatDayNumber(localDayNumber(new Date('2026-11-01T02:00:00Z'), 'America/New_York')); // '2026-10-31'
 * ```
 */
export function localDayNumber(instant: Date | number, timeZone: string): number {
  const local = getZone(timeZone).toLocal(typeof instant === 'number' ? instant : instant.getTime());
  return Math.floor(local / MS_PER_DAY);
}

/**
 * The first instant of a calendar date (a day number) in a time zone.
 *
 * @example
 * ```ts
 * startOfLocalDay(parseDayNumber('2026-10-01'), 'America/New_York'); // 2026-10-01T04:00:00.000Z
 * ```
 */
export function startOfLocalDay(dayNumber: number, timeZone: string): Date {
  return new Date(getZone(timeZone).fromLocal(dayNumber * MS_PER_DAY));
}

/**
 * The last millisecond of a calendar date (a day number) in a time zone: "the end of that day", the
 * `asOf` that a date such as `--as-of 2026-10-31` means.
 *
 * @example
 * ```ts
 * endOfLocalDay(parseDayNumber('2026-10-31'), 'America/New_York'); // 2026-11-01T03:59:59.999Z
 * ```
 */
export function endOfLocalDay(dayNumber: number, timeZone: string): Date {
  return new Date(getZone(timeZone).fromLocal((dayNumber + 1) * MS_PER_DAY) - 1);
}
