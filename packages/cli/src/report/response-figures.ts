/**
 * The response-times figures of the page (the heatmap, demand vs coverage, the period comparison), drawn with
 * `@panopticon/charts` into a given document: jsdom's when the page is written (figures.ts), the browser's
 * when a control changes (client/response-view.ts). One function, so both draw the same figure.
 *
 * @module
 */
import type { DemandCoverageCell, HeatmapCell, HeatmapComparisonCell } from '@panopticon/core';
import { demandVsCoverageFigure, heatmapComparisonFigure, noDataFigure, responseHeatmapFigure } from '@panopticon/charts';

/** Display widths (px) the figures are drawn at, matching the page's grid so their text stays legible. */
export const FIGURE_WIDTHS = { wide: 1160, half: 570, side: 322 } as const;

/** What the three response figures are drawn from. */
export interface ResponseFigureInput {
  timeZone: string;
  slotMinutes: number;
  slaMinutes: number;
  heatmap: readonly HeatmapCell[];
  /** `null` when no staff schedule was given. */
  demand: readonly DemandCoverageCell[] | null;
  comparison: readonly HeatmapComparisonCell[];
  /** The comparison's two periods as the figure names them ("2026-03-04 to 2026-03-31"). */
  currentLabel: string;
  previousLabel: string;
}

/** The three figures, as SVG elements of `document`. */
export function responseFigures(
  input: ResponseFigureInput,
  document: Document,
): { heatmap: SVGSVGElement; demand: SVGSVGElement; comparison: SVGSVGElement } {
  return { heatmap: heatmapFigure(input, document), demand: demandFigure(input, document), comparison: comparisonFigure(input, document) };
}

/** The options the heatmap and the comparison are both drawn with. */
function sharedOptions(input: Pick<ResponseFigureInput, 'timeZone' | 'slotMinutes' | 'slaMinutes'>, document: Document) {
  return { document, timeZone: input.timeZone, slaMinutes: input.slaMinutes, slotMinutes: input.slotMinutes, width: FIGURE_WIDTHS.wide };
}

/** The response heatmap alone (a control that changes only some figures redraws only those: client/response-view.ts). */
export function heatmapFigure(
  input: Pick<ResponseFigureInput, 'timeZone' | 'slotMinutes' | 'slaMinutes' | 'heatmap'>,
  document: Document,
): SVGSVGElement {
  return responseHeatmapFigure(input.heatmap, { ...sharedOptions(input, document), id: 'report-heatmap' });
}

/** Demand vs coverage alone, or the figure saying no schedule was given. */
export function demandFigure(input: Pick<ResponseFigureInput, 'timeZone' | 'slotMinutes' | 'demand'>, document: Document): SVGSVGElement {
  const { timeZone, slotMinutes } = input;
  const width = FIGURE_WIDTHS.wide;
  return input.demand
    ? demandVsCoverageFigure(input.demand, { document, timeZone, slotMinutes, width, id: 'report-demand' })
    : noDataFigure({
        document,
        width,
        name: 'demand-vs-coverage',
        title: 'Demand vs staff coverage',
        subtitle: null,
        message: 'No staff schedule was given (--schedule, or "schedule" in the config file)',
      });
}

/** The period comparison alone. */
export function comparisonFigure(input: Omit<ResponseFigureInput, 'heatmap' | 'demand'>, document: Document): SVGSVGElement {
  const { currentLabel, previousLabel } = input;
  return heatmapComparisonFigure(input.comparison, {
    ...sharedOptions(input, document),
    id: 'report-comparison',
    currentLabel,
    previousLabel,
  });
}
