/**
 * The lead dialog's facts of every lead the page names, as the page embeds them: in columns (one array a
 * field, not one object a lead), the lead's id and name as an index into the page's shared lead table and
 * the names of stages, locators, teams, statuses and reasons as indexes into its shared dictionary
 * (page-tables.ts), small numbers packed (codes.ts), the creation as wall-clock minutes from the earliest and
 * every other instant as minutes from the one before it. Each lead's visits and owner changes follow one
 * another in flat columns, with a count a lead. Platform-neutral: the page builder encodes (page.ts), the
 * page's script decodes one lead at a time when its dialog opens (client/lead-dialog.ts).
 *
 * @module
 */
import type { FollowUpStatus } from '@panopticon/core';
import {
  deltas,
  minuteOf,
  minuteText,
  packCodes,
  packNullable,
  undoDeltas,
  unpackCodes,
  unpackNullable,
  wordOf,
  type Codes,
  type NullableCodes,
} from './codes.js';
import type { LeadDetail } from './page-data.js';
import type { SharedTables, SharedTablesBuilder } from './page-tables.js';

/** {@link LeadDetail}s in columns; word columns index the shared dictionary (-1 = none). */
export interface LeadDetailColumns {
  /** Index into the shared lead table (id and name). */
  lead: number[];
  locator: Codes;
  team: Codes;
  stage: Codes;
  status: Codes;
  reason: Codes;
  reasonDays: NullableCodes;
  /** The wall-clock minute `created` counts from. */
  base: number;
  /** Minutes from `base`, in the order of the rows. */
  created: number[];
  /** Minutes from the lead's creation; `null` = none. */
  firstContact: NullableCodes;
  responseMinutes: (number | null)[];
  appointment: NullableCodes;
  daysSinceAppointment: NullableCodes;
  /** Minutes from the lead's creation; `null` = none. */
  progress: NullableCodes;
  daysInStage: NullableCodes;
  /** How many visits each lead has; its visits follow those of the leads before it. */
  visitCount: Codes;
  visitStage: Codes;
  /** Minutes from the lead's previous instant (its creation, then the previous visit's end or start). */
  visitEntered: Codes;
  /** Minutes from the visit's start; `null` = still there. */
  visitLeft: NullableCodes;
  /**
   * The visit's days: when `visitTenths` (every one a whole number of tenths), in tenths less those of its
   * wall-clock minutes (mostly 0: a closed visit's days are its minutes' within a tenth); else as they are.
   */
  visitDays: Codes;
  visitTenths: boolean;
  /** How many owner changes each lead has; -1 = none recorded in the data. */
  ownerCount: Codes;
  ownerLocator: Codes;
  /** Minutes from the lead's creation, then from the change before. */
  ownerAt: Codes;
}

/** A visit's days in tenths as its wall-clock minutes give them (0 for a visit still running). */
const tenthsOf = (minutes: number | null) => (minutes === null ? 0 : Math.round((minutes / 1440) * 10));

const since = (text: string | null, from: number) => (text === null ? null : minuteOf(text) - from);
const back = (minutes: number | null | undefined, from: number) =>
  minutes === null || minutes === undefined ? null : minuteText(from + minutes);

/** Encodes the details in columns, adding their leads and words to the shared tables. */
export function leadDetailColumns(details: readonly LeadDetail[], shared: SharedTablesBuilder): LeadDetailColumns {
  const w = shared.words;
  const created = details.map((d) => minuteOf(d.created));
  const base = created.reduce((a, b) => Math.min(a, b), created[0] ?? 0);
  const visits = details.flatMap((d) => d.visits);
  const visitTenths = visits.every((v) => Number.isInteger(Math.round(v[3] * 10)) && Math.round(v[3] * 10) / 10 === v[3]);
  const visitEntered: number[] = [];
  const visitLeft: (number | null)[] = [];
  const visitDays: number[] = [];
  const ownerAt: number[] = [];
  details.forEach((d, i) => {
    let previous = created[i]!;
    for (const [, entered, left, days] of d.visits) {
      const start = minuteOf(entered);
      visitEntered.push(start - previous);
      const end = left === null ? null : minuteOf(left);
      visitLeft.push(end === null ? null : end - start);
      visitDays.push(visitTenths ? Math.round(days * 10) - tenthsOf(end === null ? null : end - start) : days);
      previous = end ?? start;
    }
    ownerAt.push(
      ...deltas(
        (d.owners ?? []).map(([, at]) => minuteOf(at)),
        created[i]!,
      ),
    );
  });
  return {
    lead: details.map((d) => shared.lead(d.id, d.name)),
    locator: packCodes(details.map((d) => w.maybe(d.locator))),
    team: packCodes(details.map((d) => w.maybe(d.team))),
    stage: packCodes(details.map((d) => w.maybe(d.stage))),
    status: packCodes(details.map((d) => w.index(d.status))),
    reason: packCodes(details.map((d) => w.maybe(d.reason))),
    reasonDays: packNullable(details.map((d) => d.reasonDays)),
    base,
    created: created.map((m) => m - base),
    firstContact: packNullable(details.map((d, i) => since(d.firstContact, created[i]!))),
    responseMinutes: details.map((d) => d.responseMinutes),
    appointment: packNullable(details.map((d, i) => since(d.appointment, created[i]!))),
    daysSinceAppointment: packNullable(details.map((d) => d.daysSinceAppointment)),
    progress: packNullable(details.map((d, i) => since(d.progress, created[i]!))),
    daysInStage: packNullable(details.map((d) => d.daysInStage)),
    visitCount: packCodes(details.map((d) => d.visits.length)),
    visitStage: packCodes(visits.map((v) => w.index(v[0]))),
    visitEntered: packCodes(visitEntered),
    visitLeft: packNullable(visitLeft),
    visitDays: packCodes(visitDays),
    visitTenths,
    ownerCount: packCodes(details.map((d) => (d.owners === null ? -1 : d.owners.length))),
    ownerLocator: packCodes(details.flatMap((d) => (d.owners ?? []).map(([locator]) => w.maybe(locator)))),
    ownerAt: packCodes(ownerAt),
  };
}

