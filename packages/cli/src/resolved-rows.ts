/**
 * The leads resolved since an earlier list, as `panopticon attention --resolved` prints them and the
 * dashboard's "Resolved since" list downloads them (report/table-csv.ts): one definition of the JSON and
 * CSV rows. `why` is the resolution's code (progressed, won, lost, reassigned, rescheduled, removed), as
 * `was` and `status` are codes; the page shows the digest's words for it.
 *
 * @module
 */
import type { ResolvedRow } from './report/attention-since.js';
import type { Cell } from './format.js';

/** The columns of `panopticon attention --resolved --format csv`. */
export const RESOLVED_CSV_COLUMNS = ['leadId', 'name', 'was', 'why', 'stage', 'status', 'locator'] as const;

/** One resolved lead as `panopticon attention --resolved --format json` writes it (`name`, `stage`, `status` null when it left the data). */
export function resolvedJsonRow(r: ResolvedRow) {
  return { leadId: r.id, name: r.name, was: r.was, why: r.why, stage: r.stage, status: r.status, locator: r.locator };
}

/** A resolved lead's CSV cells, in {@link RESOLVED_CSV_COLUMNS} order. */
export function resolvedCsvCells(r: ResolvedRow): Cell[] {
  const json = resolvedJsonRow(r);
  return RESOLVED_CSV_COLUMNS.map((k) => json[k]);
}
