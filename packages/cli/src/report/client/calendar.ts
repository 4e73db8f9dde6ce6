/**
 * The appointments panel: today / this week / this month / a custom range lists the appointments in it
 * (from the JSON block, sorted by day and time), says how many there are by status, and highlights the
 * range's days on the calendar figure. The Team control narrows the list and redraws the figure with the
 * team's appointments (calendar-figure.ts, the page builder's own drawing).
 *
 * @module
 */
import { formatDayNumber, localDayNumber, parseDayNumber, startOfLocalDay } from '@panopticon/core';
import type { CalendarAppointment } from '@panopticon/charts';
import { calendarFigure } from '../calendar-figure.js';
import { APPOINTMENT, APPOINTMENTS_LISTED as LIMIT, type AppointmentTuple, type PageData } from '../page-data.js';
import { dayNumber, isoDate, monthOf, weekdayOf } from './dates.js';
import { byId, el, findById, fmt, leadButton, placeChildren, plural } from './dom.js';
import { fitFigure } from './figure-dom.js';
import type { OffScreen } from './off-screen.js';

/** A range button's `data-range`. */
type RangeKind = 'today' | 'week' | 'month' | 'custom';

const isRangeKind = (kind: string | null): kind is RangeKind =>
  kind === 'today' || kind === 'week' || kind === 'month' || kind === 'custom';

const PHRASE = { today: 'today', week: 'this week', month: 'this month' } as const;

/** The appointments of the range shown. */
export interface CalendarView {
  shown(): AppointmentTuple[];
}

