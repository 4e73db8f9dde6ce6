/**
 * The weekly response report for managers (`panopticon digest --weekly`): the week's response heatmap as
 * a PNG (drawn by the dashboard's chart, rasterized in Node by resvg: many mail clients show no SVG), the
 * slots whose share within the SLA fell against the week before, and the speed-to-lead figures of both
 * weeks. The week is the seven local days ending with the day of `asOf`. Figures are core's
 * (`aggregateBySlot`, `comparePeriods`, `summarizeResponses`), as on the page.
 *
 * @module
 */
import { responseHeatmapFigure, toSvgString } from '@panopticon/charts';
import {
  aggregateBySlot,
  comparePeriods,
  formatDayNumber,
  localDayNumber,
  startOfLocalDay,
  summarizeResponses,
  type HeatmapComparisonCell,
  type ResponseSummary,
  type SlotLead,
} from '@panopticon/core';
import { formatInstant } from '../commands/follow-up-options.js';
import { formatRate, formatRateChange, ratio, renamed, withWithinSlaRatio } from '../rate.js';
import { html } from '../report/html.js';
import type { Settings } from '../settings/resolve.js';

/** At most this many slots are listed as worse. */
export const WORSE_SLOTS_SHOWN = 10;

export interface WeeklyReport {
  subject: string;
  asOf: Date;
  timeZone: string;
  slaMinutes: number;
  /** "2026-10-25 – 2026-10-31", and the week before. */
  week: string;
  previousWeek: string;
  now: ResponseSummary;
  before: ResponseSummary;
  /** Slots whose % within the SLA fell, most first (leads in both weeks). */
  worseSlots: HeatmapComparisonCell[];
  /** The week's heatmap as PNG. */
  png: Uint8Array;
  pageUrl?: string;
  staleData?: string;
}

export type WeeklySettings = Pick<Settings, 'asOf' | 'timeZone' | 'slaMinutes' | 'slotMinutes'>;

export async function computeWeekly(
  leads: readonly SlotLead[],
  settings: WeeklySettings,
  document: Document,
  extra: { pageUrl?: string; staleData?: string } = {},
): Promise<WeeklyReport> {
  const { asOf, timeZone, slaMinutes, slotMinutes } = settings;
  const today = localDayNumber(asOf, timeZone);
  const weekFrom = startOfLocalDay(today - 6, timeZone);
  const previousFrom = startOfLocalDay(today - 13, timeZone);
  const options = { timeZone, slaMinutes, slotMinutes, asOf };
  const now = summarizeResponses(leads, { ...options, from: weekFrom, to: asOf });
  const before = summarizeResponses(leads, { ...options, from: previousFrom, to: weekFrom });
  const worseSlots = comparePeriods(leads, {
    ...options,
    current: { from: weekFrom, to: asOf },
    previous: { from: previousFrom, to: weekFrom },
  })
    .filter((c) => c.current.total > 0 && c.previous.total > 0 && c.deltaPct !== null && c.deltaPct < 0)
    .sort((a, b) => a.deltaPct! - b.deltaPct! || a.weekday - b.weekday || a.slotIndex - b.slotIndex)
    .slice(0, WORSE_SLOTS_SHOWN);
  const cells = aggregateBySlot(leads, { ...options, from: weekFrom, to: asOf });
  const figure = responseHeatmapFigure(cells, {
    document,
    timeZone,
    slaMinutes,
    slotMinutes,
    width: 900,
    title: `Response within ${slaMinutes} min, ${formatDayNumber(today - 6)} – ${formatDayNumber(today)}`,
  });
  const png = await rasterize(toSvgString(figure));
  const nowRatio = ratio(now.withinSla, now.total);
  const pct = nowRatio === null ? 'no new leads' : `response ${formatRate(nowRatio)} within ${slaMinutes} min`;
  const change = formatRateChange(nowRatio, ratio(before.withinSla, before.total));
  return {
    subject: `Panopticon weekly: ${pct}${change ? ` (${change})` : ''} — week to ${formatDayNumber(today)}`,
    asOf,
    timeZone,
    slaMinutes,
    week: `${formatDayNumber(today - 6)} – ${formatDayNumber(today)}`,
    previousWeek: `${formatDayNumber(today - 13)} – ${formatDayNumber(today - 7)}`,
    now,
    before,
    worseSlots,
    png,
    ...extra,
  };
}

/** The SVG as PNG at twice its size (sharp on high-density screens), with the system's fonts. resvg is loaded only here. */
async function rasterize(svg: string): Promise<Uint8Array> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}

/**
 * `--format json`'s facts (without the PNG): every rate a ratio named as one (rate.ts), the change of a
 * slot's rate as `deltaRatio` in place of core's `deltaPct` (percentage points).
 */
