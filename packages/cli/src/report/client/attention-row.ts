/**
 * One row of the needs-attention table, drawn from its tuple in the page's JSON block. Built with
 * `textContent` only: a name or a stage from the CRM stays text.
 *
 * @module
 */
import { ATTENTION, type AttentionTuple, type PageData } from '../page-data.js';
import { el, leadButton } from './dom.js';

const label = (labels: Record<string, string>, key: string) => labels[key] || key;

/** The `<tr>` of one lead: reason (marked new or worse since the earlier list), days (marked when new today), locator, lead, stage, appointment. */
export function attentionRow(r: AttentionTuple, data: PageData): HTMLTableRowElement {
  const tr = el('tr');
  const reason = el('td', 'reason');
  reason.title = 'Follow-up status: ' + label(data.statusLabels, r[ATTENTION.status]).toLowerCase();
  reason.appendChild(el('span', 'pill r-' + r[ATTENTION.reason], label(data.reasonLabels, r[ATTENTION.reason])));
  // Its change since the earlier list, as a word (never a colour alone), explained on hover.
  const change = r[ATTENTION.change];
  if (change !== null) {
    const was = r[ATTENTION.was];
    const mark = el('span', 'change change-' + change, change);
    mark.title =
      change === 'new'
        ? 'New on the list since ' + data.since
        : 'Worse since ' + data.since + (was === null ? '' : ': was ' + label(data.reasonLabels, was).toLowerCase());
    reason.appendChild(mark);
  }
  tr.appendChild(reason);
  const days = el('td', 'num days');
  if (r[ATTENTION.newToday]) {
    const tag = el('span', 'new', 'new');
    tag.title = 'Reached its threshold today';
    days.appendChild(tag);
  }
  days.appendChild(document.createTextNode(String(r[ATTENTION.days])));
  tr.appendChild(days);
  const locator = r[ATTENTION.locator];
  const who = el('td', 'who', locator);
  if (locator === null) who.appendChild(el('span', 'unassigned', data.unassigned));
  const team = r[ATTENTION.team];
  if (team) who.title = 'Team: ' + team;
  tr.appendChild(who);
  const lead = el('td', 'lead');
  lead.appendChild(leadButton(r[ATTENTION.id], r[ATTENTION.name]));
  tr.appendChild(lead);
  const stage = el('td');
  stage.appendChild(el('span', 'pill light c-' + r[ATTENTION.category], r[ATTENTION.stage]));
  tr.appendChild(stage);
  const appointment = r[ATTENTION.appointment];
  const when = el('td', 'when', appointment);
  if (appointment === null) when.appendChild(el('span', 'muted', 'none'));
  tr.appendChild(when);
  return tr;
}