export function setUpCalendar(
  data: PageData,
  teams: { onTeam(listener: (team: string) => void): void },
  offScreen: OffScreen,
): CalendarView {
  const calTable = findById<HTMLTableElement>('cal-table');
  if (!calTable) return { shown: () => [] };
  // A team change redraws the panel when it is on screen, else when the browser is idle (off-screen.ts).
  const section = calTable.closest('section') ?? calTable;
  offScreen.watch(section);
  let shown: AppointmentTuple[] = [];
  // Each appointment's row, drawn when first listed and reused after (by its index in data.appointments).
  const drawn: (HTMLTableRowElement | undefined)[] = new Array(data.appointments.length);
  // The Team control (section-controls.ts): -2 = every team; else the index of the team in data.controls.teams.
  let team = -2;
  let current: RangeKind = 'week';
  const today = dayNumber(data.today);
  const calBody = calTable.tBodies[0]!;
  const calFrom = byId<HTMLInputElement>('cal-from');
  const calTo = byId<HTMLInputElement>('cal-to');
  const custom = document.querySelector<HTMLElement>('.cal-controls .custom')!;
  const figure = findById('cal-figure');
  let cells = figure ? Array.from(figure.querySelectorAll('.cal-day')) : [];
  const wholeFigure = figure?.querySelector('svg') ?? null;
  const buttons = document.querySelectorAll('button[data-range]');
  const statusLabel = (s: string) => data.statusLabels[s] || s;

  /** The first and last day numbers of a range; a custom range's open ends are ±Infinity. */
  function range(kind: RangeKind): [number, number] {
    if (kind === 'today') return [today, today];
    if (kind === 'week') {
      const monday = today - weekdayOf(today);
      return [monday, monday + 6];
    }
    if (kind === 'month') return monthOf(today);
    const a = calFrom.value ? dayNumber(calFrom.value) : -Infinity;
    const b = calTo.value ? dayNumber(calTo.value) : Infinity;
    return a <= b ? [a, b] : [b, a];
  }

  // The page builder sorts the appointments by day and time (appointment-rows.ts): the first row of each day, in
  // order (checked once), so a range is read from its first day on and ends at its last, not over every row.
  const firstRows: { day: string; index: number }[] = [];
  let byDay = true;
  data.appointments.forEach((a, index) => {
    const day = a[APPOINTMENT.day];
    const last = firstRows[firstRows.length - 1];
    if (last === undefined || last.day < day) firstRows.push({ day, index });
    else if (last.day > day) byDay = false;
  });
  /** The index of the first appointment on or after `day` (0 when the appointments are not sorted by day). */
  const firstOnOrAfter = (day: string): number => (byDay ? (firstRows.find((d) => d.day >= day)?.index ?? data.appointments.length) : 0);

  function show(kind: RangeKind): void {
    // A team change not drawn yet (the panel was off screen) is drawn with this range.
    offScreen.flush(section);
    current = kind;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.getAttribute('data-range') === kind));
    custom.hidden = kind !== 'custom';
    const [first, last] = range(kind);
    const from = first === -Infinity ? '0000-01-01' : isoDate(first);
    const to = last === Infinity ? '9999-12-31' : isoDate(last);
    const teamOf = data.controls.appointmentTeams;
    const all = data.appointments;
    const indexes: number[] = [];
    for (let i = firstOnOrAfter(from); i < all.length; i++) {
      const day = all[i]![APPOINTMENT.day];
      if (day > to && byDay) break;
      if (day >= from && day <= to && (team === -2 || teamOf[i] === team)) indexes.push(i);
    }
    const list = indexes.map((i) => all[i]!);
    shown = list;
    const byStatus: Record<string, number> = {};
    for (const a of list) byStatus[a[APPOINTMENT.status]] = (byStatus[a[APPOINTMENT.status]] || 0) + 1;
    const when =
      kind === 'custom'
        ? first === -Infinity && last === Infinity
          ? 'in all'
          : 'from ' + (first === -Infinity ? 'the start' : from) + ' to ' + (last === Infinity ? 'the end' : to)
        : PHRASE[kind] + (kind === 'today' ? ' (' + from + ')' : ' (' + from + ' to ' + to + ')');
    const parts = Object.keys(byStatus)
      .sort((a, b) => byStatus[b]! - byStatus[a]!)
      .map((s) => fmt.format(byStatus[s]!) + ' ' + statusLabel(s).toLowerCase());
    byId('cal-summary').replaceChildren(
      el('strong', null, plural(list.length, 'appointment')),
      ' ' + when + (parts.length ? ': ' + parts.join(', ') : ''),
    );
    const wanted: HTMLTableRowElement[] = indexes.slice(0, LIMIT).map((i) => (drawn[i] ??= appointmentRow(all[i]!)));
    if (list.length === 0 || list.length > LIMIT) {
      const tr = el('tr', 'empty-row');
      const td = el(
        'td',
        null,
        list.length === 0
          ? 'No appointments in this range.'
          : 'and ' + plural(list.length - LIMIT, 'more appointment') + ' (narrow the range to list them)',
      );
      td.colSpan = 5;
      tr.appendChild(td);
      wanted.push(tr);
    }
    // A row still in the range (another team, a wider range) stays attached: only the rows that come in are laid out.
    placeChildren(calBody, wanted);
    if (figure) {
      figure.classList.add('dim');
      for (const c of cells) {
        const day = c.getAttribute('data-day');
        const inside = day !== null && day >= from && day <= to;
        c.classList.toggle('in', inside);
        c.classList.toggle('out', !inside);
      }
    }
  }

  /** The same markup page.ts draws for this week's rows. */
  function appointmentRow(a: AppointmentTuple): HTMLTableRowElement {
    const tr = el('tr');
    tr.appendChild(el('td', 'when', a[APPOINTMENT.day] + ' ' + a[APPOINTMENT.time]));
    const lead = el('td', 'lead');
    lead.appendChild(leadButton(a[APPOINTMENT.id], a[APPOINTMENT.name]));
    tr.appendChild(lead);
    const locator = a[APPOINTMENT.locator];
    const who = el('td', 'who', locator);
    if (locator === null) who.appendChild(el('span', 'unassigned', data.unassigned));
    tr.appendChild(who);
    tr.appendChild(el('td', null, a[APPOINTMENT.stage]));
    const status = el('td');
    status.appendChild(el('span', 'pill s-' + a[APPOINTMENT.status], statusLabel(a[APPOINTMENT.status])));
    tr.appendChild(status);
    return tr;
  }

  for (const b of buttons) {
    b.addEventListener('click', () => {
      const kind = b.getAttribute('data-range');
      if (isRangeKind(kind)) show(kind);
    });
  }
  for (const input of [calFrom, calTo]) {
    input.addEventListener('change', () => show('custom'));
    input.addEventListener('input', () => show('custom'));
  }
  // A team's figure is drawn once and kept (show() marks its days again); the start of each day, read once.
  const teamFigures = new Map<number, SVGSVGElement>();
  const dayStarts = new Map<string, Date>();
  /**
   * The calendar figure of the team's appointments (every team: the page builder's own). An appointment's day
   * is all the figure reads of its instant, so the start of that day in the report's zone stands for it.
   */
  function redrawFigure(): void {
    const old = figure?.querySelector('svg');
    if (!figure || !old || !wholeFigure) return;
    let next = team === -2 ? wholeFigure : teamFigures.get(team);
    if (next === undefined) {
      const teamOf = data.controls.appointmentTeams;
      const all = data.appointments;
      const range = { from: new Date(data.calendarRange.from), to: new Date(data.calendarRange.to) };
      // The figure draws the days of its range only: the team's appointments on those days are all it reads.
      const [first, last] = [range.from, range.to].map((at) => formatDayNumber(localDayNumber(at, data.timeZone))) as [string, string];
      const appointments: CalendarAppointment[] = [];
      for (let i = firstOnOrAfter(first); i < all.length; i++) {
        const a = all[i]!;
        const day = a[APPOINTMENT.day];
        if (day > last && byDay) break;
        if (teamOf[i] !== team || day < first || day > last) continue;
        let appointmentAt = dayStarts.get(day);
        if (appointmentAt === undefined) dayStarts.set(day, (appointmentAt = startOfLocalDay(parseDayNumber(day), data.timeZone)));
        appointments.push({ appointmentAt, status: a[APPOINTMENT.status], name: a[APPOINTMENT.name], locator: a[APPOINTMENT.locator] });
      }
      next = fitFigure(calendarFigure(appointments, { asOf: new Date(data.controls.asOf), timeZone: data.timeZone, ...range }, document));
      teamFigures.set(team, next);
    }
    if (next !== old) old.replaceWith(next);
    cells = Array.from(figure.querySelectorAll('.cal-day'));
  }

  teams.onTeam((t) => {
    offScreen.run(section, () => {
      team = t === '' ? -2 : data.controls.teams.indexOf(t);
      redrawFigure();
      show(current);
    });
  });
  show('week');
  return {
    shown: () => {
      offScreen.flush(section);
      return shown;
    },
  };
}
