import * as Plot from '@observablehq/plot';
import type { KaplanMeierCurve } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { plural } from './format.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { NEUTRAL_COLORS } from './palette.js';

/**
 * Colours of the groups of a survival figure, in group order: distinct hues that stay apart for the common
 * colour-vision deficiencies (Okabe & Ito), repeated past eight groups.
 *
 * @example
 * ```ts
 * const first = SURVIVAL_GROUP_COLORS[0]; // '#0072b2'
 * ```
 */
export const SURVIVAL_GROUP_COLORS: readonly string[] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#000000',
  '#f0e442',
];

/**
 * One curve to draw: its label and the Kaplan–Meier curve (a `SurvivalGroup` of `@panopticon/core` is one).
 *
 * @example
 * ```ts
 * const curves: SurvivalCurveInput[] = [{ group: 'all', curve: firstContactSurvival(leads, { asOf }).curve }];
 * ```
 */
export interface SurvivalCurveInput {
  group: string;
  curve: KaplanMeierCurve;
}

/**
 * Options of {@link survivalCurveFigure}.
 *
 * @example
 * ```ts
 * const options: SurvivalCurveFigureOptions = { document, unit: 'minutes', logTime: true, asOf, timeZone };
 * ```
 */
export interface SurvivalCurveFigureOptions extends FigureOptions {
  /** The unit of the curves' times, for the axis and the medians. Default `'minutes'`. */
  unit?: 'minutes' | 'days';
  /** A logarithmic time axis (minutes span seconds to days). Times below `logFloor` are drawn at it. Default false. */
  logTime?: boolean;
  /** The left end of a log axis, in `unit`. Default 1. */
  logFloor?: number;
  /** Draw each curve's confidence band. Default true. */
  bands?: boolean;
  /** What ends a case, for the y axis: "Still waiting" reads "share still waiting". Default "Still open". */
  stillLabel?: string;
  /** The figures' `asOf`, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone of the "as of" date. */
  timeZone?: string;
  /** Default "Time to event". */
  title?: string;
  /** Default 640. */
  width?: number;
  /** Height of the chart in pixels. Default 300. */
  height?: number;
  /** Default "No cases". */
  emptyMessage?: string;
}

interface Point {
  group: string;
  time: number;
  survival: number;
  lower: number;
  upper: number;
}

/**
 * Kaplan–Meier step curves, one colour per group, each with its confidence band (shaded) and a dot at its
 * median where reached; a dashed rule marks one half. The y axis is the share of cases still open, so a curve
 * that falls fast is a team that answers (or moves) fast, and a curve that stays high says many cases are
 * still open: censored, not dropped. Returns the "no data" figure when no curve has a case.
 *
 * @example
 * ```ts
 * const { curve, groups } = firstContactSurvival(leads, { asOf, by: 'arrival', timeZone });
 * const svg = survivalCurveFigure(groups.length ? groups : [{ group: 'all', curve }], { document, logTime: true, stillLabel: 'Still waiting' });
 * ```
 */
export function survivalCurveFigure(curves: readonly SurvivalCurveInput[], options: SurvivalCurveFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Time to event' });
  const dated = datedText('survivalCurveFigure', options);
  const shown = curves.filter((c) => c.curve.cases > 0);
  const unit = options.unit ?? 'minutes';
  if (shown.length === 0) {
    return emptyFigure('survival-curve', { doc, width, title }, options, dated || null, 'No cases');
  }
  const log = options.logTime ?? false;
  const floor = options.logFloor ?? 1;
  const at = (t: number) => (log ? Math.max(floor, t) : t);
  const end = Math.max(...shown.map((c) => c.curve.steps.at(-1)!.time), log ? floor * 10 : 0);
  const points = shown.flatMap(({ group, curve }) => stepPoints(group, curve, at));
  const groups = shown.map((c) => c.group);
  const colors = groups.map((_, i) => SURVIVAL_GROUP_COLORS[i % SURVIVAL_GROUP_COLORS.length]!);
  const medians = shown.flatMap(({ group, curve }) => (curve.median === null ? [] : [{ group, time: at(curve.median) }]));
  const still = options.stillLabel ?? 'Still open';
  const plot = Plot.plot({
    document: doc,
    width,
    height: options.height ?? 300,
    marginLeft: 48,
    marginRight: 16,
    x: {
      label: `Time (${unit})${log ? ', log scale' : ''}`,
      type: log ? 'log' : 'linear',
      domain: [log ? floor : 0, at(end)],
    },
    y: { label: `${still} (share)`, domain: [0, 1], tickFormat: (v: number) => `${Math.round(v * 100)} %`, grid: true },
    color: { type: 'ordinal', domain: groups, range: colors },
    marks: [
      ...(options.bands === false
        ? []
        : [Plot.areaY(points, { x: 'time', y1: 'lower', y2: 'upper', fill: 'group', fillOpacity: 0.15, curve: 'step-after' })]),
      Plot.ruleY([0.5], { stroke: NEUTRAL_COLORS.muted, strokeDasharray: '4,3' }),
      Plot.line(points, { x: 'time', y: 'survival', stroke: 'group', strokeWidth: 2, curve: 'step-after' }),
      Plot.dot(medians, {
        x: 'time',
        y: 0.5,
        fill: 'group',
        r: 4,
        title: (m: { group: string; time: number }) => `${m.group}: median ${formatTime(m.time, unit)}`,
      }),
    ],
  }) as SVGSVGElement;
  const summary = shown.map((c) => `${c.group} ${c.curve.median === null ? 'not reached' : formatTime(c.curve.median, unit)}`).join(' · ');
  const cases = shown.reduce((n, c) => n + c.curve.cases, 0);
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'survival-curve',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Median: ${summary} · ${plural(cases, 'case')}, open ones censored${dated ? ` · ${dated}` : ''}`
        : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: [
          ...groups.map((g, i) => ({ label: g, fill: colors[i]!, shape: 'line' as const, strokeWidth: 2 })),
          { label: 'Half ended (median)', fill: NEUTRAL_COLORS.muted, shape: 'line' as const, dashed: true },
        ],
      },
    ],
    plot,
  });
}

/** The curve as points for a step-after line: 1 from the start, then the value after each step, held to the last time. */
function stepPoints(group: string, curve: KaplanMeierCurve, at: (t: number) => number): Point[] {
  const points: Point[] = [{ group, time: at(0), survival: 1, lower: 1, upper: 1 }];
  for (const s of curve.steps) {
    // An undefined band (S = 0) is drawn as no width rather than invented.
    points.push({ group, time: at(s.time), survival: s.survival, lower: s.lower ?? s.survival, upper: s.upper ?? s.survival });
  }
  return points;
}

function formatTime(t: number, unit: 'minutes' | 'days'): string {
  const value = Number.isInteger(t) ? String(t) : t.toFixed(1);
  return unit === 'minutes' ? `${value} min` : `${value} d`;
}
