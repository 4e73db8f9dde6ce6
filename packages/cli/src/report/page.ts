import {
  ATTENTION_REASONS,
  ATTENTION_REASON_LABELS,
  FOLLOW_UP_STATUS_LABELS,
  UNASSIGNED_LOCATOR,
  WEEKDAY_NAMES,
  parseDayNumber,
  weekdayOfDayNumber,
  zonedParts,
  type DataIssue,
} from '@panopticon/core';
import { CLIENT_SCRIPT } from './client.js';
import { contentSecurityPolicy } from './csp.js';
import { escapeHtml as h, jsonForScript } from './escape.js';
import type { RenderedFigures } from './figures.js';
import type { AttentionTableRow, CalendarRow, ReportModel } from './model.js';
import { pageCss } from './styles.js';
import { formatCount, formatTileValue, kpiTiles } from './tiles.js';

/** The id of the JSON block holding the page's data (the needs-attention rows and the appointments). */
export const DATA_ELEMENT_ID = 'report-data';

/**
 * One needs-attention row in the JSON block, as an array (a third of the size of an object per row):
 * `[leadId, name, locator (null = unassigned), team, stage, stage category, follow-up status, reason, days,
 * appointment "YYYY-MM-DD HH:MM" in the report's zone (null = none), 1 when it reached its reason's
 * threshold today]`.
 */
export type AttentionTuple = [string, string, string | null, string | null, string, string, string, string, number, string | null, 0 | 1];
/** One appointment in the JSON block: `[leadId, name, locator, stage, status, "YYYY-MM-DD", "HH:MM"]`. */
export type AppointmentTuple = [string, string, string | null, string, string, string, string];

/** What the page's script reads from the JSON block. */
export interface PageData {
  today: string;
  timeZone: string;
  attention: AttentionTuple[];
  appointments: AppointmentTuple[];
  statusLabels: Record<string, string>;
  reasonLabels: Record<string, string>;
  reasonOrder: readonly string[];
  unassigned: string;
}

