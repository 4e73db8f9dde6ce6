/**
 * The fake org in memory: its users, leads, history-module rows and meetings, and the mutations a test
 * applies between syncs. The server reads it on every request, so mutations show up at once.
 */
import type { Lead } from '@panopticon/core';
import { compareIds } from '../../values.js';
import { createRng, idSequence, type Rng } from '../random.js';
import { eventAppointments, expectedLeads, type ExpectedLeadsOptions } from './expected.js';
import type { FakeEvent, FakeHistoryRow, FakeLead, FakeStageNames, FakeUser } from './model.js';
import { makeUser } from './users.js';
import { eventRecord, historyRecord, leadRecord, leadTimeline } from './wire.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A Zoho org in memory. The server reads it on every request, so mutations show up at once.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 200, seed: 5 });
 * const fake = await startFakeZoho({ data });
 * await syncLeads({ env: fake.env, store: dir });
 * const moved = data.randomChanges(10, Date.parse('2026-04-01T09:00:00Z')); // the ids of 10 leads moved one stage on
 * const next = await syncLeads({ env: fake.env, store: dir }); // an incremental sync sees those changes
 * ```
 */
export class FakeZohoData {
  readonly users: FakeUser[];
  readonly leads: FakeLead[] = [];
  readonly historyRows: FakeHistoryRow[] = [];
  readonly events: FakeEvent[] = [];
  readonly stageNames: FakeStageNames;
  /** Where appointments live. */
  readonly appointmentsAs: 'field' | 'events' | 'both';
  /** The history module tracks the owner too: a row on each owner change, each row carrying its owner. */
  readonly ownerRows: boolean;
  readonly #byId = new Map<string, FakeLead>();
  readonly #rowIds: () => string;
  readonly #eventIds: () => string;
  readonly #leadIds: () => string;
  readonly #rng: Rng;
  /** Leads deleted (to the recycle bin), newest last: what `GET /Leads/deleted` lists. */
  readonly deleted: Array<{ id: string; displayName: string; at: number; by: FakeUser }> = [];
  /** Bumped by every mutation (the server caches sorted orders per version). */
  version = 0;

  constructor(users: FakeUser[], stageNames: FakeStageNames, appointmentsAs: 'field' | 'events' | 'both', seed: number, ownerRows = false) {
    this.users = users;
    this.stageNames = stageNames;
    this.appointmentsAs = appointmentsAs;
    this.ownerRows = ownerRows;
    this.#rng = createRng(seed ^ 0x5eed);
    this.#leadIds = idSequence(5725767000010000000n, this.#rng);
    this.#rowIds = idSequence(5725767000070000000n, this.#rng);
    this.#eventIds = idSequence(5725767000090000000n, this.#rng);
  }

  lead(id: string): FakeLead | undefined {
    return this.#byId.get(id);
  }

  /** Adds a lead (ids must be unique); `covered` gives it history-module rows for its whole path. */
  addLead(lead: Omit<FakeLead, 'id'> & { id?: string }, covered = true, duplicateRowShare = 0): FakeLead {
    this.version++;
    const full: FakeLead = { ...lead, id: lead.id ?? this.#leadIds() };
    if (this.#byId.has(full.id)) throw new Error(`duplicate fake lead id ${full.id}`);
    this.leads.push(full);
    this.#byId.set(full.id, full);
    if (covered) {
      // Where a row starts: each stay, a stay saved twice (split in the middle), and with ownerRows each owner change.
      const starts: Array<{ stage: string; at: number }> = [];
      full.stages.forEach((s, i) => {
        starts.push(s);
        const next = full.stages[i + 1];
        if (next && duplicateRowShare > 0 && this.#rng.chance(duplicateRowShare)) {
          const mid = Math.floor((s.at + (next.at - s.at) / 2) / 1000) * 1000;
          if (mid > s.at && mid < next.at) starts.push({ stage: s.stage, at: mid });
        }
      });
      if (this.ownerRows) {
        for (const o of full.owners.slice(1)) {
          if (!starts.some((x) => x.at === o.at)) starts.push({ stage: latestAt(full.stages, o.at)!.stage, at: o.at });
        }
      }
      starts.sort((a, b) => a.at - b.at);
      starts.forEach((s, i) => {
        const next = starts[i + 1];
        this.#pushRow(full, s.stage, s.at, next?.stage ?? null, next?.at ?? null, latestAt(full.owners, s.at)!.user);
      });
    }
    return full;
  }

  #pushRow(lead: FakeLead, stage: string, at: number, movedTo: string | null, until: number | null, owner?: FakeUser): void {
    const current = lead.owners[lead.owners.length - 1]!.user;
    this.historyRows.push({
      id: this.#rowIds(),
      leadId: lead.id,
      stage,
      at,
      movedTo,
      durationDays: until === null ? null : Math.floor((until - at) / DAY),
      by: current,
      owner: owner ?? current,
    });
  }

  /** Closes the lead's open row (moved to `stage` at `at`) and opens a new one. */
  #nextRow(lead: FakeLead, stage: string, at: number): void {
    const open = [...this.historyRows].reverse().find((r) => r.leadId === lead.id && r.movedTo === null);
    if (open) {
      open.movedTo = stage;
      open.durationDays = Math.floor((at - open.at) / DAY);
    }
    this.#pushRow(lead, stage, at, null, null);
  }

  /** Adds a meeting. */
  addEvent(event: Omit<FakeEvent, 'id'>): FakeEvent {
    this.version++;
    const full = { ...event, id: this.#eventIds() };
    this.events.push(full);
    return full;
  }

  /** The user with this name (created on first use, with the given team). */
  user(name: string, team: string | null = null): FakeUser {
    let user = this.users.find((u) => u.name === name);
    if (!user) {
      user = makeUser(name, team, this.users.length);
      this.users.push(user);
    }
    return user;
  }

  /**
   * Moves a lead to `stage` at `at` (epoch ms): its record's Modified_Time, the history rows (the open
   * row gets Moved_To__s and its duration; a new open row is added) and its timeline all follow.
   * Saving the current stage again only adds a duplicate row, as Zoho does.
   */
  changeStage(id: string, stage: string, at: number): void {
    this.version++;
    const lead = this.#must(id);
    at = Math.floor(at / 1000) * 1000;
    const current = lead.stages[lead.stages.length - 1]!;
    if (at < current.at) throw new Error(`changeStage of ${id}: ${new Date(at).toISOString()} is before the current stay`);
    if (current.stage !== stage) lead.stages.push({ stage, at });
    lead.modifiedAt = Math.max(lead.modifiedAt, at);
    this.#nextRow(lead, stage, at);
  }

  /** Reassigns a lead to the user named `name` at `at`; with `ownerRows`, its history rows record it. */
  reassign(id: string, name: string, at: number): void {
    this.version++;
    const lead = this.#must(id);
    at = Math.floor(at / 1000) * 1000;
    const user = this.user(name);
    if (lead.owners[lead.owners.length - 1]!.user === user) return;
    lead.owners.push({ user, at });
    lead.modifiedAt = Math.max(lead.modifiedAt, at);
    if (this.ownerRows && this.hasRows(id)) this.#nextRow(lead, lead.stages[lead.stages.length - 1]!.stage, at);
  }

  /** Sets (or clears) a lead's appointment at `modifiedAt`; with Events appointments, books a meeting. */
  setAppointment(id: string, appointmentAt: number | null, modifiedAt: number): void {
    this.version++;
    const lead = this.#must(id);
    modifiedAt = Math.floor(modifiedAt / 1000) * 1000;
    lead.appointmentAt = appointmentAt === null ? null : Math.floor(appointmentAt / 1000) * 1000;
    lead.modifiedAt = Math.max(lead.modifiedAt, modifiedAt);
    if (this.appointmentsAs !== 'field' && lead.appointmentAt !== null) {
      this.addEvent({
        title: `Site visit: ${lead.company ?? lead.lastName}`,
        start: lead.appointmentAt,
        end: lead.appointmentAt + 60 * MINUTE,
        whatId: lead.id,
        whatName: `${lead.firstName} ${lead.lastName}`,
        module: 'Leads',
        cancelled: false,
        createdAt: modifiedAt,
        modifiedAt,
        owner: lead.owners[lead.owners.length - 1]!.user,
      });
    }
  }

  /**
   * Moves `count` distinct well-formed leads one step along the pipeline at `at` and returns their ids
   * (seeded: the same seed picks the same leads).
   */
  randomChanges(count: number, at: number, seed = 7): string[] {
    const rng = createRng(seed);
    const s = this.stageNames;
    const next: Record<string, string> = {
      [s.new]: s.contacted,
      [s.contacted]: s.appointment,
      [s.appointment]: s.followUp,
      [s.followUp]: s.green,
      [s.green]: s.delivery,
      [s.delivery]: s.won,
      [s.won]: s.lost,
      [s.lost]: s.contacted,
    };
    const candidates = rng.shuffle(this.leads.filter((l) => l.malformed === null && l.stages[l.stages.length - 1]!.at <= at));
    const chosen = candidates.slice(0, Math.min(count, candidates.length));
    for (const lead of chosen) {
      const current = lead.stages[lead.stages.length - 1]!.stage;
      this.changeStage(lead.id, next[current] ?? s.contacted, at);
    }
    return chosen.map((l) => l.id).sort(compareIds);
  }

  /**
   * Deletes a lead at `at`: it leaves Leads (and its history rows and meetings with it) and is listed by
   * `GET /Leads/deleted` from then on.
   */
  deleteLead(id: string, at: number): void {
    this.version++;
    const lead = this.#must(id);
    this.leads.splice(this.leads.indexOf(lead), 1);
    this.#byId.delete(id);
    for (let i = this.historyRows.length - 1; i >= 0; i--) if (this.historyRows[i]!.leadId === id) this.historyRows.splice(i, 1);
    for (let i = this.events.length - 1; i >= 0; i--) if (this.events[i]!.whatId === id) this.events.splice(i, 1);
    this.deleted.push({ id, displayName: lead.lastName, at: Math.floor(at / 1000) * 1000, by: lead.owners[lead.owners.length - 1]!.user });
  }

  /** Whether the lead has history-module rows. */
  hasRows(id: string): boolean {
    return this.historyRows.some((r) => r.leadId === id);
  }

  #must(id: string): FakeLead {
    const lead = this.#byId.get(id);
    if (!lead) throw new Error(`no fake lead ${id}`);
    return lead;
  }

  /**
   * The leads a correct adapter returns for this org: well-formed leads, ascending by id; stage history
   * from the module rows where a lead has them (collapsed), else, for appointed leads, from the timeline
   * (the whole true path, with the owner path); else empty. `ownerHistory`: appointed leads also have their owner path.
   */
  expectedLeads(options: ExpectedLeadsOptions = {}): Lead[] {
    return expectedLeads(this, options);
  }

  /** Lead id → the latest non-cancelled meeting start. */
  eventAppointments(): Map<string, number> {
    return eventAppointments(this.events);
  }

  // ---------------------------------------------------------------- wire shapes (./wire.ts)

  /** A lead as Get Records returns it (all fields; the server keeps only the requested ones). */
  leadRecord(lead: FakeLead, offsetMinutes: number): Record<string, unknown> {
    return leadRecord(lead, this.appointmentsAs, offsetMinutes);
  }

  /** A history-module row. */
  historyRecord(row: FakeHistoryRow, offsetMinutes: number): Record<string, unknown> {
    return historyRecord(row, this.#byId.get(row.leadId), offsetMinutes, this.ownerRows);
  }

  /** A meeting as Get Records on Events returns it. */
  eventRecord(event: FakeEvent, offsetMinutes: number): Record<string, unknown> {
    return eventRecord(event, offsetMinutes);
  }

  /** The lead's timeline, newest first (Zoho's order). */
  timeline(lead: FakeLead, offsetMinutes: number): Array<Record<string, unknown>> {
    return leadTimeline(lead, offsetMinutes);
  }
}

/** The last entry of an ascending path that started at or before `at`. */
function latestAt<T extends { at: number }>(path: readonly T[], at: number): T | undefined {
  let found: T | undefined;
  for (const e of path) if (e.at <= at) found = e;
  return found ?? path[0];
}
