import { SPEED_BAND_LABELS, type SpeedBand } from '@panopticon/core';
import type { RenderedFigures } from './figures.js';
import { downloadButton } from './download-button.js';
import { html, joinHtml, type Html } from './html.js';
import type { ReportModel } from './model.js';
import type { CurvePanel, SpeedToLeadPanel, Unjudged } from './survival-data.js';
import type { SurvivalDownload } from './survival-downloads.js';
import { plural } from './text.js';
import { formatCount } from './tiles.js';

/**
 * The response section's time-to-event panels: time to first contact as a Kaplan–Meier curve (leads not yet
 * contacted censored at as-of) and conversion by response band. Each says what is censored or left out and
 * gives the medians ("not reached" when the curve stays above one half: never a number in its place).
 */
export function responseSurvivalPanels(model: ReportModel, figures: RenderedFigures): Html {
  const { firstContact, speedToLead } = model.survival;
  const f = figures.svg;
  return html`<div class="grid2 survival-grid">
${
  'cannotJudge' in firstContact
    ? unjudgedPanel('first-contact-survival', 'Time to first contact', firstContact)
    : curvePanel(
        'first-contact-survival',
        f.firstContactCurve,
        firstContactCaption(model, firstContact),
        firstContact,
        'first-contact-curve',
      )
}
${'cannotJudge' in speedToLead ? unjudgedPanel('speed-to-lead', 'Conversion by speed of first response', speedToLead) : speedPanel(f.speedToLead, speedToLead)}
</div>`;
}

/** The follow-up section: how long after their appointment leads first progress, the leads still waiting censored. */
export function followUpSurvivalSection(model: ReportModel, figures: RenderedFigures): Html {
  const progress = model.survival.appointmentProgress;
  const panel =
    'cannotJudge' in progress
      ? unjudgedPanel('appointment-progress-survival', 'Time from appointment to first progress', progress)
      : curvePanel(
          'appointment-progress-survival',
          figures.svg.appointmentProgressCurve,
          progressCaption(progress),
          progress,
          'appointment-progress-curve',
        );
  return html`<section id="follow-up" aria-labelledby="follow-up-title">
<div class="section-head"><h2 id="follow-up-title">Follow-up after appointments</h2><p>How long after their appointment leads first move to another stage, with the leads still waiting counted as waiting.</p></div>
${panel}
</section>`;
}

function firstContactCaption(model: ReportModel, panel: CurvePanel): Html {
  const all = panel.json.curves[0]!;
  const { invalid } = panel.json.counts as { leads: number; invalid: number };
  const clock = panel.json.clock === 'business' ? 'business-hours minutes' : 'minutes';
  return html`Each lead created by ${model.today} is a case (${formatCount(all.cases)}), from its arrival to its first contact (${clock}). The ${plural(all.censored, 'lead')} not contacted by then ${all.censored === 1 ? 'is' : 'are'} <strong>censored</strong> at the as-of instant: counted as waiting until then, never as contacted and never left out.${invalid > 0 && html` ${plural(invalid, 'lead')} with a first contact before ${invalid === 1 ? 'its' : 'their'} creation ${invalid === 1 ? 'is' : 'are'} left out (see the data-quality panel).`} ${medianSentence(all, 'minutes', 'had been contacted')}`;
}

function progressCaption(panel: CurvePanel): Html {
  const all = panel.json.curves[0]!;
  const { closedWithoutProgress } = panel.json.counts as { appointed: number; closedWithoutProgress: number };
  return html`Each appointed lead whose appointment is not after the as-of instant is a case, from its appointment to its first change of stage after it (days). The ${plural(all.censored, 'lead')} still waiting for progress ${all.censored === 1 ? 'is' : 'are'} <strong>censored</strong> at the as-of instant: counted as waiting until then, never as progressed.${closedWithoutProgress > 0 && html` ${plural(closedWithoutProgress, 'lead')} won or lost without progress after the appointment ${closedWithoutProgress === 1 ? 'is' : 'are'} left out: not waiting, and closing is not progress.`} ${medianSentence(all, 'days', 'had progressed')}`;
}

type Curve = CurvePanel['json']['curves'][number];

/** "Half were contacted within 29 min." or, when the curve never falls to one half, that the median is not reached. */
function medianSentence(c: Curve, unit: 'minutes' | 'days', ended: string): Html {
  // With censoring, "not reached" is read off the curve, not counted: the estimate stays above one half.
  if (c.cases === 0) return html`No cases yet: no median.`;
  if (c.median === null)
    return html`<strong>Median: not reached</strong>: the curve stays above one half (fewer than half the cases are estimated to have ended), so there is no median to give.`;
  return html`<strong>Median: ${formatTime(c.median, unit)}</strong>: half the cases ${ended} by then.`;
}

