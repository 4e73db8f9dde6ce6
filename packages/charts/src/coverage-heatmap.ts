import * as Plot from '@observablehq/plot';
import type { CoverageCell } from '@panopticon/core';
import { plural, truncate } from './format.js';
import { emptySwatch, niceTicks } from './legend.js';
import type { FigureOptions } from './options.js';
import type { GridPlace, WeekdaySlotOptions } from './weekday-slot-grid.js';
import { slotHeading } from './weekday-slot-grid.js';
import type { WeekdaySlotFigureKind } from './weekday-slot-figure.js';
import { weekdaySlotFigure } from './weekday-slot-figure.js';

/**
 * Options of {@link coverageHeatmapFigure}.
 *
 * Defaults of the shared options: `title` "Staff coverage"; `subtitle` "Reps on shift in each slot of the week";
 * `width` 760; `emptyMessage` "No shifts in the schedule".
 *
 * @example
 * ```ts
 * const options: CoverageHeatmapFigureOptions = { document, slotMinutes: 60, range: ['#fee6ce', '#a63603'], maxNames: 5 };
 * const svg = coverageHeatmapFigure(scheduleCoverage(shifts, { slotMinutes: 60 }), options);
 * ```
 */
export interface CoverageHeatmapFigureOptions extends FigureOptions, WeekdaySlotOptions {
  /** Colours of the rep count, from one rep (light) to the most (dark). Default `['#c6dbef', '#08306b']` (blues). */
  range?: readonly [string, string];
  /** How many rep names a tooltip lists before "and N more". Default 8. */
  maxNames?: number;
}

const onShift = (cell: CoverageCell) => cell.reps > 0;
/** A slot is coloured where someone is on shift, hatched where nobody is. */
const COVERAGE_HEATMAP: WeekdaySlotFigureKind<CoverageCell> = {
  name: 'coverage-heatmap',
  title: 'Staff coverage',
  emptyMessage: 'No shifts in the schedule',
  hasData: onShift,
  isFilled: onShift,
};

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
  type Place = GridPlace<CoverageCell>;
  return weekdaySlotFigure(cells, options, COVERAGE_HEATMAP, ({ slotMinutes, filled: staffed, empty, hatch }) => {
    const maxReps = Math.max(...staffed.map((p) => p.datum!.reps));
    // Nobody on shift is hatched, so the scale starts light but visibly coloured at one rep.
    const lo = maxReps > 1 ? 1 : 0;
    const color: Plot.ScaleOptions = { type: 'linear', domain: [lo, maxReps], range: [...(options.range ?? ['#c6dbef', '#08306b'])] };
    const scale = Plot.scale({ color });
    const maxNames = options.maxNames ?? 8;
    const tip = (p: Place): string => {
      const heading = slotHeading(p, slotMinutes);
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
    return {
      tip,
      subtitle: `Reps on shift in each slot of the week · ${uncoveredSlots === 0 ? 'every slot covered' : `${plural(uncoveredSlots, 'slot')} with nobody on shift`}`,
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
      color,
      marks: [Plot.cell(staffed, { x: 'slot', y: 'day', fill: (p: Place) => p.datum!.reps, inset: 0.5, title: tip })],
    };
  });
}