/** The page's data: the needs-attention rows and the appointments as compact arrays, and the labels the script shows. */
export function pageData(model: ReportModel): PageData {
  return {
    today: model.today,
    timeZone: model.timeZone,
    attention: model.attention.map((r) => [r.id, r.name, r.locator, r.team, r.stage, r.category, r.status, r.reason, r.days, r.apptText || null, r.newToday ? 1 : 0]),
    appointments: model.appointments.map((a) => [a.id, a.name, a.locator, a.stage, a.status, a.day, a.time]),
    statusLabels: FOLLOW_UP_STATUS_LABELS,
    reasonLabels: ATTENTION_REASON_LABELS,
    reasonOrder: ATTENTION_REASONS,
    unassigned: UNASSIGNED_LOCATOR,
  };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Saturday 31 October 2026" from "2026-10-31". */
export function longDate(isoDate: string): string {
  const day = parseDayNumber(isoDate);
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(day)]} ${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
const locatorHtml = (locator: string | null) => (locator === null ? `<span class="unassigned">${h(UNASSIGNED_LOCATOR)}</span>` : h(locator));
const statusLabel = (s: string) => (FOLLOW_UP_STATUS_LABELS as Record<string, string>)[s] ?? s;
const reasonLabel = (r: string) => (ATTENTION_REASON_LABELS as Record<string, string>)[r] ?? r;

/**
 * The dashboard page: one self-contained HTML document. Figures are inline SVG; the style sheet and the
 * script are inline and allowed by their hashes in a Content-Security-Policy that permits no network
 * access. Every string from the data is HTML-escaped; the table data is embedded as JSON with `<`, `>`,
 * `&`, U+2028 and U+2029 escaped, so no CRM value can end its `<script>` block.
 */
export function renderPage(model: ReportModel, figures: RenderedFigures): string {
  const css = pageCss(figures.css);
  const data = pageData(model);
  const csp = contentSecurityPolicy({ scripts: [CLIENT_SCRIPT], styles: [css] });
  const title = `Follow-up dashboard · ${model.today}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="panopticon report">
<title>${h(title)}</title>
<link rel="icon" href="data:,">
<style>${css}</style>
</head>
<body>
${header()}
<main class="wrap">
${context(model)}
${tiles(model)}
${attentionSection(model, figures)}
${calendarSection(model, figures)}
${pipelineSection(figures)}
${responseSection(model, figures)}
${scorecardSection(model)}
${qualitySection(model)}
</main>
${footer(model)}
<script type="application/json" id="${DATA_ELEMENT_ID}">${jsonForScript(data)}</script>
<script>${CLIENT_SCRIPT}</script>
</body>
</html>
`;
}

function header(): string {
  return `<header class="top">
<div class="wrap">
<div class="brand"><span class="mark">Panopticon</span><span class="product">Follow-up dashboard</span></div>
<nav aria-label="Sections"><ul>
<li><a href="#attention">Needs attention</a></li>
<li><a href="#calendar">Appointments</a></li>
<li><a href="#pipeline">Pipeline</a></li>
<li><a href="#response">Response times</a></li>
<li><a href="#locators">Locators</a></li>
<li><a href="#quality">Data quality</a></li>
</ul></nav>
<button type="button" class="button no-print" id="print">Print</button>
</div>
</header>`;
}

function context(model: ReportModel): string {
  const { stats, issues } = model;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const clock = zonedParts(model.asOf, model.timeZone);
  const time = `${String(clock.hour).padStart(2, '0')}:${String(clock.minute).padStart(2, '0')}`;
  const quality =
    issues.length === 0
      ? '<span>no data-quality issues</span>'
      : `<span><a href="#quality">${[errors ? plural(errors, 'row error') : '', warnings ? plural(warnings, 'data warning') : ''].filter(Boolean).join(', ')}</a></span>`;
  return `<div class="headline"><h1><span class="kicker">As of</span> ${h(longDate(model.today))}</h1>
<p class="context" id="context"><span>Data: <strong>${h(model.source)}</strong></span><span>${plural(model.leadCount, 'lead')}, ${formatCount(model.kpis.followUp.appointed)} appointed</span><span>${plural(stats.rows, 'row')} read, ${formatCount(stats.rejected)} rejected</span>${quality}<span>leads judged at ${time} ${h(model.timeZone)}</span></p></div>`;
}

function tiles(model: ReportModel): string {
  const items = kpiTiles(model).map((t) => {
    const v = formatTileValue(t.value, t.kind);
    const alert = t.tone && t.value !== null && t.value > 0 ? ' alert' : '';
    return `<div class="tile${t.tone ? ` ${t.tone}` : ''}${alert}" data-kpi="${h(t.kpi)}" data-value="${t.value === null ? '' : h(String(t.value))}">
<div class="label">${h(t.label)}</div>
<div class="value"><span class="num">${h(v.number)}</span>${v.unit ? `<span class="unit">${v.unit === '%' ? '%' : ` ${h(v.unit)}`}</span>` : ''}</div>
<div class="sub">${h(t.sub)}</div>
</div>`;
  });
  return `<section class="tiles" aria-label="Key figures">\n${items.join('\n')}\n</section>`;
}

/** Options of a filter `<select>`: every distinct value with its count, most frequent first. */
function options(values: readonly (string | null)[], all: string, label: (v: string | null) => string, value: (v: string | null) => string, order?: readonly string[]): string {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => {
    if (order) {
      const rank = (v: string | null) => (order.indexOf(v ?? '') + 1 || Infinity);
      const d = rank(a) - rank(b);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return (counts.get(b)! - counts.get(a)!) || (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);
  });
  return [`<option value="">${h(all)}</option>`, ...keys.map((k) => `<option value="${h(value(k))}">${h(label(k))} (${formatCount(counts.get(k)!)})</option>`)].join('');
}

/** The select value of a locator: its name, or a marker for unassigned leads (no locator name starts with NUL). */
export const UNASSIGNED_VALUE = '\u0000unassigned';

function attentionSection(model: ReportModel, figures: RenderedFigures): string {
  const rows = model.attention;
  const n = rows.length;
  const newToday = rows.filter((r) => r.newToday).length;
  const byReason = ATTENTION_REASONS.map((r) => [r, rows.filter((x) => x.reason === r).length] as const).filter(([, c]) => c > 0);
  const summary =
    n === 0
      ? `Nothing needs attention as of ${h(model.today)}.`
      : `${plural(n, 'lead needs', 'leads need')} someone to act: ${byReason.map(([r, c]) => `${formatCount(c)} ${h(reasonLabel(r).toLowerCase())}`).join(', ')}.${newToday ? ` <strong>${formatCount(newToday)} new today.</strong>` : ''}`;
  const days = model.followUp.dayCount === 'business' ? 'business days' : 'calendar days';
  // The script draws the rows from the JSON block (once; filters and sorting move them); without it, a note.
  const body = `<tr class="empty-row"><td colspan="6">${n === 0 ? 'Nothing needs attention. Every appointed lead has moved on time.' : `Loading ${plural(n, 'lead')}… (this list needs JavaScript; <code>panopticon attention</code> prints it too)`}</td></tr>`;
  const th = (key: string, label: string, cls = '') => `<th${cls ? ` class="${cls}"` : ''} aria-sort="none"><button type="button" data-sort="${key}">${label}</button></th>`;
  return `<section id="attention" aria-labelledby="attention-title">
<div class="section-head"><h2 id="attention-title">Needs attention today</h2><p>${summary}</p></div>
<div class="panel attention-panel">
<div class="filters" role="search" aria-label="Filter the needs-attention list">
<label class="field">Reason<select id="f-reason">${options(rows.map((r) => r.reason), 'All reasons', (v) => reasonLabel(v ?? ''), (v) => v ?? '', ATTENTION_REASONS)}${newToday ? `<option value="new">New today (${formatCount(newToday)})</option>` : ''}</select></label>
<label class="field">Locator<select id="f-locator">${options(rows.map((r) => r.locator), 'All locators', (v) => v ?? UNASSIGNED_LOCATOR, (v) => v ?? UNASSIGNED_VALUE)}</select></label>
<label class="field">Stage<select id="f-stage">${options(rows.map((r) => r.stage), 'All stages', (v) => v ?? '', (v) => v ?? '', model.pipeline.stages.map((s) => s.name))}</select></label>
<label class="field">Appointment from<input type="date" id="f-from"></label>
<label class="field">Appointment to<input type="date" id="f-to"></label>
<label class="field">Lead<input type="search" id="f-q" placeholder="Name or id" autocomplete="off"></label>
<button type="button" class="button" id="f-reset">Clear</button>
</div>
<div class="attention-grid">
<div class="main">
<div class="countbar"><span id="att-count" aria-live="polite">Showing <strong>${formatCount(n)}</strong> of ${plural(n, 'lead')}</span><span class="no-print muted">Click a column heading to sort</span></div>
<div class="table-scroll">
<table id="att-table">
<thead><tr>${th('reason', 'Reason')}${th('days', 'Days', 'num')}${th('locator', 'Locator')}${th('name', 'Lead')}${th('stage', 'Stage')}${th('appt', 'Appointment')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
<p class="note">Days: ${days} since the appointment for stale and at-risk leads; ${days} in the current stage for stuck-in-green and stalled leads. Hover a reason for the lead's follow-up status, a locator for their team.</p>
</div>
<aside class="figure side" aria-label="Needs attention by locator">${figures.svg.attentionByLocator}${locatorChips(rows)}</aside>
</div>
</div>
</section>`;
}

/** Monday of the week of an ISO date, and the ISO dates of a range preset, as the page's script computes them. */
function weekRange(isoDate: string): [string, string] {
  const d = parseDayNumber(isoDate);
  const monday = d - weekdayOfDayNumber(d);
  return [isoOf(monday), isoOf(monday + 6)];
}
function isoOf(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** Rows of the appointment list; the page's script draws the same markup for other ranges. */
function calendarRowsHtml(rows: readonly CalendarRow[]): string {
  if (rows.length === 0) return '<tr class="empty-row"><td colspan="5">No appointments in this range.</td></tr>';
  return rows
    .map((r) => `<tr><td class="when">${h(r.day)} ${h(r.time)}</td><td class="lead" title="Lead #${h(r.id)}">${h(r.name)}</td><td class="who">${locatorHtml(r.locator)}</td><td>${h(r.stage)}</td><td><span class="pill s-${h(r.status)}">${h(statusLabel(r.status))}</span></td></tr>`)
    .join('\n');
}

/** One button per locator with leads that need attention (most first): a click lists that locator's leads. */
function locatorChips(rows: readonly AttentionTableRow[]): string {
  if (rows.length === 0) return '';
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(r.locator, (counts.get(r.locator) ?? 0) + 1);
  const chips = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] === null ? 1 : b[0] === null ? -1 : a[0] < b[0] ? -1 : 1))
    .slice(0, 40)
    .map(([locator, n]) => `<button type="button" class="chip" data-locator="${h(locator ?? UNASSIGNED_VALUE)}">${locator === null ? h(UNASSIGNED_LOCATOR) : h(locator)} <span class="n">${formatCount(n)}</span></button>`);
  return `<div class="chips no-print"><p class="note">Show one locator's leads:</p>${chips.join('')}</div>`;
}

