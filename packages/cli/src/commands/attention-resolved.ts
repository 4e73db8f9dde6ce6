/**
 * `panopticon attention --resolved [--since DATE]`: the leads on the needs-attention list at --since (default
 * a day before --as-of, as the dashboard) and no longer on it at --as-of, with why: core's `attentionChanges`
 * through report/attention-since.ts, the same comparison the dashboard's "Resolved since" list and the digest make.
 *
 * @module
 */
import { UNASSIGNED_LOCATOR } from '@panopticon/core';
import { CliError, EXIT } from '../errors.js';
import { renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { cannotJudge, loadColumnarInputs } from '../inputs.js';
import { attentionSince } from '../report/attention-since.js';
import { RESOLVED_CSV_COLUMNS, resolvedCsvCells, resolvedJsonRow } from '../resolved-rows.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { followUpOptions, formatInstant } from './follow-up-options.js';

/** The text `--help` gives about `--resolved`'s output. */
export const RESOLVED_JSON =
  'With --resolved: { asOf, since, timeZone, rows: [{ leadId, name, was, why, stage, status, locator }] }: was its reason on\n' +
  'the earlier list; why progressed, won, lost, reassigned, rescheduled (appointment moved) or removed (no longer in the\n' +
  'data: name, stage and status null); stage, status and locator now. CSV columns leadId,name,was,why,stage,status,locator.';

export async function resolvedSince(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone } = settings;
  if (settings.groupBy !== undefined) throw new CliError('panopticon attention: give --resolved or --by, not both.', EXIT.usage);
  if (settings.engine === 'duckdb')
    throw new CliError('panopticon attention --resolved: the SQL engine does not state it; leave out --engine duckdb.', EXIT.usage);
  const data = await loadColumnarInputs(settings, io);
  const unjudged = cannotJudge(data, 'follow-up');
  if (unjudged) throw new CliError(`panopticon attention: ${unjudged.message}`, EXIT.findings);
  // The `since` setting, as the dashboard's: --since, else a day before the as-of.
  const changed = attentionSince(data, followUpOptions(settings), settings.since);
  const rows = changed.resolved;
  if (format === 'json')
    io.out(renderJson({ asOf: asOf.toISOString(), since: changed.since.toISOString(), timeZone, rows: rows.map(resolvedJsonRow) }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'attention', RESOLVED_CSV_COLUMNS, rows.map(resolvedCsvCells));
  else if (rows.length === 0)
    io.out(`No lead has left the needs-attention list between ${changed.sinceText} and ${formatInstant(asOf, timeZone)}.\n`);
  else
    io.out(
      `${rows.length} lead${rows.length === 1 ? '' : 's'} left the needs-attention list between ${changed.sinceText} and ${formatInstant(asOf, timeZone)} (${timeZone})\n\n` +
        renderTable(
          ['lead', 'name', 'was', 'why', 'stage now', 'status now', 'locator now'],
          rows.map((r) => [
            r.id,
            r.name ?? '',
            r.was,
            r.why,
            r.stage ?? '',
            r.status ?? '',
            r.name === null ? '' : (r.locator ?? UNASSIGNED_LOCATOR),
          ]),
        ),
    );
  return 0;
}