function curvePanel(id: string, svg: Html, caption: Html, panel: CurvePanel, download: SurvivalDownload): Html {
  const unit = panel.json.unit;
  const rows = panel.json.curves.map(
    (c) =>
      html`<tr data-group="${c.group}"><td>${c.group}</td>${count(c.cases)}${count(c.events)}${count(c.censored)}${time(c.median, unit, c.cases)}${time(c.p75, unit, c.cases)}${time(c.p90, unit, c.cases)}</tr>`,
  );
  return html`<div class="panel survival-panel" id="${id}">
<div class="figure">${svg}</div>
<p class="note" id="${id}-caption">${caption}</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Medians of the curve">
<table class="survival-medians" aria-describedby="${id}-caption"><thead><tr><th class="static">Curve</th><th class="static num">Cases</th><th class="static num">Ended</th><th class="static num">Open (censored)</th><th class="static num">Median</th><th class="static num">75 % by</th><th class="static num">90 % by</th></tr></thead>
<tbody>${joinHtml(rows, '\n')}</tbody></table>
</div>
<p class="figure-actions">${downloadButton(download)}</p>
</div>`;
}

function speedPanel(svg: Html, panel: SpeedToLeadPanel): Html {
  const { json } = panel;
  const open = json.bands.reduce((n, b) => n + b.open, 0);
  const pct = (x: number | null) => (x === null ? '' : `${(x * 100).toFixed(1)} %`);
  const rows = json.bands.map((b) => {
    const rate =
      b.conversionRatio === null
        ? html`<td class="num" data-v="">no decided leads</td>`
        : html`<td class="num" data-v="${b.conversionRatio}">${pct(b.conversionRatio)}<span class="sub">${pct(b.lower)}–${pct(b.upper)}</span></td>`;
    return html`<tr data-band="${b.band}"><td>${SPEED_BAND_LABELS[b.band as SpeedBand]}</td>${count(b.leads)}${count(b.converted)}${count(b.notConverted)}${count(b.open)}${rate}</tr>`;
  });
  return html`<div class="panel survival-panel" id="speed-to-lead">
<div class="figure">${svg}</div>
<p class="note" id="speed-to-lead-caption">Converted = ${json.convertedAt === 'won' ? 'won' : 'reached green'} by the as-of instant. Each band's rate is over its decided leads (converted or lost), with a 95 % Wilson interval; the ${plural(open, 'lead')} still open ${open === 1 ? 'is' : 'are'} <strong>reported as open</strong>, not as failures.${json.counts.invalid > 0 && html` ${plural(json.counts.invalid, 'lead')} with a first contact before creation ${json.counts.invalid === 1 ? 'is' : 'are'} left out.`} <strong>This is an association, not a cause</strong>: fast answers may go to leads that were better to begin with.</p>
<div class="table-scroll" tabindex="0" role="region" aria-label="Conversion by response band">
<table class="speed-bands" aria-describedby="speed-to-lead-caption"><thead><tr><th class="static">First response</th><th class="static num">Leads</th><th class="static num">Converted</th><th class="static num">Lost</th><th class="static num">Open</th><th class="static num">Conversion, 95 % interval</th></tr></thead>
<tbody>${joinHtml(rows, '\n')}</tbody></table>
</div>
<p class="figure-actions">${downloadButton('speed-to-lead')}</p>
</div>`;
}

function unjudgedPanel(id: string, title: string, u: Unjudged): Html {
  return html`<div class="panel cannot-judge" id="${id}" data-cannot-judge="">
<h3>${title}: cannot judge</h3>
<p>${u.cannotJudge}</p>
</div>`;
}

function count(n: number): Html {
  return html`<td class="num" data-v="${n}">${formatCount(n)}</td>`;
}

/** A quantile cell: its exact value in `data-v` ("" = not reached), "not reached" in words, never a number in its place. */
function time(t: number | null, unit: 'minutes' | 'days', cases: number): Html {
  if (cases === 0) return html`<td class="num" data-v="">no cases</td>`;
  return html`<td class="num" data-v="${t === null ? '' : t}">${t === null ? 'not reached' : formatTime(t, unit)}</td>`;
}

/** "29 min", "3.1 h" (from 2 hours), "4.5 d". */
function formatTime(t: number, unit: 'minutes' | 'days'): string {
  if (unit === 'days') return `${t < 10 ? t.toFixed(1) : Math.round(t)} d`;
  return t >= 120 ? `${(t / 60).toFixed(1)} h` : `${t < 10 ? t.toFixed(1) : Math.round(t)} min`;
}
