/**
 * The locator scorecard of one team (the Team control): the page builder embeds each team's scorecard
 * (section-controls.ts, core's locatorScorecard over the team's leads); this draws its rows as
 * section-scorecard.ts draws the whole one, and points the scorecard's download at them.
 *
 * @module
 */
import { UNASSIGNED_LOCATOR, type LocatorScorecardRow } from '@panopticon/core';
import { UNASSIGNED_VALUE, type PageData } from '../page-data.js';
import { scorecardCsvCells } from '../scorecard-columns.js';
import { el, findById, fmt } from './dom.js';

export function setUpScorecardTeams(data: PageData, teams: { onTeam(listener: (team: string) => void): void }): void {
  const table = findById<HTMLTableElement>('scorecard');
  if (!table) return;
  const body = table.tBodies[0]!;
  const whole = { rows: Array.from(body.rows), csv: data.scorecardCsv };
  teams.onTeam((team) => {
    const i = data.controls.teams.indexOf(team);
    const rows = i < 0 ? null : data.controls.scorecards[i]!;
    for (const th of Array.from(table.tHead!.rows[0]!.cells)) th.setAttribute('aria-sort', 'none');
    if (rows === null) {
      body.replaceChildren(...whole.rows);
      data.scorecardCsv = whole.csv;
      return;
    }
    body.replaceChildren(...(rows.length === 0 ? [emptyRow()] : rows.map(scorecardRow)));
    data.scorecardCsv = rows.map(scorecardCsvCells);
  });
}

function emptyRow(): HTMLTableRowElement {
  const tr = el('tr', 'empty-row');
  const td = el('td', null, 'No leads.');
  td.colSpan = 13;
  tr.appendChild(td);
  return tr;
}

/** One row, with the cells section-scorecard.ts writes (`data-v` for sorting, the text shown). */
function scorecardRow(r: LocatorScorecardRow, i: number): HTMLTableRowElement {
  const tr = el('tr');
  tr.setAttribute('data-i', String(i));
  const name = el('td');
  name.setAttribute('data-v', r.locator);
  const isUnassigned = r.locator === UNASSIGNED_LOCATOR;
  const label = isUnassigned ? el('span', 'unassigned', r.locator) : document.createTextNode(r.locator);
  if (r.needsAttention > 0) {
    const button = el('button', 'linkish');
    button.type = 'button';
    button.setAttribute('data-locator', isUnassigned ? UNASSIGNED_VALUE : r.locator);
    button.title = "Show this locator's leads in the needs-attention list";
    button.appendChild(label);
    name.appendChild(button);
  } else name.appendChild(label);
  tr.appendChild(name);
  const cell = (v: number | null, text = v === null ? '—' : fmt.format(v)) => {
    const td = el('td', 'num', text);
    td.setAttribute('data-v', v === null ? '' : String(v));
    tr.appendChild(td);
  };
  const c = r.counts;
  for (const v of [r.leads, r.appointed, r.needsAttention, c.stale, c['at-risk'], c.awaiting, c.upcoming, c.progressed, c.won, c.lost])
    cell(v);
  cell(r.conversionRate, r.conversionRate === null ? '—' : (r.conversionRate * 100).toFixed(1) + '%');
  cell(r.medianDaysToProgress);
  return tr;
}
