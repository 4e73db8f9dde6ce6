/**
 * The lead dialog's facts of every lead the page names, as the page embeds them: in columns (one array a
 * field, not one object a lead), the names of stages, locators, teams, statuses and reasons written once
 * and referred to by index, and every instant as a whole number of wall-clock minutes from the earliest
 * one. A 10,000-lead page holds a third of the bytes the objects took. Platform-neutral: the page builder
 * encodes (page.ts), the page's script decodes one lead at a time when its dialog opens
 * (client/lead-dialog.ts).
 *
 * @module
 */
import type { FollowUpStatus } from '@panopticon/core';
import type { LeadDetail, LeadDetailColumns } from './page-data.js';

const MS_MINUTE = 60_000;

/** "YYYY-MM-DD HH:MM" as a count of wall-clock minutes (the text read as if it were UTC: no zone involved). */
function minuteOf(text: string): number {
  const [date, time] = text.split(' ') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return Date.UTC(y, m - 1, d, h, min) / MS_MINUTE;
}

/** The wall-clock minute back as "YYYY-MM-DD HH:MM". */
function textOf(minute: number): string {
  return new Date(minute * MS_MINUTE).toISOString().slice(0, 16).replace('T', ' ');
}

/** Encodes the details in columns. */
export function leadDetailColumns(details: readonly LeadDetail[]): LeadDetailColumns {
  const words: string[] = [];
  const index = new Map<string, number>();
  const word = (text: string): number => {
    let i = index.get(text);
    if (i === undefined) {
      i = words.length;
      words.push(text);
      index.set(text, i);
    }
    return i;
  };
  const maybeWord = (text: string | null) => (text === null ? null : word(text));
  let base = Number.POSITIVE_INFINITY;
  for (const d of details) base = Math.min(base, minuteOf(d.created), ...d.visits.map((v) => minuteOf(v[1])));
  if (!Number.isFinite(base)) base = 0;
  const at = (text: string) => minuteOf(text) - base;
  const maybeAt = (text: string | null) => (text === null ? null : at(text));
  return {
    words,
    base,
    id: details.map((d) => d.id),
    name: details.map((d) => d.name),
    locator: details.map((d) => maybeWord(d.locator)),
    team: details.map((d) => maybeWord(d.team)),
    stage: details.map((d) => maybeWord(d.stage)),
    status: details.map((d) => word(d.status)),
    reason: details.map((d) => maybeWord(d.reason)),
    reasonDays: details.map((d) => d.reasonDays),
    created: details.map((d) => at(d.created)),
    firstContact: details.map((d) => maybeAt(d.firstContact)),
    responseMinutes: details.map((d) => d.responseMinutes),
    appointment: details.map((d) => maybeAt(d.appointment)),
    daysSinceAppointment: details.map((d) => d.daysSinceAppointment),
    progress: details.map((d) => maybeAt(d.progress)),
    daysInStage: details.map((d) => d.daysInStage),
    visits: details.map((d) => d.visits.flatMap(([stage, entered, left, days]) => [word(stage), at(entered), maybeAt(left), days])),
    owners: details.map((d) => (d.owners === null ? null : d.owners.flatMap(([locator, when]) => [maybeWord(locator), at(when)]))),
  };
}

/** The details of the lead at row `i`, as {@link leadDetailColumns} was given them. */
export function leadDetailAt(c: LeadDetailColumns, i: number): LeadDetail {
  const word = (n: number | null | undefined) => (n === null || n === undefined ? null : c.words[n]!);
  const at = (n: number | null | undefined) => (n === null || n === undefined ? null : textOf(c.base + n));
  const visits: LeadDetail['visits'] = [];
  const v = c.visits[i]!;
  for (let k = 0; k < v.length; k += 4) visits.push([word(v[k])!, at(v[k + 1])!, at(v[k + 2]), v[k + 3]!]);
  const o = c.owners[i]!;
  let owners: LeadDetail['owners'] = null;
  if (o !== null) {
    owners = [];
    for (let k = 0; k < o.length; k += 2) owners.push([word(o[k]), at(o[k + 1])!]);
  }
  return {
    id: c.id[i]!,
    name: c.name[i]!,
    locator: word(c.locator[i]),
    team: word(c.team[i]),
    stage: word(c.stage[i]),
    status: word(c.status[i]) as FollowUpStatus,
    reason: word(c.reason[i]),
    reasonDays: c.reasonDays[i] ?? null,
    created: at(c.created[i])!,
    firstContact: at(c.firstContact[i]),
    responseMinutes: c.responseMinutes[i] ?? null,
    appointment: at(c.appointment[i]),
    daysSinceAppointment: c.daysSinceAppointment[i] ?? null,
    progress: at(c.progress[i]),
    daysInStage: c.daysInStage[i] ?? null,
    visits,
    owners,
  };
}
