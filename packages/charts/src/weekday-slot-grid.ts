/**
 * The weekday × slot grid shared by the response heatmap, coverage, demand-vs-coverage and comparison
 * figures: Monday → Sunday rows, one column per slot of the day, the empty-cell hatch, the tooltip heading.
 * weekday-slot-figure.ts draws a figure on it.
 *
 * @internal
 * @module
 */
import { WEEKDAY_NAMES, assertSlotMinutes, isSlotMinutes, slotLabel, slotsPerDay, toMinutes } from '@panopticon/core';
import { chartMessages } from './messages.js';
import { NEUTRAL_COLORS } from './palette.js';
import { svgElement } from './svg.js';

/** What a weekday × slot cell carries at least (every core cell type has these). */
export interface WeekdaySlot {
  weekday: number;
  slotIndex: number;
  slot: string;
}

/**
 * Options shared by the weekday × slot figures.
 *
 * @example
 * ```ts
 * const grid: WeekdaySlotOptions = { slotMinutes: 60, timeZone: 'America/New_York', rowHeight: 28 };
 * const cells = aggregateBySlot(leads, { timeZone: 'America/New_York', slotMinutes: 60 });
 * const svg = responseHeatmapFigure(cells, { document, ...grid });
 * ```
 */
export interface WeekdaySlotOptions {
  /**
   * The slot length the cells were built with (a divisor of 1440). Default: read from the cells (a cell's
   * "HH:MM" over its slot index, or the size of a full grid), else 30.
   */
  slotMinutes?: number;
  /** The IANA zone the slots were computed in, shown in the x-axis label. Default: not shown. */
  timeZone?: string;
  /** Height of one weekday row in pixels. Default 22. */
  rowHeight?: number;
  /**
   * Prefix of the ids inside the figure (the empty-cell hatch pattern is `<id>-empty`). Give figures of the
   * same kind on one page distinct ids if they style empty cells differently. Default `panopticon-<figure>`.
   */
  id?: string;
}

/** The slot length: the option, else read from the cells, else 30. Throws a `RangeError` for a bad option. */
export function resolveSlotMinutes(cells: readonly WeekdaySlot[], option: number | undefined): number {
  if (option !== undefined) {
    if (!isSlotMinutes(option)) throw new RangeError(chartMessages.invalidSlotMinutes(option));
    return option;
  }
  for (const c of cells) {
    if (c.slotIndex > 0 && /^\d\d:\d\d$/.test(c.slot)) {
      const minutes = toMinutes(c.slot) / c.slotIndex;
      if (isSlotMinutes(minutes)) return minutes;
    }
  }
  if (cells.length > 0 && cells.length % 7 === 0 && isSlotMinutes(1440 / (cells.length / 7))) return 1440 / (cells.length / 7);
  return 30;
}

/** One cell of the full grid: its place, and the data cell there if any. */
export interface GridPlace<T> {
  day: string;
  weekday: number;
  slot: string;
  slotIndex: number;
  datum: T | undefined;
}

/** The full 7 × slots grid, Monday 00:00 first, with each data cell in its place (later duplicates win). */
export function fullGrid<T extends WeekdaySlot>(cells: readonly T[], slotMinutes: number): GridPlace<T>[] {
  assertSlotMinutes(slotMinutes);
  const slots = slotsPerDay(slotMinutes);
  const grid: GridPlace<T>[] = [];
  for (let weekday = 0; weekday < 7; weekday++) {
    for (let slotIndex = 0; slotIndex < slots; slotIndex++) {
      grid.push({ day: WEEKDAY_NAMES[weekday]!, weekday, slot: slotLabel(slotIndex, slotMinutes), slotIndex, datum: undefined });
    }
  }
  for (const cell of cells) {
    if (
      Number.isInteger(cell.weekday) &&
      cell.weekday >= 0 &&
      cell.weekday < 7 &&
      Number.isInteger(cell.slotIndex) &&
      cell.slotIndex >= 0 &&
      cell.slotIndex < slots
    ) {
      grid[cell.weekday * slots + cell.slotIndex]!.datum = cell;
    }
  }
  return grid;
}

/** "Monday 08:30–09:00": the heading of a cell's tooltip. */
export function slotHeading(place: { weekday: number; slotIndex: number }, slotMinutes: number): string {
  const start = place.slotIndex * slotMinutes;
  const end = start + slotMinutes;
  const endLabel = end >= 1440 ? '24:00' : slotLabel(end / slotMinutes, slotMinutes);
  return `${WEEKDAY_NAMES[place.weekday] ?? place.weekday} ${slotLabel(place.slotIndex, slotMinutes)}–${endLabel}`;
}

/** The hatch pattern that marks an empty cell, with its `url(#…)`. */
export function hatchPattern(doc: Document, id: string): { node: SVGPatternElement; url: string } {
  const patternId = `${id}-empty`;
  const node = svgElement(doc, 'pattern', {
    id: patternId,
    patternUnits: 'userSpaceOnUse',
    width: 6,
    height: 6,
    patternTransform: 'rotate(45)',
  });
  node.append(svgElement(doc, 'rect', { width: 6, height: 6, fill: NEUTRAL_COLORS.empty }));
  node.append(svgElement(doc, 'line', { x1: 0, y1: 0, x2: 0, y2: 6, stroke: NEUTRAL_COLORS.hatch, 'stroke-width': 1.5 }));
  return { node, url: `url(#${patternId})` };
}
