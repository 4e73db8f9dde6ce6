// Re-exports only: the lead model and its schemas, the pipeline, the schedule, leads as columns.
export * from './lead.js';
export type { LeadColumns } from './lead-columns.js';
export { leadAt } from './lead-columns.js';
export type { HistoryColumns } from './history-columns.js';
export type { StageCategory, PipelineStage, Pipeline, PipelineInput } from './pipeline.js';
export { StageCategorySchema, PipelineStageSchema, PipelineSchema, parsePipeline, stageCategory } from './pipeline.js';
export * from './schedule.js';
