import { ATTENTION_REASONS, ATTENTION_REASON_LABELS, FOLLOW_UP_STATUS_LABELS, UNASSIGNED_LOCATOR, zonedParts } from '@panopticon/core';
import { heatmapCsvCells } from '../csv-columns.js';
import { reportAssets } from './assets.js';
import { contentSecurityPolicy } from './csp.js';
import type { ControlsData } from './controls-data.js';
import { controlsData, controlsSection } from './section-controls.js';
import { jsonForScript } from './escape.js';
import type { RenderedFigures } from './figures.js';
import { html, joinHtml, unsafeHtml, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { DATA_ELEMENT_ID, DEFERRED_DATA_PARTS, dataPartElementId } from './page-data.js';
import { embedPageData, splitPageData, type EmbeddedPageData, type PageDataRows } from './embedded-data.js';
import { attentionSection } from './section-attention.js';
import { calendarSection } from './section-calendar.js';
import { pipelineSection, responseSection } from './section-figures.js';
import { qualitySection } from './section-quality.js';
import { scorecardCsvCells } from './scorecard-columns.js';
import { tableCsvFiles } from './table-csv.js';
import { greenToDeliveryCells } from './table-rows.js';
import { downloadButton } from './download-button.js';
import { scorecardSection } from './section-scorecard.js';
import { followUpSurvivalSection } from './section-survival.js';
import { survivalDownloads } from './survival-data.js';
import { pageCss } from './styles.js';
import { longDate, plural } from './text.js';
import { formatChange, formatCount, formatTileValue, kpiTiles, type Tile } from './tiles.js';

/** The page's data: the needs-attention rows, the appointments, the dialog's facts and the labels the script shows (embedded-data.ts encodes it). */
export function pageData(model: ReportModel, controls: ControlsData = controlsData(model)): PageDataRows {
  const named = new Set(model.leadDetails.map((d) => d.locator));
  return {
    today: model.today,
    timeZone: model.timeZone,
    attention: model.attention.map((r) => [
      r.id,
      r.name,
      r.locator,
      r.team,
      r.stage,
      r.category,
      r.status,
      r.reason,
      r.days,
      r.apptText || null,
      r.newToday ? 1 : 0,
      r.appointmentAt === null ? null : Date.parse(r.appointmentAt),
      r.change,
      r.was,
    ]),
    since: model.since.text,
    appointments: model.appointments.map((a) => [a.id, a.name, a.locator, a.stage, a.status, a.day, a.time]),
    calendarRange: { from: model.calendarRange.from.toISOString(), to: model.calendarRange.to.toISOString() },
    statusLabels: FOLLOW_UP_STATUS_LABELS,
    reasonLabels: ATTENTION_REASON_LABELS,
    reasonOrder: ATTENTION_REASONS,
    unassigned: UNASSIGNED_LOCATOR,
    leads: model.leadDetails,
    heatmapCsv: model.heatmap.map(heatmapCsvCells),
    scorecardCsv: model.scorecard.map(scorecardCsvCells),
    survivalCsv: survivalDownloads(model.survival),
    tablesCsv: tableCsvFiles(model),
    tableRows: { 'green-to-delivery': greenToDeliveryCells(model.green.rows) },
    recordUrl: model.recordUrl,
    recordUrlMissing: model.recordUrlMissing,
    // Only the addresses of locators the page names.
    locatorEmails: Object.fromEntries(Object.entries(model.locatorEmails).filter(([locator]) => named.has(locator))),
    controls,
  };
}

/**
 * The dashboard page: one self-contained HTML document. Figures are inline SVG; the style sheet and the
 * script are inline and allowed by their hashes in a Content-Security-Policy that permits no network
 * access. All markup goes through the escaping `html` template (html.ts); the table data is embedded as
 * JSON blocks with `<`, `>`, `&`, U+2028 and U+2029 escaped, so no CRM value can end its `<script>` block.
 */
export function renderPage(model: ReportModel, figures: RenderedFigures): string {
  const css = pageCss(figures.css);
  const { script } = reportAssets();
  const csp = contentSecurityPolicy({ scripts: [script], styles: [css] });
  const title = `Follow-up dashboard · ${model.today}`;
  const controls = controlsData(model);
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="panopticon report">
<title>${title}</title>
<link rel="icon" href="data:,">
<link rel="expect" href="#${PAGE_END_ID}" blocking="render">
<style>${unsafeHtml(css)}</style>
</head>
<body>
${header()}
<main class="wrap">
${context(model)}
${tiles(model)}
${controlsSection(model, controls)}
${attentionSection(model, figures)}
${calendarSection(model, figures)}
${followUpSurvivalSection(model, figures)}
${pipelineSection(figures)}
${responseSection(model, figures)}
${scorecardSection(model)}
${qualitySection(model)}
</main>
${footer(model)}
${leadDialog()}
${dataBlocks(embedPageData(pageData(model, controls)))}
<script>${unsafeHtml(script)}</script>
<span id="${PAGE_END_ID}" hidden></span>
</body>
</html>
`.toString();
}

/**
 * The element after the script: until it is parsed the browser draws nothing (the `rel="expect"` link in the
 * head), so the page is laid out once, with its script's rows, instead of again and again while its megabytes
 * of data are still being read (scripts/measure-dashboard.mjs measured a quarter of the renderer's CPU spent so).
 */
const PAGE_END_ID = 'page-end';

/**
 * The page's data as JSON blocks (embedded-data.ts): the one the script reads when it starts, then each deferred
 * part (page-data.ts), all before the script, which may read any of them as it starts (a lead opened by the URL).
 */
function dataBlocks(embedded: EmbeddedPageData): Html {
  const { start, parts } = splitPageData(embedded);
  const block = (id: string, value: unknown) =>
    html`<script type="application/json" id="${id}">${unsafeHtml(jsonForScript(value))}</script>`;
  return joinHtml([block(DATA_ELEMENT_ID, start), ...DEFERRED_DATA_PARTS.map((part) => block(dataPartElementId(part), parts[part]))], '\n');
}

function header(): Html {
  return html`<header class="top">
<div class="wrap">
<div class="brand"><span class="mark">Panopticon</span><span class="product">Follow-up dashboard</span></div>
<nav aria-label="Sections"><ul>
<li><a href="#attention">Needs attention</a></li>
<li><a href="#calendar">Appointments</a></li>
<li><a href="#follow-up">Follow-up</a></li>
<li><a href="#pipeline">Pipeline</a></li>
<li><a href="#response">Response times</a></li>
<li><a href="#locators">Locators</a></li>
<li><a href="#quality">Data quality</a></li>
</ul></nav>
<span class="copy no-print"><span id="copy-status" aria-live="polite"></span><input id="copy-text" type="text" readonly hidden aria-label="Link to this view"><button type="button" class="button" id="copy-link">Copy link</button></span>
<button type="button" class="button no-print" id="print">Print</button>
</div>
</header>`;
}

function context(model: ReportModel): Html {
  const { stats, issues } = model;
  const { errors, warnings } = model.issueCounts;
  const clock = zonedParts(model.asOf, model.timeZone);
  const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const counts = [errors ? plural(errors, 'row error') : '', warnings ? plural(warnings, 'data warning') : ''].filter(Boolean).join(', ');
  const appointed = model.cannotJudge.some((c) => c.question === 'follow-up')
    ? 'appointments: cannot judge'
    : `${formatCount(model.kpis.followUp.appointed)} appointed`;
  const quality = issues.length === 0 ? html`<span>no data-quality issues</span>` : html`<span><a href="#quality">${counts}</a></span>`;
  return html`<div class="headline"><h1><span class="kicker">As of</span> ${longDate(model.today)}</h1>
<p class="context" id="context"><span>Data: <strong>${model.source}</strong></span><span>${plural(model.leadCount, 'lead')}, ${appointed}</span><span>${plural(stats.rows, 'row')} read, ${formatCount(stats.rejected)} rejected</span>${quality}<span>leads judged at ${time} ${model.timeZone}</span></p></div>`;
}

function tiles(model: ReportModel): Html {
  const unjudged = new Set(model.cannotJudge.map((c) => c.question));
  const items = kpiTiles(model).map((t) => {
    if (unjudged.has(t.question)) {
      return html`<div class="tile cannot-judge" data-kpi="${t.kpi}" data-value="cannot judge">
<div class="label">${t.label}</div>
<div class="value"><span class="num">cannot judge</span></div>
<div class="sub">see the data-quality panel</div>
</div>`;
    }
    const v = formatTileValue(t.value, t.kind);
    const alert = t.tone && t.value !== null && t.value > 0 ? ' alert' : '';
    const unit = v.unit && html`<span class="unit">${v.unit === '%' ? '%' : ` ${v.unit}`}</span>`;
    return html`<div class="tile${t.tone ? ` ${t.tone}` : ''}${alert}" data-kpi="${t.kpi}" data-value="${t.value === null ? '' : String(t.value)}">
<div class="label">${t.label}</div>
<div class="value"><span class="num">${v.number}</span>${unit}</div>
<div class="sub">${t.sub}</div>
${tileTrend(t)}
</div>`;
  });
  return html`<section class="tiles" aria-label="Key figures">\n${joinHtml(items, '\n')}\n</section>
<p class="figure-actions tiles-actions">${downloadButton('kpis')}</p>`;
}

/** The lead dialog (client/lead-dialog.ts fills it with textContent from the JSON block). */
function leadDialog(): Html {
  return html`<dialog id="lead-dialog" aria-labelledby="lead-title">
<div class="dialog-head"><h2 id="lead-title">Lead</h2><button type="button" class="button" id="lead-close">Close</button></div>
<div id="lead-body"></div>
</dialog>`;
}

/** A tile's change against 7 days earlier and its eight-week sparkline (nothing when no history was computed). */
function tileTrend(t: Tile): Html | '' {
  if (t.weekly === undefined) return '';
  const change = formatChange(t.value, t.weekAgo ?? null, t.kind);
  return html`<div class="trend"><span class="delta" data-delta="${change ?? ''}">${change === null ? 'no data a week ago' : `${change} in 7 days`}</span>${sparkline(t.weekly)}</div>`;
}

/** An eight-week sparkline: a polyline over the weeks with data, labelled with its values for screen readers. */
function sparkline(values: readonly (number | null)[]): Html | '' {
  const known = values.map((v, i) => [i, v] as const).filter((p): p is readonly [number, number] => p[1] !== null && Number.isFinite(p[1]));
  if (known.length < 2) return '';
  const w = 72;
  const h = 20;
  const min = Math.min(...known.map((p) => p[1]));
  const max = Math.max(...known.map((p) => p[1]));
  const x = (i: number) => ((i / (values.length - 1)) * (w - 2) + 1).toFixed(1);
  const y = (v: number) => (max === min ? h / 2 : h - 1 - ((v - min) / (max - min)) * (h - 2)).toFixed(1);
  const points = known.map(([i, v]) => `${x(i)},${y(v)}`).join(' ');
  const label = `Weekly over ${values.length} weeks: ${values.map((v) => (v === null ? 'no data' : String(Math.round(v * 1000) / 1000))).join(', ')}`;
  return html`<svg class="spark" viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" role="img" aria-label="${label}"><polyline points="${points}" fill="none" vector-effect="non-scaling-stroke"/></svg>`;
}

function footer(model: ReportModel): Html {
  const p = model.pipeline;
  const f = model.followUp;
  const generated = model.generatedAt.toISOString().replace('T', ' ').slice(0, 16);
  return html`<footer class="wrap">
<p>Thresholds: stale after ${f.staleAfterDays ?? p.staleAfterDays} days, at risk after ${f.warnAfterDays ?? p.warnAfterDays}, stuck in green after ${f.greenStuckAfterDays ?? p.greenStuckAfterDays}; ${f.dayCount === 'business' ? 'business' : 'calendar'} days in ${model.timeZone}; response SLA ${model.slaMinutes} minutes in ${model.slotMinutes}-minute slots. The tiles are the figures of <code>panopticon kpis</code> for the same data.</p>
<p>Written by <code>panopticon report</code> at ${generated} UTC. Works offline: no part of this page is fetched from a network.</p>
</footer>`;
}
