/**
 * The lead dialog: a click on a lead's name or id anywhere on the page (`[data-lead]`) opens a modal
 * `<dialog>` with what the page builder computed about it (lead-detail.ts: the follow-up status and its
 * reason, the stage timeline, owner changes, appointment, response minutes), a link to its CRM record when
 * a `recordUrl` template is known, and an "Email locator" link prefilled with the lead, reason and days.
 * Esc closes it (the browser's own `<dialog>`), and focus returns to what opened it. Text goes in through
 * `textContent` only.
 *
 * @module
 */
import type { LeadDetail, PageData } from '../page-data.js';
import { byId, el } from './dom.js';

/** Opens and closes the dialog; `onChange` hears the open lead's id (or null), for the URL hash. */
export interface LeadDialog {
  open(id: string, opener?: HTMLElement | null): boolean;
  close(): void;
  current(): string | null;
}

export function setUpLeadDialog(data: PageData, onChange: (id: string | null) => void): LeadDialog {
  const dialog = byId<HTMLDialogElement>('lead-dialog');
  const title = byId('lead-title');
  const body = byId('lead-body');
  // Row numbers by id, made on the first open; a lead's details are decoded from the columns when its dialog opens.
  let rows: Map<string, number> | null = null;
  const rowOf = (id: string) => (rows ??= new Map(data.leads.ids.map((leadId, i) => [leadId, i]))).get(id);
  let opener: HTMLElement | null = null;
  let openId: string | null = null;

  const label = (labels: Record<string, string>, key: string) => labels[key] || key;

  function open(id: string, from?: HTMLElement | null): boolean {
    const row = rowOf(id);
    const lead = row === undefined ? undefined : data.leads.at(row);
    const named = from?.getAttribute('data-lead') === id;
    // A hash may name any id: only a lead the page names (or holds) opens the dialog.
    if (!lead && !named) return false;
    opener = from ?? (document.activeElement as HTMLElement | null);
    if (lead) {
      title.replaceChildren(lead.name + ' ', el('span', 'id-full', '#' + lead.id));
      body.replaceChildren(...content(lead));
    } else {
      title.replaceChildren(el('span', 'id-full', '#' + id));
      body.replaceChildren(
        el(
          'p',
          'muted',
          'This page holds the details of the leads on the needs-attention list and of those appointed within the calendar’s weeks; this lead is neither. Write the page with --as-of near its appointment to see it.',
        ),
      );
    }
    if (!dialog.open) dialog.showModal();
    openId = id;
    onChange(id);
    byId('lead-close').focus();
    return true;
  }

  function content(lead: LeadDetail): HTMLElement[] {
    const facts = el('dl', 'facts');
    const fact = (term: string, value: string | null | undefined, none = 'none') => {
      facts.append(el('dt', null, term), el('dd', value === null || value === undefined || value === '' ? 'muted' : null, value || none));
    };
    const status = label(data.statusLabels, lead.status);
    fact('Follow-up status', status);
    fact('Needs attention', lead.reason ? label(data.reasonLabels, lead.reason) + ' · ' + lead.reasonDays + ' days' : null, 'no');
    fact('Locator', lead.locator ?? data.unassigned);
    fact('Team', lead.team);
    fact('Stage now', lead.stage);
    fact('Created', lead.created);
    fact('First contact', lead.firstContact, 'not contacted');
    fact('Response', lead.responseMinutes === null ? null : lead.responseMinutes + ' minutes', 'not contacted');
    fact('Appointment', lead.appointment);
    fact('Days since appointment', lead.daysSinceAppointment === null ? null : String(lead.daysSinceAppointment));
    fact('First progress after it', lead.progress);
    fact('Days in current stage', lead.daysInStage === null ? null : String(lead.daysInStage));

    const actions = el('p', 'dialog-actions');
    if (data.recordUrl) {
      const crm = el('a', 'button', 'Open in CRM');
      crm.href = data.recordUrl.split('{id}').join(encodeURIComponent(lead.id));
      crm.target = '_blank';
      crm.rel = 'noopener noreferrer';
      actions.appendChild(crm);
    } else actions.appendChild(el('span', 'muted', 'No CRM link: ' + (data.recordUrlMissing ?? 'the record address is not known') + '. '));
    const mail = el('a', 'button', 'Email locator');
    mail.href = mailto(lead);
    actions.appendChild(mail);

    const timeline = el('table', 'timeline');
    const head = el('tr');
    for (const h of ['Stage', 'Entered', 'Left', 'Days']) head.appendChild(el('th', h === 'Days' ? 'static num' : 'static', h));
    timeline.appendChild(el('thead')).appendChild(head);
    const tbody = timeline.appendChild(el('tbody'));
    for (const [stage, entered, left, days] of lead.visits) {
      const tr = el('tr', left === null ? 'open' : null);
      tr.append(
        el('td', null, stage),
        el('td', null, entered),
        el('td', left === null ? 'muted' : null, left ?? 'still there'),
        el('td', 'num', String(days)),
      );
      tbody.appendChild(tr);
    }
    const owners = el('ul', 'owners');
    if (lead.owners === null) owners.appendChild(el('li', 'muted', 'Not recorded in the data (no owner history was read).'));
    else if (lead.owners.length === 0) owners.appendChild(el('li', 'muted', 'No owner change recorded.'));
    else for (const [locator, at] of lead.owners) owners.appendChild(el('li', null, at + ' → ' + (locator ?? data.unassigned)));
    return [facts, actions, el('h3', null, 'Stage timeline'), timeline, el('h3', null, 'Owner changes'), owners];
  }

  /** A `mailto:` to the lead's locator (the address when known), the lead, its reason and days prefilled. */
  function mailto(lead: LeadDetail): string {
    const address =
      lead.locator !== null && Object.prototype.hasOwnProperty.call(data.locatorEmails, lead.locator)
        ? data.locatorEmails[lead.locator]!
        : '';
    const why = lead.reason
      ? label(data.reasonLabels, lead.reason).toLowerCase() + ', ' + lead.reasonDays + ' days'
      : label(data.statusLabels, lead.status).toLowerCase();
    const subject = 'Lead ' + lead.name + ' (#' + lead.id + '): ' + why;
    const text =
      'Hello ' +
      (lead.locator ?? '') +
      ',\n\nThe lead ' +
      lead.name +
      ' (#' +
      lead.id +
      ') needs follow-up: ' +
      why +
      '.' +
      (lead.appointment ? '\nAppointment: ' + lead.appointment + '.' : '') +
      (lead.stage ? '\nStage: ' + lead.stage + '.' : '') +
      '\n';
    return 'mailto:' + encodeURIComponent(address) + '?subject=' + encodeURIComponent(subject) + '&body=' + encodeURIComponent(text);
  }

  function close(): void {
    if (dialog.open) dialog.close();
  }

  dialog.addEventListener('close', () => {
    openId = null;
    onChange(null);
    opener?.focus();
    opener = null;
  });
  byId('lead-close').addEventListener('click', close);
  // A modal <dialog> keeps focus off the page but lets Tab leave for the browser's own controls: Tab past
  // the last control goes back to the first, Shift+Tab before the first to the last.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const controls = Array.from(dialog.querySelectorAll<HTMLElement>('a[href],button,[tabindex="0"]'));
    const first = controls[0];
    const last = controls[controls.length - 1];
    if (!first || !last) return;
    if (event.shiftKey ? document.activeElement === first : document.activeElement === last) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    }
  });
  // A click on the backdrop (outside the dialog's box) closes it too.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) close();
  });
  document.addEventListener('click', (event) => {
    const target = (event.target as Element | null)?.closest?.('[data-lead]');
    if (!target) return;
    const id = target.getAttribute('data-lead');
    if (id !== null && open(id, target as HTMLElement)) event.preventDefault();
  });
  return { open, close, current: () => openId };
}
