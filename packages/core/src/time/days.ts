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
  return businessDaySpan(localDayNumber(from, timeZone), localDayNumber(to, timeZone), calendar);
}

/** Business days from day number `a` to day number `b` (see {@link businessDaysBetween}). */
function businessDaySpan(a: number, b: number, calendar: BusinessCalendar): number {
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
  const { workingWeekdays, perWeek, holidays } = businessWeek(calendar);
  const span = b - a;
  const weeks = Math.floor(span / 7);
  let count = weeks * perWeek;
  for (let d = a + weeks * 7 + 1; d <= b; d++) if (workingWeekdays[weekdayOfDayNumber(d)]) count++;
  for (let k = 0; k < holidays.length; k++) {
    const h = holidays[k]!;
    if (h > a && h <= b) count--;
  }
  return count;
}

/** What {@link countBusinessDays} reads of a calendar, worked out once per calendar object. */
interface BusinessWeek {
  /** Whether each weekday (0 = Monday) has hours. */
  workingWeekdays: boolean[];
  /** How many do. */
  perWeek: number;
  /** The holidays that fall on a working weekday (the others take no business day away), as day numbers. */
  holidays: number[];
}

const businessWeeks = new WeakMap<BusinessCalendar, BusinessWeek>();
function businessWeek(calendar: BusinessCalendar): BusinessWeek {
  let week = businessWeeks.get(calendar);
  if (!week) {
    const workingWeekdays = calendar.weeklyHours.map((h) => h.length > 0);
    const perWeek = workingWeekdays.filter(Boolean).length;
    const holidays = [...holidaySet(calendar)].filter((h) => workingWeekdays[weekdayOfDayNumber(h)]);
    week = { workingWeekdays, perWeek, holidays };
    businessWeeks.set(calendar, week);
  }
  return week;
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
 * (for a loop over many leads). The day of `toMs` is kept from one call to the next, so that counts to
 * one instant again and again (every lead's days to `asOf`) read its date once.
 *
 * @internal
 */
export function dayCounter(options: DaysBetweenOptions): (fromMs: number, toMs: number) => number {
  const day = localDayOf(options.timeZone);
  const span = daySpan(options);
  let lastToMs = Number.NaN;
  let lastToDay = Number.NaN;
  return (fromMs, toMs) => {
    const a = day(fromMs);
    if (toMs !== lastToMs) {
      lastToDay = day(toMs);
      lastToMs = toMs;
    }
    return span(a, lastToDay);
  };
}

/**
 * {@link daysBetween} from instants given as epoch milliseconds to one instant, `toMs`, whose date is read
 * once: how the follow-up judge counts every lead's days to `asOf`.
 *
 * @internal
 */
export function dayCounterTo(options: DaysBetweenOptions, toMs: number): (fromMs: number) => number {
  const day = localDayOf(options.timeZone);
  const span = daySpan(options);
  const b = day(toMs);
  return (fromMs) => span(day(fromMs), b);
}

/** The days from day number `a` to day number `b` as `options.dayCount` counts them (calendar by default). */
function daySpan(options: DaysBetweenOptions): (a: number, b: number) => number {
  if (options.dayCount !== 'business') return (a, b) => b - a;
  const calendar = options.calendar ?? DEFAULT_BUSINESS_CALENDAR;
  businessWeek(calendar); // worked out once, before any count
  return (a, b) => businessDaySpan(a, b, calendar);
}

/** `localDayNumber(ms, timeZone)` with the zone looked up once, for a loop over many instants. */
function localDayOf(timeZone: string): (ms: number) => number {
  const zone = getZone(timeZone);
  return (ms) => Math.floor(zone.toLocal(ms) / MS_PER_DAY);
}
