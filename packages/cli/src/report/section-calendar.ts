import { UNASSIGNED_LOCATOR, parseDayNumber, weekdayOfDayNumber } from '@panopticon/core';
import type { RenderedFigures } from './figures.js';
import { downloadButton } from './download-button.js';
import { html, joinHtml, type Html } from './html.js';
import type { CalendarRow, ReportModel } from './model.js';
import { APPOINTMENTS_LISTED } from './page-data.js';
import { plural, statusLabel } from './text.js';

/**
 * The appointments section: the calendar figure and this week's appointments. The page's script
 * (client/calendar.ts) lists other ranges with the same markup.
 */
export function calendarSection(model: ReportModel, figures: RenderedFigures): Html {
  const [from, to] = weekRange(model.today);
  const inWeek = model.appointments.filter((a) => a.day >= from && a.day <= to);
  return html`<section id="calendar" aria-labelledby="calendar-title">
<div class="section-head"><h2 id="calendar-title">Appointments</h2><p>Each day shows its appointments, coloured by the most urgent status among them; today is outlined.</p></div>
<div class="grid2 calendar-grid">
<div class="panel figure" id="cal-figure">${figures.svg.calendar}</div>
<div class="panel">
<div class="cal-controls">
<div class="seg" role="group" aria-label="Range">
<button type="button" data-range="today" aria-pressed="false">Today</button><button type="button" data-range="week" aria-pressed="true">This week</button><button type="button" data-range="month" aria-pressed="false">This month</button><button type="button" data-range="custom" aria-pressed="false">Custom</button>
</div>
${downloadButton('appointments')}
<div class="custom" hidden><label class="field">From<input type="date" id="cal-from" value="${from}"></label><label class="field">To<input type="date" id="cal-to" value="${to}"></label></div>
</div>
<p id="cal-summary" aria-live="polite"><strong>${plural(inWeek.length, 'appointment')}</strong> this week (${from} to ${to})</p>
<div class="table-scroll cal-list" tabindex="0" role="region" aria-label="Appointments in the range">
<table id="cal-table"><thead><tr><th class="static">When</th><th class="static">Lead</th><th class="static">Locator</th><th class="static">Stage</th><th class="static">Status</th></tr></thead>
<tbody>
${calendarRows(inWeek)}
</tbody></table>
</div>
</div>
</div>
</section>`;
}

/** Monday and Sunday of the week of an ISO date, as the page's script computes them. */
function weekRange(isoDate: string): [string, string] {
  const d = parseDayNumber(isoDate);
  const monday = d - weekdayOfDayNumber(d);
  return [isoOf(monday), isoOf(monday + 6)];
}

function isoOf(dayNumber: number): string {
  return new Date(dayNumber * 86_400_000).toISOString().slice(0, 10);
}

/** A lead's name and id as the button that opens its dialog: the same markup as the script's (client/dom.ts). */
export function leadButton(id: string, name: string): Html {
  return html`<button type="button" class="linkish lead-link" data-lead="${id}">${name} <span class="id" title="Lead #${id}">#${id}</span></button>`;
}

/** Rows of the appointment list: at most {@link APPOINTMENTS_LISTED}, then how many more (as client/calendar.ts lists them). */
function calendarRows(all: readonly CalendarRow[]): Html {
  if (all.length === 0) return html`<tr class="empty-row"><td colspan="5">No appointments in this range.</td></tr>`;
  const rows = all.slice(0, APPOINTMENTS_LISTED);
  const more = all.length - rows.length;
  const locator = (name: string | null) => (name === null ? html`<span class="unassigned">${UNASSIGNED_LOCATOR}</span>` : name);
  return html`${joinHtml(
    rows.map(
      (r) =>
        html`<tr><td class="when">${r.day} ${r.time}</td><td class="lead">${leadButton(r.id, r.name)}</td><td class="who">${locator(r.locator)}</td><td>${r.stage}</td><td><span class="pill s-${r.status}">${statusLabel(r.status)}</span></td></tr>`,
    ),
    '\n',
  )}${more > 0 ? html`\n<tr class="empty-row"><td colspan="5">and ${plural(more, 'more appointment')} (narrow the range to list them)</td></tr>` : ''}`;
}
