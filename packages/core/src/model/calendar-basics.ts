// Weekday names, the default business hours and "HH:MM" arithmetic: the calendar parts that need no
// schema (schedule.ts holds the schemas and re-exports these).

/**
 * English weekday names, indexed by weekday number (0 = Monday).
 *
 * @example
 * ```ts
 * WEEKDAY_NAMES[0]; // 'Monday'
 * ```
 */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
/**
 * One of {@link WEEKDAY_NAMES}: the `day` of heatmap and coverage cells.
 *
 * @example
 * ```ts
 * const day: WeekdayName = 'Friday';
 * ```
 */
export type WeekdayName = (typeof WEEKDAY_NAMES)[number];

/** Monday–Friday 09:00–17:00, no holidays (`DEFAULT_BUSINESS_CALENDAR` of schedule.ts). */
export const DEFAULT_HOURS = {
  weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '09:00', end: '17:00' }] : [])),
  holidays: [] as string[],
};

/**
 * Minutes since midnight of an "HH:MM" time of day.
 *
 * @example
 * ```ts
 * toMinutes('08:30'); // 510
 * ```
 */
export function toMinutes(timeOfDay: string): number {
  return Number(timeOfDay.slice(0, 2)) * 60 + Number(timeOfDay.slice(3, 5));
}
