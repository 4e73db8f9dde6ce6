// Re-exports only: the public time arithmetic. Internal helpers (civil-day arithmetic, the zone cache,
// per-calendar counters, calendarDaysBetween/businessDaysBetween behind daysBetween, business minutes behind
// responseMinutes' business clock) stay unexported; metrics import them from their files.
export { MS_PER_DAY, weekdayOfDayNumber, formatDayNumber, parseDayNumber, daysInMonth, formatMinuteOfDay } from './civil.js';
export type { ZonedParts, WallClock } from './wall-clock.js';
export { assertTimeZone } from './zone.js';
export { zonedParts, instantFromWallClock, localDayNumber, startOfLocalDay, endOfLocalDay } from './wall-clock.js';
export type { DayCount, DaysBetweenOptions } from './days.js';
export { daysBetween } from './days.js';
export type { WeekSlot } from './slot.js';
export { assertSlotMinutes, isSlotMinutes, slotsPerDay, slotOf, slotLabel } from './slot.js';
