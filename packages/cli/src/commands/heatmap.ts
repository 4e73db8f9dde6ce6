import { WEEKDAY_NAMES, aggregateBySlot, judgeability, slotLabel, slotsPerDay, type HeatmapCell } from '@panopticon/core';
import { aggregateFileBySlot, type AggregateFileBySlotResult } from '@panopticon/core/files';
import { AS_OF_OPTION, ENGINE_OPTION, HELP_OPTION, INPUT_OPTIONS, TABLE_FORMAT_OPTION, helpText, type OptionSpecs } from '../args.js';
import { HEATMAP_CSV_COLUMNS, heatmapCsvCells, heatmapJsonCell } from '../csv-columns.js';
import { renderJson, renderTable } from '../format.js';
import { formatRate, ratio } from '../rate.js';
import { assertTabularTarget, isTabularFormat, writeTabular } from '../table-output.js';
import type { Io } from '../io.js';
import { asCliError, csvFormatOf, loadInputs, reportLoadIssues } from '../inputs.js';
import type { FileRef } from '../settings/definitions.js';
import { settingsOf } from '../settings/flag-needs.js';
import type { Settings } from '../settings/resolve.js';
import type { Command } from './command.js';
import { CliError, EXIT } from '../errors.js';
import { sqlEngineError, sqlInputs, withDataQualityNote } from '../sql-engine.js';
import { heatmapAggregation } from './heatmap-options.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  slot: { type: 'string', arg: 'MINUTES', help: 'slot length in minutes, a divisor of 1440 (default: 30)' },
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: 60)' },
  clock: {
    type: 'string',
    arg: 'wall|business',
    help: 'count all minutes, or only business hours (the config calendar, else Mon–Fri 09–17; default: wall)',
  },
  from: { type: 'string', arg: 'DATE', help: 'only leads received on or after this date (in --tz)' },
  to: { type: 'string', arg: 'DATE', help: 'only leads received on or before this date (inclusive, in --tz)' },
  team: { type: 'string', arg: 'TEAM', help: 'only leads of this team' },
  locator: { type: 'string', arg: 'NAME', help: 'only leads of this locator' },
  demand: { type: 'boolean', help: 'demand vs coverage: leads per slot against reps on shift (needs a --schedule)' },
  compare: { type: 'boolean', help: 'compare Period A with Period B slot by slot (leads and % within SLA)' },
  'period-a': {
    type: 'string',
    arg: 'FROM..TO',
    help: 'with --compare: Period A, whole days in --tz (default: the last --compare-weeks weeks)',
  },
  'period-b': { type: 'string', arg: 'FROM..TO', help: 'with --compare: Period B (default: as many weeks just before Period A)' },
  'compare-weeks': { type: 'string', arg: 'WEEKS', help: 'with --compare: the length of the default periods in weeks (default: 4)' },
  ...ENGINE_OPTION,
  ...TABLE_FORMAT_OPTION,
  ...HELP_OPTION,
};

export const HEATMAP_HELP = helpText(
  'panopticon heatmap [--leads FILE] [--slot 30] [--tz ZONE] [--sla 60] [--from DATE] [--to DATE] [--team T] [--demand | --compare [--period-a FROM..TO] [--period-b FROM..TO]] [--format table|json|csv|ndjson|parquet|arrow] [--out FILE]',
  'Response performance by weekday and time slot: for each slot in which leads arrived, how many, how many were\n' +
    'answered within the SLA, the % within SLA, and the median and p90 response minutes. The slot is the\n' +
    'wall-clock time of arrival in --tz, floored to the slot.',
  OPTIONS,
  'JSON output: { timeZone, slotMinutes, slaMinutes, clock, leads, cells: [{ day, weekday, slot, total, contacted,\n' +
    'withinSla, withinSlaRatio, neverContacted, invalid, medianMinutes, p90Minutes }] } — cells ordered Monday first.\n' +
    'withinSlaRatio is a ratio (0.642); the table and CSV print it as a percentage with one decimal (CSV: withinSlaPercent).\n' +
    'With --demand (the dashboard\'s "Demand vs coverage"): { timeZone, slotMinutes, cells: [{ day, weekday, slot, slotIndex,\n' +
    "leads, reps, uncovered }] } on the whole week's grid; CSV columns day,slot,leads,reps,uncovered.\n" +
    "With --compare (the dashboard's period comparison): { timeZone, slotMinutes, slaMinutes, clock, periodA, periodB,\n" +
    'cells: [{ day, weekday, slot, current: { total, withinSla, withinSlaRatio }, previous: { … }, deltaTotal,\n' +
    'deltaWithinSlaRatio }] } (current = Period A, previous = Period B); CSV columns day,slot,currentTotal,currentWithinSla,\n' +
    'currentWithinSlaPercent,previousTotal,previousWithinSla,previousWithinSlaPercent,deltaTotal.',
);

export const heatmapCommand: Command<Settings> = { options: OPTIONS, help: HEATMAP_HELP, settings: settingsOf('heatmap'), run: heatmap };

