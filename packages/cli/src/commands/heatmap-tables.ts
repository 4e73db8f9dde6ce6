/**
 * `panopticon heatmap --demand` and `--compare`: the dashboard's "Demand vs coverage" and period comparison
 * (Period A against Period B), from the leads in memory with core's own functions, as the page computes them
 * (report/model.ts, and client/response-view.ts after a control changes). Rows from demand-rows.ts and
 * comparison-rows.ts, which the page's downloads write too.
 *
 * @module
 */
import { aggregateBySlot, comparePeriods, demandVsCoverage, scheduleCoverage, type ComparisonPeriod } from '@panopticon/core';
import {
  COMPARISON_CSV_COLUMNS,
  comparisonCsvCells,
  comparisonJsonCell,
  dayRangePeriod,
  defaultComparisonPeriods,
  type DayRange,
} from '../comparison-rows.js';
import { DEMAND_CSV_COLUMNS, demandCsvCells } from '../demand-rows.js';
import { CliError, EXIT } from '../errors.js';
import { renderJson, renderTable } from '../format.js';
import type { Io } from '../io.js';
import { cannotJudge, loadInputs } from '../inputs.js';
import { formatRate, ratio } from '../rate.js';
import type { Settings } from '../settings/resolve.js';
import { isTabularFormat, writeTabular } from '../table-output.js';
import { heatmapAggregation } from './heatmap-options.js';

export async function heatmapTables(settings: Settings, io: Io): Promise<number> {
  if (settings.demand && settings.compare) throw new CliError('panopticon heatmap: give --demand or --compare, not both.', EXIT.usage);
  if (settings.engine === 'duckdb')
    throw new CliError(
      `panopticon heatmap --${settings.demand ? 'demand' : 'compare'}: the SQL engine does not state it; leave out --engine duckdb.`,
      EXIT.usage,
    );
  return settings.demand ? demand(settings, io) : compare(settings, io);
}

async function demand(settings: Settings, io: Io): Promise<number> {
  const { format, slotMinutes, timeZone } = settings;
  const data = await loadInputs(settings, io);
  if (!data.schedule || data.schedule.length === 0)
    throw new CliError(
      'panopticon heatmap --demand: no staff schedule to set the leads against; give --schedule FILE (or files.schedule in panopticon.config.json).',
      EXIT.usage,
    );
  const cells = demandVsCoverage(
    aggregateBySlot(data.leads, heatmapAggregation(settings)),
    scheduleCoverage(data.schedule, { slotMinutes }),
  );
  if (format === 'json') io.out(renderJson({ timeZone, slotMinutes, cells }));
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'heatmap', DEMAND_CSV_COLUMNS, cells.map(demandCsvCells));
  else {
    const uncovered = cells.filter((c) => c.uncovered);
    io.out(
      `Leads by arrival slot (${slotMinutes} min, ${timeZone}) against reps on shift: ${uncovered.length} slot${uncovered.length === 1 ? '' : 's'} with leads and nobody on shift\n\n` +
        renderTable(
          ['day', 'slot', 'leads', 'reps', 'uncovered'],
          cells.filter((c) => c.leads > 0 || c.reps > 0).map((c) => [c.day, c.slot, c.leads, c.reps, c.uncovered ? 'uncovered' : '']),
        ),
    );
  }
  return 0;
}

/** "FROM..TO" (whole days in the zone, both inclusive) as a day range, or a usage error naming the flag. */
function dayRange(raw: string, flag: string): DayRange {
  const [from, to, extra] = raw.split('..');
  if (from === undefined || to === undefined || extra !== undefined)
    throw new CliError(`--${flag} must be two dates FROM..TO (2026-03-01..2026-03-28), got "${raw}".`, EXIT.usage);
  return { from, to };
}

async function compare(settings: Settings, io: Io): Promise<number> {
  const { format, slotMinutes, slaMinutes, timeZone, asOf } = settings;
  if (settings.period.from !== undefined || settings.period.to !== undefined)
    throw new CliError('panopticon heatmap --compare: --period-a and --period-b say which leads; leave out --from and --to.', EXIT.usage);
  const defaults = defaultComparisonPeriods(asOf, timeZone, settings.compareWeeks);
  const ranges = {
    a: settings.periodA === undefined ? defaults.a : dayRange(settings.periodA, 'period-a'),
    b: settings.periodB === undefined ? defaults.b : dayRange(settings.periodB, 'period-b'),
  };
  const instants = (range: DayRange, flag: string): ComparisonPeriod => {
    const period = dayRangePeriod(range, timeZone);
    if (period === null)
      throw new CliError(
        `--${flag} must be two dates FROM..TO, the first not after the second, got "${range.from}..${range.to}".`,
        EXIT.usage,
      );
    return period;
  };
  const current = instants(ranges.a, 'period-a');
  const previous = instants(ranges.b, 'period-b');
  const data = await loadInputs(settings, io);
  const unjudged = cannotJudge(data, 'response');
  if (unjudged) throw new CliError(`panopticon heatmap --compare: ${unjudged.message}`, EXIT.findings);
  const cells = comparePeriods(data.leads, { ...heatmapAggregation(settings), current, previous });
  if (format === 'json')
    io.out(
      renderJson({
        timeZone,
        slotMinutes,
        slaMinutes,
        clock: settings.clock,
        periodA: ranges.a,
        periodB: ranges.b,
        cells: cells.map(comparisonJsonCell),
      }),
    );
  else if (isTabularFormat(format))
    await writeTabular({ ...settings, format }, io, 'heatmap', COMPARISON_CSV_COLUMNS, cells.map(comparisonCsvCells));
  else
    io.out(
      `Period A ${ranges.a.from} to ${ranges.a.to} against Period B ${ranges.b.from} to ${ranges.b.to}: leads and % answered within ${slaMinutes} min, by arrival slot (${slotMinutes} min, ${timeZone})\n\n` +
        renderTable(
          ['day', 'slot', 'A leads', 'A within', 'B leads', 'B within', 'change in leads'],
          cells.map((c) => [
            c.day,
            c.slot,
            c.current.total,
            formatRate(ratio(c.current.withinSla, c.current.total)),
            c.previous.total,
            formatRate(ratio(c.previous.withinSla, c.previous.total)),
            c.deltaTotal,
          ]),
        ),
    );
  return 0;
}
