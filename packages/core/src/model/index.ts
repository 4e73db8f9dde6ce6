// Re-exports only: the lead model and its schemas, the pipeline, the schedule, leads as columns. The parts'
// schemas (a stage change, a shift, a time of day, …) stay internal: LeadSchema and BusinessCalendarSchema
// check them.
export { LeadSchema } from './lead.js';
export type { Lead, StageChange, OwnerChange } from './lead.js';
export type { LeadColumns } from './lead-columns.js';
export { leadAt } from './lead-columns.js';
export type { HistoryColumns } from './history-columns.js';
export type { StageCategory, PipelineStage, Pipeline, PipelineInput } from './pipeline.js';
export { StageCategorySchema, PipelineStageSchema, PipelineSchema, parsePipeline, stageCategory } from './pipeline.js';
export { WEEKDAY_NAMES, toMinutes, BusinessCalendarSchema, DEFAULT_BUSINESS_CALENDAR } from './schedule.js';
export type { WeekdayName, Weekday, Shift, HoursInterval, BusinessCalendar } from './schedule.js';
