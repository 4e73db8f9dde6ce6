// Re-exports only.
export * from './lead.js';
export * from './lead-columns.js';
export * from './pipeline.js';
export * from './schedule.js';
