import * as Plot from '@observablehq/plot';
import type { GreenToDelivery, GreenToDeliveryRow } from '@panopticon/core';
import { UNASSIGNED_LOCATOR } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { compareStrings, formatDate, formatDays, plural, truncate } from './format.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { rowBandPlotOptions } from './row-band-frame.js';
import { CATEGORY_COLORS, NEUTRAL_COLORS, REASON_COLORS } from './palette.js';

/**
 * Where a lead stands on its way from green to delivery, as the figure colours it.
 *
 * @example
 * ```ts
 * const state: GreenToDeliveryState = 'stuck';
 * GREEN_TO_DELIVERY_STATES[state].label; // 'Stuck in green'
 * ```
 */
export type GreenToDeliveryState = 'stuck' | 'waiting' | 'left' | 'delivered';

/**
 * Colour and label of each {@link GreenToDeliveryState}.
 *
 * @example
 * ```ts
 * const { label, color } = GREEN_TO_DELIVERY_STATES.delivered; // 'Delivery requested', CATEGORY_COLORS.delivery
 * ```
 */
export const GREEN_TO_DELIVERY_STATES: Readonly<Record<GreenToDeliveryState, { label: string; color: string }>> = {
  stuck: { label: 'Stuck in green', color: REASON_COLORS['stuck-in-green'] },
  waiting: { label: 'Waiting in green', color: CATEGORY_COLORS.green },
  left: { label: 'Left green without delivery', color: CATEGORY_COLORS.lost },
  delivered: { label: 'Delivery requested', color: CATEGORY_COLORS.delivery },
};
const STATE_ORDER: readonly GreenToDeliveryState[] = ['stuck', 'waiting', 'left', 'delivered'];

/**
 * Options of {@link greenToDeliveryFigure}.
 *
 * Defaults of the shared options: `title` "Green → delivery"; `subtitle` the median of completed leads, how many
 * are shown, and the "as of" date; `width` 640; `emptyMessage` "No lead has reached green".
 *
 * @example
 * ```ts
 * const options: GreenToDeliveryFigureOptions = { document, greenStuckAfterDays: 10, maxLeads: 20, pendingOnly: true, asOf, timeZone };
 * const svg = greenToDeliveryFigure(greenToDelivery(leads, { asOf, timeZone, pipeline }), options);
 * ```
 */
export interface GreenToDeliveryFigureOptions extends FigureOptions {
  /** The stuck threshold drawn as a rule, in days (the pipeline's `greenStuckAfterDays`). Default 14. */
  greenStuckAfterDays?: number;
  /** At most this many leads get a bar: those still waiting first, longest first. Default 40. */
  maxLeads?: number;
  /** Leave out leads that reached delivery. Default false. */
  pendingOnly?: boolean;
  /** The figures' `asOf`, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone for the dates in tooltips and subtitle. Default: tooltips show no dates. */
  timeZone?: string;
  /** Height of one lead's bar in pixels. Default 16. */
  barHeight?: number;
}

interface Bar {
  row: GreenToDeliveryRow;
  state: GreenToDeliveryState;
}

/**
 * Green → delivery, from `greenToDelivery` (the result or its rows): one bar per lead, its length the days
 * from its first entry into green to delivery (or to `asOf` while pending), coloured by where it stands
 * (stuck, waiting, left green, delivered; {@link GREEN_TO_DELIVERY_STATES}); the stuck threshold is a dashed
 * rule. Leads still waiting come first, longest first. Returns the "no data" figure for no rows.
 *
 * @example
 * ```ts
 * const svg = greenToDeliveryFigure(greenToDelivery(leads, { asOf, timeZone, pipeline }),
 *   { document, asOf, timeZone, greenStuckAfterDays: pipeline.greenStuckAfterDays });
 * ```
 */
