import type { RenderedFigures } from './figures.js';
import { downloadButton, type DownloadName } from './download-button.js';
import { html, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { responseSurvivalPanels } from './section-survival.js';
import { responseSummaryText, slaBandTexts } from './response-summary-text.js';

/** A figure's "Download CSV" line. */
const actions = (name: DownloadName): Html => html`<p class="figure-actions">${downloadButton(name)}</p>`;

/** The pipeline section: four figures. */
export function pipelineSection(figures: RenderedFigures): Html {
  const f = figures.svg;
  return html`<section id="pipeline" aria-labelledby="pipeline-title">
<div class="section-head"><h2 id="pipeline-title">Pipeline</h2><p>Where leads are, how the working pipeline moved, how long stages hold them, and how long approved leads wait for delivery.</p></div>
<div class="grid2">
<div class="panel figure">${f.snapshot}${actions('snapshot')}</div>
<div class="panel figure">${f.trend}${actions('trend')}</div>
<div class="panel figure">${f.timeInStage}${actions('time-in-stage')}</div>
<div class="panel figure">${f.greenToDelivery}${actions('green-to-delivery')}</div>
</div>
</section>`;
}

/** The response-times section: a summary against the SLA, the heatmap with its bands, demand and the comparison. */
export function responseSection(model: ReportModel, figures: RenderedFigures): Html {
  const r = model.kpis.response;
  const f = figures.svg;
  const bands = slaBandTexts(r.bands).map(([label, n]) => html`<span>${label}: <strong>${n}</strong></span>`);
  return html`<section id="response" aria-labelledby="response-title">
<div class="section-head"><h2 id="response-title">Response times</h2><p><span id="response-summary">${responseSummaryText(r, model.slaMinutes)}</span> Hover a cell for its figures.</p></div>
<div class="stack">
<div class="panel figure">${f.heatmap}<div class="legend-line" id="response-bands">${bands}</div><p class="figure-actions">${downloadButton('heatmap')}</p></div>
<div class="panel figure">${f.demand}${model.demand && actions('demand')}</div>
<div class="panel figure">${f.comparison}${actions('comparison')}</div>
${responseSurvivalPanels(model, figures)}
</div>
</section>`;
}
