/** Every figure rendered from the fixtures: the snapshot cases. */
import {
  appointmentCalendarFigure,
  attentionByLocatorFigure,
  coverageHeatmapFigure,
  demandVsCoverageFigure,
  greenToDeliveryFigure,
  heatmapComparisonFigure,
  noDataFigure,
  pipelineSnapshotFigure,
  pipelineTrendFigure,
  responseHeatmapFigure,
  timeInStageFigure,
} from '../src/index.js';
import {
  AS_OF,
  PIPELINE,
  TIME_ZONE,
  appointments,
  attentionRows,
  comparisonCells,
  coverageCells,
  demandCells,
  greenRows,
  heatmapCells,
  snapshotRows,
  trendRows,
  visits,
} from './fixtures.js';

export type FigureCase = (document: Document) => SVGSVGElement;

export const FIGURES: Record<string, FigureCase> = {
  'response-heatmap': (document) => responseHeatmapFigure(heatmapCells(), { document, timeZone: TIME_ZONE }),
  'response-heatmap-cividis': (document) => responseHeatmapFigure(heatmapCells(), { document, timeZone: TIME_ZONE, scheme: 'cividis' }),
  'response-heatmap-60': (document) => responseHeatmapFigure(heatmapCells(3, 60), { document, timeZone: TIME_ZONE, bucketMinutes: 60 }),
  'response-heatmap-empty': (document) => responseHeatmapFigure([], { document }),
  'coverage-heatmap': (document) => coverageHeatmapFigure(coverageCells(), { document, timeZone: TIME_ZONE }),
  'coverage-heatmap-empty': (document) => coverageHeatmapFigure([], { document }),
  'demand-vs-coverage': (document) => demandVsCoverageFigure(demandCells(), { document, timeZone: TIME_ZONE }),
  'demand-vs-coverage-empty': (document) => demandVsCoverageFigure([], { document }),
  'heatmap-comparison': (document) =>
    heatmapComparisonFigure(comparisonCells(), { document, timeZone: TIME_ZONE, currentLabel: 'March', previousLabel: 'February' }),
  'heatmap-comparison-empty': (document) => heatmapComparisonFigure([], { document }),
  'appointment-calendar': (document) => appointmentCalendarFigure(appointments(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'appointment-calendar-empty': (document) => appointmentCalendarFigure([], { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'pipeline-snapshot': (document) => pipelineSnapshotFigure(snapshotRows(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'pipeline-snapshot-empty': (document) => pipelineSnapshotFigure([], { document }),
  'pipeline-trend': (document) => pipelineTrendFigure(trendRows(), { document, timeZone: TIME_ZONE }),
  'pipeline-trend-category-stacked': (document) =>
    pipelineTrendFigure(trendRows(), {
      document,
      timeZone: TIME_ZONE,
      groupBy: 'category',
      stacked: true,
      categories: ['open', 'green', 'delivery'],
    }),
  'pipeline-trend-empty': (document) => pipelineTrendFigure([], { document }),
  'time-in-stage': (document) => timeInStageFigure(visits(), { document, pipeline: PIPELINE, asOf: AS_OF, timeZone: TIME_ZONE }),
  'time-in-stage-grouped': (document) => timeInStageFigure(visits(), { document, pipeline: PIPELINE, maxMarks: 50 }),
  'time-in-stage-empty': (document) => timeInStageFigure([], { document }),
  'attention-by-locator': (document) => attentionByLocatorFigure(attentionRows(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'attention-by-locator-status': (document) => attentionByLocatorFigure(attentionRows(), { document, by: 'status', maxLocators: 4 }),
  'attention-by-locator-empty': (document) => attentionByLocatorFigure([], { document }),
  'green-to-delivery': (document) =>
    greenToDeliveryFigure(greenRows(), { document, asOf: AS_OF, timeZone: TIME_ZONE, greenStuckAfterDays: PIPELINE.greenStuckAfterDays }),
  'green-to-delivery-empty': (document) =>
    greenToDeliveryFigure({ rows: [], completed: 0, pending: 0, medianDays: null, p90Days: null }, { document }),
  'no-data': (document) => noDataFigure({ document, title: 'Something', message: 'Nothing to show yet' }),
};
