import { invalidSlotMinutes, invalidInstant, slotIndexOutOfRange } from '../messages.js';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE, formatMinuteOfDay, weekdayOfDayNumber } from './civil.js';
import { getZone } from './zone.js';

/**
 * Where an instant falls in the week, read on the wall clock of a time zone ({@link slotOf}).
 *
 * @example
 * ```ts
 * const { weekday, slotIndex }: WeekSlot = slotOf(lead.createdAt, 'America/New_York');
 * ```
 */
export interface WeekSlot {
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Index of the slot within the day: 0 … 1440 / slotMinutes − 1. */
  slotIndex: number;
  /** The slot's first minute since midnight (the floored wall-clock time): 08:44 → 510 (08:30) for 30-minute slots. */
  minuteOfDay: number;
}

/**
 * Throws a `RangeError` naming the value unless `slotMinutes` is a positive whole number that divides
 * the 1440 minutes of a day (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 30, 32, 36, 40, 45, 48, 60, …, 1440: 36 sizes).
 * Slot lengths that do not divide the day would leave a ragged last slot and break the 7 × slots grid.
 *
 * @example
 * assertSlotMinutes(30); // fine
 * assertSlotMinutes(7);  // RangeError: slotMinutes must be … got 7.
 */
export function assertSlotMinutes(slotMinutes: number): void {
  if (!isSlotMinutes(slotMinutes)) throw new RangeError(invalidSlotMinutes(slotMinutes));
}

/**
 * Whether `value` is a valid slot length: a positive whole number of minutes that divides the 1440 minutes
 * of a day. The one statement of the rule; {@link assertSlotMinutes} and every caller use it.
 *
 * @example
 * ```ts
 * isSlotMinutes(45); // true
 * isSlotMinutes(7); // false
 * ```
 */
export function isSlotMinutes(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 && MINUTES_PER_DAY % value === 0;
}

/**
 * Number of slots in a day for the slot length (48 for 30 minutes). Throws like {@link assertSlotMinutes}.
 *
 * @example
 * ```ts
 * slotsPerDay(15); // 96
 * ```
 */
export function slotsPerDay(slotMinutes: number): number {
  assertSlotMinutes(slotMinutes);
  return MINUTES_PER_DAY / slotMinutes;
}

/**
 * The weekday and `slotMinutes` slot of an instant's wall-clock time in `timeZone`, floored
 * (08:44 → the 08:30 slot). Uses the zone's cached offsets: no `Intl` call and no `Date` per call.
 *
 * @param instant A `Date` or epoch milliseconds.
 * @param timeZone IANA time zone in which the wall clock is read.
 * @param slotMinutes Slot length in minutes, a divisor of 1440. Default 30.
 * @example
 * slotOf(new Date('2025-06-02T12:44:00Z'), 'America/New_York'); // Monday 08:44 EDT
 * // → { weekday: 0, slotIndex: 17, minuteOfDay: 510 }
 */
export function slotOf(instant: Date | number, timeZone: string, slotMinutes = 30): WeekSlot {
  assertSlotMinutes(slotMinutes);
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError(invalidInstant('instant', instant));
  const local = getZone(timeZone).toLocal(ms);
  const dayNumber = Math.floor(local / MS_PER_DAY);
  const slotIndex = Math.floor((local - dayNumber * MS_PER_DAY) / (slotMinutes * MS_PER_MINUTE));
  return { weekday: weekdayOfDayNumber(dayNumber), slotIndex, minuteOfDay: slotIndex * slotMinutes };
}

/**
 * The "HH:MM" wall-clock start of a slot: `slotLabel(17, 30)` is "08:30". Throws a `RangeError` naming
 * the value when the index is outside the day.
 *
 * @example
 * ```ts
 * slotLabel(17); // '08:30'
 * slotLabel(8, 60); // '08:00'
 * ```
 */
export function slotLabel(slotIndex: number, slotMinutes = 30): string {
  const slots = slotsPerDay(slotMinutes);
  if (!Number.isInteger(slotIndex) || slotIndex < 0 || slotIndex >= slots) {
    throw new RangeError(slotIndexOutOfRange(slotIndex, slotMinutes));
  }
  return formatMinuteOfDay(slotIndex * slotMinutes);
}
