import { UNASSIGNED_LOCATOR, formatDayNumber, localDayNumber } from '@panopticon/core';
import {
  APPOINTMENTS_CSV_COLUMNS,
  APPOINTMENT_RANGES,
  appointmentCsvCells,
  appointmentRangeDays,
  appointmentRows,
} from '../appointment-rows.js';
import type { OptionSpecs } from '../args.js';
import { CliError, EXIT } from '../errors.js';
import { renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { cannotJudge, loadInputs } from '../inputs.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { dataCommand, TEAM_OPTION } from './data-command.js';
import { FOLLOW_UP_INPUT_OPTIONS, followUpOptions, formatInstant } from './follow-up-options.js';

const OPTIONS: OptionSpecs = {
  ...FOLLOW_UP_INPUT_OPTIONS,
  range: {
    type: 'string',
    arg: APPOINTMENT_RANGES.join('|'),
    help: "the as-of day, its week (Monday to Sunday), its month, or every appointment (default: week, as the dashboard's list)",
  },
  from: { type: 'string', arg: 'DATE', help: 'only appointments on or after this date (in --tz); with --to, instead of --range' },
  to: { type: 'string', arg: 'DATE', help: 'only appointments on or before this date (inclusive, in --tz)' },
  ...TEAM_OPTION,
};

export const appointmentsCommand = dataCommand(
  {
    name: 'appointments',
    options: OPTIONS,
    usage:
      'panopticon appointments [--leads FILE] [--history FILE] [--as-of DATE] [--tz ZONE] [--range today|week|month|all] [--from DATE] [--to DATE] [--team T] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
    summary:
      'The appointed leads of a range of days, by appointment day and time, each with its stage and follow-up\n' +
      "status as of --as-of: the dashboard's appointment list (Today, This week, This month, Custom).",
    json:
      'JSON output: { asOf, timeZone, from, to, rows: [{ leadId, name, locator, team, stage, status, appointmentAt, date, time }] }\n' +
      "(from and to the range's first and last day, null when open; date and time in --tz).",
  },
  run,
);

async function run(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone, period, team } = settings;
  const data = await loadInputs(settings, io);
  // Without appointments there is no list to print: an empty one would read as "no appointments".
  const unjudged = cannotJudge(data, 'follow-up');
  if (unjudged) throw new CliError(`panopticon appointments: ${unjudged.message}`, EXIT.findings);
  const custom = period.from !== undefined || period.to !== undefined;
  const [first, last] = custom
    ? [
        period.from ? localDayNumber(period.from, timeZone) : Number.NEGATIVE_INFINITY,
        period.to ? localDayNumber(period.to, timeZone) - 1 : Number.POSITIVE_INFINITY,
      ]
    : appointmentRangeDays(settings.range, localDayNumber(asOf, timeZone));
  const day = (n: number) => (Number.isFinite(n) ? formatDayNumber(n) : null);
  const [from, to] = [day(first), day(last)];
  const rows = appointmentRows(data.leads, followUpOptions(settings)).filter(
    (a) => (from === null || a.day >= from) && (to === null || a.day <= to) && (team === undefined || a.team === team),
  );
  if (format === 'json') {
    const json = rows.map((a) => ({
      leadId: a.id,
      name: a.name,
      locator: a.locator,
      team: a.team,
      stage: a.stage,
      status: a.status,
      appointmentAt: a.appointmentAt,
      date: a.day,
      time: a.time,
    }));
    io.out(renderJson({ asOf: asOf.toISOString(), timeZone, from, to, rows: json }));
  } else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'appointments', APPOINTMENTS_CSV_COLUMNS, rows.map(appointmentCsvCells));
  else {
    const when = from === null && to === null ? 'all days' : `${from ?? 'the start'} to ${to ?? 'the end'}`;
    io.out(
      rows.length === 0
        ? `No appointments from ${when} (as of ${formatInstant(asOf, timeZone)}).\n`
        : `${rows.length} appointment${rows.length === 1 ? '' : 's'}, ${when} (${timeZone}); status as of ${formatInstant(asOf, timeZone)}\n\n` +
            renderTable(
              ['date', 'time', 'lead', 'name', 'locator', 'stage', 'status'],
              rows.map((a) => [a.day, a.time, a.id, a.name, a.locator ?? UNASSIGNED_LOCATOR, a.stage, a.status]),
            ),
    );
  }
  return 0;
}
