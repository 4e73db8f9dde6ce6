import { UNASSIGNED_LOCATOR } from '@panopticon/core';
import { formatRate } from '../rate.js';
import { downloadButton } from './download-button.js';
import { html, joinHtml, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { UNASSIGNED_VALUE } from './page-data.js';
import { formatCount } from './tiles.js';

/**
 * The locator scorecard: one row per locator, sortable by the page's script (client/sortable.ts reads
 * each cell's `data-v`); a locator with leads that need attention is a button that lists them.
 */
export function scorecardSection(model: ReportModel): Html {
  const rows = model.scorecard;
  const cell = (v: number | null, text = v === null ? '—' : formatCount(v)) =>
    html`<td class="num" data-v="${v === null ? '' : v}">${text}</td>`;
  const th = (label: string, num = true) =>
    html`<th${num && html` class="num"`} aria-sort="none"><button type="button">${label}</button></th>`;
  const body =
    rows.length === 0
      ? html`<tr class="empty-row"><td colspan="12">No leads.</td></tr>`
      : joinHtml(
          rows.map((r, i) => {
            const isUnassigned = r.locator === UNASSIGNED_LOCATOR;
            const name = isUnassigned ? html`<span class="unassigned">${r.locator}</span>` : r.locator;
            const filter =
              r.needsAttention > 0
                ? html`<button type="button" class="linkish" data-locator="${isUnassigned ? UNASSIGNED_VALUE : r.locator}" title="Show this locator's leads in the needs-attention list">${name}</button>`
                : name;
            return html`<tr data-i="${i}"><td data-v="${r.locator}">${filter}</td>${cell(r.leads)}${cell(r.appointed)}${cell(r.needsAttention)}${cell(r.counts.stale)}${cell(r.counts['at-risk'])}${cell(r.counts.awaiting)}${cell(r.counts.upcoming)}${cell(r.counts.progressed)}${cell(r.counts.won)}${cell(r.counts.lost)}${cell(r.conversionRate, formatRate(r.conversionRate))}${cell(r.medianDaysToProgress)}</tr>`;
          }),
          '\n',
        );
  return html`<section id="locators" aria-labelledby="locators-title">
<div class="section-head"><h2 id="locators-title">Locator scorecard</h2><p>Every locator's appointed leads by follow-up status. Click a name to list their leads that need attention.</p></div>
<div class="panel">
${downloadButton('scorecard')}
<div class="table-scroll" tabindex="0" role="region" aria-label="Locator scorecard table">
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
