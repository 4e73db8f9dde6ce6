/**
 * `@panopticon/sql`: core's response heatmap, response summary, needs-attention list and KPIs as SQL statements,
 * run on an embedded DuckDB over CSV or Parquet files of any size, with core's results and errors.
 *
 * @packageDocumentation
 * @module @panopticon/sql
 */
// Re-exports only: the public surface of @panopticon/sql.
export { heatmapSql, responseSummarySql } from './response.js';
export type { HeatmapSqlOptions, ResponseSummarySqlOptions } from './response.js';
export type { SqlInputs } from './load/canonical-views.js';
export type { SqlEngineOptions } from './engine.js';
export { SqlCannotJudgeError, SqlEngineError } from './sql-engine-error.js';
export { HEATMAP_SQL } from './queries/heatmap.js';
export { RESPONSE_SUMMARY_SQL } from './queries/response-summary.js';
export { kpisSql, needsAttentionSql } from './follow-up.js';
export type { KpisSqlOptions, NeedsAttentionSqlOptions } from './follow-up.js';
export { KPIS_SQL, NEEDS_ATTENTION_SQL } from './queries/follow-up.js';
