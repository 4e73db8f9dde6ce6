import { ATTENTION_REASONS, UNASSIGNED_LOCATOR, needsAttention } from '@panopticon/core';
import { ATTENTION_BY_LOCATOR_CSV_COLUMNS, attentionByLocator, attentionByLocatorCsvCells } from '../attention-by-locator.js';
import { helpText, type OptionSpecs } from '../args.js';
import { ATTENTION_CSV_COLUMNS, attentionCsvCells, attentionJsonRow } from '../csv-columns.js';
import { renderJson, renderJsonParts, renderTable } from '../format.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { cannotJudge, loadColumnarInputs } from '../inputs.js';
import { CliError, EXIT } from '../errors.js';
import { sqlEngineError, sqlInputs, withDataQualityNote } from '../sql-engine.js';
import type { AttentionRow } from '@panopticon/core';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import { RESOLVED_JSON, resolvedSince } from './attention-resolved.js';
import type { Command } from './command.js';
import { FOLLOW_UP_INPUT_OPTIONS, FOLLOW_UP_OUTPUT_OPTIONS, followUpOptions, formatInstant } from './follow-up-options.js';

/** `--by locator`: the list counted per locator (the dashboard's "Needs attention by locator" download). */
const BY_OPTION: OptionSpecs = {
  by: { type: 'string', arg: 'locator', help: 'count the list per locator: one row per locator, its leads by reason' },
};

/** `--resolved [--since DATE]`: the leads that left the list (the dashboard's "Resolved since"). */
const RESOLVED_OPTIONS: OptionSpecs = {
  resolved: { type: 'boolean', help: 'the leads on the list at --since and no longer on it at --as-of, with why' },
  since: {
    type: 'string',
    arg: 'DATE',
    help: 'with --resolved: the earlier list (a date or timestamp before --as-of; default: a day before --as-of)',
  },
};

const OPTIONS: OptionSpecs = { ...FOLLOW_UP_INPUT_OPTIONS, ...FOLLOW_UP_OUTPUT_OPTIONS, ...BY_OPTION, ...RESOLVED_OPTIONS };

const BY_LOCATOR_JSON =
  'With --by locator: { asOf, timeZone, by, rows: [{ locator, needsAttention, reasons: { stale, stuck-in-green, stalled,\n' +
  'at-risk } }] }, most leads first (locator null = unassigned); CSV columns locator,needsAttention,stale,stuck-in-green,stalled,at-risk.';

export const ATTENTION_HELP = helpText(
  'panopticon attention [--leads FILE] [--history FILE] [--owners FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--by locator | --resolved [--since DATE]] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'The needs-attention list: appointed leads that are stale, stuck in green, stalled or at risk as of --as-of,\n' +
    'most severe first (stale > stuck-in-green > stalled > at-risk), then most days first, each with its locator.',
  OPTIONS,
  'JSON output: { asOf, timeZone, rows: [{ leadId, name, locator, team, stage, appointmentAt, status, reason, days }] }.\n' +
    '`days` is days since the appointment for stale and at-risk, days in the current stage for stuck-in-green and stalled.\n' +
    BY_LOCATOR_JSON +
    '\n' +
    RESOLVED_JSON,
);

export const attentionCommand: Command<Settings> = { options: OPTIONS, help: ATTENTION_HELP, settings: resolveSettings, run: attention };

async function attention(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone } = settings;
  assertTabularTarget(settings, 'attention');
  if (settings.resolved) return resolvedSince(settings, io);
  if (settings.since !== undefined)
    throw new CliError('panopticon attention: --since is the earlier list of --resolved; add --resolved.', EXIT.usage);
  if (settings.groupBy !== undefined && settings.groupBy !== 'locator')
    throw new CliError(`--by must be locator, got "${settings.groupBy}".`, EXIT.usage);
  let rows: AttentionRow[];
  if (settings.engine === 'duckdb') {
    const inputs = sqlInputs(settings, 'attention', { history: true });
    try {
      // Core's reader beside DuckDB, for the data-quality note the TypeScript engine prints (loadColumnarInputs prints it).
      [rows] = await withDataQualityNote(
        settings,
        (sql) => sql.needsAttentionSql(inputs, followUpOptions(settings)),
        () => loadColumnarInputs(settings, io),
      );
    } catch (error) {
      // The SQL engine refuses, like the loader below, to answer without appointment values.
      if (error instanceof Error && error.name === 'SqlCannotJudgeError')
        throw new CliError(`panopticon attention: ${error.message}`, EXIT.findings);
      throw sqlEngineError(error, 'attention');
    }
  } else {
    const data = await loadColumnarInputs(settings, io);
    // Without appointments every lead looks unappointed: an empty list would read as "nothing needs attention".
    const unjudged = cannotJudge(data, 'follow-up');
    if (unjudged) throw new CliError(`panopticon attention: ${unjudged.message}`, EXIT.findings);
    rows = needsAttention(data, followUpOptions(settings));
  }
  if (settings.groupBy === 'locator') return byLocator(settings, io, rows);
  if (format === 'json') {
    // In parts, each row's JSON made as its part is written: a long list is never one string (nor a second list).
    for (const part of renderJsonParts({ asOf: asOf.toISOString(), timeZone }, 'rows', rows, attentionJsonRow)) io.out(part);
  } else if (isTabularFormat(format)) {
    // Instants as Dates: the CSV writes them in the team's zone with their offset, Parquet and Arrow as UTC timestamps.
    const cells = rows.map((row) => attentionCsvCells(attentionJsonRow(row)));
    await writeTabular({ ...settings, format }, io, 'attention', ATTENTION_CSV_COLUMNS, cells);
  } else if (rows.length === 0) {
    io.out(`Nothing needs attention as of ${formatInstant(asOf, timeZone)}.\n`);
  } else {
    io.out(
      `${rows.length} lead${rows.length === 1 ? '' : 's'} need attention as of ${formatInstant(asOf, timeZone)} (${timeZone})\n\n` +
        renderTable(
          ['reason', 'days', 'locator', 'lead', 'name', 'stage', 'appointment'],
          rows.map((r) => [
            r.reason,
            r.days,
            r.locator ?? '(unassigned)',
            r.leadId,
            r.name,
            r.stage,
            r.appointmentAt ? formatInstant(r.appointmentAt, timeZone) : '',
          ]),
        ),
    );
  }
  return 0;
}

/** `--by locator`: the list counted per locator (attention-by-locator.ts, the dashboard's figure download too). */
async function byLocator(settings: Settings, io: Io, list: readonly AttentionRow[]): Promise<number> {
  const { format, asOf, timeZone } = settings;
  const rows = attentionByLocator(list);
  if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, by: 'locator', rows }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'attention', ATTENTION_BY_LOCATOR_CSV_COLUMNS, rows.map(attentionByLocatorCsvCells));
  else if (rows.length === 0) io.out(`Nothing needs attention as of ${formatInstant(asOf, timeZone)}.\n`);
  else
    io.out(
      `Needs attention by locator as of ${formatInstant(asOf, timeZone)} (${timeZone})\n\n` +
        renderTable(
          ['locator', 'leads', ...ATTENTION_REASONS],
          rows.map((r) => [r.locator ?? UNASSIGNED_LOCATOR, r.needsAttention, ...ATTENTION_REASONS.map((k) => r.reasons[k])]),
        ),
    );
  return 0;
}