export function greenToDeliveryFigure(
  data: GreenToDelivery | readonly GreenToDeliveryRow[],
  options: GreenToDeliveryFigureOptions = {},
): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Green → delivery' });
  const dated = datedText('greenToDeliveryFigure', options);
  const all: readonly GreenToDeliveryRow[] = isRows(data) ? data : data.rows;
  const rows = options.pendingOnly ? all.filter((r) => !r.done) : all;
  if (rows.length === 0) {
    return emptyFigure(
      'green-to-delivery',
      { doc, width, title },
      options,
      dated || null,
      options.pendingOnly && all.length > 0 ? 'No lead is waiting for delivery' : 'No lead has reached green',
    );
  }
  const threshold = options.greenStuckAfterDays ?? 14;
  const stateOf = (r: GreenToDeliveryRow): GreenToDeliveryState =>
    r.done ? 'delivered' : r.stuck ? 'stuck' : r.category === 'green' ? 'waiting' : 'left';
  const sorted: Bar[] = rows
    .map((row) => ({ row, state: stateOf(row) }))
    .sort(
      (a, b) =>
        Number(a.row.done) - Number(b.row.done) ||
        b.row.days - a.row.days ||
        compareStrings(a.row.name, b.row.name) ||
        compareStrings(a.row.leadId, b.row.leadId),
    );
  const maxLeads = Math.max(1, Math.floor(options.maxLeads ?? 40));
  const bars = sorted.slice(0, maxLeads);
  const names = new Map(bars.map((b) => [b.row.leadId, b.row.name]));
  const tz = options.timeZone;
  const tip = ({ row, state }: Bar): string =>
    [
      `${row.name} · ${row.locator ?? UNASSIGNED_LOCATOR}`,
      `${GREEN_TO_DELIVERY_STATES[state].label} · ${formatDays(row.days)}`,
      `Stage: ${row.stage}`,
      ...(tz ? [`Green since ${formatDate(row.greenAt, tz)}${row.deliveryAt ? ` · delivery ${formatDate(row.deliveryAt, tz)}` : ''}`] : []),
    ].join('\n');
  const ids = bars.map((b) => b.row.leadId);
  const label = (id: string) => truncate(names.get(id) ?? id, 26);
  const maxDays = Math.max(threshold, ...bars.map((b) => b.row.days));
  const plot = Plot.plot({
    ...rowBandPlotOptions({
      document: doc,
      width,
      rows: ids,
      rowLabel: label,
      rowsLabel: 'Lead',
      rowHeight: options.barHeight ?? 16,
      padding: 0.15,
      x: { label: 'Days from first green to delivery (or so far)', domain: [0, maxDays] },
      marginTop: 34,
      marginRight: 36,
    }),
    color: { type: 'ordinal', domain: [...STATE_ORDER], range: STATE_ORDER.map((s) => GREEN_TO_DELIVERY_STATES[s].color) },
    marks: [
      Plot.barX(bars, { x: (b: Bar) => b.row.days, y: (b: Bar) => b.row.leadId, fill: 'state', title: tip }),
      Plot.text(bars, {
        x: (b: Bar) => b.row.days,
        y: (b: Bar) => b.row.leadId,
        text: (b: Bar) => String(Math.round(b.row.days)),
        dx: 4,
        textAnchor: 'start',
        fontSize: 9,
      }),
      Plot.ruleX([0], { stroke: NEUTRAL_COLORS.rule }),
      Plot.ruleX([threshold], { stroke: NEUTRAL_COLORS.rule, strokeDasharray: '4,3', strokeWidth: 1.5 }),
      Plot.text([threshold], {
        x: (d: number) => d,
        frameAnchor: 'top',
        dy: -6,
        text: () => `stuck after ${plural(threshold, 'day')}`,
        textAnchor: 'middle',
        fontWeight: 600,
      }),
    ],
  }) as SVGSVGElement;
  const completed = all.filter((r) => r.done);
  const medianText =
    !isRows(data) && data.medianDays !== null
      ? `median ${formatDays(data.medianDays)} for ${plural(data.completed, 'completed lead')}`
      : `${plural(completed.length, 'completed lead')}`;
  const shownText =
    bars.length < rows.length ? `showing ${bars.length} of ${rows.length}, waiting longest first` : `${plural(rows.length, 'lead')}`;
  const present = new Set(bars.map((b) => b.state));
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'green-to-delivery',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Days in green per lead · ${medianText} · ${shownText}${dated ? ` · ${dated}` : ''}`
        : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: [
          ...STATE_ORDER.filter((s) => present.has(s)).map((s) => ({
            label: GREEN_TO_DELIVERY_STATES[s].label,
            fill: GREEN_TO_DELIVERY_STATES[s].color,
          })),
          {
            label: `Stuck threshold (${plural(threshold, 'day')})`,
            fill: NEUTRAL_COLORS.rule,
            shape: 'line' as const,
            dashed: true,
            strokeWidth: 1.5,
          },
        ],
      },
    ],
    plot,
  });
}

function isRows(data: GreenToDelivery | readonly GreenToDeliveryRow[]): data is readonly GreenToDeliveryRow[] {
  return Array.isArray(data);
}
