import { ATTENTION_REASONS, UNASSIGNED_LOCATOR } from '@panopticon/core';
import type { RenderedFigures } from './figures.js';
import { downloadButton } from './download-button.js';
import { html, type Html } from './html.js';
import type { AttentionTableRow, ReportModel } from './model.js';
import { UNASSIGNED_VALUE } from './page-data.js';
import { changeSummary, resolvedList } from './section-resolved.js';
import { plural, reasonLabel } from './text.js';
import { formatCount } from './tiles.js';

/**
 * The needs-attention section: a summary, the filters, the table (its rows are drawn by the page's script
 * from the JSON block: client/attention.ts) and the figure of leads by locator with a chip per locator.
 */
export function attentionSection(model: ReportModel, figures: RenderedFigures): Html {
  const unjudged = model.cannotJudge.find((c) => c.question === 'follow-up');
  if (unjudged) return cannotJudgeSection(unjudged.message);
  const rows = model.attention;
  const n = rows.length;
  const newToday = rows.filter((r) => r.newToday).length;
  const byReason = ATTENTION_REASONS.map((r) => [r, rows.filter((x) => x.reason === r).length] as const).filter(([, c]) => c > 0);
  const summary =
    n === 0
      ? html`Nothing needs attention as of ${model.today}.`
      : html`${plural(n, 'lead needs', 'leads need')} someone to act: ${byReason.map(([r, c]) => `${formatCount(c)} ${reasonLabel(r).toLowerCase()}`).join(', ')}.${newToday > 0 && html` <strong>${formatCount(newToday)} new today.</strong>`}`;
  const days = model.followUp.dayCount === 'business' ? 'business days' : 'calendar days';
  // The script draws the rows from the JSON block (once; filters and sorting move them); without it, a note.
  const placeholder =
    n === 0
      ? 'Nothing needs attention. Every appointed lead has moved on time.'
      : html`Loading ${plural(n, 'lead')}… (this list needs JavaScript; <code>panopticon attention</code> prints it too)`;
  const th = (key: string, label: string, cls = '') =>
    html`<th${cls && html` class="${cls}"`} aria-sort="none"><button type="button" data-sort="${key}">${label}</button></th>`;
  const reasonOptions = options(
    rows.map((r) => r.reason),
    'All reasons',
    (v) => reasonLabel(v ?? ''),
    (v) => v ?? '',
    ATTENTION_REASONS,
  );
  const locatorOptions = options(
    rows.map((r) => r.locator),
    'All locators',
    (v) => v ?? UNASSIGNED_LOCATOR,
    (v) => v ?? UNASSIGNED_VALUE,
  );
  const stageOptions = options(
    rows.map((r) => r.stage),
    'All stages',
    (v) => v ?? '',
    (v) => v ?? '',
    model.pipeline.stages.map((s) => s.name),
  );
  return html`<section id="attention" aria-labelledby="attention-title">
<div class="section-head"><h2 id="attention-title">Needs attention today</h2><p>${summary}</p><p id="att-changes">${changeSummary(model)}</p></div>
<div class="panel attention-panel">
<div class="filters" role="search" aria-label="Filter the needs-attention list">
<label class="field">Reason<select id="f-reason">${reasonOptions}${newToday > 0 && html`<option value="new">New today (${formatCount(newToday)})</option>`}</select></label>
<label class="field">Locator<select id="f-locator">${locatorOptions}</select></label>
<label class="field">Stage<select id="f-stage">${stageOptions}</select></label>
<label class="field">Appointment from<input type="date" id="f-from"></label>
<label class="field">Appointment to<input type="date" id="f-to"></label>
<label class="field">Lead<input type="search" id="f-q" placeholder="Name or id" autocomplete="off"></label>
<button type="button" class="button" id="f-reset">Clear</button>
</div>
<div class="attention-grid">
<div class="main">
<div class="countbar"><span id="att-count" aria-live="polite">Showing <strong>${formatCount(n)}</strong> of ${plural(n, 'lead')}</span><span class="no-print muted">Click a column heading to sort</span>${downloadButton('attention')}</div>
<div class="table-scroll" tabindex="0" role="region" aria-label="Needs-attention table">
<table id="att-table">
<thead><tr>${th('reason', 'Reason')}${th('days', 'Days', 'num')}${th('locator', 'Locator')}${th('name', 'Lead')}${th('stage', 'Stage')}${th('appt', 'Appointment')}</tr></thead>
<tbody>
<tr class="empty-row"><td colspan="6">${placeholder}</td></tr>
</tbody>
</table>
</div>
<p class="note">Days: ${days} since the appointment for stale and at-risk leads; ${days} in the current stage for stuck-in-green and stalled leads. Hover a reason for the lead's follow-up status, a locator for their team. <span class="change change-new">new</span> = not on the list as of ${model.since.text}; <span class="change change-worse">worse</span> = on it then with a less severe reason.</p>
${resolvedList(model)}
</div>
<aside class="figure side" aria-label="Needs attention by locator">${figures.svg.attentionByLocator}${n > 0 && html`<p class="figure-actions">${downloadButton('attention-by-locator')}</p>`}${locatorChips(rows)}</aside>
</div>
</div>
</section>`;
}

/**
 * The section when follow-up cannot be judged (no appointment column, or no readable appointment): a
 * "cannot judge" panel in place of the list, never the all-clear an empty list would show.
 */
function cannotJudgeSection(message: string): Html {
  return html`<section id="attention" aria-labelledby="attention-title">
<div class="section-head"><h2 id="attention-title">Needs attention today</h2><p>Cannot judge which leads need attention.</p></div>
<div class="panel cannot-judge" role="alert"><h3>Cannot judge: follow-up</h3><p>${message}</p></div>
</section>`;
}

/** Options of a filter `<select>`: every distinct value with its count, most frequent first (or in `order`). */
function options(
  values: readonly (string | null)[],
  all: string,
  label: (v: string | null) => string,
  value: (v: string | null) => string,
  order?: readonly string[],
): Html {
  const counts = new Map<string | null, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const keys = [...counts.keys()].sort((a, b) => {
    if (order) {
      const rank = (v: string | null) => order.indexOf(v ?? '') + 1 || Infinity;
      const d = rank(a) - rank(b);
      if (d !== 0 && !Number.isNaN(d)) return d;
    }
    return counts.get(b)! - counts.get(a)! || (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0);
  });
  return html`<option value="">${all}</option>${keys.map((k) => html`<option value="${value(k)}">${label(k)} (${formatCount(counts.get(k)!)})</option>`)}`;
}

/** One button per locator with leads that need attention (most first): a click lists that locator's leads. */
function locatorChips(rows: readonly AttentionTableRow[]): Html | '' {
  if (rows.length === 0) return '';
  const counts = new Map<string | null, number>();
  for (const r of rows) counts.set(r.locator, (counts.get(r.locator) ?? 0) + 1);
  const chips = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] === null ? 1 : b[0] === null ? -1 : a[0] < b[0] ? -1 : 1))
    .slice(0, 40)
    .map(
      ([locator, n]) =>
        html`<button type="button" class="chip" data-locator="${locator ?? UNASSIGNED_VALUE}">${locator ?? UNASSIGNED_LOCATOR} <span class="n">${formatCount(n)}</span></button>`,
    );
  return html`<div class="chips no-print"><p class="note">Show one locator's leads:</p>${chips}</div>`;
}
