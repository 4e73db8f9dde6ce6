/**
 * The appointed leads with their follow-up status, as `panopticon appointments` prints them and the
 * dashboard's appointment list shows and downloads them (report/model.ts builds its calendar from
 * {@link appointmentRows}; the page's script writes the CSV with {@link appointmentCsvCells}): one definition
 * of which leads, in which order, of the ranges (today, this week, this month) and of the CSV cells.
 * {@link appointmentCsvCells} and the ranges are platform-neutral.
 *
 * @module
 */
import {
  followUpStatus,
  formatDayNumber,
  localDayNumber,
  stageAt,
  type FollowUpOptions,
  type FollowUpStatus,
  type Lead,
} from '@panopticon/core';
import type { Cell } from './format.js';
import { monthOf, weekdayOf } from './report/client/dates.js';
import { clockText } from './report/local-time.js';

/** One appointed lead: its stage at the as-of and status, the appointment's date and time in the zone. */
export interface AppointmentRow {
  id: string;
  name: string;
  /** `null` = unassigned. */
  locator: string | null;
  team: string | null;
  stage: string;
  status: FollowUpStatus;
  appointmentAt: Date;
  /** "YYYY-MM-DD" in the zone. */
  day: string;
  /** "HH:MM" in the zone. */
  time: string;
}

/** Every appointed lead that existed at the as-of, by appointment day and time (ties in the leads' order). */
export function appointmentRows(leads: readonly Lead[], followUp: FollowUpOptions): AppointmentRow[] {
  const { asOf, timeZone } = followUp;
  const asOfMs = asOf.getTime();
  const rows: AppointmentRow[] = [];
  for (const lead of leads) {
    const at = lead.appointmentAt;
    if (!at || !(lead.createdAt.getTime() <= asOfMs)) continue;
    rows.push({
      id: lead.id,
      name: lead.name,
      locator: lead.locator,
      team: lead.team ?? null,
      stage: stageAt(lead, asOf) ?? lead.stage,
      status: followUpStatus(lead, followUp),
      appointmentAt: at,
      day: formatDayNumber(localDayNumber(at, timeZone)),
      time: clockText(at, timeZone),
    });
  }
  return rows.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.time < b.time ? -1 : a.time > b.time ? 1 : 0));
}

/** The columns of `panopticon appointments --format csv`. */
export const APPOINTMENTS_CSV_COLUMNS = ['leadId', 'name', 'locator', 'stage', 'status', 'date', 'time'] as const;

/** An appointment's CSV cells, in {@link APPOINTMENTS_CSV_COLUMNS} order. */
export function appointmentCsvCells(a: Pick<AppointmentRow, 'id' | 'name' | 'locator' | 'stage' | 'status' | 'day' | 'time'>): Cell[] {
  return [a.id, a.name, a.locator, a.stage, a.status, a.day, a.time];
}

/** The appointment list's ranges: the as-of day, its week (Monday to Sunday), its calendar month, or every appointment. */
export const APPOINTMENT_RANGES = ['today', 'week', 'month', 'all'] as const;
export type AppointmentRange = (typeof APPOINTMENT_RANGES)[number];

/** A range's first and last day numbers (days since 1970-01-01) around the as-of day's, as the page's calendar counts them (client/dates.ts); `all` is unbounded. */
export function appointmentRangeDays(range: AppointmentRange, today: number): [number, number] {
  if (range === 'today') return [today, today];
  if (range === 'week') {
    const monday = today - weekdayOf(today);
    return [monday, monday + 6];
  }
  if (range === 'month') return monthOf(today);
  return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
}
