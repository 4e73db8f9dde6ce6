import { UNASSIGNED_LOCATOR } from '@panopticon/core';
import { RESOLUTION_TEXT } from '../digest/messages.js';
import { downloadButton } from './download-button.js';
import { html, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { plural, reasonLabel, statusLabel } from './text.js';
import { formatCount } from './tiles.js';

/**
 * What changed on the needs-attention list since the earlier instant, in one line: how many rows are new
 * and worse (the table marks them) and how many leads left it (listed by {@link resolvedList}).
 */
export function changeSummary(model: ReportModel): Html {
  const added = model.attention.filter((r) => r.change === 'new').length;
  const worse = model.attention.filter((r) => r.change === 'worse').length;
  return html`Since ${model.since.text}: ${formatCount(added)} new, ${formatCount(worse)} worse, ${formatCount(model.resolved.length)} resolved.`;
}

/**
 * "Resolved since": the leads on the list at the earlier instant that are no longer on it, with why (the
 * digest's wording), their reason then, and their stage and locator now. Drawn in the page's HTML: it
 * neither filters nor sorts.
 */
export function resolvedList(model: ReportModel): Html {
  const rows = model.resolved;
  const title = html`<h3 id="resolved-title">Resolved since ${model.since.text}</h3>`;
  if (rows.length === 0) {
    return html`<div class="resolved" id="resolved">${title}<p class="note">No lead has left the list since then.</p></div>`;
  }
  const body = rows.map(
    (r) =>
      html`<tr><td class="lead">${r.name ?? r.id}${r.name !== null && html` <span class="muted id">${r.id}</span>`}</td><td>${reasonLabel(r.was)}</td><td class="why">${RESOLUTION_TEXT[r.why]}</td><td>${r.stage ?? '—'}${r.status !== null && html` <span class="muted">(${statusLabel(r.status).toLowerCase()})</span>`}</td><td>${r.name === null ? '—' : (r.locator ?? UNASSIGNED_LOCATOR)}</td></tr>`,
  );
  return html`<div class="resolved" id="resolved">${title}
<p class="note">${plural(rows.length, 'lead')} on the list then and no longer on it, with why.</p>
<div class="table-scroll" tabindex="0" role="region" aria-labelledby="resolved-title">
<table id="resolved-table">
<thead><tr><th scope="col">Lead</th><th scope="col">Was</th><th scope="col">Why</th><th scope="col">Stage now</th><th scope="col">Locator now</th></tr></thead>
<tbody>${body}</tbody>
</table>
</div>
<p class="figure-actions">${downloadButton('resolved')}</p>
</div>`;
}
