import * as Plot from '@observablehq/plot';
import type { FollowUpStatus } from '@panopticon/core';
import {
  assertTimeZone,
  formatDayNumber,
  localDayNumber,
  weekdayOfDayNumber,
  WEEKDAY_NAMES,
  UNASSIGNED_LOCATOR,
  FOLLOW_UP_STATUS_LABELS,
} from '@panopticon/core';
import { textColorOn } from './color.js';
import { composeFigure } from './compose.js';
import { compareStrings, plural, truncate } from './format.js';
import { chartMessages } from './messages.js';
import { emptyFigure } from './no-data-figure.js';
import type { FigureOptions } from './options.js';
import { resolveFigureOptions } from './options.js';
import { NEUTRAL_COLORS, STATUS_COLORS, STATUS_ORDER, colorOf, labelOf, worstStatus } from './palette.js';

/**
 * One appointment to place on the calendar: its instant and the lead's follow-up status. `needsAttention`
 * rows fit as they are; for every appointed lead, pair each lead's `appointmentAt` with `followUpStatus`.
 *
 * @example
 * ```ts
 * const appointment: CalendarAppointment = { appointmentAt: lead.appointmentAt, status: followUpStatus(lead, { asOf, timeZone, pipeline }), name: lead.name, locator: lead.locator };
 * // needsAttention's rows are CalendarAppointments as they are:
 * const svg = appointmentCalendarFigure(needsAttention(leads, { asOf, timeZone, pipeline }), { document, asOf, timeZone });
 * ```
 */
export interface CalendarAppointment {
  appointmentAt: Date | null;
  status: FollowUpStatus;
  /** Lead name, listed in the day's tooltip. Optional. */
  name?: string;
  /** Locator, listed in the day's tooltip. Optional. */
  locator?: string | null;
}

/**
 * Options of {@link appointmentCalendarFigure}.
 *
 * Defaults of the shared options: `title` "Appointment calendar"; `subtitle` what the colour means, the range and
 * the "as of" date; `width` 640; `emptyMessage` "No appointments between <from> and <to>" (or "No appointments").
 *
 * @example
 * ```ts
 * const options: AppointmentCalendarFigureOptions = {
 *   document, asOf, timeZone: 'America/New_York',
 *   from: new Date('2026-03-01T12:00:00Z'), to: new Date('2026-04-30T12:00:00Z'), maxNames: 5,
 * };
 * const svg = appointmentCalendarFigure(appointments, options);
 * ```
 */
export interface AppointmentCalendarFigureOptions extends FigureOptions {
  /** "Now": today's date (outlined) and the "as of" of the subtitle. Required. */
  asOf: Date;
  /** IANA zone in which appointments fall on dates. Required. */
  timeZone: string;
  /** The first date shown is this instant's date in `timeZone`. Default: the earliest appointment's date. */
  from?: Date;
  /** The last date shown is this instant's date in `timeZone`. Default: the latest appointment's date. */
  to?: Date;
  /**
   * At most this many weeks are drawn; a longer range shows the weeks around `asOf`'s week (clamped to the
   * range). Default 26.
   */
  maxWeeks?: number;
  /** Height of a day in pixels. Default 34. */
  cellHeight?: number;
  /** How many appointments a day's tooltip lists by name. Default 8. */
  maxNames?: number;
}

interface Day {
  dayNumber: number;
  date: string;
  weekday: string;
  week: string;
  inRange: boolean;
  today: boolean;
  count: number;
  worst: string | undefined;
  byStatus: Map<string, number>;
  /** The tooltip's names (at most maxNames), and how many appointments of the day have a name. */
  names: string[];
  named: number;
}

const SHORT_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

/**
 * The appointment calendar: weeks as rows (Monday first), weekdays as columns; each day shows how many
 * appointments fall on it and is coloured by the most urgent status among them (stale before at-risk
 * before awaiting …, {@link STATUS_ORDER}) in {@link STATUS_COLORS}. Today (`asOf`'s date) is outlined.
 * Dates are read in `timeZone`. Returns the "no data" figure when no appointment falls in the range.
 *
 * @example
 * ```ts
 * const appointments = leads.map((lead) => ({ appointmentAt: lead.appointmentAt, name: lead.name,
 *   status: followUpStatus(lead, { asOf, timeZone, pipeline }) }));
 * const svg = appointmentCalendarFigure(appointments, { document, asOf, timeZone });
 * ```
 */
