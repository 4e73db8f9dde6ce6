import { filterLeads, locatorScorecard, type LocatorScorecardRow } from '@panopticon/core';
import type { OptionSpecs } from '../args.js';
import { CliError, EXIT } from '../errors.js';
import { renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { cannotJudge, loadInputs } from '../inputs.js';
import { formatRate } from '../rate.js';
import { SCORECARD_CSV_COLUMNS, scorecardCsvCells } from '../report/scorecard-columns.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { dataCommand, TEAM_OPTION } from './data-command.js';
import { FOLLOW_UP_INPUT_OPTIONS, followUpOptions, formatInstant } from './follow-up-options.js';

const OPTIONS: OptionSpecs = {
  ...FOLLOW_UP_INPUT_OPTIONS,
  ...TEAM_OPTION,
};

export const scorecardCommand = dataCommand(
  {
    name: 'scorecard',
    options: OPTIONS,
    usage:
      'panopticon scorecard [--leads FILE] [--history FILE] [--owners FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--team T] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
    summary:
      'The locator scorecard as of --as-of: per locator, their leads, appointed leads by follow-up status, how many\n' +
      "need attention, the conversion rate and the median days from appointment to first progress (the dashboard's\n" +
      '"Locator scorecard"). Most leads needing attention first.',
    json:
      'JSON output: { asOf, timeZone, team, rows: [{ locator, leads, appointed, needsAttention, counts: { <status>: n },\n' +
      'conversionRatio, medianDaysToProgress }] }. conversionRatio is a ratio (0.224, null when none appointed); the table\n' +
      'and CSV print it as a percentage with one decimal (CSV: conversionPercent).',
  },
  run,
);

/** A row as the JSON writes it: the conversion rate named as the ratio it is. */
function scorecardJsonRow(r: LocatorScorecardRow) {
  return {
    locator: r.locator,
    leads: r.leads,
    appointed: r.appointed,
    needsAttention: r.needsAttention,
    counts: r.counts,
    conversionRatio: r.conversionRate,
    medianDaysToProgress: r.medianDaysToProgress,
  };
}

async function run(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone, team } = settings;
  const data = await loadInputs(settings, io);
  const unjudged = cannotJudge(data, 'follow-up');
  if (unjudged) throw new CliError(`panopticon scorecard: ${unjudged.message}`, EXIT.findings);
  // The dashboard's Team control: the scorecard of the team's leads alone (report/section-controls.ts).
  const rows = locatorScorecard(team === undefined ? data.leads : filterLeads(data.leads, { team }), followUpOptions(settings));
  if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, team: team ?? null, rows: rows.map(scorecardJsonRow) }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'scorecard', SCORECARD_CSV_COLUMNS, rows.map(scorecardCsvCells));
  else if (rows.length === 0) io.out(`No leads${team === undefined ? '' : ` of team ${team}`} as of ${formatInstant(asOf, timeZone)}.\n`);
  else
    io.out(
      `Locator scorecard as of ${formatInstant(asOf, timeZone)} (${timeZone})${team === undefined ? '' : `, team ${team}`}\n\n` +
        renderTable(
          [...SCORECARD_CSV_COLUMNS.slice(0, -2), 'conversion', 'medianDaysToProgress'],
          rows.map((r) => [...scorecardCsvCells(r).slice(0, -2), formatRate(r.conversionRate), r.medianDaysToProgress]),
        ),
    );
  return 0;
}
