import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, TABLE_FORMAT_OPTION, helpText, type OptionSpecs } from '../args.js';
import { renderJson, renderTable } from '../format.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import { resolveSettings, type Settings } from '../settings/resolve.js';
import { TIME_IN_STAGE_CSV_COLUMNS, timeInStageCsvCells, timeInStageRows } from '../time-in-stage-rows.js';
import type { Command } from './command.js';
import { formatInstant } from './follow-up-options.js';

const OPTIONS: OptionSpecs = { ...INPUT_OPTIONS, ...AS_OF_OPTION, ...TABLE_FORMAT_OPTION, ...HELP_OPTION };

export const TIME_IN_STAGE_HELP = helpText(
  'panopticon time-in-stage [--leads FILE] [--history FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'How long stages hold leads as of --as-of: per open, green or delivery stage (a won or lost stage is where a\n' +
    'lead ends), its visits, those still running, and the median, 90th percentile and mean days of the finished\n' +
    'ones (a visit still running has not finished: counted in openVisits, never measured). The dashboard\'s "Time in\n' +
    'stage" figure shows the same; `panopticon survival --of stage` gives the curves with running visits censored.',
  OPTIONS,
  'JSON output: { asOf, timeZone, rows: [{ stage, category, visits, openVisits, medianDays, p90Days, meanDays }] }\n' +
    '(days null when no visit to the stage has finished).',
);

export const timeInStageCommand: Command<Settings> = { options: OPTIONS, help: TIME_IN_STAGE_HELP, settings: resolveSettings, run };

async function run(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone } = settings;
  assertTabularTarget(settings, 'time-in-stage');
  const data = await loadInputs(settings, io);
  const rows = timeInStageRows(data.leads, { asOf, pipeline: settings.pipeline });
  if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, rows }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'time-in-stage', TIME_IN_STAGE_CSV_COLUMNS, rows.map(timeInStageCsvCells));
  else {
    const days = (d: number | null) => (d === null ? 'no finished visit' : d.toFixed(1));
    io.out(
      `Time in stage as of ${formatInstant(asOf, timeZone)} (${timeZone}); days of finished visits\n\n` +
        renderTable(
          ['stage', 'category', 'visits', 'still there', 'median days', '90 % within', 'mean days'],
          rows.map((r) => [r.stage, r.category, r.visits, r.openVisits, days(r.medianDays), days(r.p90Days), days(r.meanDays)]),
        ),
    );
  }
  return 0;
}
