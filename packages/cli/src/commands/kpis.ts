import { kpis as kpisOf, medianMinutesToFirstContact, summarizeResponses, type ColumnarLeads, type Kpis } from '@panopticon/core';
import { helpText, type OptionSpecs } from '../args.js';
import { renderJson, renderTable } from '../format.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { loadColumnarInputs } from '../inputs.js';
import { CANNOT_JUDGE, withoutUnjudged } from '../judged.js';
import { renamed, withWithinSlaRatio } from '../rate.js';
import { KPIS_CSV_COLUMNS, kpisCsvRows } from '../csv-columns.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import type { Command } from './command.js';
import { FOLLOW_UP_INPUT_OPTIONS, FOLLOW_UP_OUTPUT_OPTIONS, followUpOptions, formatInstant } from './follow-up-options.js';
import { CliError, EXIT } from '../errors.js';

const OPTIONS: OptionSpecs = {
  ...FOLLOW_UP_INPUT_OPTIONS,
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: 60)' },
  ...FOLLOW_UP_OUTPUT_OPTIONS,
};

export const KPIS_HELP = helpText(
  'panopticon kpis [--leads FILE] [--history FILE] [--owners FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'Headline figures as of --as-of: appointed leads by follow-up status, needs attention, conversion rate,\n' +
    'time to intervention, green → delivery, and response time against the SLA.',
  OPTIONS,
  'JSON output: { asOf, timeZone, source, followUp: { appointed, upcoming, awaiting, atRisk, stale, stalled, stuckInGreen,\n' +
    'progressed, won, lost, needsAttention, conversionRatio, medianDaysToIntervention, pendingIntervention, … },\n' +
    'response: { total, contacted, withinSla, withinSlaRatio, medianMinutes (of contacted leads), medianMinutesToFirstContact\n' +
    '(of the Kaplan–Meier curve: leads still waiting censored at --as-of; null when fewer than half were contacted), p90Minutes, bands } }.\n' +
    'From a Zoho snapshot synced with owner history off, medianDaysToIntervention and pendingIntervention are\n' +
    'the text "not measured (owner history off)" in every format.\n' +
    `A figure the data cannot answer (no appointment or first-contact values) is "${CANNOT_JUDGE}", with the reason on\n` +
    'stderr and exit code 1.\n' +
    'Rates: JSON holds ratios (0.224) in fields named …Ratio; the table and CSV print them as a percentage with one\n' +
    'decimal (22.4) under the name …Percent (followUp.conversionPercent, response.withinSlaPercent).',
);

/**
 * The KPI object printed by `panopticon kpis --format json` and shown in the dashboard's tiles: both
 * compute it from the leads as columns, so the tiles and the command agree by construction. The two
 * owner-based figures say "not measured" where the source has no owner changes (see {@link withoutUnmeasured}).
 */
export function computeKpis(settings: KpisSettings, data: ColumnarLeads) {
  const options = followUpOptions(settings);
  const { slaMinutes } = settings;
  const computed = kpisOf(data, options);
  // JSON holds rates as ratios and says so in the name (rate.ts).
  const followUp = withoutUnmeasured(
    renamed(computed, 'conversionRate', 'conversionRatio', computed.conversionRate) as KpisJsonFollowUp,
    settings.source,
  );
  const { p90Minutes, bands, ...summary } = summarizeResponses(data.leads, {
    timeZone: settings.timeZone,
    slaMinutes,
    asOf: settings.asOf,
  });
  // Beside the median of contacted leads: the median of the Kaplan–Meier curve, which counts the leads still
  // waiting (censored at asOf) and so cannot improve by leaving slow leads unanswered; null when not reached.
  // The median alone: the curve's steps and bands are not printed.
  const median = medianMinutesToFirstContact(data.leads, { asOf: settings.asOf });
  const response = { ...withWithinSlaRatio(summary), medianMinutesToFirstContact: median, p90Minutes, bands };
  return { asOf: settings.asOf.toISOString(), timeZone: settings.timeZone, source: settings.description, slaMinutes, followUp, response };
}

/** The settings {@link computeKpis} reads. */
export type KpisSettings = Pick<
  Settings,
  'asOf' | 'timeZone' | 'pipeline' | 'dayCount' | 'calendar' | 'slaMinutes' | 'description' | 'source'
>;

export const kpisCommand: Command<Settings> = { options: OPTIONS, help: KPIS_HELP, settings: resolveSettings, run: kpis };

async function kpis(settings: Settings, io: Io): Promise<number> {
  const { format } = settings;
  assertTabularTarget(settings, 'kpis');
  if (settings.engine === 'duckdb') {
    // The follow-up figures and the response summary are stated in SQL (@panopticon/sql kpisSql, responseSummarySql),
    // but not the Kaplan–Meier median time to first contact printed beside them: refused rather than printed in part.
    throw new CliError(
      'panopticon kpis --engine duckdb: the SQL engine does not state the median time to first contact (Kaplan–Meier) that kpis prints; leave out --engine duckdb.',
      EXIT.usage,
    );
  }
  const data = await loadColumnarInputs(settings, io);
  const unjudged = data.cannotJudge ?? [];
  const result = withoutUnjudged(computeKpis(settings, data), unjudged);
  for (const u of unjudged) io.err(`panopticon kpis: ${u.message}\n`);
  // A figure that cannot be judged is printed as "cannot judge", and the exit code says so.
  const code = unjudged.length > 0 ? 1 : 0;
  if (format === 'json') {
    io.out(renderJson(result));
    return code;
  }
  const rows = kpisCsvRows(result as unknown as Record<string, unknown>);
  // The CSV writes asOf as an instant in the team's zone with its offset, like every instant it writes.
  if (isTabularFormat(format)) {
    await writeTabular({ ...settings, format }, io, 'kpis', KPIS_CSV_COLUMNS, kpisCsvRows({ ...result, asOf: settings.asOf }));
  } else
    io.out(
      `KPIs as of ${formatInstant(settings.asOf, settings.timeZone)} (${settings.timeZone})\n\n${renderTable(KPIS_CSV_COLUMNS, rows)}`,
    );
  return code;
}

/** What kpis prints for a figure its data cannot give. */
export const OWNER_HISTORY_OFF = 'not measured (owner history off)' as const;

/** A follow-up figure the data cannot give: {@link OWNER_HISTORY_OFF}. */
export type Unmeasured = typeof OWNER_HISTORY_OFF;

/**
 * Time to intervention needs the owner changes: a Zoho snapshot synced with owner history off has them only
 * for some leads, so those two figures are not measured rather than wrong.
 */
function withoutUnmeasured(
  followUp: KpisJsonFollowUp,
  source: Settings['source'],
): Omit<KpisJsonFollowUp, 'pendingIntervention' | 'medianDaysToIntervention'> & {
  pendingIntervention: number | Unmeasured;
  medianDaysToIntervention: number | null | Unmeasured;
} {
  if (source.kind !== 'zoho' || source.ownerHistory) return followUp;
  return { ...followUp, pendingIntervention: OWNER_HISTORY_OFF, medianDaysToIntervention: OWNER_HISTORY_OFF };
}

/** The follow-up figures of the KPI JSON: core's, with the conversion rate named as the ratio it is. */
type KpisJsonFollowUp = Omit<Kpis, 'conversionRate'> & { conversionRatio: number | null };