export function weeklyJson(r: Omit<WeeklyReport, 'png'>) {
  return {
    ...r,
    asOf: r.asOf.toISOString(),
    now: withWithinSlaRatio(r.now),
    before: withWithinSlaRatio(r.before),
    worseSlots: r.worseSlots.map((c) => {
      const current = withWithinSlaRatio(c.current);
      const previous = withWithinSlaRatio(c.previous);
      const delta =
        current.withinSlaRatio === null || previous.withinSlaRatio === null ? null : current.withinSlaRatio - previous.withinSlaRatio;
      return renamed({ ...c, current, previous }, 'deltaPct', 'deltaRatio', delta);
    }),
  };
}

/** The figures of one week as lines. */
function speedLines(r: WeeklyReport): [string, string, string][] {
  const m = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} min`);
  const p = (v: { withinSla: number; total: number }) => formatRate(ratio(v.withinSla, v.total), 'n/a');
  return [
    ['New leads', String(r.now.total), String(r.before.total)],
    [`Answered within ${r.slaMinutes} min`, p(r.now), p(r.before)],
    ['Median first response', m(r.now.medianMinutes), m(r.before.medianMinutes)],
    ['90th percentile', m(r.now.p90Minutes), m(r.before.p90Minutes)],
    ['Never contacted', String(r.now.neverContacted), String(r.before.neverContacted)],
  ];
}

function slotLine(c: HeatmapComparisonCell): string {
  const pct = (v: { withinSla: number; total: number }) => formatRate(ratio(v.withinSla, v.total), 'n/a');
  return `${c.day} ${c.slot}: ${pct(c.current)} within the SLA (was ${pct(c.previous)}), ${c.current.total} lead${c.current.total === 1 ? '' : 's'}`;
}

export function renderWeeklyText(r: WeeklyReport): string {
  const lines = [
    r.subject,
    '',
    `The week ${r.week} against ${r.previousWeek}, as of ${formatInstant(r.asOf, r.timeZone)} (${r.timeZone}).`,
  ];
  if (r.staleData) lines.push(`Stale data: ${r.staleData}`);
  lines.push('', 'Speed to lead (this week, the week before):');
  for (const [label, a, b] of speedLines(r)) lines.push(`  ${label.padEnd(26)} ${a.padStart(8)}  ${b.padStart(8)}`);
  lines.push('', r.worseSlots.length ? `Slots that got worse (${r.worseSlots.length}):` : 'No slot got worse against the week before.');
  for (const c of r.worseSlots) lines.push(`  - ${slotLine(c)}`);
  lines.push('', 'The heatmap of the week is in the HTML part of this email.');
  lines.push(r.pageUrl ? `The dashboard: ${r.pageUrl}` : 'The dashboard: panopticon report.');
  return `${lines.join('\n')}\n`;
}

/** The HTML part; `imageSrc` is `cid:…` in an email, a data: URL when printed. */
export function renderWeeklyHtml(r: WeeklyReport, imageSrc: string): string {
  // Every string here is made by Panopticon (figures, dates, weekday names), but the template escapes anyway.
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${r.subject}</title></head>
<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;font-size:14px;line-height:1.45">
<h1 style="font-size:18px;margin:0 0 8px">${r.subject}</h1>
<p style="margin:4px 0">The week ${r.week} against ${r.previousWeek}, as of ${formatInstant(r.asOf, r.timeZone)} (${r.timeZone}).</p>
${r.staleData && html`<p style="margin:4px 0;color:#9a6700">Stale data: ${r.staleData}</p>`}
<h2 style="font-size:16px;margin:18px 0 6px">Speed to lead</h2>
<table style="border-collapse:collapse"><tr><th></th><th style="text-align:right;padding:2px 12px">this week</th><th style="text-align:right;padding:2px 0">the week before</th></tr>
${speedLines(r).map(([label, a, b]) => html`<tr><td style="padding:2px 12px 2px 0">${label}</td><td style="text-align:right;padding:2px 12px">${a}</td><td style="text-align:right">${b}</td></tr>`)}
</table>
<h2 style="font-size:16px;margin:18px 0 6px">${r.worseSlots.length ? `Slots that got worse (${r.worseSlots.length})` : 'No slot got worse against the week before'}</h2>
${r.worseSlots.length > 0 && html`<ul style="margin:0;padding-left:20px">${r.worseSlots.map((c) => html`<li>${slotLine(c)}</li>`)}</ul>`}
<h2 style="font-size:16px;margin:18px 0 6px">The week's response heatmap</h2>
<img src="${imageSrc}" alt="Response heatmap of the week ${r.week}" width="900" style="max-width:100%;height:auto">
<p style="margin:12px 0 0;color:#57606a">${r.pageUrl ? html`The dashboard: <a href="${r.pageUrl}">${r.pageUrl}</a>` : 'The dashboard: panopticon report.'}</p>
</body></html>
`.toString();
}
