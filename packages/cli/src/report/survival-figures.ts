import { noDataFigure, speedToLeadFigure, survivalCurveFigure } from '@panopticon/charts';
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
          survivalCurveFigure(panel.curves.curves, {
            document,
            ...dated,
            title,
            unit: panel.curves.unit,
            logTime: options.log,
            stillLabel: options.still,
            width: options.width,
          }),
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
