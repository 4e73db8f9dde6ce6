import { z } from 'zod';

/** Weekday index used everywhere in Panopticon: 0 = Monday … 6 = Sunday (ISO order). */
export const WeekdaySchema = z.number().int().min(0).max(6);
export type Weekday = z.infer<typeof WeekdaySchema>;

/** English weekday names, indexed by {@link Weekday}. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
/** A wall-clock time of day, "HH:MM" (24-hour). "24:00" is allowed as an end. */
export const TimeOfDaySchema = z.string().regex(TIME_OF_DAY, 'expected a time of day as HH:MM (00:00–24:00)');

/**
 * One weekly shift of a rep. `start` and `end` are wall-clock times in the schedule's time zone;
 * an `end` at or before `start` means the shift crosses midnight into the next day.
 */
export const ShiftSchema = z.object({
  rep: z.string().min(1),
  day: WeekdaySchema,
  start: TimeOfDaySchema,
  end: TimeOfDaySchema,
});
export type Shift = z.infer<typeof ShiftSchema>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar date without time, "YYYY-MM-DD". */
export const IsoDateSchema = z.string().regex(ISO_DATE, 'expected a date as YYYY-MM-DD');

/** An interval of a working day, wall-clock "HH:MM" to "HH:MM" (end after start). */
export const HoursIntervalSchema = z
  .object({ start: TimeOfDaySchema, end: TimeOfDaySchema })
  .refine((h) => toMinutes(h.end) > toMinutes(h.start), { message: 'end must be after start', path: ['end'] });
export type HoursInterval = z.infer<typeof HoursIntervalSchema>;

/**
 * When the business works: weekly hours (per weekday, 0 = Monday) and holidays (dates on which no hours count).
 * Interpreted in the time zone passed to each function.
 */
export const BusinessCalendarSchema = z.object({
  /** Seven entries, Monday first; an empty list is a day off. */
  weeklyHours: z.array(z.array(HoursIntervalSchema)).length(7, 'weeklyHours needs seven entries, Monday first'),
  holidays: z.array(IsoDateSchema).default([]),
});
export type BusinessCalendar = z.infer<typeof BusinessCalendarSchema>;

/** Monday–Friday 09:00–17:00, no holidays: the default business calendar. */
export const DEFAULT_BUSINESS_CALENDAR: BusinessCalendar = {
  weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '09:00', end: '17:00' }] : [])),
  holidays: [],
};

/** Minutes since midnight of an "HH:MM" time of day. */
export function toMinutes(timeOfDay: string): number {
  return Number(timeOfDay.slice(0, 2)) * 60 + Number(timeOfDay.slice(3, 5));
}
