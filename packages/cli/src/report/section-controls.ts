/**
 * The page's analysis controls (Slot length, SLA (minutes), Clock, Team, Period A, Period B) and the data
 * they recompute from: the response rows, compact (client/response-view.ts recomputes the heatmap, coverage,
 * SLA bands and period comparison with core's own functions, bundled), the teams of the appointments and
 * each team's scorecard (the team filter also narrows the needs-attention list, the appointments and the
 * scorecard); and "Open a file", which analyses another export in the page (client/open-file.ts).
 *
 * @module
 */
import { filterLeads, locatorScorecard, type LeadColumns } from '@panopticon/core';
import { deltas, packCodes, packNullable } from './codes.js';
import { MAX_EMBEDDED_ROWS, SLOT_CHOICES, type ControlsData, type ResponseRowsData } from './controls-data.js';
import { html, joinHtml, type Html } from './html.js';
import type { ReportModel } from './model.js';
import { formatCount } from './tiles.js';

/** The controls' data for the JSON block. */
export function controlsData(model: ReportModel, maxRows = MAX_EMBEDDED_ROWS): ControlsData {
  const leads = model.columns.leads;
  const teams = teamsOf(leads);
  const teamIndex = new Map(teams.map((t, i) => [t, i]));
  const indexOf = (team: string | null | undefined) => (team == null ? -1 : (teamIndex.get(team) ?? -1));
  const { rows, rowCount } = responseRows(leads, model.asOf, indexOf, maxRows);
  // With the controls fixed (too many rows), the Team control is too: no team data for the other panels.
  const byTeam = rows !== null;
  // The team of each appointed lead the page lists (a map of these only: the page may hold a million leads).
  const appointed = new Set(byTeam ? model.appointments.map((a) => a.id) : []);
  const teamOf = new Map<string, string | null>();
  for (let i = 0; byTeam && i < leads.length; i++) if (appointed.has(leads.id[i]!)) teamOf.set(leads.id[i]!, leads.team[i]!);
  return {
    asOf: model.asOf.toISOString(),
    slotMinutes: model.slotMinutes,
    slaMinutes: model.slaMinutes,
    clock: 'wall',
    calendar: model.followUp.calendar ?? null,
    teams,
    rows,
    rowCount,
    schedule: model.schedule ? [...model.schedule] : null,
    periods: { a: model.comparisonPeriods.current, b: model.comparisonPeriods.previous },
    appointmentTeams: byTeam ? model.appointments.map((a) => indexOf(teamOf.get(a.id))) : [],
    pipeline: model.pipeline,
    scorecards: byTeam ? teams.map((team) => locatorScorecard(filterLeads(model.leads, { team }), model.followUp)) : [],
  };
}

/**
 * The response rows of the leads created by `asOf`, as delta-encoded columns sorted by arrival (see
 * {@link ResponseRowsData}), with their count; `rows` is `null` when there are more than `maxRows`.
 */
export function responseRows(
  leads: LeadColumns,
  asOf: Date,
  teamOf: (team: string | null | undefined) => number,
  maxRows: number,
): { rows: ResponseRowsData | null; rowCount: number } {
  const asOfMs = asOf.getTime();
  // Counted before anything is kept: above the limit nothing per row is allocated.
  let rowCount = 0;
  for (let i = 0; i < leads.length; i++) if (leads.createdAt[i]! <= asOfMs) rowCount++;
  if (rowCount > maxRows) return { rows: null, rowCount };
  const sorted: number[] = [];
  for (let i = 0; i < leads.length; i++) if (leads.createdAt[i]! <= asOfMs) sorted.push(i);
  // Array.prototype.sort is stable: leads created at the same instant keep their order.
  sorted.sort((a, b) => leads.createdAt[a]! - leads.createdAt[b]!);
  const created = sorted.map((i) => leads.createdAt[i]!);
  const contact = sorted.map((i, k) => {
    const ms = leads.firstContactAt[i]!;
    return ms === ms ? ms - created[k]! : null; // NaN: never contacted
  });
  const unitMs = created.every((ms) => ms % 1000 === 0) && contact.every((ms) => ms === null || ms % 1000 === 0) ? 1000 : 1;
  const rows: ResponseRowsData = {
    unitMs,
    created: packCodes(deltas(created.map((ms) => ms / unitMs))),
    contact: packNullable(contact.map((ms) => (ms === null ? null : ms / unitMs))),
    team: packCodes(sorted.map((i) => teamOf(leads.team[i]))),
  };
  return { rows, rowCount };
}

