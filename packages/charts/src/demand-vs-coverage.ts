import * as Plot from '@observablehq/plot';
import type { DemandCoverageCell } from '@panopticon/core';
import { plural } from './format.js';
import { emptySwatch, niceTicks } from './legend.js';
import type { FigureOptions } from './options.js';
import { NEUTRAL_COLORS } from './palette.js';
import type { GridPlace, WeekdaySlotOptions } from './weekday-slot-grid.js';
import { slotHeading } from './weekday-slot-grid.js';
import type { WeekdaySlotFigureKind } from './weekday-slot-figure.js';
import { weekdaySlotFigure } from './weekday-slot-figure.js';

/**
 * Fill of a slot where leads arrived and nobody was on shift.
 *
 * @example
 * ```ts
 * UNCOVERED_COLOR; // '#d7301f', the default `uncoveredColor`
 * ```
 */
export const UNCOVERED_COLOR = '#d7301f';

/**
 * Options of {@link demandVsCoverageFigure}.
 *
 * Defaults of the shared options: `title` "Demand vs coverage"; `subtitle` how many slots had leads and nobody on
 * shift; `width` 760; `emptyMessage` "No leads and no schedule to compare".
 *
 * @example
 * ```ts
 * const options: DemandVsCoverageFigureOptions = { document, timeZone: 'America/New_York', uncoveredColor: '#000000' };
 * const svg = demandVsCoverageFigure(demandVsCoverage(cells, scheduleCoverage(shifts)), options);
 * ```
 */
export interface DemandVsCoverageFigureOptions extends FigureOptions, WeekdaySlotOptions {
  /** Colours of the lead count in covered slots, light → dark. Default `['#dbe6f1', '#1f4e79']`. */
  range?: readonly [string, string];
  /** Fill of uncovered slots (leads, nobody on shift). Default {@link UNCOVERED_COLOR}. */
  uncoveredColor?: string;
}

/** A slot is coloured where leads arrived (red when nobody was on shift), hatched where none did. */
const DEMAND_VS_COVERAGE: WeekdaySlotFigureKind<DemandCoverageCell> = {
  name: 'demand-vs-coverage',
  title: 'Demand vs coverage',
  emptyMessage: 'No leads to set against the schedule',
  hasData: (cell) => cell.leads > 0,
  isFilled: (cell) => cell.leads !== 0,
};

/**
 * Demand against coverage, from `demandVsCoverage`: each weekday × slot shaded by the leads that arrived
 * while someone was on shift; slots where leads arrived and nobody was on shift are solid red with a dark
 * outline, so they stand out; slots without leads are hatched. Returns the "no data" figure when no slot
 * had a lead.
 *
 * @example
 * ```ts
 * const svg = demandVsCoverageFigure(demandVsCoverage(cells, scheduleCoverage(shifts)), { document });
 * ```
 */
export function demandVsCoverageFigure(cells: readonly DemandCoverageCell[], options: DemandVsCoverageFigureOptions = {}): SVGSVGElement {
  type Place = GridPlace<DemandCoverageCell>;
  return weekdaySlotFigure(cells, options, DEMAND_VS_COVERAGE, ({ slotMinutes, filled, hatch }) => {
    const covered: Place[] = [];
    const uncovered: Place[] = [];
    for (const p of filled) (p.datum!.reps === 0 ? uncovered : covered).push(p);
    const maxLeads = Math.max(1, ...covered.map((p) => p.datum!.leads));
    const range = options.range ?? ['#dbe6f1', '#1f4e79'];
    const uncoveredColor = options.uncoveredColor ?? UNCOVERED_COLOR;
    const color: Plot.ScaleOptions = { type: 'linear', domain: [0, maxLeads], range: [...range] };
    const scale = Plot.scale({ color });
    const uncoveredLeads = uncovered.reduce((n, p) => n + p.datum!.leads, 0);
    const tip = (p: Place): string => {
      const heading = slotHeading(p, slotMinutes);
      const d = p.datum;
      const reps = d?.reps ?? 0;
      const staff = reps === 0 ? 'nobody on shift' : `${plural(reps, 'rep')} on shift`;
      if (!d || d.leads === 0) return `${heading}\nNo leads · ${staff}`;
      return `${heading}\n${plural(d.leads, 'lead')} · ${staff}${reps === 0 ? ' (uncovered)' : ''}`;
    };
    return {
      tip,
      subtitle:
        uncovered.length === 0
          ? 'Leads arriving per slot against reps on shift · every slot with leads had someone on shift'
          : `Leads arriving per slot against reps on shift · ${plural(uncovered.length, 'slot')} with leads and nobody on shift (${plural(uncoveredLeads, 'lead')})`,
      legend: [
        {
          type: 'ramp',
          label: 'Leads (someone on shift)',
          color: (v) => String(scale.apply(v)),
          domain: [0, maxLeads],
          ticks: niceTicks(0, maxLeads, Math.min(maxLeads, 5)).filter(Number.isInteger),
        },
        {
          type: 'swatches',
          items: [
            { label: 'Leads, nobody on shift', fill: uncoveredColor, stroke: NEUTRAL_COLORS.rule, strokeWidth: 1.5 },
            emptySwatch('No leads', hatch.url),
          ],
        },
      ],
      color,
      marks: [
        Plot.cell(covered, { x: 'slot', y: 'day', fill: (p: Place) => p.datum!.leads, inset: 0.5, title: tip }),
        Plot.cell(uncovered, {
          x: 'slot',
          y: 'day',
          fill: uncoveredColor,
          stroke: NEUTRAL_COLORS.rule,
          strokeWidth: 1.5,
          inset: 1,
          title: tip,
        }),
      ],
    };
  });
}
