/**
 * What a correct adapter reads from the fake org: the leads, with the stage and owner histories the history
 * module, the timelines and the meetings give.
 */
import type { Lead } from '@panopticon/core';
import { collapseOwners, collapseStages } from '../../history.js';
import { compareIds } from '../../values.js';
import type { FakeEvent, FakeHistoryRow, FakeLead } from './model.js';
import { fullName } from './users.js';

const MINUTE = 60_000;

/**
 * Which reads the adapter under test does (see `FakeZohoData.expectedLeads`).
 *
 * @example
 * ```ts
 * const options: ExpectedLeadsOptions = { ownerFromRows: true }; // the sync was given history: { owner: 'Lead_Owner' }
 * expect(result.leads).toEqual(data.expectedLeads(options));
 * ```
 */
export interface ExpectedLeadsOptions {
  historyModule?: boolean;
  appointmentsFrom?: 'field' | 'events';
  /** Owner changes are read (the default). */
  ownerHistory?: boolean;
  /** The adapter reads owners from the history module's rows (`history.owner`); the org must track them (`ownerRows`). */
  ownerFromRows?: boolean;
}

/**
 * The leads a correct adapter returns for this org: well-formed leads, ascending by id; stage history
 * from the module rows where a lead has them (collapsed), else, for appointed leads, from the timeline
 * (the whole true path, with the owner path); else empty. `ownerHistory` (default true): appointed leads also
 * have their owner path. `ownerFromRows`: leads the module covers have the owner path its rows give.
 */
export function expectedLeads(
  org: { leads: readonly FakeLead[]; historyRows: readonly FakeHistoryRow[]; events: readonly FakeEvent[] },
  options: ExpectedLeadsOptions = {},
): Lead[] {
  const historyModule = options.historyModule ?? true;
  const fromEvents = (options.appointmentsFrom ?? 'field') === 'events';
  const rowsByLead = new Map<string, FakeHistoryRow[]>();
  if (historyModule) for (const r of org.historyRows) (rowsByLead.get(r.leadId) ?? rowsByLead.set(r.leadId, []).get(r.leadId)!).push(r);
  const appointments = fromEvents ? eventAppointments(org.events) : null;
  return org.leads
    .filter((l) => l.malformed === null)
    .sort((a, b) => compareIds(a.id, b.id))
    .map((l) => {
      const owner = l.owners[l.owners.length - 1]!.user;
      const appointmentAt = appointments ? (appointments.get(l.id) ?? null) : l.appointmentAt;
      const rows = rowsByLead.get(l.id);
      const lead: Lead = {
        id: l.id,
        name: fullName(l),
        company: l.company,
        locator: owner.name,
        team: l.team !== undefined ? l.team : owner.team,
        source: l.source,
        stage: l.stages[l.stages.length - 1]!.stage,
        createdAt: new Date(l.createdAt),
        firstContactAt: l.firstContactAt === null ? null : new Date(l.firstContactAt),
        appointmentAt: appointmentAt === null ? null : new Date(appointmentAt),
        stageHistory: [],
      };
      const fromRows = rows?.length
        ? collapseStages(
            [...rows].sort((a, b) => a.at - b.at || compareIds(a.id, b.id)).map((r) => ({ stage: r.stage, at: new Date(r.at) })),
          )
        : [];
      // The ledger is complete when its first row is the creation row; otherwise appointed leads are read from the timeline.
      const complete = fromRows.length > 0 && fromRows[0]!.at.getTime() - l.createdAt <= 5 * MINUTE;
      if (complete) {
        lead.stageHistory = fromRows;
        if (options.ownerFromRows)
          lead.ownerHistory = collapseOwners(
            [...rows!].sort((a, b) => a.at - b.at || compareIds(a.id, b.id)).map((r) => ({ locator: r.owner.name, at: new Date(r.at) })),
          );
        else if ((options.ownerHistory ?? true) && appointmentAt !== null)
          lead.ownerHistory = collapseOwners(l.owners.map((o) => ({ locator: o.user.name, at: new Date(o.at) })));
      } else if (appointmentAt !== null) {
        lead.stageHistory = l.stages.map((s) => ({ stage: s.stage, at: new Date(s.at) }));
        lead.ownerHistory = collapseOwners(l.owners.map((o) => ({ locator: o.user.name, at: new Date(o.at) })));
      } else {
        lead.stageHistory = fromRows;
      }
      return lead;
    });
}

/** Lead id → the latest non-cancelled meeting start. */
export function eventAppointments(events: readonly FakeEvent[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of events) {
    if (e.module !== 'Leads' || e.cancelled || e.whatId === null) continue;
    const current = out.get(e.whatId);
    if (current === undefined || e.start > current) out.set(e.whatId, e.start);
  }
  return out;
}
