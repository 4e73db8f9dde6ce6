/**
 * The period comparison (Period A against Period B, slot by slot), as `panopticon heatmap --compare` prints
 * it and the dashboard's figure downloads it (report/table-csv.ts, and the page's script after the analysis
 * controls redraw it): one definition of the default periods, of the JSON and of the CSV cells. Rates as
 * ratios in JSON (`…WithinSlaRatio`), as a percentage with one decimal in CSV (`…WithinSlaPercent`, rate.ts).
 * Platform-neutral.
 *
 * @module
 */
import {
  formatDayNumber,
  localDayNumber,
  parseDayNumber,
  startOfLocalDay,
  type ComparisonPeriod,
  type HeatmapComparisonCell,
  type HeatmapPeriodFigures,
} from '@panopticon/core';
import type { Cell } from './format.js';
import type { DayRange } from './report/controls-data.js';
import { ratePercent, ratio } from './rate.js';

export type { DayRange };

/** The columns of `panopticon heatmap --compare --format csv`: current = Period A, previous = Period B. */
export const COMPARISON_CSV_COLUMNS = [
  'day',
  'slot',
  'currentTotal',
  'currentWithinSla',
  'currentWithinSlaPercent',
  'previousTotal',
  'previousWithinSla',
  'previousWithinSlaPercent',
  'deltaTotal',
] as const;

/**
 * The periods compared unless told otherwise: Period A the last `weeks` weeks of whole days ending with the
 * as-of day, Period B as many days just before.
 */
export function defaultComparisonPeriods(asOf: Date, timeZone: string, weeks: number): { a: DayRange; b: DayRange } {
  const today = localDayNumber(asOf, timeZone);
  const span = weeks * 7;
  const aFrom = today + 1 - span;
  return {
    a: { from: formatDayNumber(aFrom), to: formatDayNumber(today) },
    b: { from: formatDayNumber(aFrom - span), to: formatDayNumber(aFrom - 1) },
  };
}

/** A day range's instants: from the start of its first day to the start of the day after its last; `null` when not two dates in order. */
export function dayRangePeriod(range: DayRange, timeZone: string): ComparisonPeriod | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  const from = iso.test(range.from) ? parseDayNumber(range.from) : Number.NaN;
  const to = iso.test(range.to) ? parseDayNumber(range.to) : Number.NaN;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return null;
  return { from: startOfLocalDay(from, timeZone), to: startOfLocalDay(to + 1, timeZone) };
}

const periodJson = (p: HeatmapPeriodFigures) => ({ total: p.total, withinSla: p.withinSla, withinSlaRatio: ratio(p.withinSla, p.total) });

/** One slot as `panopticon heatmap --compare --format json` writes it: each period's rate a ratio, and their difference as one. */
export function comparisonJsonCell(c: HeatmapComparisonCell) {
  const current = periodJson(c.current);
  const previous = periodJson(c.previous);
  return {
    day: c.day,
    weekday: c.weekday,
    slot: c.slot,
    current,
    previous,
    deltaTotal: c.deltaTotal,
    deltaWithinSlaRatio:
      current.withinSlaRatio === null || previous.withinSlaRatio === null ? null : current.withinSlaRatio - previous.withinSlaRatio,
  };
}

/** A slot's CSV cells, in {@link COMPARISON_CSV_COLUMNS} order. */
export function comparisonCsvCells(c: HeatmapComparisonCell): Cell[] {
  const { current, previous } = comparisonJsonCell(c);
  return [
    c.day,
    c.slot,
    current.total,
    current.withinSla,
    ratePercent(current.withinSlaRatio),
    previous.total,
    previous.withinSla,
    ratePercent(previous.withinSlaRatio),
    c.deltaTotal,
  ];
}
