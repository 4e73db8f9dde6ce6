/**
 * Drawing a figure on the weekday × slot grid (weekday-slot-grid.ts): what the response heatmap, coverage,
 * demand-vs-coverage and comparison figures share, from the options and the "no data" figure to the
 * hatched empty cells, the axes and the composed `<svg>`. Each figure only says how its cells are coloured.
 *
 * @internal
 * @module
 */
import * as Plot from '@observablehq/plot';
import { WEEKDAY_NAMES, slotLabel, slotsPerDay } from '@panopticon/core';
import { composeFigure } from './compose.js';
import type { LegendPart } from './legend.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { resolveFigureOptions } from './options.js';
import { NEUTRAL_COLORS } from './palette.js';
import type { GridPlace, WeekdaySlot, WeekdaySlotOptions } from './weekday-slot-grid.js';
import { fullGrid, hatchPattern, resolveSlotMinutes } from './weekday-slot-grid.js';

/** What sets one weekday × slot figure apart before its cells are drawn. */
export interface WeekdaySlotFigureKind<T extends WeekdaySlot> {
  /** Kebab-case name: the root class, `data-figure`, and the hatch id `panopticon-<name>-empty` by default. */
  name: string;
  /** The title unless the options give one. */
  title: string;
  /** The "no data" message unless the options give one. */
  emptyMessage: string;
  /** Whether a cell holds something to draw; with none, the figure is the "no data" figure. */
  hasData: (cell: T) => boolean;
  /** Whether a cell is coloured; a place without a cell, or with one that is not, is hatched as empty. */
  isFilled: (cell: T) => boolean;
}

/** The grid a figure colours: the slot length, every place of the week, and the hatch of empty cells. */
export interface WeekdaySlotFrame<T extends WeekdaySlot> {
  slotMinutes: number;
  grid: GridPlace<T>[];
  /** The places whose cell {@link WeekdaySlotFigureKind.isFilled}, in grid order. */
  filled: GridPlace<T>[];
  /** The other places, in grid order: drawn hatched. */
  empty: GridPlace<T>[];
  hatch: { url: string };
}

/** How a figure colours its grid. */
export interface WeekdaySlotDrawing<T extends WeekdaySlot> {
  /** The tooltip of every place, empty ones included. */
  tip: (place: GridPlace<T>) => string;
  /** The subtitle unless the options give one (or `null`). */
  subtitle: string;
  legend: readonly LegendPart[];
  color: Plot.ScaleOptions;
  /** The marks drawn over the hatched empty cells. */
  marks: Plot.Markish[];
}

/**
 * A weekday × slot figure: the "no data" figure when no cell {@link WeekdaySlotFigureKind.hasData}, else the
 * grid of the cells with the empty places hatched under the marks `draw` returns.
 */
export function weekdaySlotFigure<T extends WeekdaySlot>(
  cells: readonly T[],
  options: FigureOptions & WeekdaySlotOptions,
  kind: WeekdaySlotFigureKind<T>,
  draw: (frame: WeekdaySlotFrame<T>) => WeekdaySlotDrawing<T>,
): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 760, title: kind.title });
  if (!cells.some((cell) => kind.hasData(cell))) {
    return emptyFigure(kind.name, { doc, width, title }, options, undefined, kind.emptyMessage);
  }
  const slotMinutes = resolveSlotMinutes(cells, options.slotMinutes);
  const grid = fullGrid(cells, slotMinutes);
  const hatch = hatchPattern(doc, options.id ?? `panopticon-${kind.name}`);
  const filled: GridPlace<T>[] = [];
  const empty: GridPlace<T>[] = [];
  for (const place of grid) (place.datum !== undefined && kind.isFilled(place.datum) ? filled : empty).push(place);
  const drawing = draw({ slotMinutes, grid, filled, empty, hatch });
  const emptyCells = Plot.cell(empty, {
    x: 'slot',
    y: 'day',
    fill: hatch.url,
    stroke: NEUTRAL_COLORS.outline,
    strokeWidth: 0.5,
    inset: 0.5,
    title: drawing.tip,
  });
  const plot = plotWeekdaySlots({
    document: doc,
    width,
    slotMinutes,
    timeZone: options.timeZone,
    rowHeight: options.rowHeight,
    color: drawing.color,
    marks: [emptyCells, ...drawing.marks],
  });
  return composeFigure({
    document: doc,
    background: options.background,
    name: kind.name,
    title,
    subtitle: options.subtitle === undefined ? drawing.subtitle : options.subtitle,
    width,
    legend: drawing.legend,
    defs: [hatch.node],
    plot,
  });
}

const MARGIN_LEFT = 72;

/** The marks on the weekday × slot axes: Monday → Sunday rows, one column per slot, the hours labelled. */
function plotWeekdaySlots(input: {
  document: Document;
  width: number;
  slotMinutes: number;
  timeZone: string | undefined;
  rowHeight: number | undefined;
  color: Plot.ScaleOptions;
  marks: Plot.Markish[];
}): SVGSVGElement {
  const rowHeight = input.rowHeight ?? 22;
  const slots = slotsPerDay(input.slotMinutes);
  const labels = Array.from({ length: slots }, (_, i) => slotLabel(i, input.slotMinutes));
  const columnWidth = (input.width - MARGIN_LEFT - 8) / slots;
  // Label the hours at a spacing that leaves room for "HH:MM" (about 30 px).
  const everyHours = [1, 2, 3, 4, 6, 12].find((h) => (h * 60 * columnWidth) / input.slotMinutes >= 34) ?? 24;
  const ticks = labels.filter((_, i) => (i * input.slotMinutes) % (everyHours * 60) === 0);
  const marginTop = 20;
  const marginBottom = 36;
  return Plot.plot({
    document: input.document,
    width: input.width,
    height: marginTop + 7 * rowHeight + marginBottom,
    marginLeft: MARGIN_LEFT,
    marginRight: 8,
    marginTop,
    marginBottom,
    padding: 0,
    x: {
      type: 'band',
      domain: labels,
      ticks,
      tickSize: 3,
      label: `Time of day, slot start${input.timeZone ? ` (${input.timeZone})` : ''}`,
      labelAnchor: 'center',
    },
    y: { type: 'band', domain: [...WEEKDAY_NAMES], tickSize: 0, label: 'Weekday', labelAnchor: 'top' },
    color: input.color,
    marks: input.marks,
  }) as SVGSVGElement;
}
