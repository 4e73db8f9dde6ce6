import type { DataIssue } from '@panopticon/core';
import { downloadButton } from './download-button.js';
import { html, joinHtml, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { plural } from './text.js';
import { formatCount } from './tiles.js';

/** The data-quality section: rows read, accepted and rejected per input, and every issue (open when there are any). */
export function qualitySection(model: ReportModel): Html {
  const { stats, issues } = model;
  const { errors, warnings, omitted, examplesPerCode } = model.issueCounts;
  const headline =
    issues.length === 0
      ? html`<span class="ok">No issues</span> <span class="muted">· ${plural(stats.rows, 'row')} read, every one accepted</span>`
      : html`<span>${joinHtml([errors > 0 && html`<span class="sev-error">${plural(errors, 'error')}</span>`, warnings > 0 && html`<span class="sev-warning">${plural(warnings, 'warning')}</span>`].filter(Boolean), ', ')}</span> <span class="muted">· ${plural(stats.rows, 'row')} read: ${formatCount(stats.accepted)} accepted, ${formatCount(stats.rejected)} rejected</span>`;
  const perInput = Object.entries(stats.inputs ?? {}).map(
    ([name, s]) =>
      html`<tr><td>${name}</td>${[s.rows, s.accepted, s.rejected].map((n) => html`<td class="num">${formatCount(n)}</td>`)}</tr>`,
  );
  const inputTable =
    perInput.length > 0 &&
    html`<table class="inputs"><thead><tr><th class="static">Input</th><th class="static num">Rows</th><th class="static num">Accepted</th><th class="static num">Rejected</th></tr></thead><tbody>${perInput}</tbody></table>`;
  const issueTable =
    issues.length > 0 &&
    html`<div class="table-scroll quality-scroll" tabindex="0" role="region" aria-label="Data-quality issues"><table class="issues"><thead><tr><th class="static">Severity</th><th class="static">Where</th><th class="static">Record</th><th class="static">Field</th><th class="static">Value</th><th class="static">What is wrong</th></tr></thead><tbody>
${joinHtml(issues.map(issueRow), '\n')}
</tbody></table></div>`;
  const note =
    issues.length === 0
      ? html`<p class="muted">Every input row was read and accepted; nothing to fix.</p>`
      : html`<p class="note">${omitted > 0 && html`<strong>${plural(omitted, 'more issue')} not listed</strong>: the first ${formatCount(examplesPerCode ?? 0)} of each kind are (<code>--issue-examples</code> lists more). `}Errors are rows that were rejected; warnings are rows kept with something doubtful. <code>panopticon check</code> prints the same list.</p>`;
  return html`<section id="quality" aria-labelledby="quality-title">
<details class="quality panel"${issues.length > 0 && html` open`}>
<summary><h2 id="quality-title">Data quality</h2>${headline}</summary>
<div class="quality-body">
${inputTable}
${issueTable}
${issues.length > 0 && html`<p class="figure-actions">${downloadButton('quality')}</p>`}
${note}
</div>
</details>
</section>`;
}

function issueRow(i: DataIssue): Html {
  const where = [i.file, i.line !== undefined ? `line ${i.line}` : ''].filter(Boolean).join(', ');
  return html`<tr><td class="sev-${i.severity}">${i.severity}</td><td>${where}</td><td>${i.recordId ?? ''}</td><td>${i.field ?? ''}</td><td>${i.value ?? ''}</td><td class="msg">${i.message}</td></tr>`;
}
