import {
  invalidCoverageGrid,
  invalidShiftDay,
  invalidShiftTime,
  invalidWeekday,
  mismatchedSlots,
  slotIndexOutOfRange,
} from '../messages.js';
import type { Shift, WeekdayName } from '../model/schedule.js';
import { WEEKDAY_NAMES, toMinutes } from '../model/schedule.js';
import { assertSlotMinutes } from '../time/slot.js';
import { MINUTES_PER_DAY } from '../time/civil.js';
import type { HeatmapCell } from './heatmap.js';
import { slotLabels } from './heatmap.js';

/**
 * Options of {@link scheduleCoverage}.
 *
 * @example
 * ```ts
 * scheduleCoverage(shifts, { slotMinutes: 60 } satisfies ScheduleCoverageOptions);
 * ```
 */
export interface ScheduleCoverageOptions {
  /** Slot length in minutes, a divisor of 1440; use the heatmap's. Default 30. */
  slotMinutes?: number;
}

/**
 * Who is on shift in one weekday × time-of-day slot.
 *
 * @example
 * ```ts
 * const alone: CoverageCell[] = scheduleCoverage(shifts).filter((c) => c.reps === 1);
 * ```
 */
export interface CoverageCell {
  /** Weekday name, "Monday" … "Sunday". */
  day: WeekdayName;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Wall-clock start of the slot, "HH:MM". */
  slot: string;
  /** Index of the slot in the day, 0 … 1440 / slotMinutes − 1. */
  slotIndex: number;
  /** Number of distinct reps on shift at some time in the slot. */
  reps: number;
  /** Their names, each once, in code-unit order (stable across locales). */
  repNames: string[];
}

/**
 * The staff schedule as a full 7 × (1440 / slotMinutes) grid, Monday 00:00 first: in each slot, the reps
 * whose shift overlaps it (a shift 09:10–09:20 puts its rep in the 09:00 slot). A shift whose `end` is at
 * or before its `start` crosses midnight into the next day, and Sunday's runs into Monday; `end` equal to
 * `start` is a 24-hour shift. Shifts are wall-clock times, read the way the heatmap reads `createdAt`.
 * Throws a `RangeError` naming the rep and the value for a shift with a bad weekday or time.
 *
 * @example
 * scheduleCoverage([{ rep: 'Ana', day: 6, start: '22:00', end: '02:00' }], { slotMinutes: 60 })
 *   .filter((c) => c.reps > 0).map((c) => `${c.day} ${c.slot}`);
 * // → ['Monday 00:00', 'Monday 01:00', 'Sunday 22:00', 'Sunday 23:00']
 */
export function scheduleCoverage(shifts: readonly Shift[], options: ScheduleCoverageOptions = {}): CoverageCell[] {
  const slotMinutes = options.slotMinutes ?? 30;
  assertSlotMinutes(slotMinutes);
  const slots = MINUTES_PER_DAY / slotMinutes;
  const reps: (Set<string> | undefined)[] = new Array(7 * slots);

  /** Puts `rep` in every slot of `weekday` overlapping [from, to) minutes. */
  const add = (rep: string, weekday: number, from: number, to: number) => {
    if (to <= from) return;
    const last = Math.ceil(to / slotMinutes) - 1;
    for (let s = Math.floor(from / slotMinutes); s <= last; s++) {
      const cell = weekday * slots + s;
      (reps[cell] ??= new Set()).add(rep);
    }
  };

  for (const shift of shifts) {
    const { rep, day } = shift;
    if (!Number.isInteger(day) || day < 0 || day > 6) throw new RangeError(invalidShiftDay(rep, day));
    const start = shiftMinutes(shift, 'start');
    const end = shiftMinutes(shift, 'end');
    if (end > start) add(rep, day, start, end);
    else {
      add(rep, day, start, MINUTES_PER_DAY);
      add(rep, (day + 1) % 7, 0, end);
    }
  }

  const labels = slotLabels(slotMinutes);
  const cells: CoverageCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slotIndex = 0; slotIndex < slots; slotIndex++) {
      const set = reps[weekday * slots + slotIndex];
      const repNames = set ? [...set].sort() : [];
      cells.push({ day: WEEKDAY_NAMES[weekday]!, weekday, slot: labels[slotIndex]!, slotIndex, reps: repNames.length, repNames });
    }
  }
  return cells;
}

