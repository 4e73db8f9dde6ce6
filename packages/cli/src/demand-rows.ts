/**
 * Demand vs coverage a row per slot, as `panopticon heatmap --demand` prints it and the dashboard's figure
 * downloads it (report/table-csv.ts, and the page's script after the analysis controls redraw it): one
 * definition of the columns and cells. Platform-neutral (type imports only).
 *
 * @module
 */
import type { DemandCoverageCell } from '@panopticon/core';
import type { Cell } from './format.js';

/** The columns of `panopticon heatmap --demand --format csv`: leads that arrived in the slot, reps on shift, and whether nobody was. */
export const DEMAND_CSV_COLUMNS = ['day', 'slot', 'leads', 'reps', 'uncovered'] as const;

export function demandCsvCells(c: DemandCoverageCell): Cell[] {
  return [c.day, c.slot, c.leads, c.reps, c.uncovered];
}
