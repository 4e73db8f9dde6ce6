import { pipelineSnapshot } from '@panopticon/core';
import { AS_OF_OPTION, INPUT_OPTIONS, type OptionSpecs } from '../args.js';
import { renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { loadInputs } from '../inputs.js';
import {
  PIPELINE_SNAPSHOT_CSV_COLUMNS,
  PIPELINE_TREND_CSV_COLUMNS,
  TREND_WEEKS,
  pipelineSnapshotCsvCells,
  pipelineTrendCsvCells,
  pipelineTrendRows,
} from '../pipeline-rows.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { dataCommand } from './data-command.js';
import { formatInstant } from './follow-up-options.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  trend: {
    type: 'boolean',
    help: `weekly counts over the last ${TREND_WEEKS} weeks (or since the first lead) instead of the counts at --as-of`,
  },
};

export const pipelineCommand = dataCommand(
  {
    name: 'pipeline',
    options: OPTIONS,
    usage:
      'panopticon pipeline [--leads FILE] [--history FILE] [--pipeline FILE] [--as-of DATE] [--tz ZONE] [--trend] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
    summary:
      'Where leads are: how many leads are in each stage at --as-of, in pipeline order (the dashboard\'s "Pipeline\n' +
      `snapshot"). With --trend, the same counted at the end of every week of the last ${TREND_WEEKS} weeks up to --as-of (the\n` +
      'dashboard\'s "Pipeline trend").',
    json:
      'JSON output: { asOf, timeZone, rows: [{ stage, category, count }] }; with --trend { asOf, timeZone, every: "week",\n' +
      'rows: [{ date, at, stage, category, count }] } (date the day in --tz, at the instant counted: the end of that day).',
  },
  run,
);

async function run(settings: Settings, io: Io): Promise<number> {
  const { format, asOf, timeZone, pipeline } = settings;
  const { leads } = await loadInputs(settings, io);
  if (settings.trend) {
    const rows = pipelineTrendRows(leads, { asOf, timeZone, pipeline });
    if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, every: 'week', rows }));
    else if (isTabularFormat(format))
      await writeTabular({ ...settings, format }, io, 'pipeline', PIPELINE_TREND_CSV_COLUMNS, rows.map(pipelineTrendCsvCells));
    else
      io.out(
        `Leads per stage at the end of each week, up to ${formatInstant(asOf, timeZone)} (${timeZone})\n\n` +
          renderTable(PIPELINE_TREND_CSV_COLUMNS, rows.map(pipelineTrendCsvCells)),
      );
    return 0;
  }
  const rows = pipelineSnapshot(leads, { at: asOf, pipeline });
  if (format === 'json') io.out(renderJson({ asOf: asOf.toISOString(), timeZone, rows }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'pipeline', PIPELINE_SNAPSHOT_CSV_COLUMNS, rows.map(pipelineSnapshotCsvCells));
  else
    io.out(
      `Leads per stage as of ${formatInstant(asOf, timeZone)} (${timeZone})\n\n` +
        renderTable(PIPELINE_SNAPSHOT_CSV_COLUMNS, rows.map(pipelineSnapshotCsvCells)),
    );
  return 0;
}
