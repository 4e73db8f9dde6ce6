import * as Plot from '@observablehq/plot';
import { formatRate, ratio, type PipelineSnapshotRow } from '@panopticon/core';
import { composeFigure } from './compose.js';
import { plural } from './format.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { datedText, resolveFigureOptions } from './options.js';
import { rowBandPlotOptions } from './row-band-frame.js';
import { CATEGORY_COLORS, CATEGORY_LABELS, CATEGORY_ORDER, NEUTRAL_COLORS, labelOf } from './palette.js';

/**
 * Options of {@link pipelineSnapshotFigure}.
 *
 * Defaults of the shared options: `title` "Pipeline snapshot"; `subtitle` "Leads per stage, in pipeline order ·
 * <total> · as of <date>"; `width` 640; `emptyMessage` "No leads in the pipeline".
 *
 * @example
 * ```ts
 * const options: PipelineSnapshotFigureOptions = { document, asOf, timeZone: 'America/New_York', barHeight: 20 };
 * const svg = pipelineSnapshotFigure(pipelineSnapshot(leads, { at: asOf, pipeline }), options);
 * ```
 */
export interface PipelineSnapshotFigureOptions extends FigureOptions {
  /** The snapshot's instant, shown as "as of <date>" (needs `timeZone`). Default: not shown. */
  asOf?: Date;
  /** IANA zone in which `asOf`'s date is read. Required with `asOf`. */
  timeZone?: string;
  /** Height of one stage's bar in pixels. Default 24. */
  barHeight?: number;
}

// The frame's constant part: a row per stage, counts printed right of the bars.
const STAGE_ROWS = { rowsLabel: 'Stage', padding: 0.2, x: { label: 'Leads' }, marginRight: 44 };

/**
 * The pipeline snapshot, from `pipelineSnapshot`: one horizontal bar per stage, in the order given
 * (pipeline order), its length the number of leads in the stage and its colour the stage's category
 * ({@link CATEGORY_COLORS}); the count is printed at the end of each bar. Returns the "no data" figure when
 * there are no leads.
 *
 * @example
 * ```ts
 * const svg = pipelineSnapshotFigure(pipelineSnapshot(leads, { at: asOf, pipeline }), { document, asOf, timeZone });
 * ```
 */
export function pipelineSnapshotFigure(rows: readonly PipelineSnapshotRow[], options: PipelineSnapshotFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Pipeline snapshot' });
  const dated = datedText('pipelineSnapshotFigure', options);
  const total = rows.reduce((n, r) => n + r.count, 0);
  if (total === 0) {
    return emptyFigure('pipeline-snapshot', { doc, width, title }, options, dated, 'No leads in the pipeline');
  }
  const stages = [...new Set(rows.map((r) => r.stage))];
  const tip = (r: PipelineSnapshotRow) =>
    `${r.stage} (${labelOf(CATEGORY_LABELS, r.category).toLowerCase()})\n${plural(r.count, 'lead')} · ${formatRate(ratio(r.count, total))} of ${total}`;
  const plot = Plot.plot({
    ...rowBandPlotOptions({ ...STAGE_ROWS, document: doc, width, rows: stages, rowHeight: options.barHeight ?? 24 }),
    color: { type: 'ordinal', domain: [...CATEGORY_ORDER], range: CATEGORY_ORDER.map((c) => CATEGORY_COLORS[c]), unknown: '#bdbdbd' },
    marks: [
      Plot.barX(rows, { x: 'count', y: 'stage', fill: 'category', title: tip }),
      Plot.text(rows, { x: 'count', y: 'stage', text: (r: PipelineSnapshotRow) => String(r.count), dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0], { stroke: NEUTRAL_COLORS.rule }),
    ],
  }) as SVGSVGElement;
  const present = new Set(rows.filter((r) => r.count > 0).map((r) => r.category as string));
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'pipeline-snapshot',
    title,
    subtitle:
      options.subtitle === undefined
        ? `Leads per stage, in pipeline order · ${plural(total, 'lead')}${dated ? ` · ${dated}` : ''}`
        : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: CATEGORY_ORDER.filter((c) => present.has(c)).map((c) => ({ label: CATEGORY_LABELS[c], fill: CATEGORY_COLORS[c] })),
      },
    ],
    plot,
  });
}