function calendarSection(model: ReportModel, figures: RenderedFigures): string {
  const [from, to] = weekRange(model.today);
  const inWeek = model.appointments.filter((a) => a.day >= from && a.day <= to);
  return `<section id="calendar" aria-labelledby="calendar-title">
<div class="section-head"><h2 id="calendar-title">Appointments</h2><p>Each day shows its appointments, coloured by the most urgent status among them; today is outlined.</p></div>
<div class="grid2 calendar-grid">
<div class="panel figure" id="cal-figure">${figures.svg.calendar}</div>
<div class="panel">
<div class="cal-controls">
<div class="seg" role="group" aria-label="Range">
<button type="button" data-range="today" aria-pressed="false">Today</button><button type="button" data-range="week" aria-pressed="true">This week</button><button type="button" data-range="month" aria-pressed="false">This month</button><button type="button" data-range="custom" aria-pressed="false">Custom</button>
</div>
<div class="custom" hidden><label class="field">From<input type="date" id="cal-from" value="${h(from)}"></label><label class="field">To<input type="date" id="cal-to" value="${h(to)}"></label></div>
</div>
<p id="cal-summary" aria-live="polite"><strong>${plural(inWeek.length, 'appointment')}</strong> this week (${h(from)} to ${h(to)})</p>
<div class="table-scroll cal-list">
<table id="cal-table"><thead><tr><th class="static">When</th><th class="static">Lead</th><th class="static">Locator</th><th class="static">Stage</th><th class="static">Status</th></tr></thead>
<tbody>
${calendarRowsHtml(inWeek)}
</tbody></table>
</div>
</div>
</div>
</section>`;
}