function teamsOf(leads: LeadColumns): string[] {
  const teams = new Set<string>();
  for (const team of leads.team) if (team) teams.add(team);
  return [...teams].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The controls panel. The script enables the controls once it has read the rows; when the data has more rows
 * than the page recomputes, they stay disabled and the panel says which options are fixed and why.
 */
export function controlsSection(model: ReportModel, data: ControlsData): Html {
  const fixed = data.rows === null;
  const slot = joinHtml(
    SLOT_CHOICES.map((m) => html`<option value="${m}"${m === model.slotMinutes ? html` selected` : ''}>${m} minutes</option>`),
    '',
  );
  const teams = joinHtml(
    data.teams.map((t) => html`<option value="${t}">${t}</option>`),
    '',
  );
  const period = (key: 'a' | 'b', label: string) => html`<fieldset class="field period" id="v-${key}">
<legend>${label}</legend>
<span class="range"><input type="date" id="v-${key}-from" value="${data.periods[key].from}" aria-label="${label} from" disabled> to <input type="date" id="v-${key}-to" value="${data.periods[key].to}" aria-label="${label} to" disabled></span>
</fieldset>`;
  const note = fixed
    ? html`<p class="note" id="v-fixed"><strong>Fixed at the report's options</strong> (slot length ${model.slotMinutes} minutes, SLA ${model.slaMinutes} minutes, calendar clock, all teams, the periods shown): the data has ${formatCount(data.rowCount)} response rows, more than the ${formatCount(MAX_EMBEDDED_ROWS)} this page recomputes in the browser. Write the page again with <code>--slot</code> / <code>--sla</code>, or ask <code>panopticon heatmap</code>.</p>`
    : html`<p class="note" id="v-note">Slot length, SLA, clock and team redraw the response heatmap, demand vs coverage, the SLA bands and the comparison of Period A with Period B, computed in this page by the same code as <code>panopticon heatmap</code>. Team also narrows the needs-attention list, the appointments and the scorecard.</p>`;
  return html`<section id="analysis" class="panel analysis" aria-labelledby="analysis-title">
<h2 id="analysis-title" class="panel-title">Analysis</h2>
<div class="filters controls" role="group" aria-labelledby="analysis-title">
<div class="field"><label for="v-slot">Slot length</label><select id="v-slot" disabled>${slot}</select></div>
<div class="field"><label for="v-sla">SLA (minutes)</label><input type="number" id="v-sla" min="1" max="10080" step="1" value="${model.slaMinutes}" disabled></div>
<div class="field"><label for="v-clock">Clock</label><select id="v-clock" disabled><option value="wall" selected>Calendar</option><option value="business">Business hours</option></select></div>
<div class="field"><label for="v-team">Team</label><select id="v-team" disabled><option value="">All teams</option>${teams}</select></div>
${period('a', 'Period A')}
${period('b', 'Period B')}
<button type="button" class="button" id="v-reset" disabled>Reset</button>
</div>
${note}
<p class="note" id="v-status" aria-live="polite"></p>
<div class="open-file no-print" id="open-zone">
<div class="field"><label for="open-file">Open a file</label><input type="file" id="open-file" accept=".csv,.tsv,.txt,.gz,.zip,text/csv" multiple disabled></div>
<p class="note">Or drop files on the page: another leads CSV, with its stage and owner histories and a staff schedule if you have them. This page reads and analyses them in your browser with Panopticon's own CSV reader and lists its data-quality issues. <strong>Nothing leaves this machine</strong>: the page makes no network request.</p>
<div id="open-result" aria-live="polite" hidden></div>
</div>
</section>`;
}
