import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_HOURS as DEFAULT_BUSINESS_CALENDAR } from '../model/calendar-basics.js';
import { MS_PER_DAY, parseDayNumber, weekdayOfDayNumber } from './civil.js';
import { getZone } from './zone.js';
import { localDayNumber } from './wall-clock.js';

/**
 * How day counts are made: every calendar day, or only business days (weekdays of the calendar, minus holidays).
 *
 * @example
 * ```ts
 * const dayCount: DayCount = 'business';
 * followUpStatus(lead, { asOf, timeZone, pipeline, dayCount });
 * ```
 */
export type DayCount = 'calendar' | 'business';

/**
 * Options of {@link daysBetween}.
 *
 * @example
 * ```ts
 * const options: DaysBetweenOptions = { timeZone: 'Europe/Berlin', dayCount: 'business' };
 * ```
 */
export interface DaysBetweenOptions {
  /** IANA zone in which both instants' calendar dates are read. Required. */
  timeZone: string;
  /** Default `'calendar'`. */
  dayCount?: DayCount;
  /** Used with `dayCount: 'business'`. Default: Monday–Friday, no holidays. */
  calendar?: BusinessCalendar;
}

/**
 * Calendar days from the date of `from` to the date of `to`, both read in `timeZone`
 * (negative when `to` is on an earlier date). Time of day does not matter: 23:59 → 00:01 is one day.
 *
 * @example
 * ```ts
 * calendarDaysBetween(new Date('2026-10-01T03:59:00Z'), new Date('2026-10-01T04:01:00Z'), 'America/New_York'); // 1
 * ```
 */
export function calendarDaysBetween(from: Date, to: Date, timeZone: string): number {
  return localDayNumber(to, timeZone) - localDayNumber(from, timeZone);
}

/**
 * Business days after the date of `from` up to and including the date of `to` (both read in `timeZone`):
 * the days that count are the calendar's working weekdays that are not holidays. Negative when `to` is on
 * an earlier date. Friday → next Monday is 1 business day under Monday–Friday.
 *
 * @example
 * ```ts
 * businessDaysBetween(new Date('2026-10-30T15:00:00Z'), new Date('2026-11-02T15:00:00Z'), 'UTC'); // 1 (Friday → Monday)
 * ```
 */
export function businessDaysBetween(
  from: Date,
  to: Date,
  timeZone: string,
  calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR,
): number {
  const a = localDayNumber(from, timeZone);
  const b = localDayNumber(to, timeZone);
  if (b === a) return 0;
  // `0 - n`, not `-n`: a backwards span with no business days is 0, never -0 (which `Object.is` and charts tell apart).
  if (b < a) return 0 - countBusinessDays(b, a, calendar);
  return countBusinessDays(a, b, calendar);
}

/**
 * Days between two instants counted as `options.dayCount` says (calendar by default): what every
 * follow-up metric uses for "days since the appointment" and "days in stage".
 *
 * @example
 * ```ts
 * const friday = new Date('2026-10-30T15:00:00Z');
 * const monday = new Date('2026-11-02T15:00:00Z');
 * daysBetween(friday, monday, { timeZone: 'UTC' }); // 3
 * daysBetween(friday, monday, { timeZone: 'UTC', dayCount: 'business' }); // 1
 * ```
 */
export function daysBetween(from: Date, to: Date, options: DaysBetweenOptions): number {
  return options.dayCount === 'business'
    ? businessDaysBetween(from, to, options.timeZone, options.calendar)
    : calendarDaysBetween(from, to, options.timeZone);
}

/**
 * Whether a day number is a working day of the calendar (a weekday with hours, not a holiday).
 *
 * @example
 * ```ts
 * isBusinessDay(parseDayNumber('2026-10-31')); // false: a Saturday
 * ```
 */
export function isBusinessDay(dayNumber: number, calendar: BusinessCalendar = DEFAULT_BUSINESS_CALENDAR): boolean {
  return calendar.weeklyHours[weekdayOfDayNumber(dayNumber)]!.length > 0 && !holidaySet(calendar).has(dayNumber);
}

/** Business days in the day-number range (a, b]: whole weeks by arithmetic, the remainder day by day. */
function countBusinessDays(a: number, b: number, calendar: BusinessCalendar): number {
  const workingWeekdays = calendar.weeklyHours.map((h) => h.length > 0);
  const perWeek = workingWeekdays.filter(Boolean).length;
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let count = weeks * perWeek;
  for (let d = a + weeks * 7 + 1; d <= b; d++) if (workingWeekdays[weekdayOfDayNumber(d)]) count++;
  for (const h of holidaySet(calendar)) {
    if (h > a && h <= b && workingWeekdays[weekdayOfDayNumber(h)]) count--;
  }
  return count;
}

const holidaySets = new WeakMap<BusinessCalendar, Set<number>>();
/**
 * The calendar's holidays as day numbers, computed once per calendar object (invalid dates are left out).
 *
 * @example
 * ```ts
 * holidaySet({ ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2026-12-25'] }).has(parseDayNumber('2026-12-25')); // true
 * ```
 */
export function holidaySet(calendar: BusinessCalendar): Set<number> {
  let set = holidaySets.get(calendar);
  if (!set) {
    set = new Set(calendar.holidays.map(parseDayNumber).filter((d) => !Number.isNaN(d)));
    holidaySets.set(calendar, set);
  }
  return set;
}

/**
 * {@link daysBetween} for instants given as epoch milliseconds, with the zone and calendar resolved once
 * (for a loop over many leads).
 *
 * @internal
 */
export function dayCounter(options: DaysBetweenOptions): (fromMs: number, toMs: number) => number {
  const zone = getZone(options.timeZone);
  const day = (ms: number) => Math.floor(zone.toLocal(ms) / MS_PER_DAY);
  if (options.dayCount !== 'business') return (fromMs, toMs) => day(toMs) - day(fromMs);
  const calendar = options.calendar ?? DEFAULT_BUSINESS_CALENDAR;
  return (fromMs, toMs) => {
    const a = day(fromMs);
    const b = day(toMs);
    if (b === a) return 0;
    if (b < a) return 0 - countBusinessDays(b, a, calendar);
    return countBusinessDays(a, b, calendar);
  };
}