export function appointmentCalendarFigure(
  appointments: readonly CalendarAppointment[],
  options: AppointmentCalendarFigureOptions,
): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'Appointment calendar' });
  const { asOf, timeZone } = options;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime()))
    throw new RangeError(chartMessages.invalidAsOf('appointmentCalendarFigure', asOf));
  assertTimeZone(timeZone);
  const today = localDayNumber(asOf, timeZone);

  const byDay = new Map<number, CalendarAppointment[]>();
  for (const a of appointments) {
    if (!(a.appointmentAt instanceof Date) || Number.isNaN(a.appointmentAt.getTime())) continue;
    const d = localDayNumber(a.appointmentAt, timeZone);
    let list = byDay.get(d);
    if (!list) byDay.set(d, (list = []));
    list.push(a);
  }
  const dataDays = [...byDay.keys()].sort((a, b) => a - b);
  const fromDay = options.from ? localDayNumber(options.from, timeZone) : (dataDays[0] ?? today);
  const toDay = options.to ? localDayNumber(options.to, timeZone) : (dataDays[dataDays.length - 1] ?? today);
  const inRangeDays = dataDays.filter((d) => d >= fromDay && d <= toDay);
  const rangeText = fromDay <= toDay ? `${formatDayNumber(fromDay)} to ${formatDayNumber(toDay)}` : '';
  const asOfText = `as of ${formatDayNumber(today)} (${timeZone})`;
  if (inRangeDays.length === 0) {
    return emptyFigure(
      'appointment-calendar',
      { doc, width, title },
      options,
      asOfText,
      rangeText && (options.from || options.to) ? `No appointments from ${rangeText}` : 'No appointments',
    );
  }

  // Whole weeks, Monday first; at most maxWeeks of them, around asOf's week.
  const weekStart = (d: number) => d - weekdayOfDayNumber(d);
  const firstWeek = weekStart(fromDay);
  const lastWeek = weekStart(toDay);
  const maxWeeks = Math.max(1, Math.floor(options.maxWeeks ?? 26));
  let startWeek = firstWeek;
  let weeks = (lastWeek - firstWeek) / 7 + 1;
  if (weeks > maxWeeks) {
    const centred = weekStart(today) - Math.floor((maxWeeks - 1) / 2) * 7;
    startWeek = Math.min(Math.max(centred, firstWeek), lastWeek - (maxWeeks - 1) * 7);
    weeks = maxWeeks;
  }
  const maxNames = options.maxNames ?? 8;
  const days: Day[] = [];
  for (let i = 0; i < weeks * 7; i++) {
    const dayNumber = startWeek + i;
    const inRange = dayNumber >= fromDay && dayNumber <= toDay;
    const list = inRange ? (byDay.get(dayNumber) ?? []) : [];
    const byStatus = new Map<string, number>();
    for (const a of list) byStatus.set(a.status, (byStatus.get(a.status) ?? 0) + 1);
    const rank = (s: string) => {
      const r = STATUS_ORDER.indexOf(s as FollowUpStatus);
      return r < 0 ? STATUS_ORDER.length : r;
    };
    // The tooltip lists the first maxNames named appointments, most urgent first, then by name: only those are
    // picked out (in the order a stable sort would give) and written; a busy day's others are only counted.
    const named = list.filter((a) => a.name !== undefined);
    const names = firstInOrder(
      named,
      sliceLength(named.length, maxNames),
      (a, b) => rank(a.status) - rank(b.status) || compareStrings(a.name!, b.name!),
    ).map(
      (a) =>
        `${truncate(a.name!, 32)} (${labelOf(FOLLOW_UP_STATUS_LABELS, a.status)}${a.locator !== undefined ? `, ${truncate(a.locator ?? UNASSIGNED_LOCATOR, 24)}` : ''})`,
    );
    days.push({
      dayNumber,
      date: formatDayNumber(dayNumber),
      weekday: SHORT_WEEKDAYS[weekdayOfDayNumber(dayNumber)]!,
      week: formatDayNumber(weekStart(dayNumber)),
      inRange,
      today: dayNumber === today,
      count: list.length,
      worst: worstStatus(byStatus.keys()),
      byStatus,
      names,
      named: named.length,
    });
  }

  const fillOf = (d: Day) => (d.count > 0 ? colorOf(STATUS_COLORS, d.worst!) : d.inRange ? '#ffffff' : NEUTRAL_COLORS.empty);
  const tip = (d: Day): string => {
    const lines = [`${WEEKDAY_NAMES[weekdayOfDayNumber(d.dayNumber)]} ${d.date}${d.today ? ' (today)' : ''}`];
    if (!d.inRange) lines.push('Outside the range shown');
    else if (d.count === 0) lines.push('No appointments');
    else {
      lines.push(`${plural(d.count, 'appointment')} · most urgent: ${labelOf(FOLLOW_UP_STATUS_LABELS, d.worst!)}`);
      const parts = [...d.byStatus].sort(
        ([a], [b]) => STATUS_ORDER.indexOf(a as FollowUpStatus) - STATUS_ORDER.indexOf(b as FollowUpStatus),
      );
      lines.push(parts.map(([s, n]) => `${n} ${labelOf(FOLLOW_UP_STATUS_LABELS, s).toLowerCase()}`).join(' · '));
      lines.push(...d.names);
      if (d.named > maxNames) lines.push(`and ${d.named - maxNames} more`);
    }
    return lines.join('\n');
  };

  const cellHeight = options.cellHeight ?? 34;
  const marginLeft = 84;
  const marginTop = 34;
  const marginRight = 4;
  const cellWidth = (width - marginLeft - marginRight) / 7;
  const busy = days.filter((d) => d.count > 0);
  const plot = Plot.plot({
    document: doc,
    width,
    height: marginTop + weeks * cellHeight + 8,
    marginLeft,
    marginTop,
    marginRight,
    marginBottom: 8,
    padding: 0,
    x: { type: 'band', domain: [...SHORT_WEEKDAYS], axis: 'top', tickSize: 0, label: 'Weekday', labelAnchor: 'center' },
    y: {
      type: 'band',
      domain: Array.from({ length: weeks }, (_, w) => formatDayNumber(startWeek + w * 7)),
      tickSize: 0,
      label: 'Week starting',
      labelAnchor: 'top',
    },
    marks: [
      Plot.cell(days, { x: 'weekday', y: 'week', fill: fillOf, stroke: NEUTRAL_COLORS.outline, strokeWidth: 0.5, inset: 1, title: tip }),
      Plot.cell(
        days.filter((d) => d.today),
        { x: 'weekday', y: 'week', fill: 'none', stroke: NEUTRAL_COLORS.rule, strokeWidth: 2.5, inset: 1.5 },
      ),
      Plot.text(days, {
        x: 'weekday',
        y: 'week',
        text: (d: Day) => String(Number(d.date.slice(8, 10))),
        dx: -cellWidth / 2 + 5,
        dy: -cellHeight / 2 + 8,
        textAnchor: 'start',
        fontSize: 8,
        fill: (d: Day) => (d.count > 0 ? textColorOn(fillOf(d)) : d.inRange ? '#555555' : '#aaaaaa'),
      }),
      Plot.text(busy, {
        x: 'weekday',
        y: 'week',
        text: (d: Day) => String(d.count),
        dy: 3,
        fontSize: 13,
        fontWeight: 600,
        fill: (d: Day) => textColorOn(fillOf(d)),
      }),
    ],
  }) as SVGSVGElement;

  const present = new Set(busy.map((d) => d.worst!));
  const total = busy.reduce((n, d) => n + d.count, 0);
  return composeFigure({
    document: doc,
    background: options.background,
    name: 'appointment-calendar',
    title,
    subtitle:
      options.subtitle === undefined
        ? `${plural(total, 'appointment')}, counted per day and coloured by the most urgent status · ${rangeText} · ${asOfText}`
        : options.subtitle,
    width,
    legend: [
      {
        type: 'swatches',
        items: [
          ...STATUS_ORDER.filter((s) => present.has(s)).map((s) => ({ label: FOLLOW_UP_STATUS_LABELS[s], fill: STATUS_COLORS[s] })),
          ...[...present]
            .filter((s) => !STATUS_ORDER.includes(s as FollowUpStatus))
            .sort()
            .map((s) => ({ label: s, fill: colorOf(STATUS_COLORS, s) })),
          { label: 'Today', fill: 'none', stroke: NEUTRAL_COLORS.rule, strokeWidth: 2 },
        ],
      },
    ],
    plot,
  });
}

/** How many items `slice(0, end)` keeps of `length` items. */
function sliceLength(length: number, end: number): number {
  const e = Math.trunc(end) || 0;
  return e < 0 ? Math.max(0, length + e) : Math.min(length, e);
}

/** The first `count` items of `items` sorted stably by `compare`, in that order, without sorting them all. */
function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (count <= 0) return first;
  for (const item of items) {
    if (first.length === count && compare(item, first[count - 1]!) >= 0) continue;
    // After every item it does not come before: equal items keep their order, as in a stable sort.
    let at = first.length;
    while (at > 0 && compare(item, first[at - 1]!) < 0) at--;
    first.splice(at, 0, item);
    if (first.length > count) first.pop();
  }
  return first;
}