/** Decodes one lead at a time: `at(i)` is the details of row `i` as {@link leadDetailColumns} was given them. */
export function leadDetailReader(c: LeadDetailColumns, shared: SharedTables): { ids: string[]; at(i: number): LeadDetail } {
  const { words, leads } = shared;
  const [locator, team, stage, status, reason, visitCount, visitStage, visitDays, ownerCount, ownerLocator] = [
    c.locator,
    c.team,
    c.stage,
    c.status,
    c.reason,
    c.visitCount,
    c.visitStage,
    c.visitDays,
    c.ownerCount,
    c.ownerLocator,
  ].map(unpackCodes) as number[][];
  const [reasonDays, firstContact, appointment, daysSinceAppointment, progress, daysInStage, visitLeft] = [
    c.reasonDays,
    c.firstContact,
    c.appointment,
    c.daysSinceAppointment,
    c.progress,
    c.daysInStage,
    c.visitLeft,
  ].map(unpackNullable);
  const visitEntered = unpackCodes(c.visitEntered);
  const ownerAt = unpackCodes(c.ownerAt);
  // Where each lead's visits and owner changes start.
  const visitStart = undoDeltas(visitCount!.map((n, i) => (i === 0 ? 0 : visitCount![i - 1]!)));
  const ownerStart = undoDeltas(ownerCount!.map((n, i) => (i === 0 ? 0 : Math.max(0, ownerCount![i - 1]!))));
  const at = (i: number): LeadDetail => {
    const created = c.base + c.created[i]!;
    const visits: LeadDetail['visits'] = [];
    let previous = created;
    for (let k = visitStart[i]!, end = k + visitCount![i]!; k < end; k++) {
      const start = previous + visitEntered[k]!;
      const left = visitLeft![k] ?? null;
      const stop = left === null ? null : start + left;
      const days = c.visitTenths ? (visitDays![k]! + tenthsOf(left)) / 10 : visitDays![k]!;
      visits.push([words[visitStage![k]!]!, minuteText(start), stop === null ? null : minuteText(stop), days]);
      previous = stop ?? start;
    }
    let owners: LeadDetail['owners'] = null;
    if (ownerCount![i]! >= 0) {
      owners = [];
      let when = created;
      for (let k = ownerStart[i]!, end = k + ownerCount![i]!; k < end; k++) {
        when += ownerAt[k]!;
        owners.push([wordOf(words, ownerLocator![k]!), minuteText(when)]);
      }
    }
    const lead = c.lead[i]!;
    return {
      id: leads.id[lead]!,
      name: leads.name[lead]!,
      locator: wordOf(words, locator![i]!),
      team: wordOf(words, team![i]!),
      stage: wordOf(words, stage![i]!),
      status: words[status![i]!]! as FollowUpStatus,
      reason: wordOf(words, reason![i]!),
      reasonDays: reasonDays![i] ?? null,
      created: minuteText(created),
      firstContact: back(firstContact![i], created),
      responseMinutes: c.responseMinutes[i] ?? null,
      appointment: back(appointment![i], created),
      daysSinceAppointment: daysSinceAppointment![i] ?? null,
      progress: back(progress![i], created),
      daysInStage: daysInStage![i] ?? null,
      visits,
      owners,
    };
  };
  return { ids: c.lead.map((l) => leads.id[l]!), at };
}
