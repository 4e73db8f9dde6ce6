import * as Plot from '@observablehq/plot';
import type { Pipeline, StageCategory, StageVisit } from '@panopticon/core';
import { MS_PER_DAY, median, stageCategory } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { compareStrings, formatDays, plural } from './format.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { rowBandPlotOptions } from './row-band-frame.js';
import { CATEGORY_COLORS, CATEGORY_ORDER, NEUTRAL_COLORS } from './palette.js';

/**
 * One visit of one lead to one stage: `stageVisits`' rows, optionally with the lead's id and name for the
 * tooltip (`leads.flatMap((l) => stageVisits(l, { asOf }).map((v) => ({ ...v, leadId: l.id, name: l.name })))`).
 *
 * @example
 * ```ts
 * const visits: TimeInStageVisit[] = leads.flatMap((l) => stageVisits(l, { asOf }).map((v) => ({ ...v, leadId: l.id, name: l.name })));
 * const svg = timeInStageFigure(visits, { document, pipeline });
 * ```
 */
export type TimeInStageVisit = Pick<StageVisit, 'stage' | 'durationMs' | 'open'> & { leadId?: string; name?: string };

/**
 * Options of {@link timeInStageFigure}.
 *
 * Defaults of the shared options: `title` "Time in stage"; `subtitle` how to read the marks, and the "as of" date;
 * `width` 640; `emptyMessage` "No stage history".
 *
 * @example
 * ```ts
 * const options: TimeInStageFigureOptions = { document, pipeline, categories: ['green'], asOf, timeZone, maxMarks: 500 };
 * const svg = timeInStageFigure(visits, options);
 * ```
 */
export interface TimeInStageFigureOptions extends FigureOptions {
  /** Gives the stage order and categories (colours). Default: stages in order of appearance, all `open`. */
  pipeline?: Pipeline;
  /**
   * Only stages of these categories. Default `['open', 'green', 'delivery']`: a won or lost stage is where a
   * lead ends, so time there is not a delay.
   */
  categories?: readonly StageCategory[];
  /** The visits' `asOf`, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone in which `asOf`'s date is read. Required with `asOf`. */
  timeZone?: string;
  /**
   * Above this many visits, visits of a stage are grouped to a round number of days (about 200 groups
   * across the axis), one mark per group, shaded or sized by how many visits it holds; the medians still
   * use every visit. Keeps the figure light for any number of leads. Default 2000.
   */
  maxMarks?: number;
  /** Height of one stage's row in pixels. Default 30. */
  rowHeight?: number;
}

interface Mark {
  stage: string;
  category: StageCategory;
  days: number;
  open: boolean;
  /** Visits the mark stands for: 1, or more once visits are grouped. */
  count: number;
  label: string | undefined;
}

/** One mark per stage, open/finished and multiple of `resolution` days (rounded to the nearest). */
function groupMarks(marks: readonly Mark[], resolution: number): Mark[] {
  const groups = new Map<string, Mark>();
  for (const m of marks) {
    const days = Math.round(m.days / resolution) * resolution;
    const key = `${m.stage}\u0000${m.open ? 1 : 0}\u0000${days}`;
    const g = groups.get(key);
    if (g) g.count++;
    else groups.set(key, { ...m, days, count: 1, label: undefined });
  }
  return [...groups.values()];
}

