import type { Weekday } from '../../model/schedule.js';
import { WEEKDAY_NAMES } from '../../model/schedule.js';

// Built once: full and three-letter names, lower case, and the ISO numbers 1 (Monday) … 7 (Sunday).
const WEEKDAYS = new Map<string, Weekday>();
WEEKDAY_NAMES.forEach((name, day) => {
  WEEKDAYS.set(name.toLowerCase(), day);
  WEEKDAYS.set(name.slice(0, 3).toLowerCase(), day);
  WEEKDAYS.set(String(day + 1), day);
});

/** The {@link Weekday} (0 = Monday … 6 = Sunday) of a schedule's `day_of_week` value, or null when it is not one. */
export function parseWeekday(text: string): Weekday | null {
  return WEEKDAYS.get(text.trim().toLowerCase()) ?? null;
}
