import * as Plot from '@observablehq/plot';
import type { AttentionRow } from '@panopticon/core';
import { ATTENTION_REASON_LABELS, FOLLOW_UP_STATUS_LABELS, UNASSIGNED_LOCATOR } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { compareStrings, plural } from './format.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { rowBandPlotOptions } from './row-band-frame.js';
import { NEUTRAL_COLORS, REASON_COLORS, REASON_ORDER, STATUS_COLORS, STATUS_ORDER, colorOf, labelOf } from './palette.js';

/**
 * The fields of a `needsAttention` row this figure reads.
 *
 * @example
 * ```ts
 * const rows: AttentionByLocatorRow[] = [
 *   { locator: 'Ana', reason: 'stale', status: 'stale' },
 *   { locator: null, reason: 'at-risk', status: 'at-risk' }, // counted under "(unassigned)"
 * ];
 * const svg = attentionByLocatorFigure(rows, { document });
 * ```
 */
export type AttentionByLocatorRow = Pick<AttentionRow, 'locator' | 'reason' | 'status'>;

/**
 * Options of {@link attentionByLocatorFigure}.
 *
 * Defaults of the shared options: `title` "Needs attention by locator"; `subtitle` "Leads needing intervention,
 * per locator, by reason · <total> · as of <date>"; `width` 640; `emptyMessage` "Nobody needs attention".
 *
 * @example
 * ```ts
 * const options: AttentionByLocatorFigureOptions = { document, by: 'status', maxLocators: 10, asOf, timeZone };
 * const svg = attentionByLocatorFigure(needsAttention(leads, { asOf, timeZone, pipeline }), options);
 * ```
 */
export interface AttentionByLocatorFigureOptions extends FigureOptions {
  /** Stack by the row's `reason` (stale, stuck in green, stalled, at risk) or its follow-up `status`. Default `'reason'`. */
  by?: 'reason' | 'status';
  /** At most this many locators get a bar (most leads first); the rest are summed into "Other locators". Default 25. */
  maxLocators?: number;
  /** The rows' `asOf`, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone in which `asOf`'s date is read. Required with `asOf`. */
  timeZone?: string;
  /** Height of one locator's bar in pixels. Default 22. */
  barHeight?: number;
}

interface Segment {
  locator: string;
  key: string;
  count: number;
}

// The frame's constant part: a row per locator, totals printed right of the bars.
const LOCATOR_ROWS = { rowsLabel: 'Locator', padding: 0.2, x: { label: 'Leads needing attention' }, marginRight: 36 };

/**
 * Needs attention by locator, from `needsAttention`: one horizontal bar per locator (most leads first),
 * stacked by reason in severity order (stale, stuck in green, stalled, at risk; {@link REASON_COLORS}) or by
 * status; the total is printed at the end of each bar. A lead without a locator counts under
 * "(unassigned)". Returns the "no data" figure when nobody needs attention.
 *
 * @example
 * ```ts
 * const svg = attentionByLocatorFigure(needsAttention(leads, { asOf, timeZone, pipeline }), { document, asOf, timeZone });
 * ```
 */
export function attentionByLocatorFigure(
  rows: readonly AttentionByLocatorRow[],
  options: AttentionByLocatorFigureOptions = {},
): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Needs attention by locator' });
  const dated = datedText('attentionByLocatorFigure', options);
  if (rows.length === 0) {
    return emptyFigure('attention-by-locator', { doc, width, title }, options, dated || null, 'Nobody needs attention');
  }
  const by = options.by ?? 'reason';
  const order: readonly string[] = by === 'reason' ? REASON_ORDER : STATUS_ORDER;
  const colors: Readonly<Record<string, string>> = by === 'reason' ? REASON_COLORS : STATUS_COLORS;
  const labels: Readonly<Record<string, string>> = by === 'reason' ? ATTENTION_REASON_LABELS : FOLLOW_UP_STATUS_LABELS;
  const rank = (key: string) => (order.indexOf(key) < 0 ? order.length : order.indexOf(key));

  const counts = new Map<string, Map<string, number>>();
  for (const r of rows) {
    const locator = r.locator ?? UNASSIGNED_LOCATOR;
    const key = by === 'reason' ? r.reason : r.status;
    let m = counts.get(locator);
    if (!m) counts.set(locator, (m = new Map()));
    m.set(key, (m.get(key) ?? 0) + 1);
  }
  const totalOf = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  // Most leads first; then the most severe mix (more of the first key, …); then by name.
  const ranked = [...counts].sort(([a, ma], [b, mb]) => {
    const d = totalOf(mb) - totalOf(ma);
    if (d !== 0) return d;
    for (const key of order) {
      const k = (mb.get(key) ?? 0) - (ma.get(key) ?? 0);
      if (k !== 0) return k;
    }
    return compareStrings(a, b);
  });
  const maxLocators = Math.max(1, Math.floor(options.maxLocators ?? 25));
  let bars = ranked;
  if (ranked.length > maxLocators) {
    const rest = new Map<string, number>();
    for (const [, m] of ranked.slice(maxLocators - 1)) for (const [k, n] of m) rest.set(k, (rest.get(k) ?? 0) + n);
    bars = [...ranked.slice(0, maxLocators - 1), [`Other locators (${ranked.length - maxLocators + 1})`, rest]];
  }
  const keys = [...new Set(rows.map((r) => (by === 'reason' ? r.reason : r.status) as string))].sort(
    (a, b) => rank(a) - rank(b) || compareStrings(a, b),
  );
  const segments: Segment[] = bars.flatMap(([locator, m]) =>
    keys.filter((k) => m.has(k)).map((key) => ({ locator, key, count: m.get(key)! })),
  );
  const totals = bars.map(([locator, m]) => ({
    locator,
    total: totalOf(m),
    mix: keys
      .filter((k) => m.has(k))
      .map((k) => `${m.get(k)} ${labelOf(labels, k).toLowerCase()}`)
      .join(' · '),
  }));
  const locators = bars.map(([l]) => l);
  const plot = Plot.plot({
    ...rowBandPlotOptions({ ...LOCATOR_ROWS, document: doc, width, rows: locators, rowHeight: options.barHeight ?? 22 }),
    color: { type: 'ordinal', domain: keys, range: keys.map((k) => colorOf(colors, k)) },
    marks: [
      Plot.barX(segments, {
        x: 'count',
        y: 'locator',
        fill: 'key',
        order: keys,
        title: (s: Segment) => `${s.locator}\n${plural(s.count, 'lead')} ${labelOf(labels, s.key).toLowerCase()}`,
      }),
      Plot.text(totals, {
        x: 'total',
        y: 'locator',
        text: (t: (typeof totals)[number]) => String(t.total),
        dx: 4,
        textAnchor: 'start',
        title: (t: (typeof totals)[number]) => `${t.locator}: ${plural(t.total, 'lead')}\n${t.mix}`,
      }),
      Plot.ruleX([0], { stroke: NEUTRAL_COLORS.rule }),
    ],
  }) as SVGSVGElement;
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'attention-by-locator',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Leads needing intervention, per locator, by ${by} · ${plural(rows.length, 'lead')}, ${plural(counts.size, 'locator')}${dated ? ` · ${dated}` : ''}`
        : options.subtitle,
    width,
    legend: [{ type: 'swatches', items: keys.map((k) => ({ label: labelOf(labels, k), fill: colorOf(colors, k) })) }],
    plot,
  });
}
