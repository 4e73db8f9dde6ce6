// Re-exports only: the public time arithmetic. Internal helpers (civil-day arithmetic, the zone cache,
// per-calendar counters) stay unexported; metrics import them from their files.
export { MS_PER_DAY, weekdayOfDayNumber, formatDayNumber, parseDayNumber, daysInMonth, formatMinuteOfDay } from './civil.js';
export type { Zone } from './zone.js';
export type { ZonedParts, WallClock } from './wall-clock.js';
export { assertTimeZone } from './zone.js';
export { zonedParts, instantFromWallClock, localDayNumber, startOfLocalDay, endOfLocalDay } from './wall-clock.js';
export type { DayCount, DaysBetweenOptions } from './days.js';
export { calendarDaysBetween, businessDaysBetween, daysBetween, isBusinessDay } from './days.js';
export type { WeekSlot } from './slot.js';
export { assertSlotMinutes, isSlotMinutes, slotsPerDay, slotOf, slotLabel } from './slot.js';
// Named: business-hours.ts also holds an internal counter for hot loops.
export { businessMinutesBetween } from './business-hours.js';
export type { BusinessMinutesBetweenOptions } from './business-hours.js';
