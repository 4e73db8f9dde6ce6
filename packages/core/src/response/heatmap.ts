import { invalidWeekday, mismatchedSlots, slotIndexOutOfRange } from '../messages.js';
import { WEEKDAY_NAMES } from '../model/schedule.js';
import { assertSlotMinutes } from '../time/slot.js';
import { MINUTES_PER_DAY } from '../time/civil.js';
import type { AggregateBySlotOptions, HeatmapCell, SlotLead } from './heatmap-cell.js';
import { slotAggregator, slotLabels } from './slot-aggregator.js';
import { instantMsOf, optionalInstantMsOf } from '../model/lead-instant.js';

export { slotLabels };

export type { AggregateBySlotOptions, HeatmapCell, SlotLead } from './heatmap-cell.js';

/**
 * Response performance by the weekday and time-of-day slot in which leads arrived (`createdAt` on the
 * wall clock of `timeZone`, floored to `slotMinutes`). Returns cells only for slots that received
 * leads, sorted by weekday then slot; `heatmapGrid` fills in the rest for charts.
 *
 * Leads are first filtered like `filterLeads` (period by `createdAt`, `[from, to)`; team; locator).
 * A lead whose `createdAt` or `firstContactAt` is not a valid `Date` throws an error naming the lead and the
 * field (`parseLeads` turns plain JSON into checked leads).
 *
 * Built for a million rows: one pass through a `createSlotAggregator` (typed-array counters keyed by
 * `weekday × slots + slot`, the zone's cached offsets instead of `Intl`, no `Date` per row), then a
 * counting sort that groups response minutes by cell and a selection (not a sort) for each cell's quantiles.
 *
 * @example
 * const cells = aggregateBySlot(leads, { timeZone: 'America/New_York', slotMinutes: 60, slaMinutes: 15 });
 * // [{ day: 'Monday', weekday: 0, slot: '08:00', slotIndex: 8, total: 12, contacted: 11, withinSla: 7,
 * //    pctWithinSla: 58.33…, neverContacted: 1, invalid: 0, medianMinutes: 9.5, p90Minutes: 41 }, …]
 */
export function aggregateBySlot(leads: readonly SlotLead[], options: AggregateBySlotOptions): HeatmapCell[] {
  const heatmap = slotAggregator(options);
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i]!;
    const contactMs = optionalInstantMsOf(lead, 'firstContactAt');
    heatmap.add(instantMsOf(lead, 'createdAt'), contactMs === contactMs ? contactMs : null, lead.team, lead.locator);
  }
  return heatmap.cells();
}

/**
 * Options of {@link heatmapGrid}.
 *
 * @example
 * ```ts
 * heatmapGrid(aggregateBySlot(leads, { timeZone, slotMinutes: 60 }), { slotMinutes: 60 } satisfies HeatmapGridOptions);
 * ```
 */
export interface HeatmapGridOptions {
  /** The slot length the cells were built with, a divisor of 1440. Default 30. */
  slotMinutes?: number;
}

/**
 * The full 7 × (1440 / slotMinutes) grid, Monday 00:00 first: the given cells in their places and an
 * empty cell (total 0, percentages and quantiles null) everywhere else, so charts draw every slot.
 * Throws a `RangeError` when a cell does not fit the slot length (it was built with another one).
 *
 * @example
 * heatmapGrid(aggregateBySlot(leads, { timeZone, slotMinutes: 60 }), { slotMinutes: 60 }).length; // 168
 */
export function heatmapGrid(cells: readonly HeatmapCell[], options: HeatmapGridOptions = {}): HeatmapCell[] {
  const slotMinutes = options.slotMinutes ?? 30;
  assertSlotMinutes(slotMinutes);
  const slots = MINUTES_PER_DAY / slotMinutes;
  const labels = slotLabels(slotMinutes);
  const grid: HeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slotIndex = 0; slotIndex < slots; slotIndex++) grid.push(emptyHeatmapCell(weekday, slotIndex, labels[slotIndex]!));
  }
  for (const cell of cells) {
    if (!Number.isInteger(cell.slotIndex) || cell.slotIndex < 0 || cell.slotIndex >= slots) {
      throw new RangeError(slotIndexOutOfRange(cell.slotIndex, slotMinutes));
    }
    const index = cell.weekday * slots + cell.slotIndex;
    const place = grid[index];
    if (place === undefined) throw new RangeError(invalidWeekday(cell.weekday));
    if (place.slot !== cell.slot) throw new RangeError(mismatchedSlots(cell.weekday, cell.slotIndex, place.slot, cell.slot));
    grid[index] = { ...cell };
  }
  return grid;
}

/** An empty cell (no leads) for a weekday and slot. Internal to the response folder. */
export function emptyHeatmapCell(weekday: number, slotIndex: number, slot: string): HeatmapCell {
  return {
    day: WEEKDAY_NAMES[weekday]!,
    weekday,
    slot,
    slotIndex,
    total: 0,
    contacted: 0,
    withinSla: 0,
    pctWithinSla: null,
    neverContacted: 0,
    invalid: 0,
    medianMinutes: null,
    p90Minutes: null,
  };
}
