/**
 * The digest as the HTML part of an email: inline styles only, no image, no script, no remote resource,
 * and every CRM string escaped by the dashboard's `html` template (report/html.ts).
 *
 * @module
 */
import { html, type Html } from '../report/html.js';
import { EMAIL_ITEMS_PER_SECTION } from './render-text.js';
import type { DigestItem, DigestLayout } from './sections.js';
import { showChange, showKpi } from './sections.js';

const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328';

export function renderHtml(layout: DigestLayout, maxItems = EMAIL_ITEMS_PER_SECTION): string {
  const kpis =
    layout.kpis &&
    html`<table style="border-collapse:collapse;margin:12px 0">
<tr><th style="text-align:left;padding:2px 12px 2px 0">Headline figure</th><th style="text-align:right;padding:2px 12px">now</th><th style="text-align:right;padding:2px 0">change</th></tr>
${layout.kpis.map(
  (k) =>
    html`<tr><td style="padding:2px 12px 2px 0">${k.label}</td><td style="text-align:right;padding:2px 12px">${showKpi(k.now, k.unit)}</td><td style="text-align:right;padding:2px 0">${showChange(k)}</td></tr>
`,
)}</table>`;
  const sections = layout.sections.map(
    (s) => html`<h2 style="font-size:16px;margin:18px 0 6px">${s.title} (${s.items.length})</h2>
<ul style="margin:0;padding-left:20px">
${s.items.slice(0, maxItems).map(item)}${s.items.length > maxItems && html`<li>… and ${s.items.length - maxItems} more</li>`}
</ul>`,
  );
  const body: Html = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${layout.subject}</title></head>
<body style="${FONT};font-size:14px;line-height:1.45">
<h1 style="font-size:18px;margin:0 0 8px">${layout.subject}</h1>
${layout.intro.map((line) => html`<p style="margin:4px 0">${line}</p>`)}
${kpis}
${sections}
${layout.outro.map((line) => html`<p style="margin:12px 0 0;color:#57606a">${line}</p>`)}
</body></html>
`;
  return body.toString();
}

function item(i: DigestItem): Html {
  const name = i.link ? html`<a href="${i.link}">${i.name}</a>` : html`<strong>${i.name}</strong>`;
  return html`<li style="margin:0 0 8px">${name} <span style="color:#57606a">(${i.leadId})</span>, ${i.who}: ${i.what}${
    i.todo && html`<br><span>What to do: ${i.todo}</span>`
  }${i.facts && html`<br><span style="color:#57606a">${i.facts}</span>`}</li>
`;
}
