import * as Plot from '@observablehq/plot';
import type { HeatmapCell } from '@panopticon/core';
import { formatMinutes, formatPercent, plural } from './format.js';
import { emptySwatch } from './legend.js';
import type { FigureOptions } from './options.js';
import type { GridPlace, WeekdaySlotOptions } from './weekday-slot-grid.js';
import { slotHeading } from './weekday-slot-grid.js';
import type { WeekdaySlotFigureKind } from './weekday-slot-figure.js';
import { weekdaySlotFigure } from './weekday-slot-figure.js';

/**
 * The colour schemes offered for the % scale; any other Plot scheme name also works.
 *
 * @example
 * ```ts
 * const scheme: ResponseHeatmapScheme = 'viridis';
 * const svg = responseHeatmapFigure(cells, { document, scheme });
 * ```
 */
export type ResponseHeatmapScheme = 'RdYlGn' | 'viridis' | 'cividis' | Plot.ColorScheme;

/**
 * The scheme to pass as `scheme` for readers with a colour-vision deficiency: dark blue (0 %) → yellow (100
 * %).
 *
 * @example
 * ```ts
 * const svg = responseHeatmapFigure(cells, { document, scheme: COLOR_BLIND_SAFE_SCHEME });
 * ```
 */
export const COLOR_BLIND_SAFE_SCHEME: ResponseHeatmapScheme = 'cividis';

/**
 * Options of {@link responseHeatmapFigure}.
 *
 * Defaults of the shared options: `title` "Response time by weekday and time of day"; `subtitle` "Share of leads
 * first contacted within <sla> minutes, by when they arrived"; `width` 760; `emptyMessage` "No leads in this
 * period".
 *
 * @example
 * ```ts
 * const options: ResponseHeatmapFigureOptions = { document, timeZone: 'America/New_York', slaMinutes: 30, showValues: true };
 * const svg = responseHeatmapFigure(aggregateBySlot(leads, { timeZone: 'America/New_York', slaMinutes: 30 }), options);
 * ```
 */
export interface ResponseHeatmapFigureOptions extends FigureOptions, WeekdaySlotOptions {
  /**
   * Colour scheme of the % within SLA, fixed over 0–100 %. Default `'RdYlGn'` (red → yellow → green); use
   * {@link COLOR_BLIND_SAFE_SCHEME} (`'cividis'`) or `'viridis'` for a colour-blind-safe figure.
   */
  scheme?: ResponseHeatmapScheme;
  /** The SLA the cells were computed with, in minutes, used in labels only. Default 60. */
  slaMinutes?: number;
  /** Print the % inside each cell. Default: only when slots are 60 minutes or longer (cells wide enough). */
  showValues?: boolean;
}

/** A slot is coloured where leads arrived and a % within SLA exists, hatched otherwise. */
const RESPONSE_HEATMAP: WeekdaySlotFigureKind<HeatmapCell> = {
  name: 'response-heatmap',
  title: 'Response time by weekday and time of day',
  emptyMessage: 'No leads in this period',
  hasData: (cell) => cell.total > 0,
  isFilled: (cell) => cell.total > 0 && cell.pctWithinSla !== null,
};

/**
 * The response heatmap: one row per weekday (Monday → Sunday), one column per slot of the day, each cell
 * coloured by the % of its leads contacted within the SLA on a fixed 0–100 % scale (red → yellow → green
 * by default). Slots without leads are hatched grey, never coloured by the scale. Each cell's tooltip
 * (`<title>`) gives the leads, how many were within the SLA, the %, and the median and p90 response.
 *
 * Takes `aggregateBySlot`'s cells (sparse) or `heatmapGrid`'s (full); returns an `<svg>`, or the
 * "no data" figure when no cell has a lead.
 *
 * @example
 * ```ts
 * const cells = aggregateBySlot(leads, { timeZone: 'America/New_York' });
 * const svg = responseHeatmapFigure(cells, { document, timeZone: 'America/New_York' });
 * ```
 */
export function responseHeatmapFigure(cells: readonly HeatmapCell[], options: ResponseHeatmapFigureOptions = {}): SVGSVGElement {
  type Place = GridPlace<HeatmapCell>;
  const sla = options.slaMinutes ?? 60;
  return weekdaySlotFigure(cells, options, RESPONSE_HEATMAP, ({ slotMinutes, grid, filled, hatch }) => {
    const scheme = options.scheme ?? 'RdYlGn';
    const color: Plot.ScaleOptions = { type: 'linear', domain: [0, 100], scheme, clamp: true };
    const scale = Plot.scale({ color });
    const showValues = options.showValues ?? slotMinutes >= 60;
    const total = grid.reduce((n, p) => n + (p.datum?.total ?? 0), 0);
    const within = grid.reduce((n, p) => n + (p.datum?.withinSla ?? 0), 0);

    const tip = (p: Place): string => {
      const heading = slotHeading(p, slotMinutes);
      const d = p.datum;
      if (!d || d.total === 0) return `${heading}\nNo leads`;
      const lines = [
        heading,
        `${plural(d.total, 'lead')} · ${d.withinSla} within ${sla} min (${formatPercent(d.pctWithinSla)})`,
        `Median response ${formatMinutes(d.medianMinutes)} · p90 ${formatMinutes(d.p90Minutes)}`,
      ];
      const extra = [d.neverContacted > 0 ? `${d.neverContacted} never contacted` : '', d.invalid > 0 ? `${d.invalid} invalid` : ''].filter(
        Boolean,
      );
      if (extra.length) lines.push(extra.join(' · '));
      return lines.join('\n');
    };

    const marks: Plot.Markish[] = [
      Plot.cell(filled, { x: 'slot', y: 'day', fill: (p: Place) => p.datum!.pctWithinSla, inset: 0.5, title: tip }),
    ];
    if (showValues) {
      marks.push(
        Plot.text(filled, {
          x: 'slot',
          y: 'day',
          text: (p: Place) => String(Math.round(p.datum!.pctWithinSla!)),
          fill: 'black',
          stroke: 'white',
          strokeWidth: 2,
          paintOrder: 'stroke',
          fontSize: 8,
        }),
      );
    }
    return {
      tip,
      subtitle: `Share of leads first contacted within ${sla} minutes, by when they arrived · ${plural(total, 'lead')}, ${formatPercent((within / total) * 100)} within SLA`,
      legend: [
        {
          type: 'ramp',
          label: `% within ${sla}-minute SLA`,
          color: (v) => String(scale.apply(v)),
          domain: [0, 100],
          ticks: [0, 25, 50, 75, 100],
          tickFormat: (v) => `${v}%`,
        },
        { type: 'swatches', items: [emptySwatch('No leads', hatch.url)] },
      ],
      color,
      marks,
    };
  });
}
