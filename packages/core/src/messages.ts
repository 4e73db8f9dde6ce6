/**
 * User-facing error and warning texts of `@panopticon/core`, kept together so wording stays consistent
 * and tests can match them. Each text names the bad value and says what is expected instead.
 *
 * Additive: each concern appends its own section; existing texts are not reworded lightly because tests
 * (and users' log filters) match them.
 *
 * @module
 */

/** Quotes a value for a message: strings in double quotes, everything else as `String()` shows it. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

// ---------------------------------------------------------------------------------------------------------
// time/

/** A time zone argument that is missing, empty or not a string. */
export function missingTimeZone(value: unknown): string {
  return `timeZone is required: an IANA name such as "America/New_York" or "UTC" (never the host's zone); got ${show(value)}.`;
}

/** A time zone name this runtime does not know. */
export function unknownTimeZone(name: string): string {
  return `Unknown time zone ${show(name)}: use an IANA name such as "America/New_York" or "UTC".`;
}

/** `slotMinutes` is not a positive whole divisor of the 1440 minutes of a day. */
export function invalidSlotMinutes(value: unknown): string {
  return `slotMinutes must be a positive whole number of minutes that divides a day of 1440 minutes (such as 15, 30 or 60); got ${show(value)}.`;
}

/** A slot index outside the day for the slot length. */
export function slotIndexOutOfRange(slotIndex: unknown, slotMinutes: number): string {
  return `slotIndex must be a whole number from 0 to ${1440 / slotMinutes - 1} for ${slotMinutes}-minute slots; got ${show(slotIndex)}.`;
}

/** An instant argument that is not a valid date. */
export function invalidInstant(name: string, value: unknown): string {
  return `${name} must be a valid Date (or epoch milliseconds); got ${show(value)}.`;
}

// ---------------------------------------------------------------------------------------------------------
// response/

/** `clock: 'business'` was asked for without a time zone to read business hours in. */
export function businessClockNeedsTimeZone(): string {
  return `clock: 'business' needs a timeZone (an IANA name such as "America/New_York") in which to read business hours.`;
}

/** An unknown `clock` option. */
export function invalidClock(value: unknown): string {
  return `clock must be 'wall' or 'business'; got ${show(value)}.`;
}

/** `slaMinutes` is negative or not a number. */
export function invalidSlaMinutes(value: unknown): string {
  return `slaMinutes must be a number of minutes, zero or more (default 60); got ${show(value)}.`;
}

/** A period bound (`from` / `to`) that is not a valid date. */
export function invalidPeriodBound(name: string, value: unknown): string {
  return `${name} must be a valid Date; got ${show(value)}.`;
}

/** A shift whose weekday is not 0 (Monday) … 6 (Sunday). */
export function invalidShiftDay(rep: string, value: unknown): string {
  return `Shift of ${show(rep)}: day must be a weekday number from 0 (Monday) to 6 (Sunday); got ${show(value)}.`;
}

/** A shift whose start or end is not an "HH:MM" time of day. */
export function invalidShiftTime(rep: string, field: 'start' | 'end', value: unknown): string {
  return `Shift of ${show(rep)}: ${field} must be a time of day "HH:MM" from 00:00 to 24:00; got ${show(value)}.`;
}

/** A coverage grid whose size is not 7 × slots for any valid slot length. */
export function invalidCoverageGrid(length: number): string {
  return `coverage must be a full grid of 7 × (1440 / slotMinutes) cells as scheduleCoverage returns; got ${length} cells.`;
}

/** Two heatmaps (or a heatmap and a grid) built with different slot lengths. */
export function mismatchedSlots(weekday: number, slotIndex: number, a: string, b: string): string {
  return `Cells for weekday ${weekday}, slotIndex ${slotIndex} disagree on the slot (${show(a)} vs ${show(b)}): build both with the same slotMinutes.`;
}

/** A cell or shift weekday that is not 0 (Monday) … 6 (Sunday). */
export function invalidWeekday(value: unknown): string {
  return `weekday must be a whole number from 0 (Monday) to 6 (Sunday); got ${show(value)}.`;
}
