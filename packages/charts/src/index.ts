/**
 * `@panopticon/charts`: one Observable Plot figure per Panopticon metric, `xxxFigure(data, options)`, each
 * returning a self-contained `<svg>` (title, subtitle, legend and chart) that renders the same in a browser
 * and in Node (pass `options.document`, for example jsdom's). {@link toSvgString} serializes one for a file
 * or an HTML page. Colours are shared with the dashboard: {@link STATUS_COLORS}, {@link CATEGORY_COLORS},
 * {@link REASON_COLORS}. Empty input gives a clear "no data" figure ({@link noDataFigure}).
 *
 * @packageDocumentation
 * @module @panopticon/charts
 */
// The colours and the order the dashboard shares; the status and reason labels are core's
// (FOLLOW_UP_STATUS_LABELS, ATTENTION_REASON_LABELS). The rest of palette.ts is internal.
export { STATUS_ORDER, STATUS_COLORS, CATEGORY_COLORS, REASON_COLORS, worstStatus } from './palette.js';
export type { FigureOptions } from './options.js';
export { toSvgString } from './to-svg-string.js';
export { noDataFigure } from './no-data-figure.js';
export type { NoDataFigureOptions } from './no-data-figure.js';
export type { WeekdaySlotOptions } from './weekday-slot-grid.js';
export { responseHeatmapFigure, COLOR_BLIND_SAFE_SCHEME } from './response-heatmap.js';
export type { ResponseHeatmapFigureOptions, ResponseHeatmapScheme } from './response-heatmap.js';
export { coverageHeatmapFigure } from './coverage-heatmap.js';
export type { CoverageHeatmapFigureOptions } from './coverage-heatmap.js';
export { demandVsCoverageFigure, UNCOVERED_COLOR } from './demand-vs-coverage.js';
export type { DemandVsCoverageFigureOptions } from './demand-vs-coverage.js';
export { heatmapComparisonFigure } from './heatmap-comparison.js';
export type { HeatmapComparisonFigureOptions } from './heatmap-comparison.js';
export { appointmentCalendarFigure } from './appointment-calendar.js';
export type { AppointmentCalendarFigureOptions, CalendarAppointment } from './appointment-calendar.js';
export { pipelineSnapshotFigure } from './pipeline-snapshot.js';
export type { PipelineSnapshotFigureOptions } from './pipeline-snapshot.js';
export { pipelineTrendFigure } from './pipeline-trend.js';
export type { PipelineTrendFigureOptions } from './pipeline-trend.js';
export { timeInStageFigure } from './time-in-stage.js';
export type { TimeInStageFigureOptions, TimeInStageVisit } from './time-in-stage.js';
export { attentionByLocatorFigure } from './attention-by-locator.js';
export type { AttentionByLocatorFigureOptions, AttentionByLocatorRow } from './attention-by-locator.js';
export { greenToDeliveryFigure, GREEN_TO_DELIVERY_STATES } from './green-to-delivery.js';
export type { GreenToDeliveryFigureOptions, GreenToDeliveryState } from './green-to-delivery.js';
export { survivalCurveFigure } from './survival-curve.js';
export type { SurvivalCurveFigureOptions, SurvivalCurveInput } from './survival-curve.js';
export { speedToLeadFigure } from './speed-to-lead.js';
export type { SpeedToLeadFigureOptions } from './speed-to-lead.js';
