import * as Plot from '@observablehq/plot';
import type { PipelineTrendRow, StageCategory } from '@panopticon/core';
import { MS_PER_DAY, parseDayNumber } from '@panopticon/core';
import { shadesOf } from './color.js';
import { composeFigure } from './compose.js';
import { plural, truncate } from './format.js';
import type { SwatchItem } from './legend.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { resolveFigureOptions } from './options.js';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER, NEUTRAL_COLORS, colorOf, labelOf } from './palette.js';

/**
 * Options of {@link pipelineTrendFigure}.
 *
 * Defaults of the shared options: `title` "Pipeline over time"; `subtitle` "Leads per stage at the end of each
 * date, <first> to <last>"; `width` 640; `emptyMessage` "No pipeline history in this period".
 *
 * @example
 * ```ts
 * const options: PipelineTrendFigureOptions = { document, groupBy: 'category', stacked: true, categories: ['open', 'green', 'delivery'], timeZone };
 * const svg = pipelineTrendFigure(pipelineTrend(leads, { from, to: asOf, every: 'week', timeZone, pipeline }), options);
 * ```
 */
export interface PipelineTrendFigureOptions extends FigureOptions {
  /** One line per stage, or per category (stages summed). Default `'stage'`. */
  groupBy?: 'stage' | 'category';
  /** Stacked areas (the whole pipeline's size over time) instead of lines. Default false. */
  stacked?: boolean;
  /**
   * Only stages of these categories. Default: every category. (Won and lost stages only grow; leave them
   * out to see the working pipeline: `['open', 'green', 'delivery']`.)
   */
  categories?: readonly StageCategory[];
  /** The IANA zone the dates were computed in (the trend's `timeZone`), shown in the subtitle. Default: not shown. */
  timeZone?: string;
  /** Height of the chart area in pixels. Default 260. */
  height?: number;
}

/** One series' count at one date: the trend's row, summed per `key` (the stage, or the category), with the date as a Date. */
type Point = Pick<PipelineTrendRow, 'category' | 'date' | 'count'> & { key: string; day: Date };

/**
 * The pipeline trend, from `pipelineTrend`: leads per stage (or per category) at each date, as lines or
 * stacked areas. Stages take shades of their category's colour ({@link CATEGORY_COLORS}), darkest first in
 * pipeline order, so the figure reads like the snapshot. Dates are the trend's own "YYYY-MM-DD" (already
 * read in its time zone) and are drawn as such, whatever the process zone. Returns the "no data" figure for
 * no rows.
 *
 * @example
 * ```ts
 * const rows = pipelineTrend(leads, { from, to: asOf, every: 'week', timeZone, pipeline });
 * const svg = pipelineTrendFigure(rows, { document, timeZone, categories: ['open', 'green', 'delivery'] });
 * ```
 */
export function pipelineTrendFigure(rows: readonly PipelineTrendRow[], options: PipelineTrendFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Pipeline over time' });
  const categories = options.categories ? new Set<string>(options.categories) : null;
  const kept = rows.filter((r) => (categories ? categories.has(r.category) : true) && !Number.isNaN(parseDayNumber(r.date)));
  if (kept.length === 0) {
    return emptyFigure('pipeline-trend', { doc, width, title }, options, undefined, 'No pipeline history in this period');
  }
  const groupBy = options.groupBy ?? 'stage';
  // Series in first-seen order (the trend lists stages in pipeline order), summed per date and key.
  const points = new Map<string, Point>();
  const keys: string[] = [];
  const categoryOf = new Map<string, string>();
  for (const r of kept) {
    const key = groupBy === 'category' ? r.category : r.stage;
    if (!categoryOf.has(key)) {
      categoryOf.set(key, r.category);
      keys.push(key);
    }
    const id = `${r.date}\u0000${key}`;
    const p = points.get(id);
    if (p) p.count += r.count;
    // UTC midnight of the calendar date: Plot's UTC time axis then prints exactly this date.
    else points.set(id, { key, category: r.category, date: r.date, day: new Date(parseDayNumber(r.date) * MS_PER_DAY), count: r.count });
  }
  if (groupBy === 'category') keys.sort((a, b) => rankOf(a) - rankOf(b));
  const data = [...points.values()].sort((a, b) => a.day.getTime() - b.day.getTime() || keys.indexOf(a.key) - keys.indexOf(b.key));
  const colors = seriesColors(keys, categoryOf);
  const dates = [...new Set(data.map((p) => p.date))];
  const labelOfKey = (key: string) => (groupBy === 'category' ? labelOf(CATEGORY_LABELS, key) : key);
  const tip = (p: Point) => `${p.date}\n${labelOfKey(p.key)}: ${plural(p.count, 'lead')}`;
  const stacked = options.stacked ?? false;
  const marks: Plot.Markish[] = stacked
    ? [
        Plot.areaY(data, {
          x: 'day',
          y: 'count',
          z: 'key',
          fill: 'key',
          order: keys,
          title: (p: Point) => labelOfKey(p.key),
          curve: 'linear',
        }),
      ]
    : [
        Plot.lineY(data, { x: 'day', y: 'count', z: 'key', stroke: 'key', strokeWidth: 2, curve: 'linear' }),
        ...(dates.length <= 60 ? [Plot.dot(data, { x: 'day', y: 'count', fill: 'key', r: dates.length === 1 ? 4 : 2.5, title: tip })] : []),
      ];
  marks.push(Plot.ruleY([0], { stroke: NEUTRAL_COLORS.rule }));
  const height = options.height ?? 260;
  const plot = Plot.plot({
    document: doc,
    width,
    height,
    marginLeft: 48,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 46,
    x: {
      type: 'utc',
      label: 'Date',
      labelAnchor: 'center',
      ...(dates.length === 1 ? { domain: [data[0]!.day.getTime() - MS_PER_DAY, data[0]!.day.getTime() + MS_PER_DAY] } : {}),
    },
    y: { label: 'Leads', labelAnchor: 'top', grid: true, nice: true, zero: true },
    color: { type: 'ordinal', domain: keys, range: keys.map((k) => colors.get(k)!) },
    marks,
  }) as SVGSVGElement;
  const legendItems: SwatchItem[] = keys.map((k) => ({
    label: truncate(labelOfKey(k), 28),
    fill: colors.get(k)!,
    ...(stacked ? {} : { shape: 'line' as const }),
  }));
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'pipeline-trend',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Leads per ${groupBy} at the end of each date, ${dates[0]} to ${dates[dates.length - 1]}${options.timeZone ? ` (${options.timeZone})` : ''}`
        : options.subtitle,
    width,
    legend: [{ type: 'swatches', items: legendItems }],
    plot,
  });
}

function rankOf(category: string): number {
  const i = CATEGORY_ORDER.indexOf(category as StageCategory);
  return i < 0 ? CATEGORY_ORDER.length : i;
}

/** Each series' colour: its category's colour, in shades when a category holds several series. */
function seriesColors(keys: readonly string[], categoryOf: ReadonlyMap<string, string>): Map<string, string> {
  const byCategory = new Map<string, string[]>();
  for (const k of keys) {
    const c = categoryOf.get(k)!;
    let list = byCategory.get(c);
    if (!list) byCategory.set(c, (list = []));
    list.push(k);
  }
  const colors = new Map<string, string>();
  for (const [category, list] of byCategory) {
    const shades = shadesOf(colorOf(CATEGORY_COLORS, category), list.length);
    list.forEach((k, i) => {
      colors.set(k, shades[i]!);
    });
  }
  return colors;
}
