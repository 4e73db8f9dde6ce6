import type { BusinessCalendar, WeekdayName } from '../model/schedule.js';
import type { FilterableLead, FilterLeadsOptions } from './filter.js';
import type { ResponseClock, ResponseLead } from './response-time.js';

/**
 * What the heatmap reads of a lead: `createdAt`, `firstContactAt`, and `team` / `locator` when filtering. Plain objects work.
 *
 * @example
 * ```ts
 * const rows: SlotLead[] = [{ createdAt: new Date('2026-10-05T13:10:00Z'), firstContactAt: new Date('2026-10-05T13:25:00Z') }];
 * aggregateBySlot(rows, { timeZone: 'America/New_York' });
 * ```
 */
export type SlotLead = ResponseLead & FilterableLead;

/**
 * Options of {@link aggregateBySlot}: the slotting, the SLA, the clock, and the filters of `filterLeads`.
 *
 * @example
 * ```ts
 * const options: AggregateBySlotOptions = { timeZone: 'America/Chicago', slotMinutes: 60, slaMinutes: 15, team: 'East' };
 * ```
 */
export interface AggregateBySlotOptions extends FilterLeadsOptions {
  /** IANA time zone in which each lead's `createdAt` is placed on the week (and business hours are read). Required. */
  timeZone: string;
  /** Slot length in minutes, a divisor of 1440. Default 30. */
  slotMinutes?: number;
  /** A contacted lead is within SLA when its response minutes are at most this. Default 60. */
  slaMinutes?: number;
  /** `'wall'` counts every minute; `'business'` only minutes inside `calendar`'s hours in `timeZone`. Default `'wall'`. */
  clock?: ResponseClock;
  /** Weekly hours and holidays for `clock: 'business'`. Default Monday–Friday 09:00–17:00, no holidays. */
  calendar?: BusinessCalendar;
}

/**
 * Response performance of the leads that arrived in one weekday × time-of-day slot.
 *
 * @example
 * ```ts
 * const worst: HeatmapCell | undefined = cells.filter((c) => c.total >= 5).sort((a, b) => a.pctWithinSla! - b.pctWithinSla!)[0];
 * ```
 */
export interface HeatmapCell {
  /** Weekday name, "Monday" … "Sunday". */
  day: WeekdayName;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Wall-clock start of the slot, "HH:MM". */
  slot: string;
  /** Index of the slot in the day, 0 … 1440 / slotMinutes − 1. */
  slotIndex: number;
  /** Leads that arrived in the slot (including never-contacted and invalid ones). */
  total: number;
  /** Leads with a valid first contact. */
  contacted: number;
  /** Contacted leads whose response minutes are at most `slaMinutes`. */
  withinSla: number;
  /** `withinSla / total × 100`; null only when `total` is 0. */
  pctWithinSla: number | null;
  /** Leads never contacted. */
  neverContacted: number;
  /** Leads whose first contact is before creation: counted in `total` only. */
  invalid: number;
  /** Median response minutes of the contacted leads (type-7 quantile, as pandas); null when none. */
  medianMinutes: number | null;
  /** 90th percentile response minutes of the contacted leads (type 7); null when none. */
  p90Minutes: number | null;
}