/** A round step (1, 2 or 5 × 10ⁿ) at least `raw`. */
function niceStep(raw: number): number {
  if (!(raw > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

// The frame's constant part: a row per stage, days from zero.
const STAGE_ROWS = { rowsLabel: 'Stage', padding: 0.15, x: { label: 'Days in stage', zero: true }, marginRight: 16 };

/**
 * Time in stage as a distribution: one row per stage (pipeline order); each finished visit is a thin tick
 * at its length in days, coloured by the stage's category; each open visit (a lead still in the stage at
 * `asOf`, its time so far) is a hollow circle; the black bar is the median of the finished visits (as
 * `timeInStage` measures it by default). Returns the "no data" figure when there are no visits.
 *
 * @example
 * ```ts
 * const visits = leads.flatMap((l) => stageVisits(l, { asOf }).map((v) => ({ ...v, name: l.name })));
 * const svg = timeInStageFigure(visits, { document, pipeline, asOf, timeZone });
 * ```
 */
export function timeInStageFigure(visits: readonly TimeInStageVisit[], options: TimeInStageFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Time in stage' });
  const dated = datedText('timeInStageFigure', options);
  const { pipeline } = options;
  const categories = new Set<string>(options.categories ?? ['open', 'green', 'delivery']);
  const categoryOf = (stage: string): StageCategory => (pipeline ? stageCategory(pipeline, stage) : 'open');
  const raw: Mark[] = [];
  for (const v of visits) {
    if (!Number.isFinite(v.durationMs)) continue;
    const category = categoryOf(v.stage);
    if (!categories.has(category)) continue;
    raw.push({ stage: v.stage, category, days: Math.max(0, v.durationMs) / MS_PER_DAY, open: v.open, count: 1, label: v.name ?? v.leadId });
  }
  if (raw.length === 0) {
    return emptyFigure('time-in-stage', { doc, width, title }, options, dated || null, 'No stage history');
  }
  const seen = new Set(raw.map((m) => m.stage));
  const known = pipeline ? pipeline.stages.map((s) => s.name).filter((s) => categories.has(categoryOf(s))) : [];
  const stages = [...known, ...[...seen].filter((s) => !known.includes(s)).sort(compareStrings)];

  // Medians and counts from every visit, before any grouping.
  const closedDays = new Map<string, number[]>();
  const openCount = new Map<string, number>();
  let closedTotal = 0;
  for (const m of raw) {
    if (m.open) openCount.set(m.stage, (openCount.get(m.stage) ?? 0) + 1);
    else {
      closedTotal++;
      let list = closedDays.get(m.stage);
      if (!list) closedDays.set(m.stage, (list = []));
      list.push(m.days);
    }
  }
  const medians = stages.flatMap((stage) => {
    const days = closedDays.get(stage) ?? [];
    const value = median(days);
    return value === null ? [] : [{ stage, days: value, count: days.length, current: openCount.get(stage) ?? 0 }];
  });

  // Past maxMarks, visits of a stage are grouped to a resolution of days (one mark per group), so the
  // figure stays light for any number of leads.
  const maxMarks = options.maxMarks ?? 2000;
  // A loop, not Math.max(...): hundreds of thousands of visits would overflow the call stack as arguments.
  const resolution = raw.length > maxMarks ? niceStep(raw.reduce((max, m) => Math.max(max, m.days), 0) / 200) : 0;
  const marks = resolution > 0 ? groupMarks(raw, resolution) : raw;
  const closed = marks.filter((m) => !m.open);
  const open = marks.filter((m) => m.open);
  const grouped = resolution > 0;
  const maxCount = Math.max(1, ...marks.map((m) => m.count));
  const about = (m: Mark) => (grouped ? `about ${formatDays(m.days)}` : formatDays(m.days));
  const who = (m: Mark) => (m.label && !grouped ? `${m.label} · ` : '');
  const plot = Plot.plot({
    ...rowBandPlotOptions({ ...STAGE_ROWS, document: doc, width, rows: stages, rowHeight: options.rowHeight ?? 30 }),
    color: { type: 'ordinal', domain: [...CATEGORY_ORDER], range: CATEGORY_ORDER.map((c) => CATEGORY_COLORS[c]), unknown: '#bdbdbd' },
    ...(grouped
      ? { opacity: { type: 'linear', domain: [0, maxCount], range: [0.25, 1] }, r: { type: 'sqrt', domain: [1, maxCount], range: [3, 8] } }
      : {}),
    marks: [
      Plot.tickX(closed, {
        x: 'days',
        y: 'stage',
        stroke: 'category',
        strokeOpacity: grouped ? 'count' : 0.45,
        insetTop: 4,
        insetBottom: 4,
        title: (m: Mark) =>
          grouped ? `${m.stage}: ${plural(m.count, 'finished visit')} of ${about(m)}` : `${who(m)}${m.stage}: ${about(m)}`,
      }),
      Plot.dot(open, {
        x: 'days',
        y: 'stage',
        stroke: 'category',
        fill: 'white',
        r: grouped ? 'count' : 3.5,
        strokeWidth: 1.5,
        title: (m: Mark) =>
          grouped
            ? `${m.stage}: ${plural(m.count, 'lead')} there for ${about(m)} so far`
            : `${who(m)}in ${m.stage} for ${about(m)} so far (still there)`,
      }),
      Plot.tickX(medians, {
        x: 'days',
        y: 'stage',
        stroke: NEUTRAL_COLORS.rule,
        strokeWidth: 3,
        title: (d: (typeof medians)[number]) =>
          `${d.stage}: median ${formatDays(d.days)} over ${plural(d.count, 'finished visit')}; ${plural(d.current, 'lead')} there now`,
      }),
    ],
  }) as SVGSVGElement;
  const openTotal = raw.length - closedTotal;
  const present = new Set(raw.map((m) => m.category as string));
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'time-in-stage',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Days per visit to each stage · ${plural(closedTotal, 'finished visit')}, ${plural(openTotal, 'lead')} still in a stage${grouped ? ` (grouped by ${formatDays(resolution)})` : ''}${dated ? ` · ${dated}` : ''}`
        : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: [
          ...CATEGORY_ORDER.filter((c) => present.has(c)).map((c) => ({
            label: `Finished visit, ${c} stage`,
            fill: CATEGORY_COLORS[c],
            shape: 'tick' as const,
          })),
          { label: 'Still in stage (time so far)', fill: 'white', stroke: NEUTRAL_COLORS.muted, strokeWidth: 1.5, shape: 'dot' },
          { label: 'Median of finished visits', fill: NEUTRAL_COLORS.rule, shape: 'tick', strokeWidth: 3 },
        ],
      },
    ],
    plot,
  });
}
