import {
  WEEKDAY_NAMES,
  aggregateBySlot,
  aggregateCsvBySlot,
  slotLabel,
  slotsPerDay,
  type AggregateCsvBySlotResult,
  type HeatmapCell,
} from '@panopticon/core';
import {
  AS_OF_OPTION,
  FORMAT_OPTION,
  HELP_OPTION,
  INPUT_OPTIONS,
  formatValue,
  helpText,
  integerValue,
  parseCommandArgs,
  stringValue,
  type OptionSpecs,
} from '../args.js';
import { CliError } from '../errors.js';
import { renderCsv, renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { asCliError, loadInputs, reportIssues } from '../inputs.js';
import { parsePeriod } from '../period.js';

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  bucket: { type: 'string', arg: 'MINUTES', help: 'slot length in minutes, a divisor of 1440 (default: 30)' },
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: 60)' },
  clock: { type: 'string', arg: 'wall|business', help: 'count all minutes, or only business hours (the config calendar, else Mon–Fri 09–17; default: wall)' },
  from: { type: 'string', arg: 'DATE', help: 'only leads received on or after this date (in --tz)' },
  to: { type: 'string', arg: 'DATE', help: 'only leads received on or before this date (inclusive, in --tz)' },
  team: { type: 'string', arg: 'TEAM', help: 'only leads of this team' },
  locator: { type: 'string', arg: 'NAME', help: 'only leads of this locator' },
  ...FORMAT_OPTION,
  ...HELP_OPTION,
};

export const HEATMAP_HELP = helpText(
  'panopticon heatmap [--leads FILE] [--bucket 30] [--tz ZONE] [--sla 60] [--from DATE] [--to DATE] [--team T] [--format table|json|csv]',
  'Response performance by weekday and time slot: for each slot in which leads arrived, how many, how many were\n' +
    'answered within the SLA, the % within SLA, and the median and p90 response minutes. The slot is the\n' +
    'wall-clock time of arrival in --tz, floored to the bucket.',
  OPTIONS,
  'JSON output: { timeZone, bucketMinutes, slaMinutes, clock, leads, cells: [{ day, weekday, slot, total, contacted,\n' +
    'withinSla, pctWithinSla, neverContacted, invalid, medianMinutes, p90Minutes }] } — cells ordered Monday first.',
);

export async function heatmapCommand(argv: string[], io: Io): Promise<number> {
  const values = parseCommandArgs('heatmap', argv, OPTIONS);
  if (values.help) {
    io.out(HEATMAP_HELP);
    return 0;
  }
  const format = formatValue(values);
  const clock = stringValue(values, 'clock') ?? 'wall';
  if (clock !== 'wall' && clock !== 'business') throw new CliError(`--clock must be wall or business, got "${clock}".`, 2);

  const inputs = await loadInputs(values, io, { responseOnly: true });
  // Flags override panopticon.config.json (bucketMinutes, slaMinutes), which overrides the defaults.
  const bucketMinutes = integerValue(values, 'bucket', inputs.settings.bucketMinutes ?? 30);
  if (1440 % bucketMinutes !== 0) throw new CliError(`--bucket must divide 1440 (a day in minutes), got ${bucketMinutes}.`, 2);
  const slaMinutes = integerValue(values, 'sla', inputs.settings.slaMinutes ?? 60);
  const period = parsePeriod(stringValue(values, 'from'), stringValue(values, 'to'), inputs.timeZone);
  const team = stringValue(values, 'team');
  const locator = stringValue(values, 'locator');
  const aggregation = {
    timeZone: inputs.timeZone,
    // As of --as-of (default now): a lead created later is not counted, a contact made later is not a contact yet.
    asOf: inputs.asOf,
    bucketMinutes,
    slaMinutes,
    clock,
    // The business calendar of panopticon.config.json, for --clock business (default Mon–Fri 09–17).
    ...(inputs.settings.calendar ? { calendar: inputs.settings.calendar } : {}),
    ...period,
    ...(team !== undefined ? { team } : {}),
    ...(locator !== undefined ? { locator } : {}),
  } as const;
  let result: Pick<AggregateCsvBySlotResult, 'cells' | 'issues' | 'stats'>;
  if (values.zoho === true) {
    // The Zoho snapshot is already in memory (loadInputs reported its issues).
    result = { cells: aggregateBySlot(inputs.result.leads, aggregation), issues: [], stats: inputs.result.stats };
  } else {
    // One streaming pass over the leads file (with worker threads on a large one): no lead objects.
    try {
      result = await aggregateCsvBySlot(inputs.leadsFile, {
        ...aggregation,
        columns: inputs.columns,
        strict: values.strict === true,
        label: inputs.leadsFile.label,
      });
    } catch (error) {
      throw asCliError(error);
    }
  }
  if (values.quiet !== true) reportIssues(result, io);
  const { cells } = result;
  const leads = cells.reduce((n, c) => n + c.total, 0);

  if (format === 'json') {
    io.out(renderJson({ timeZone: inputs.timeZone, bucketMinutes, slaMinutes, clock, leads, cells: cells.map(jsonCell) }));
  } else if (format === 'csv') {
    io.out(renderCsv(CSV_COLUMNS, cells.map((c) => CSV_COLUMNS.map((k) => jsonCell(c)[k as keyof ReturnType<typeof jsonCell>]))));
  } else {
    io.out(matrix(cells, bucketMinutes, slaMinutes, inputs.timeZone, leads));
  }
  return 0;
}

const CSV_COLUMNS = ['day', 'slot', 'total', 'contacted', 'withinSla', 'pctWithinSla', 'neverContacted', 'invalid', 'medianMinutes', 'p90Minutes'];

function jsonCell(c: HeatmapCell) {
  return {
    day: c.day,
    weekday: c.weekday,
    slot: c.slot,
    total: c.total,
    contacted: c.contacted,
    withinSla: c.withinSla,
    pctWithinSla: c.pctWithinSla,
    neverContacted: c.neverContacted,
    invalid: c.invalid,
    medianMinutes: c.medianMinutes,
    p90Minutes: c.p90Minutes,
  };
}

/** The table format: one row per slot that received leads, one column per weekday, "% within (leads)". */
function matrix(cells: HeatmapCell[], bucketMinutes: number, slaMinutes: number, timeZone: string, leads: number): string {
  if (cells.length === 0) return 'No leads in the selection.\n';
  const bySlot = new Map<number, Map<number, HeatmapCell>>();
  for (const c of cells) {
    if (!bySlot.has(c.slotIndex)) bySlot.set(c.slotIndex, new Map());
    bySlot.get(c.slotIndex)!.set(c.weekday, c);
  }
  const columns = ['slot', ...WEEKDAY_NAMES.map((d) => d.slice(0, 3))];
  const rows: string[][] = [];
  for (let s = 0; s < slotsPerDay(bucketMinutes); s++) {
    const row = bySlot.get(s);
    if (!row) continue;
    rows.push([
      slotLabel(s, bucketMinutes),
      ...WEEKDAY_NAMES.map((_, d) => {
        const c = row.get(d);
        return c ? `${Math.round(c.pctWithinSla ?? 0)}% (${c.total})` : '';
      }),
    ]);
  }
  return (
    `% of leads answered within ${slaMinutes} min, by arrival slot (${bucketMinutes} min, ${timeZone}); ${leads} leads\n\n` +
    renderTable(columns, rows)
  );
}
