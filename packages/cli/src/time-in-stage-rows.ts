/**
 * Time in stage per stage, as `panopticon time-in-stage` prints it and the dashboard's "Time in stage" figure
 * shows it (its download, report/table-csv.ts): core's `timeInStage` for the stages where time is a delay.
 *
 * @module
 */
import { timeInStage, type Lead, type Pipeline, type StageCategory, type TimeInStageRow } from '@panopticon/core';
import type { Cell } from './format.js';

/**
 * The categories whose stages are measured: a won or lost stage is where a lead ends, so time there is not a
 * delay (the figure draws these: report/figures.ts passes them).
 */
export const DELAY_CATEGORIES: readonly StageCategory[] = ['open', 'green', 'delivery'];

/** The columns of `panopticon time-in-stage --format csv`. */
export const TIME_IN_STAGE_CSV_COLUMNS = ['stage', 'category', 'visits', 'openVisits', 'medianDays', 'p90Days', 'meanDays'] as const;

/** Core's time in stage (finished visits measured, open ones counted) for the stages of {@link DELAY_CATEGORIES}, in pipeline order. */
export function timeInStageRows(leads: readonly Lead[], options: { asOf: Date; pipeline: Pipeline }): TimeInStageRow[] {
  return timeInStage(leads, options).filter((r) => DELAY_CATEGORIES.includes(r.category));
}

/** The CSV cells of a row, in {@link TIME_IN_STAGE_CSV_COLUMNS} order. */
export function timeInStageCsvCells(r: TimeInStageRow): Cell[] {
  return TIME_IN_STAGE_CSV_COLUMNS.map((k) => r[k]);
}
