import * as Plot from '@observablehq/plot';
import { SPEED_BAND_LABELS, formatRate, ratePercent, type SpeedToLead, type SpeedToLeadRow } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { CATEGORY_COLORS, NEUTRAL_COLORS } from './palette.js';

/**
 * Options of {@link speedToLeadFigure}.
 *
 * @example
 * ```ts
 * const options: SpeedToLeadFigureOptions = { document, asOf, timeZone, title: 'Conversion by first response' };
 * ```
 */
export interface SpeedToLeadFigureOptions extends FigureOptions {
  /** The figures' `asOf`, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone of the "as of" date. */
  timeZone?: string;
  /** Default "Speed to lead". */
  title?: string;
  /** Default: what converted means, and that this is an association, not a cause. */
  subtitle?: string | null;
  /** Default 640. */
  width?: number;
  /** Default "No leads". */
  emptyMessage?: string;
}

interface Band {
  label: string;
  row: SpeedToLeadRow;
}

/**
 * Conversion by response band, from `speedToLead`: per band a dot at the conversion rate of its decided
 * leads and a bar over its 95 % Wilson interval, with the counts beside it (decided, converted, and the
 * leads still open, which are not failures). A band with no decided lead says so instead of a dot. The
 * subtitle says plainly that this is an association, not a cause.
 *
 * @example
 * ```ts
 * const svg = speedToLeadFigure(speedToLead(leads, { asOf, timeZone, pipeline }), { document, asOf, timeZone });
 * ```
 */
export function speedToLeadFigure(data: SpeedToLead | readonly SpeedToLeadRow[], options: SpeedToLeadFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Speed to lead' });
  const dated = datedText('speedToLeadFigure', options);
  const rows: readonly SpeedToLeadRow[] = Array.isArray(data) ? data : (data as SpeedToLead).rows;
  const convertedAt = Array.isArray(data) ? null : (data as SpeedToLead).convertedAt;
  const defaultSubtitle = `Share ${convertedAt === 'green' ? 'reaching green' : 'won'} among decided leads, 95 % interval; open leads apart · an association, not a cause${dated ? ` · ${dated}` : ''}`;
  if (rows.every((r) => r.leads === 0)) {
    return emptyFigure('speed-to-lead', { doc, width, title }, options, dated || null, 'No leads');
  }
  const bands: Band[] = rows.map((row) => ({ label: SPEED_BAND_LABELS[row.band], row }));
  const decided = bands.filter((b) => b.row.conversion !== null);
  const undecided = bands.filter((b) => b.row.conversion === null);
  const counts = (b: Band) => `${b.row.converted}/${b.row.decided} decided${b.row.open > 0 ? ` · ${b.row.open} open` : ''}`;
  const plot = Plot.plot({
    document: doc,
    width,
    height: 40 + bands.length * 30,
    // Room for "15–60 min" at the 12.5 px the dashboard draws figure text at.
    marginLeft: 88,
    marginRight: 150,
    x: { label: 'Converted (share of decided leads)', domain: [0, 1], tickFormat: (v: number) => `${Math.round(v * 100)} %`, grid: true },
    y: { label: null, domain: bands.map((b) => b.label) },
    marks: [
      Plot.ruleY(decided, {
        y: 'label',
        x1: (b: Band) => b.row.conversion!.lower,
        x2: (b: Band) => b.row.conversion!.upper,
        stroke: CATEGORY_COLORS.won,
        strokeWidth: 6,
        strokeOpacity: 0.35,
      }),
      Plot.dot(decided, {
        y: 'label',
        x: (b: Band) => b.row.conversion!.rate,
        fill: CATEGORY_COLORS.won,
        r: 5,
        title: (b: Band) =>
          `${b.label}: ${formatRate(b.row.conversion!.rate)} (${ratePercent(b.row.conversion!.lower)}–${formatRate(b.row.conversion!.upper)})\n${counts(b)}`,
      }),
      Plot.text(bands, { y: 'label', frameAnchor: 'right', dx: 146, textAnchor: 'end', text: (b: Band) => counts(b) }),
      Plot.text(undecided, { y: 'label', x: 0, dx: 4, textAnchor: 'start', fill: NEUTRAL_COLORS.muted, text: () => 'no decided leads' }),
    ],
  }) as SVGSVGElement;
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'speed-to-lead',
    title,
    subtitle: options.subtitle === undefined ? defaultSubtitle : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: [
          { label: 'Conversion rate', fill: CATEGORY_COLORS.won, shape: 'dot' as const },
          { label: '95 % interval (Wilson)', fill: CATEGORY_COLORS.won, shape: 'line' as const, strokeWidth: 6 },
        ],
      },
    ],
    plot,
  });
}