function pipelineSection(figures: RenderedFigures): string {
  const f = figures.svg;
  return `<section id="pipeline" aria-labelledby="pipeline-title">
<div class="section-head"><h2 id="pipeline-title">Pipeline</h2><p>Where leads are, how the working pipeline moved, how long stages hold them, and how long approved leads wait for delivery.</p></div>
<div class="grid2">
<div class="panel figure">${f.snapshot}</div>
<div class="panel figure">${f.trend}</div>
<div class="panel figure">${f.timeInStage}</div>
<div class="panel figure">${f.greenToDelivery}</div>
</div>
</section>`;
}

function responseSection(model: ReportModel, figures: RenderedFigures): string {
  const r = model.kpis.response;
  const f = figures.svg;
  const minutes = (m: number | null) => (m === null ? '—' : m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`);
  const pct = r.pctWithinSla === null ? '—' : `${r.pctWithinSla.toFixed(1)}%`;
  const bands = Object.entries(r.bands)
    .map(([band, n]) => `<span>${h(band === 'never' ? 'never contacted' : `${band} min`)}: <strong>${formatCount(n)}</strong></span>`)
    .join('');
  return `<section id="response" aria-labelledby="response-title">
<div class="section-head"><h2 id="response-title">Response times</h2><p>${h(pct)} of ${plural(r.total, 'new lead')} were first contacted within ${model.slaMinutes} minutes; median ${h(minutes(r.medianMinutes))}, 90th percentile ${h(minutes(r.p90Minutes))}. Hover a cell for its figures.</p></div>
<div class="stack">
<div class="panel figure">${f.heatmap}<div class="legend-line">${bands}</div></div>
<div class="panel figure">${f.demand}</div>
<div class="panel figure">${f.comparison}</div>
</div>
</section>`;
}

function scorecardSection(model: ReportModel): string {
  const rows = model.scorecard;
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);
  const cell = (v: number | null, text = v === null ? '—' : formatCount(v)) => `<td class="num" data-v="${v === null ? '' : v}">${text}</td>`;
  const th = (label: string, num = true) => `<th${num ? ' class="num"' : ''} aria-sort="none"><button type="button">${label}</button></th>`;
  const body =
    rows.length === 0
      ? '<tr class="empty-row"><td colspan="12">No leads.</td></tr>'
      : rows
          .map((r) => {
            const isUnassigned = r.locator === UNASSIGNED_LOCATOR;
            const name = isUnassigned ? `<span class="unassigned">${h(r.locator)}</span>` : h(r.locator);
            const filter = r.needsAttention > 0 ? `<button type="button" class="linkish" data-locator="${h(isUnassigned ? UNASSIGNED_VALUE : r.locator)}" title="Show this locator's leads in the needs-attention list">${name}</button>` : name;
            return `<tr><td data-v="${h(r.locator)}">${filter}</td>${cell(r.leads)}${cell(r.appointed)}${cell(r.needsAttention)}${cell(r.counts.stale)}${cell(r.counts['at-risk'])}${cell(r.counts.awaiting)}${cell(r.counts.upcoming)}${cell(r.counts.progressed)}${cell(r.counts.won)}${cell(r.counts.lost)}${cell(r.conversionRate, pct(r.conversionRate))}${cell(r.medianDaysToProgress)}</tr>`;
          })
          .join('\n');
  return `<section id="locators" aria-labelledby="locators-title">
<div class="section-head"><h2 id="locators-title">Locator scorecard</h2><p>Every locator's appointed leads by follow-up status. Click a name to list their leads that need attention.</p></div>
<div class="panel">
<div class="table-scroll">
<table class="scorecard sortable" id="scorecard">
<thead><tr>${th('Locator', false)}${th('Leads')}${th('Appointed')}${th('Need attention')}${th('Stale')}${th('At risk')}${th('Awaiting')}${th('Upcoming')}${th('Progressed')}${th('Won')}${th('Lost')}${th('Conversion')}${th('Median days to progress')}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</div>
</section>`;
}

function issueRow(i: DataIssue): string {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : ''].filter(Boolean).join(', ');
  return `<tr><td class="sev-${h(i.severity)}">${h(i.severity)}</td><td>${h(where)}</td><td>${h(i.recordId ?? '')}</td><td>${h(i.field ?? '')}</td><td>${h(i.value ?? '')}</td><td class="msg">${h(i.message)}</td></tr>`;
}

function qualitySection(model: ReportModel): string {
  const { stats, issues } = model;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const warnings = issues.length - errors;
  const headline =
    issues.length === 0
      ? `<span class="ok">No issues</span> <span class="muted">· ${plural(stats.rows, 'row')} read, every one accepted</span>`
      : `<span>${[errors ? `<span class="sev-error">${plural(errors, 'error')}</span>` : '', warnings ? `<span class="sev-warning">${plural(warnings, 'warning')}</span>` : ''].filter(Boolean).join(', ')}</span> <span class="muted">· ${plural(stats.rows, 'row')} read: ${formatCount(stats.accepted)} accepted, ${formatCount(stats.rejected)} rejected</span>`;
  const perInput = Object.entries(stats.inputs ?? {})
    .map(([name, s]) => `<tr><td>${h(name)}</td>${[s.rows, s.accepted, s.rejected].map((n) => `<td class="num">${formatCount(n)}</td>`).join('')}</tr>`)
    .join('');
  const issueTable =
    issues.length === 0
      ? ''
      : `<div class="table-scroll quality-scroll"><table class="issues"><thead><tr><th class="static">Severity</th><th class="static">Where</th><th class="static">Record</th><th class="static">Field</th><th class="static">Value</th><th class="static">What is wrong</th></tr></thead><tbody>
${issues.map(issueRow).join('\n')}
</tbody></table></div>`;
  return `<section id="quality" aria-labelledby="quality-title">
<details class="quality panel"${issues.length > 0 ? ' open' : ''}>
<summary><h2 id="quality-title">Data quality</h2>${headline}</summary>
<div class="quality-body">
${perInput ? `<table class="inputs"><thead><tr><th class="static">Input</th><th class="static num">Rows</th><th class="static num">Accepted</th><th class="static num">Rejected</th></tr></thead><tbody>${perInput}</tbody></table>` : ''}
${issueTable}
${issues.length === 0 ? '<p class="muted">Every input row was read and accepted; nothing to fix.</p>' : '<p class="note">Errors are rows that were rejected; warnings are rows kept with something doubtful. <code>panopticon check</code> prints the same list.</p>'}
</div>
</details>
</section>`;
}

function footer(model: ReportModel): string {
  const p = model.pipeline;
  const f = model.followUp;
  const generated = model.generatedAt.toISOString().replace('T', ' ').slice(0, 16);
  return `<footer class="wrap">
<p>Thresholds: stale after ${f.staleAfterDays ?? p.staleAfterDays} days, at risk after ${f.warnAfterDays ?? p.warnAfterDays}, stuck in green after ${f.greenStuckAfterDays ?? p.greenStuckAfterDays}; ${f.dayCount === 'business' ? 'business' : 'calendar'} days in ${h(model.timeZone)}; response SLA ${model.slaMinutes} minutes in ${model.bucketMinutes}-minute slots. The tiles are the figures of <code>panopticon kpis</code> for the same data.</p>
<p>Written by <code>panopticon report</code> at ${h(generated)} UTC. Works offline: no part of this page is fetched from a network.</p>
</footer>`;
}
