import * as Plot from '@observablehq/plot';
import type { CoverageCell } from '@panopticon/core';
import { plural, truncate } from './format.js';
import { emptySwatch, niceTicks } from './legend.js';
import { noDataFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { resolveDocument, resolveWidth } from './options.js';
import { NEUTRAL_COLORS } from './palette.js';
import type { WeekdaySlotOptions } from './weekday-slot-grid.js';
import { fullGrid, hatchPattern, resolveBucketMinutes, slotHeading, weekdaySlotFigure } from './weekday-slot-grid.js';

/**
 * Options of {@link coverageHeatmapFigure}.
 *
 * @example
 * ```ts
 * const options: CoverageHeatmapFigureOptions = { document, bucketMinutes: 60, range: ['#fee6ce', '#a63603'], maxNames: 5 };
 * const svg = coverageHeatmapFigure(scheduleCoverage(shifts, { bucketMinutes: 60 }), options);
 * ```
 */
export interface CoverageHeatmapFigureOptions extends FigureOptions, WeekdaySlotOptions {
  /** Colours of the rep count, from one rep (light) to the most (dark). Default `['#c6dbef', '#08306b']` (blues). */
  range?: readonly [string, string];
  /** How many rep names a tooltip lists before "and N more". Default 8. */
  maxNames?: number;
  /** Default "Staff coverage". */
  title?: string;
  /** Default "Reps on shift in each slot of the week". */
  subtitle?: string | null;
  /** Default 760. */
  width?: number;
  /** Default "No shifts in the schedule". */
  emptyMessage?: string;
}

/**
 * Staff coverage: reps on shift per weekday × slot, from `scheduleCoverage`. Slots with nobody on shift are
 * hatched (empty), so gaps in the week stand out; the tooltip lists who is on shift. Returns the "no data"
 * figure for an empty schedule.
 *
 * @example
 * ```ts
 * const svg = coverageHeatmapFigure(scheduleCoverage(shifts), { document });
 * ```
 */
export function coverageHeatmapFigure(cells: readonly CoverageCell[], options: CoverageHeatmapFigureOptions = {}): SVGSVGElement {
  const doc = resolveDocument(options);
  const width = resolveWidth(options.width, 760);
  const title = options.title ?? 'Staff coverage';
  if (!cells.some((c) => c.reps > 0)) {
    return noDataFigure({
      document: doc,
      width,
      background: options.background,
      name: 'coverage-heatmap',
      title,
      subtitle: options.subtitle,
      message: options.emptyMessage ?? 'No shifts in the schedule',
    });
  }
  const bucketMinutes = resolveBucketMinutes(cells, options.bucketMinutes);
  const grid = fullGrid(cells, bucketMinutes);
  type Place = (typeof grid)[number];
  const staffed: Place[] = [];
  const empty: Place[] = [];
  for (const p of grid) ((p.datum?.reps ?? 0) > 0 ? staffed : empty).push(p);
  const maxReps = Math.max(...staffed.map((p) => p.datum!.reps));
  const hatch = hatchPattern(doc, options.id ?? 'panopticon-coverage-heatmap');
  // Nobody on shift is hatched, so the scale starts light but visibly coloured at one rep.
  const lo = maxReps > 1 ? 1 : 0;
  const color: Plot.ScaleOptions = { type: 'linear', domain: [lo, maxReps], range: [...(options.range ?? ['#c6dbef', '#08306b'])] };
  const scale = Plot.scale({ color });
  const maxNames = options.maxNames ?? 8;
  const tip = (p: Place): string => {
    const heading = slotHeading(p, bucketMinutes);
    const d = p.datum;
    if (!d || d.reps === 0) return `${heading}\nNobody on shift`;
    const names = [...d.repNames].sort();
    const shown = names
      .slice(0, maxNames)
      .map((n) => truncate(n, 40))
      .join(', ');
    const more = names.length > maxNames ? ` and ${names.length - maxNames} more` : '';
    return `${heading}\n${plural(d.reps, 'rep')} on shift${names.length ? `: ${shown}${more}` : ''}`;
  };
  const uncoveredSlots = empty.length;
  return weekdaySlotFigure({
    document: doc,
    background: options.background,
    name: 'coverage-heatmap',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Reps on shift in each slot of the week · ${uncoveredSlots === 0 ? 'every slot covered' : `${plural(uncoveredSlots, 'slot')} with nobody on shift`}`
        : options.subtitle,
    width,
    bucketMinutes,
    timeZone: options.timeZone,
    rowHeight: options.rowHeight,
    legend: [
      {
        type: 'ramp',
        label: 'Reps on shift',
        color: (v) => String(scale.apply(v)),
        domain: [lo, maxReps],
        ticks: niceTicks(lo, maxReps, Math.min(maxReps - lo, 5)).filter(Number.isInteger),
      },
      { type: 'swatches', items: [emptySwatch('Nobody on shift', hatch.url)] },
    ],
    defs: [hatch.node],
    color,
    marks: [
      Plot.cell(empty, { x: 'slot', y: 'day', fill: hatch.url, stroke: NEUTRAL_COLORS.outline, strokeWidth: 0.5, inset: 0.5, title: tip }),
      Plot.cell(staffed, { x: 'slot', y: 'day', fill: (p: Place) => p.datum!.reps, inset: 0.5, title: tip }),
    ],
  });
}