const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

function shiftMinutes(shift: Shift, field: 'start' | 'end'): number {
  const value = shift[field];
  if (typeof value !== 'string' || !TIME_OF_DAY.test(value)) throw new RangeError(invalidShiftTime(shift.rep, field, value));
  return toMinutes(value);
}

/**
 * Leads against staff in one slot.
 *
 * @example
 * ```ts
 * const gaps: DemandCoverageCell[] = demandVsCoverage(cells, coverage).filter((c) => c.uncovered);
 * ```
 */
export interface DemandCoverageCell {
  /** Weekday name, "Monday" … "Sunday". */
  day: WeekdayName;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Wall-clock start of the slot, "HH:MM". */
  slot: string;
  /** Index of the slot in the day. */
  slotIndex: number;
  /** Leads that arrived in the slot (the heatmap cell's `total`; 0 where it has no cell). */
  leads: number;
  /** Reps on shift in the slot. */
  reps: number;
  /** Leads arrive and nobody is on shift: `leads > 0 && reps === 0`. */
  uncovered: boolean;
}

/**
 * Sets lead arrivals (heatmap cells from `aggregateBySlot`) against the schedule (`scheduleCoverage`) on
 * the full grid of the coverage, showing the slots where leads arrive and nobody is on shift. Both must be
 * built with the same `slotMinutes`; the slot is read from the size of the coverage grid, and a
 * mismatch throws a `RangeError` that says so.
 *
 * @example
 * const gaps = demandVsCoverage(aggregateBySlot(leads, { timeZone }), scheduleCoverage(shifts)).filter((c) => c.uncovered);
 */
export function demandVsCoverage(cells: readonly HeatmapCell[], coverage: readonly CoverageCell[]): DemandCoverageCell[] {
  if (coverage.length === 0) return [];
  const slots = coverage.length / 7;
  const slotMinutes = MINUTES_PER_DAY / slots;
  if (!Number.isInteger(slots) || !Number.isInteger(slotMinutes)) throw new RangeError(invalidCoverageGrid(coverage.length));
  const grid: DemandCoverageCell[] = new Array(coverage.length);
  for (const c of coverage) {
    const index = c.weekday * slots + c.slotIndex;
    if (!isIndex(c.weekday, 7) || !isIndex(c.slotIndex, slots) || grid[index] !== undefined) {
      throw new RangeError(invalidCoverageGrid(coverage.length));
    }
    grid[index] = { day: c.day, weekday: c.weekday, slot: c.slot, slotIndex: c.slotIndex, leads: 0, reps: c.reps, uncovered: false };
  }
  for (const cell of cells) {
    if (!isIndex(cell.weekday, 7)) throw new RangeError(invalidWeekday(cell.weekday));
    if (!isIndex(cell.slotIndex, slots)) throw new RangeError(slotIndexOutOfRange(cell.slotIndex, slotMinutes));
    const place = grid[cell.weekday * slots + cell.slotIndex]!;
    if (place.slot !== cell.slot) throw new RangeError(mismatchedSlots(cell.weekday, cell.slotIndex, place.slot, cell.slot));
    place.leads += cell.total;
  }
  for (const g of grid) {
    if (g === undefined) throw new RangeError(invalidCoverageGrid(coverage.length));
    g.uncovered = g.leads > 0 && g.reps === 0;
  }
  return grid;
}

function isIndex(value: number, length: number): boolean {
  return Number.isInteger(value) && value >= 0 && value < length;
}
