/**
 * The pipeline's counts per stage, as `panopticon pipeline` prints them and the dashboard's "Pipeline
 * snapshot" and "Pipeline trend" figures download them (report/table-csv.ts): one definition of the trend's
 * weeks and of both CSV rows, so a download equals `panopticon pipeline [--trend] --format csv`.
 *
 * @module
 */
import {
  localDayNumber,
  pipelineTrend,
  startOfLocalDay,
  type Lead,
  type Pipeline,
  type PipelineSnapshotRow,
  type PipelineTrendRow,
} from '@panopticon/core';
import type { Cell } from './format.js';

/** The trend runs weekly over at most this many weeks before the as-of (fewer when the first lead is later). */
export const TREND_WEEKS = 26;

/** The columns of `panopticon pipeline --format csv`: one row per stage. */
export const PIPELINE_SNAPSHOT_CSV_COLUMNS = ['stage', 'category', 'count'] as const;

/** The columns of `panopticon pipeline --trend --format csv`: one row per week and stage. */
export const PIPELINE_TREND_CSV_COLUMNS = ['date', 'stage', 'category', 'count'] as const;

export function pipelineSnapshotCsvCells(r: PipelineSnapshotRow): Cell[] {
  return [r.stage, r.category, r.count];
}

export function pipelineTrendCsvCells(r: PipelineTrendRow): Cell[] {
  return [r.date, r.stage, r.category, r.count];
}

/**
 * Core's pipeline trend, weekly, from {@link TREND_WEEKS} weeks before the as-of day (or the day of the first
 * lead created by then, when later) to the as-of.
 */
export function pipelineTrendRows(
  leads: readonly Lead[],
  options: { asOf: Date; timeZone: string; pipeline: Pipeline },
): PipelineTrendRow[] {
  const { asOf, timeZone, pipeline } = options;
  const asOfMs = asOf.getTime();
  const today = localDayNumber(asOf, timeZone);
  let first = Number.POSITIVE_INFINITY;
  for (const lead of leads) {
    const created = lead.createdAt.getTime();
    if (created <= asOfMs && created < first) first = created;
  }
  const fromDay = Math.max(today - TREND_WEEKS * 7, Number.isFinite(first) ? localDayNumber(first, timeZone) : today);
  return pipelineTrend(leads, { from: startOfLocalDay(fromDay, timeZone), to: asOf, every: 'week', timeZone, pipeline });
}
