/** Every figure rendered from the fixtures: the snapshot cases. */
import * as charts from '../src/index.js';
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
  'response-heatmap': (document) => charts.responseHeatmapFigure(heatmapCells(), { document, timeZone: TIME_ZONE }),
  'response-heatmap-cividis': (document) =>
    charts.responseHeatmapFigure(heatmapCells(), { document, timeZone: TIME_ZONE, scheme: 'cividis' }),
  'response-heatmap-60': (document) =>
    charts.responseHeatmapFigure(heatmapCells(3, 60), { document, timeZone: TIME_ZONE, slotMinutes: 60 }),
  'response-heatmap-empty': (document) => charts.responseHeatmapFigure([], { document }),
  'coverage-heatmap': (document) => charts.coverageHeatmapFigure(coverageCells(), { document, timeZone: TIME_ZONE }),
  'coverage-heatmap-empty': (document) => charts.coverageHeatmapFigure([], { document }),
  'demand-vs-coverage': (document) => charts.demandVsCoverageFigure(demandCells(), { document, timeZone: TIME_ZONE }),
  'demand-vs-coverage-empty': (document) => charts.demandVsCoverageFigure([], { document }),
  'heatmap-comparison': (document) =>
    charts.heatmapComparisonFigure(comparisonCells(), { document, timeZone: TIME_ZONE, currentLabel: 'March', previousLabel: 'February' }),
  'heatmap-comparison-empty': (document) => charts.heatmapComparisonFigure([], { document }),
  'appointment-calendar': (document) => charts.appointmentCalendarFigure(appointments(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'appointment-calendar-empty': (document) => charts.appointmentCalendarFigure([], { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'pipeline-snapshot': (document) => charts.pipelineSnapshotFigure(snapshotRows(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'pipeline-snapshot-empty': (document) => charts.pipelineSnapshotFigure([], { document }),
  'pipeline-trend': (document) => charts.pipelineTrendFigure(trendRows(), { document, timeZone: TIME_ZONE }),
  'pipeline-trend-category-stacked': (document) =>
    charts.pipelineTrendFigure(trendRows(), {
      document,
      timeZone: TIME_ZONE,
      groupBy: 'category',
      stacked: true,
      categories: ['open', 'green', 'delivery'],
    }),
  'pipeline-trend-empty': (document) => charts.pipelineTrendFigure([], { document }),
  'time-in-stage': (document) => charts.timeInStageFigure(visits(), { document, pipeline: PIPELINE, asOf: AS_OF, timeZone: TIME_ZONE }),
  'time-in-stage-grouped': (document) => charts.timeInStageFigure(visits(), { document, pipeline: PIPELINE, maxMarks: 50 }),
  'time-in-stage-empty': (document) => charts.timeInStageFigure([], { document }),
  'attention-by-locator': (document) => charts.attentionByLocatorFigure(attentionRows(), { document, asOf: AS_OF, timeZone: TIME_ZONE }),
  'attention-by-locator-status': (document) => charts.attentionByLocatorFigure(attentionRows(), { document, by: 'status', maxLocators: 4 }),
  'attention-by-locator-empty': (document) => charts.attentionByLocatorFigure([], { document }),
  'green-to-delivery': (document) =>
    charts.greenToDeliveryFigure(greenRows(), {
      document,
      asOf: AS_OF,
      timeZone: TIME_ZONE,
      greenStuckAfterDays: PIPELINE.greenStuckAfterDays,
    }),
  'green-to-delivery-empty': (document) =>
    charts.greenToDeliveryFigure({ rows: [], completed: 0, pending: 0, medianDays: null, p90Days: null }, { document }),
  'no-data': (document) => charts.noDataFigure({ document, title: 'Something', message: 'Nothing to show yet' }),
};
