import type { Pipeline } from '@panopticon/core';
import { sqlString } from '../load/timestamp-sql.js';

/**
 * The pipeline as the rows `(stage, category, stale_after_days)` that the follow-up statements (follow-up.ts) join on as the table
 * `pipeline_stages`: a SELECT in the common subset of DuckDB's and PostgreSQL's dialects, each value typed (so that a column of
 * NULLs is still an INTEGER on PostgreSQL).
 *
 * @example
 * ```ts
 * connection.run(`CREATE TEMP TABLE pipeline_stages AS ${pipelineStagesSql(pipeline)}`);
 * ```
 */
export function pipelineStagesSql(pipeline: Pipeline): string {
  const rows = pipeline.stages.map(
    (s) =>
      `(CAST(${sqlString(s.name)} AS VARCHAR), CAST(${sqlString(s.category)} AS VARCHAR), CAST(${s.staleAfterDays === undefined ? 'NULL' : Number(s.staleAfterDays)} AS INTEGER))`,
  );
  return `SELECT * FROM (VALUES ${rows.join(', ')}) AS t(stage, category, stale_after_days)`;
}
