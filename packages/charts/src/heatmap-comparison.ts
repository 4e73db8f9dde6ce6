import * as Plot from '@observablehq/plot';
import type { HeatmapComparisonCell } from '@panopticon/core';
import { formatPercent, formatPoints, formatSigned, plural } from './format.js';
import { emptySwatch } from './legend.js';
import type { FigureOptions } from './options.js';
import type { GridPlace, WeekdaySlotOptions } from './weekday-slot-grid.js';
import { slotHeading } from './weekday-slot-grid.js';
import type { WeekdaySlotFigureKind } from './weekday-slot-figure.js';
import { weekdaySlotFigure } from './weekday-slot-figure.js';

/**
 * Options of {@link heatmapComparisonFigure}.
 *
 * Defaults of the shared options: `title` "Response time: change from the previous period"; `subtitle` "Change in
 * % of leads contacted within <sla> minutes: <current> vs <previous>", and how many slots got better or worse;
 * `width` 760; `emptyMessage` "No leads in either period".
 *
 * @example
 * ```ts
 * const options: HeatmapComparisonFigureOptions = { document, scheme: 'PuOr', maxDelta: 50, currentLabel: 'March', previousLabel: 'February' };
 * const svg = heatmapComparisonFigure(comparePeriods(leads, { timeZone, current: march, previous: february }), options);
 * ```
 */
export interface HeatmapComparisonFigureOptions extends FigureOptions, WeekdaySlotOptions {
  /**
   * Diverging scheme of the change, centred at 0. Default `'RdBu'`: red where the % within SLA fell, blue
   * where it rose (both readable with the common colour-vision deficiencies).
   */
  scheme?: Plot.ColorScheme;
  /**
   * The change, in percentage points, at either end of the scale (values beyond are clamped). Default: the
   * largest change in the data rounded up to a multiple of 10 (at least 10, at most 100).
   */
  maxDelta?: number;
  /** Name of the current period in tooltips. Default "This period". */
  currentLabel?: string;
  /** Name of the previous period in tooltips. Default "Previous period". */
  previousLabel?: string;
  /** The SLA the cells were computed with, in minutes, used in labels only. Default 60. */
  slaMinutes?: number;
}

/** A slot is coloured where both periods had leads (a change to show), hatched where either had none. */
const HEATMAP_COMPARISON: WeekdaySlotFigureKind<HeatmapComparisonCell> = {
  name: 'heatmap-comparison',
  title: 'Response time: change from the previous period',
  emptyMessage: 'No leads in either period',
  hasData: (cell) => cell.current.total > 0 || cell.previous.total > 0,
  isFilled: (cell) => Number.isFinite(cell.deltaPct),
};

/**
 * Period comparison, from `comparePeriods`: each weekday × slot coloured by the change in
 * % within SLA (percentage points) on a diverging scale centred at 0. Slots where either period had no
 * leads cannot be compared and are hatched; the tooltip gives both periods' figures.
 *
 * @example
 * ```ts
 * const svg = heatmapComparisonFigure(comparePeriods(leads, { timeZone, current: thisMonth, previous: lastMonth }), { document, currentLabel: 'March', previousLabel: 'February' });
 * ```
 */
export function heatmapComparisonFigure(
  cells: readonly HeatmapComparisonCell[],
  options: HeatmapComparisonFigureOptions = {},
): SVGSVGElement {
  type Place = GridPlace<HeatmapComparisonCell>;
  const sla = options.slaMinutes ?? 60;
  return weekdaySlotFigure(cells, options, HEATMAP_COMPARISON, ({ slotMinutes, filled: compared, hatch }) => {
    const largest = Math.max(0, ...compared.map((p) => Math.abs(p.datum!.deltaPct!)));
    const maxDelta = options.maxDelta ?? Math.min(100, Math.max(10, Math.ceil(largest / 10) * 10));
    const color: Plot.ScaleOptions = {
      type: 'diverging',
      pivot: 0,
      symmetric: true,
      domain: [-maxDelta, maxDelta],
      scheme: options.scheme ?? 'RdBu',
      clamp: true,
    };
    const scale = Plot.scale({ color });
    const currentLabel = options.currentLabel ?? 'This period';
    const previousLabel = options.previousLabel ?? 'Previous period';
    const tip = (p: Place): string => {
      const heading = slotHeading(p, slotMinutes);
      const d = p.datum;
      if (!d) return `${heading}\nNo leads in either period`;
      const side = (label: string, f: HeatmapComparisonCell['current']) =>
        `${label}: ${f.total === 0 ? 'no leads' : `${formatPercent(f.pctWithinSla)} within ${sla} min (${f.withinSla} of ${plural(f.total, 'lead')})`}`;
      const change = d.deltaPct === null ? 'Change: not comparable' : `Change: ${formatPoints(d.deltaPct)}`;
      return [
        heading,
        side(currentLabel, d.current),
        side(previousLabel, d.previous),
        `${change} · leads ${formatSigned(d.deltaTotal)}`,
      ].join('\n');
    };
    const better = compared.filter((p) => p.datum!.deltaPct! > 0).length;
    const worse = compared.filter((p) => p.datum!.deltaPct! < 0).length;
    return {
      tip,
      subtitle: `Change in % of leads contacted within ${sla} minutes: ${currentLabel} vs ${previousLabel} · ${plural(better, 'slot')} better, ${plural(worse, 'slot')} worse`,
      legend: [
        {
          type: 'ramp',
          label: 'Change in % within SLA (points)',
          color: (v) => String(scale.apply(v)),
          domain: [-maxDelta, maxDelta],
          ticks: [-maxDelta, -maxDelta / 2, 0, maxDelta / 2, maxDelta],
          tickFormat: (v) => formatSigned(Math.round(v)),
        },
        { type: 'swatches', items: [emptySwatch('Not comparable (a period had no leads)', hatch.url)] },
      ],
      color,
      marks: [Plot.cell(compared, { x: 'slot', y: 'day', fill: (p: Place) => p.datum!.deltaPct, inset: 0.5, title: tip })],
    };
  });
}