async function heatmap(settings: Settings, io: Io): Promise<number> {
  const { format, slotMinutes, slaMinutes, clock, source } = settings;
  assertTabularTarget(settings, 'heatmap');
  // Demand vs coverage and the period comparison: the dashboard's other response figures (heatmap-tables.ts).
  if (settings.demand || settings.compare || settings.periodA !== undefined || settings.periodB !== undefined)
    return (await import('./heatmap-tables.js')).heatmapTables(settings, io);
  const aggregation = heatmapAggregation(settings);
  let result: Pick<AggregateFileBySlotResult, 'cells' | 'issues' | 'stats'> | undefined;
  let cells: HeatmapCell[];
  // One streaming pass over the leads file (with worker threads on a large CSV file): no lead objects.
  const readLeadsFile = async (leads: FileRef) => {
    try {
      return await aggregateFileBySlot(leads, {
        ...aggregation,
        columns: settings.columns,
        strict: settings.strict,
        label: leads.label,
        ...csvFormatOf(settings),
      });
    } catch (error) {
      throw asCliError(error);
    }
  };
  if (settings.engine === 'duckdb') {
    // The SQL statement on DuckDB (a file it cannot read exactly as core does is refused); core's reader beside it for the note.
    const inputs = sqlInputs(settings, 'heatmap', { history: false }); // refuses Zoho
    const readFile = async () => (source.kind === 'csv' ? readLeadsFile(source.leads) : undefined);
    try {
      [cells, result] = await withDataQualityNote(settings, (sql) => sql.heatmapSql(inputs, aggregation), readFile);
    } catch (error) {
      throw asCliError(sqlEngineError(error, 'heatmap'));
    }
  } else if (source.kind === 'sql') {
    // One streaming pass over the rows of the leads query, as the cursor reads them (postgres-source.ts).
    const { aggregateFromPostgres } = await import('../postgres-source.js');
    try {
      result = await aggregateFromPostgres(
        source,
        {
          ...aggregation,
          columns: settings.columns,
          strict: settings.strict,
          // A config file's delimiter and encoding are about its CSV files: the rows of a query have neither.
          ...(settings.dateFormat !== undefined ? { dateFormat: settings.dateFormat } : {}),
        },
        io,
      );
    } catch (error) {
      throw asCliError(error);
    }
    cells = result.cells;
  } else if (source.kind === 'zoho') {
    // The Zoho snapshot is loaded into memory (loadInputs reports its issues).
    const data = await loadInputs(settings, io);
    result = { cells: aggregateBySlot(data.leads, aggregation), issues: [], stats: data.stats };
    cells = result.cells;
  } else {
    result = await readLeadsFile(source.leads);
    cells = result.cells;
  }
  if (result !== undefined && !settings.quiet) reportLoadIssues(result, source.kind === 'csv' && source.usingSample, io);
  const leads = cells.reduce((n, c) => n + c.total, 0);
  // Leads, but not one first contact (readable or not): every cell would read 0 % answered.
  const answered = cells.reduce((n, c) => n + c.contacted + c.invalid, 0);
  const label = source.kind === 'csv' ? source.leads.label : source.kind === 'sql' ? 'sql.leads' : 'Zoho CRM';
  const [unjudged] = judgeability(label, {
    response: { field: 'first_contact_time', present: true, values: leads === 0 ? 1 : answered },
  });
  if (unjudged) throw new CliError(`panopticon heatmap: ${unjudged.message}`, EXIT.findings);

  if (format === 'json') {
    io.out(renderJson({ timeZone: settings.timeZone, slotMinutes, slaMinutes, clock, leads, cells: cells.map(heatmapJsonCell) }));
  } else if (isTabularFormat(format)) {
    await writeTabular({ ...settings, format }, io, 'heatmap', HEATMAP_CSV_COLUMNS, cells.map(heatmapCsvCells));
  } else {
    io.out(matrix(cells, slotMinutes, slaMinutes, settings.timeZone, leads));
  }
  return 0;
}

/** The table format: one row per slot that received leads, one column per weekday, "% within (leads)". */
function matrix(cells: HeatmapCell[], slotMinutes: number, slaMinutes: number, timeZone: string, leads: number): string {
  if (cells.length === 0) return 'No leads in the selection.\n';
  const bySlot = new Map<number, Map<number, HeatmapCell>>();
  for (const c of cells) {
    if (!bySlot.has(c.slotIndex)) bySlot.set(c.slotIndex, new Map());
    bySlot.get(c.slotIndex)!.set(c.weekday, c);
  }
  const columns = ['slot', ...WEEKDAY_NAMES.map((d) => d.slice(0, 3))];
  const rows: string[][] = [];
  for (let s = 0; s < slotsPerDay(slotMinutes); s++) {
    const row = bySlot.get(s);
    if (!row) continue;
    rows.push([
      slotLabel(s, slotMinutes),
      ...WEEKDAY_NAMES.map((_, d) => {
        const c = row.get(d);
        return c ? `${formatRate(ratio(c.withinSla, c.total))} (${c.total})` : '';
      }),
    ]);
  }
  return (
    `% of leads answered within ${slaMinutes} min, by arrival slot (${slotMinutes} min, ${timeZone}); ${leads} leads\n\n` +
    renderTable(columns, rows)
  );
}
