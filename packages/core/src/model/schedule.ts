import * as z from 'zod/mini';
import { englishByDefault } from './zod-locale.js';

englishByDefault();
import { DEFAULT_HOURS, toMinutes } from './calendar-basics.js';

// The parts without a schema live in calendar-basics.ts, which the time and response code import: a
// worker thread that reads a CSV heatmap then loads no schema library.
export type { WeekdayName } from './calendar-basics.js';
export { WEEKDAY_NAMES, toMinutes } from './calendar-basics.js';

/**
 * Weekday index used everywhere in Panopticon: 0 = Monday … 6 = Sunday (ISO order).
 *
 * @example
 * ```ts
 * WeekdaySchema.parse(6); // Sunday
 * ```
 */
export const WeekdaySchema = z.int().check(z.minimum(0), z.maximum(6));
/**
 * A weekday number: 0 = Monday … 6 = Sunday.
 *
 * @example
 * ```ts
 * const weekend = (day: Weekday) => day >= 5;
 * ```
 */
export type Weekday = z.infer<typeof WeekdaySchema>;

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
/**
 * A wall-clock time of day, "HH:MM" (24-hour). "24:00" is allowed as an end.
 *
 * @example
 * ```ts
 * TimeOfDaySchema.safeParse('9:00').success; // false: two digits are needed
 * ```
 */
export const TimeOfDaySchema = z.string().check(z.regex(TIME_OF_DAY, 'expected a time of day as HH:MM (00:00–24:00)'));

/**
 * One weekly shift of a rep. `start` and `end` are wall-clock times in the schedule's time zone;
 * an `end` at or before `start` means the shift crosses midnight into the next day.
 *
 * @example
 * ```ts
 * ShiftSchema.parse({ rep: 'Ana Souza', day: 4, start: '22:00', end: '02:00' }); // Friday night into Saturday
 * ```
 */
export const ShiftSchema = z.object({
  /** The rep's name. */
  rep: z.string().check(z.minLength(1)),
  /** The weekday the shift starts on, 0 = Monday … 6 = Sunday. */
  day: WeekdaySchema,
  /** Wall-clock start, "HH:MM". */
  start: TimeOfDaySchema,
  /** Wall-clock end, "HH:MM" ("24:00" allowed); at or before `start`: the next day. */
  end: TimeOfDaySchema,
});
/**
 * One weekly shift of a rep (checked by `ShiftSchema`, internal); `loadFiles` reads them from schedule.csv.
 *
 * @example
 * ```ts
 * const mondays: Shift[] = [{ rep: 'Ben Carter', day: 0, start: '09:00', end: '17:30' }];
 * ```
 */
export type Shift = z.infer<typeof ShiftSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * A calendar date without time, "YYYY-MM-DD" (the holidays of a {@link BusinessCalendar}).
 *
 * @example
 * ```ts
 * IsoDateSchema.parse('2026-12-25');
 * ```
 */
export const IsoDateSchema = z.string().check(z.regex(ISO_DATE, 'expected a date as YYYY-MM-DD'));

/**
 * An interval of a working day, wall-clock "HH:MM" to "HH:MM" (end after start).
 *
 * @example
 * ```ts
 * HoursIntervalSchema.parse({ start: '09:00', end: '12:30' });
 * ```
 */
export const HoursIntervalSchema = z
  .object({
    /** Wall-clock start, "HH:MM". */
    start: TimeOfDaySchema,
    /** Wall-clock end, "HH:MM" ("24:00" for the end of the day), after `start`. */
    end: TimeOfDaySchema,
  })
  .check(z.refine((h) => toMinutes(h.end) > toMinutes(h.start), { message: 'end must be after start', path: ['end'] }));
/**
 * An interval of a working day (checked by `BusinessCalendarSchema`).
 *
 * @example
 * ```ts
 * const morning: HoursInterval = { start: '08:00', end: '12:00' };
 * ```
 */
export type HoursInterval = z.infer<typeof HoursIntervalSchema>;

/**
 * When the business works: weekly hours (per weekday, 0 = Monday) and holidays (dates on which no hours count).
 * Interpreted in the time zone passed to each function.
 *
 * @example
 * ```ts
 * const calendar = BusinessCalendarSchema.parse({
 *   weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '08:00', end: '16:00' }] : [])),
 *   holidays: ['2026-12-25'],
 * });
 * ```
 */
export const BusinessCalendarSchema = z.object({
  /** Seven entries, Monday first; an empty list is a day off. */
  weeklyHours: z.array(z.array(HoursIntervalSchema)).check(z.length(7, 'weeklyHours needs seven entries, Monday first')),
  /** Dates ("YYYY-MM-DD", in the zone of each computation) on which no hours count. Default none. */
  holidays: z._default(z.array(IsoDateSchema), []),
});
/**
 * A business calendar (see {@link BusinessCalendarSchema}): the `calendar` option of business-day counts
 * (`dayCount: 'business'`) and of the business-hours response clock (`clock: 'business'`).
 *
 * @example
 * ```ts
 * const sixDays: BusinessCalendar = {
 *   weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 6 ? [{ start: '09:00', end: '18:00' }] : [])),
 *   holidays: [],
 * };
 * ```
 */
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

/**
 * Monday–Friday 09:00–17:00, no holidays: the default business calendar.
 *
 * @example
 * ```ts
 * const withHolidays: BusinessCalendar = { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2026-11-26'] };
 * ```
 */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = DEFAULT_HOURS;
