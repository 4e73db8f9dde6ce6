import { mismatchedSlots } from '../messages.js';
import type { WeekdayName } from '../model/schedule.js';
import type { AggregateBySlotOptions, HeatmapCell, SlotLead } from './heatmap.js';
import { aggregateBySlot } from './heatmap.js';

/**
 * One period's figures in a {@link HeatmapComparisonCell}.
 *
 * @example
 * ```ts
 * const { total, pctWithinSla }: HeatmapPeriodFigures = comparison[0]!.current;
 * ```
 */
export interface HeatmapPeriodFigures {
  /** Leads that arrived in the slot (0 when the period has no cell there). */
  total: number;
  /** Contacted within SLA. */
  withinSla: number;
  /** `withinSla / total × 100`; null when `total` is 0. */
  pctWithinSla: number | null;
}

/**
 * The same weekday × slot in two periods, and how it changed.
 *
 * @example
 * ```ts
 * const slower: HeatmapComparisonCell[] = comparison.filter((c) => (c.deltaPct ?? 0) < -20);
 * ```
 */
export interface HeatmapComparisonCell {
  /** Weekday name, "Monday" … "Sunday". */
  day: WeekdayName;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Wall-clock start of the slot, "HH:MM". */
  slot: string;
  /** Index of the slot in the day. */
  slotIndex: number;
  /** The period under review. */
  current: HeatmapPeriodFigures;
  /** The period it is compared with. */
  previous: HeatmapPeriodFigures;
  /** `current.total − previous.total`. */
  deltaTotal: number;
  /** `current.pctWithinSla − previous.pctWithinSla` in percentage points; null where either is null. */
  deltaPct: number | null;
}

/**
 * Compares two heatmaps (from `aggregateBySlot`, same `slotMinutes`) slot by slot: one row for every slot
 * present in either, sorted by weekday then slot, with a missing side counted as no leads. Throws a
 * `RangeError` when the two disagree on a slot's label (built with different slot lengths). Internal: the
 * public name of the metric ("Period comparison" in docs/metrics.md) is {@link comparePeriods}.
 *
 * @internal
 * @example
 * compareHeatmaps(aggregateBySlot(thisWeek, { timeZone }), aggregateBySlot(lastWeek, { timeZone }))
 *   .filter((c) => c.deltaPct !== null && c.deltaPct < -20); // slots that got much slower
 */
export function compareHeatmaps(current: readonly HeatmapCell[], previous: readonly HeatmapCell[]): HeatmapComparisonCell[] {
  // Keyed by weekday and slot index; both come from the same grid, so the key is exact.
  const rows = new Map<number, HeatmapComparisonCell>();
  const place = (cell: HeatmapCell, side: 'current' | 'previous') => {
    const key = cell.weekday * 1_000_000 + cell.slotIndex;
    let row = rows.get(key);
    if (row === undefined) {
      row = {
        day: cell.day,
        weekday: cell.weekday,
        slot: cell.slot,
        slotIndex: cell.slotIndex,
        current: noLeads(),
        previous: noLeads(),
        deltaTotal: 0,
        deltaPct: null,
      };
      rows.set(key, row);
    } else if (row.slot !== cell.slot) {
      throw new RangeError(mismatchedSlots(cell.weekday, cell.slotIndex, row.slot, cell.slot));
    }
    row[side] = { total: cell.total, withinSla: cell.withinSla, pctWithinSla: cell.pctWithinSla };
  };
  for (const cell of current) place(cell, 'current');
  for (const cell of previous) place(cell, 'previous');
  const out = [...rows.values()].sort((a, b) => a.weekday - b.weekday || a.slotIndex - b.slotIndex);
  for (const row of out) {
    row.deltaTotal = row.current.total - row.previous.total;
    const a = row.current.pctWithinSla;
    const b = row.previous.pctWithinSla;
    row.deltaPct = a === null || b === null ? null : a - b;
  }
  return out;
}

function noLeads(): HeatmapPeriodFigures {
  return { total: 0, withinSla: 0, pctWithinSla: null };
}

/**
 * A period of lead arrivals: `createdAt` in `[from, to)`.
 *
 * @example
 * ```ts
 * const october: ComparisonPeriod = {
 *   from: instantFromWallClock({ year: 2026, month: 10, day: 1 }, 'America/New_York'),
 *   to: instantFromWallClock({ year: 2026, month: 11, day: 1 }, 'America/New_York'),
 * };
 * ```
 */
export interface ComparisonPeriod {
  /** First instant of the period (inclusive). */
  from: Date;
  /** End of the period (exclusive). */
  to: Date;
}

/**
 * Options of {@link comparePeriods}: the two periods, and every option of `aggregateBySlot` but its own period.
 *
 * @example
 * ```ts
 * const options: ComparePeriodsOptions = { timeZone: 'America/New_York', slotMinutes: 60, current: october, previous: september };
 * ```
 */
export interface ComparePeriodsOptions extends Omit<AggregateBySlotOptions, 'from' | 'to'> {
  /** The period under review. Required. */
  current: ComparisonPeriod;
  /** The period to compare it with (often the one just before, of the same length). Required. */
  previous: ComparisonPeriod;
}

/**
 * The heatmaps of two periods of the same leads, compared: `aggregateBySlot` for each period (with the
 * same zone, slot length, SLA, clock and team / locator filters), then compared slot by slot.
 *
 * @example
 * comparePeriods(leads, {
 *   timeZone: 'America/New_York',
 *   current: { from: new Date('2025-06-09T04:00:00Z'), to: new Date('2025-06-16T04:00:00Z') },
 *   previous: { from: new Date('2025-06-02T04:00:00Z'), to: new Date('2025-06-09T04:00:00Z') },
 * });
 */
export function comparePeriods(leads: readonly SlotLead[], options: ComparePeriodsOptions): HeatmapComparisonCell[] {
  const { current, previous, ...rest } = options;
  return compareHeatmaps(
    aggregateBySlot(leads, { ...rest, from: current.from, to: current.to }),
    aggregateBySlot(leads, { ...rest, from: previous.from, to: previous.to }),
  );
}
