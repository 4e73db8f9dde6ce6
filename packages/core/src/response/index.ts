// Re-exports only. Named, because some files also hold helpers shared inside the folder.
export { responseMinutes, responseStatus } from './response-time.js';
export type { ResponseClock, ResponseLead, ResponseMinutesOptions, ResponseStatus } from './response-time.js';
export { filterLeads } from './filter.js';
export type { FilterableLead, FilterLeadsOptions } from './filter.js';
export { aggregateBySlot, heatmapGrid } from './heatmap.js';
export type { AggregateBySlotOptions, HeatmapCell, HeatmapGridOptions, SlotLead } from './heatmap.js';
export { demandVsCoverage, scheduleCoverage } from './coverage.js';
export type { CoverageCell, DemandCoverageCell, ScheduleCoverageOptions } from './coverage.js';
export { comparePeriods } from './compare.js';
export type { ComparePeriodsOptions, HeatmapComparisonCell, HeatmapPeriodFigures, ComparisonPeriod } from './compare.js';
export { SLA_BANDS, summarizeResponses } from './summary.js';
export type { ResponseSummary, SlaBand, SummarizeResponsesOptions } from './summary.js';
