import { noDataFigure, speedToLeadFigure, survivalCurveFigure } from '@panopticon/charts';
import type { KaplanMeierCurve } from '@panopticon/core';
import type { Html } from './html.js';
import type { ReportModel } from './model.js';
import type { CurvePanel, Unjudged } from './survival-data.js';

/** The time-to-event figures of the page (figures.ts draws them with the others). */
export type SurvivalFigureName = 'firstContactCurve' | 'speedToLead' | 'appointmentProgressCurve';

/** Widths (px): the two response figures side by side, the follow-up curve across the page (figures.ts's grid). */
const WIDTHS = { half: 570, wide: 1160 } as const;

/**
 * Draws the page's time-to-event figures with `@panopticon/charts`: the curve of time to first contact (a log
 * minute axis: answers span seconds to days) and of appointment to first progress, each with its 95 % band,
 * and conversion by response band. `out` serializes a figure as figures.ts does for every other one. A figure
 * the data cannot give is a "no data" figure naming why (its section shows the verdict instead).
 */
export function survivalFigures(
  model: Pick<ReportModel, 'asOf' | 'timeZone' | 'survival'>,
  document: Document,
  out: (svg: SVGSVGElement) => Html,
): Record<SurvivalFigureName, Html> {
  const { asOf, timeZone, survival } = model;
  const dated = { asOf, timeZone };
  const unjudged = (u: Unjudged, name: string, title: string, width: number) =>
    out(noDataFigure({ document, width, name, title, subtitle: null, message: `Cannot judge: ${u.cannotJudge}` }));
  const curve = (panel: CurvePanel | Unjudged, title: string, options: { width: number; still: string; log: boolean }) =>
    'cannotJudge' in panel
      ? unjudged(panel, 'survival-curve', title, options.width)
      : out(
          survivalCurveFigure(
            panel.curves.curves.map((c) => ({ ...c, curve: drawnSteps(c.curve, options.width, options.log) })),
            {
              document,
              ...dated,
              title,
              unit: panel.curves.unit,
              logTime: options.log,
              stillLabel: options.still,
              width: options.width,
            },
          ),
        );
  const speed = survival.speedToLead;
  const speedTitle = 'Conversion by speed of first response';
  return {
    firstContactCurve: curve(survival.firstContact, 'Time to first contact', { width: WIDTHS.half, still: 'Still waiting', log: true }),
    speedToLead:
      'cannotJudge' in speed
        ? unjudged(speed, 'speed-to-lead', speedTitle, WIDTHS.half)
        : out(
            speedToLeadFigure(speed.bands, {
              document,
              title: speedTitle,
              // Short enough for one line at the page's figure text size (the page header gives the date).
              subtitle: `Share ${speed.bands.convertedAt === 'won' ? 'won' : 'reaching green'} of decided leads, 95 % interval · an association, not a cause`,
              width: WIDTHS.half,
            }),
          ),
    appointmentProgressCurve: curve(survival.appointmentProgress, 'Time from appointment to first progress', {
      width: WIDTHS.wide,
      still: 'Still waiting for progress',
      log: false,
    }),
  };
}

/**
 * A curve with no more steps than its figure can show: the time axis cut into two intervals a pixel (on the
 * log axis, log-spaced from 1), and of each interval's steps only the last kept, whose value and band hold
 * until the next one (the line is drawn step-after). The first and last steps stay, so the axis and every
 * level the curve reaches at the figure's resolution are the same; the median and counts are the curve's own.
 * A 100,000-lead page's follow-up curve has 58,000 steps: drawn in full, 5 MB of SVG.
 */
export function drawnSteps(curve: KaplanMeierCurve, width: number, log: boolean): KaplanMeierCurve {
  const steps = curve.steps;
  const intervals = 2 * width;
  if (steps.length <= intervals) return curve;
  const end = steps[steps.length - 1]!.time;
  const position = (t: number) => (log ? Math.log(Math.max(1, t)) / Math.log(Math.max(Math.E, end)) : end > 0 ? t / end : 0);
  const kept = steps.filter((s, i) => {
    const next = steps[i + 1];
    return i === 0 || next === undefined || Math.floor(position(s.time) * intervals) !== Math.floor(position(next.time) * intervals);
  });
  return { ...curve, steps: kept };
}
