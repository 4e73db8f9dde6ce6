/**
 * The fake org's data: users, leads with their true stage and owner paths, the history-tracking rows,
 * timelines and meetings derived from them, and the mutations a test applies between syncs. Generated
 * from a seed, so the same options always give the same org; or built from core `Lead`s, so a test can
 * serve exactly the leads of a CSV export.
 */
import type { Lead } from '@panopticon/core';
import { formatZohoDateTime } from '../datetime.js';
import { collapseOwners, collapseStages } from '../history.js';
import { compareIds } from '../values.js';
import { createRng, idSequence, type Rng } from './random.js';

const DAY = 86_400_000;
const MINUTE = 60_000;

/**
 * A user of the fake org: a lead owner (locator), with a team.
 *
 * @example
 * ```ts
 * const ana: FakeUser = generateFakeZohoData().user('Ana Souza');
 * ana.email; // 'ana.souza@example.com'
 * ana.team; // 'East'
 * ```
 */
export interface FakeUser {
  id: string;
  name: string;
  email: string;
  team: string | null;
}

/**
 * One stay on a fake lead's stage path: the stage, and when (epoch ms) the lead entered it.
 *
 * @example
 * ```ts
 * const lead = generateFakeZohoData().leads[0]!;
 * const path = lead.stages.map((s: FakeStage) => `${s.stage} since ${new Date(s.at).toISOString()}`);
 * ```
 */
export interface FakeStage {
  stage: string;
  /** Epoch ms, whole seconds. */
  at: number;
}

/**
 * One stay on a fake lead's owner path: the owner, and when (epoch ms) the lead was assigned to them.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData();
 * data.reassign(data.leads[0]!.id, 'Femi Adeyemi', Date.parse('2026-04-01T09:00:00Z'));
 * data.leads[0]!.owners.map((o: FakeOwnerStay) => o.user.name); // [<first owner>, 'Femi Adeyemi']
 * ```
 */
export interface FakeOwnerStay {
  user: FakeUser;
  at: number;
}

/**
 * How a malformed lead record is broken on the wire.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 40, malformed: 4 });
 * const kinds: FakeMalformation[] = data.leads.flatMap((l) => (l.malformed ? [l.malformed] : []));
 * // one of each: 'bad-created-time', 'missing-stage', 'numeric-id', 'bad-appointment'
 * ```
 */
export type FakeMalformation = 'bad-created-time' | 'missing-stage' | 'numeric-id' | 'bad-appointment';

/**
 * A lead of the fake org, with its true stage and owner paths (times in epoch ms); its records, history rows
 * and timeline are derived from them.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 100, appointed: 30 });
 * const lead: FakeLead = data.leads.find((l) => l.appointmentAt !== null && l.malformed === null)!;
 * data.changeStage(lead.id, data.stageNames.green, Date.parse('2026-04-01T09:00:00Z'));
 * lead.stages[lead.stages.length - 1]!.stage; // 'Green - Approved'
 * ```
 */
export interface FakeLead {
  id: string;
  firstName: string;
  lastName: string;
  company: string | null;
  email: string;
  phone: string | null;
  source: string | null;
  createdAt: number;
  modifiedAt: number;
  firstContactAt: number | null;
  appointmentAt: number | null;
  converted: boolean;
  convertedAt: number | null;
  /** The true stage path, ascending, no consecutive repeats; the first entry is at `createdAt`. */
  stages: FakeStage[];
  /** The true owner path, ascending; the first entry is at `createdAt`. */
  owners: FakeOwnerStay[];
  malformed: FakeMalformation | null;
  /** The lead's team; when absent, the current owner's team. */
  team?: string | null;
  /** Unrelated field updates that also appear in the timeline. */
  noise: Array<{ at: number; field: string; old: string | null; new: string | null }>;
}

/**
 * One row of the fake history-tracking module: one stay in one stage, as `Lead_Status_History` records it.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData();
 * const lead = data.leads[0]!;
 * const rows: FakeHistoryRow[] = data.historyRows.filter((r) => r.leadId === lead.id);
 * rows.map((r) => `${r.stage} → ${r.movedTo ?? '(current)'}`);
 * ```
 */
export interface FakeHistoryRow {
  id: string;
  leadId: string;
  stage: string;
  /** Entry time (Modified_Time). */
  at: number;
  movedTo: string | null;
  durationDays: number | null;
  by: FakeUser;
}

/**
 * A meeting of the fake org (Events); it belongs to a lead when `module` is `Leads` and `whatId` is the
 * lead's id.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 50, appointmentsAs: 'events' });
 * const meetings: FakeEvent[] = data.events.filter((e) => e.module === 'Leads' && !e.cancelled);
 * ```
 */
export interface FakeEvent {
  id: string;
  title: string;
  start: number;
  end: number;
  /** The linked record's id (`What_Id`), and its module (`$se_module`). */
  whatId: string | null;
  whatName: string | null;
  module: string;
  cancelled: boolean;
  createdAt: number;
  modifiedAt: number;
  owner: FakeUser;
}

/**
 * Stage names of the fake org's pipeline (the example pipeline's by default).
 *
 * @example
 * ```ts
 * const stages: Partial<FakeStageNames> = { green: 'Approved', delivery: 'Install Requested' };
 * const data = generateFakeZohoData({ leads: 200, stages });
 * data.stageNames.green; // 'Approved'
 * ```
 */
export interface FakeStageNames {
  new: string;
  contacted: string;
  appointment: string;
  followUp: string;
  green: string;
  delivery: string;
  won: string;
  lost: string;
}

/**
 * The fake org's stage names by default: those of the example pipeline.
 *
 * @example
 * ```ts
 * DEFAULT_FAKE_STAGES.green; // 'Green - Approved'
 * generateFakeZohoData().stageNames.won === DEFAULT_FAKE_STAGES.won; // true
 * ```
 */
export const DEFAULT_FAKE_STAGES: Readonly<FakeStageNames> = Object.freeze({
  new: 'New',
  contacted: 'Contacted',
  appointment: 'Appointment Set',
  followUp: 'Follow-Up',
  green: 'Green - Approved',
  delivery: 'Delivery Requested',
  won: 'Green/Delivered',
  lost: 'Lost',
});

/**
 * Options of {@link generateFakeZohoData} (and the `data` option of {@link startFakeZoho}).
 *
 * @example
 * ```ts
 * const options: FakeDataOptions = { seed: 7, leads: 2000, appointed: 600, uncovered: 50, malformed: 4, asOf: '2026-03-31T18:00:00Z' };
 * const fake = await startFakeZoho({ data: options });
 * ```
 */
export interface FakeDataOptions {
  /** Default 1. */
  seed?: number;
  /** Leads to generate. Default 100. */
  leads?: number;
  /** How many of them have an appointment. Default 30 % of `leads`. */
  appointed?: number;
  /** The data's "now": every generated time is before it. Default 2026-03-31T18:00:00Z. */
  asOf?: string | Date;
  /** Leads arrive over this many days before `asOf`. Default 180. */
  days?: number;
  /** The locators (lead owners) and their teams. Default five, as in the sample data. */
  owners?: ReadonlyArray<{ name: string; team?: string | null }>;
  stages?: Partial<FakeStageNames>;
  /** Leads without history-module rows (created before tracking was enabled). Default 0. */
  uncovered?: number;
  /** Share of stays saved twice, which the module records as two consecutive rows. Default 0.05. */
  duplicateRowShare?: number;
  /** Share of leads reassigned to another owner once. Default 0.1. */
  reassignedShare?: number;
  /** Leads whose record is malformed on the wire (bad date, no stage, numeric id, bad appointment), cycling through the kinds. Default 0. */
  malformed?: number;
  /** Where appointments live: the `Appointment_Date` field, meetings in Events, or both. Default `field`. */
  appointmentsAs?: 'field' | 'events' | 'both';
}

/**
 * The fake org's lead owners by default: five locators in two teams, as in the sample data.
 *
 * @example
 * ```ts
 * DEFAULT_FAKE_OWNERS.map((o) => o.name); // ['Ana Souza', 'Ben Carter', 'Chloé Martin', 'Dev Patel', "Erin O'Neill"]
 * const data = generateFakeZohoData({ owners: [...DEFAULT_FAKE_OWNERS, { name: 'Femi Adeyemi', team: 'West' }] });
 * ```
 */
export const DEFAULT_FAKE_OWNERS: ReadonlyArray<{ name: string; team: string }> = [
  { name: 'Ana Souza', team: 'East' },
  { name: 'Ben Carter', team: 'East' },
  { name: 'Chloé Martin', team: 'West' },
  { name: 'Dev Patel', team: 'West' },
  { name: "Erin O'Neill", team: 'East' },
];

const FIRST = ['Joe', 'María', 'Kenji', 'Fatima', 'Liam', 'Olga', 'Tomás', 'Priya', 'Noah', 'Zoë', 'Ahmed', 'Grace', 'Luca', 'Mei', 'Sam', 'Aisha'];
const LAST = ['Nguyen', 'García', 'Smith', 'Kowalski', 'Okafor', 'Müller', 'Rossi', 'Haddad', 'Brown', 'Dubois', 'Ivanova', 'Tanaka'];
const VENUES = ['Gym', 'Laundromat', 'Car Wash', 'Dental Office', 'Warehouse', 'Hotel', 'Library', 'Auto Shop', 'Clinic', 'School'];
const PLACES = ['Riverside', 'Maple', 'Downtown', 'Harbor', 'Oak Hill', 'Northgate', 'Lakeview', 'Elm Street'];
const SOURCES = ['Advertisement', 'Cold Call', 'Employee Referral', 'Web Download', 'Trade Show', 'Chat'];
const MALFORMATIONS: FakeMalformation[] = ['bad-created-time', 'missing-stage', 'numeric-id', 'bad-appointment'];

/**
 * A Zoho org in memory. The server reads it on every request, so mutations show up at once.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 200, seed: 5 });
 * const fake = await startFakeZoho({ data });
 * await syncFromEnv(fake.env, { store: dir });
 * const moved = data.randomChanges(10, Date.parse('2026-04-01T09:00:00Z')); // the ids of 10 leads moved one stage on
 * const next = await syncFromEnv(fake.env, { store: dir }); // an incremental sync sees those changes
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
  readonly #byId = new Map<string, FakeLead>();
  readonly #rowIds: () => string;
  readonly #eventIds: () => string;
  readonly #leadIds: () => string;
  readonly #rng: Rng;
  /** Bumped by every mutation (the server caches sorted orders per version). */
  version = 0;

  constructor(users: FakeUser[], stageNames: FakeStageNames, appointmentsAs: 'field' | 'events' | 'both', seed: number) {
    this.users = users;
    this.stageNames = stageNames;
    this.appointmentsAs = appointmentsAs;
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
      full.stages.forEach((s, i) => {
        const next = full.stages[i + 1];
        if (next && duplicateRowShare > 0 && this.#rng.chance(duplicateRowShare)) {
          // Saved twice: a second row with the same value, entered between this stay and the next.
          const mid = Math.floor((s.at + (next.at - s.at) / 2) / 1000) * 1000;
          if (mid > s.at && mid < next.at) {
            this.#pushRow(full, s.stage, s.at, s.stage, mid);
            this.#pushRow(full, s.stage, mid, next.stage, next.at);
            return;
          }
        }
        this.#pushRow(full, s.stage, s.at, next?.stage ?? null, next?.at ?? null);
      });
    }
    return full;
  }

  #pushRow(lead: FakeLead, stage: string, at: number, movedTo: string | null, until: number | null): void {
    this.historyRows.push({
      id: this.#rowIds(),
      leadId: lead.id,
      stage,
      at,
      movedTo,
      durationDays: until === null ? null : Math.floor((until - at) / DAY),
      by: lead.owners[lead.owners.length - 1]!.user,
    });
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
    const open = [...this.historyRows].reverse().find((r) => r.leadId === id && r.movedTo === null);
    if (open) {
      open.movedTo = stage;
      open.durationDays = Math.floor((at - open.at) / DAY);
    }
    this.#pushRow(lead, stage, at, null, null);
  }

  /** Reassigns a lead to the user named `name` at `at`. */
  reassign(id: string, name: string, at: number): void {
    this.version++;
    const lead = this.#must(id);
    at = Math.floor(at / 1000) * 1000;
    const user = this.user(name);
    if (lead.owners[lead.owners.length - 1]!.user !== user) lead.owners.push({ user, at });
    lead.modifiedAt = Math.max(lead.modifiedAt, at);
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
  expectedLeads(options: { historyModule?: boolean; appointmentsFrom?: 'field' | 'events'; ownerHistory?: boolean } = {}): Lead[] {
    const historyModule = options.historyModule ?? true;
    const fromEvents = (options.appointmentsFrom ?? 'field') === 'events';
    const rowsByLead = new Map<string, FakeHistoryRow[]>();
    if (historyModule) for (const r of this.historyRows) (rowsByLead.get(r.leadId) ?? rowsByLead.set(r.leadId, []).get(r.leadId)!).push(r);
    const eventAppointments = fromEvents ? this.eventAppointments() : null;
    return this.leads
      .filter((l) => l.malformed === null)
      .sort((a, b) => compareIds(a.id, b.id))
      .map((l) => {
        const owner = l.owners[l.owners.length - 1]!.user;
        const appointmentAt = eventAppointments ? (eventAppointments.get(l.id) ?? null) : l.appointmentAt;
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
          ? collapseStages([...rows].sort((a, b) => a.at - b.at || compareIds(a.id, b.id)).map((r) => ({ stage: r.stage, at: new Date(r.at) })))
          : [];
        // The ledger is complete when its first row is the creation row; otherwise appointed leads are read from the timeline.
        const complete = fromRows.length > 0 && fromRows[0]!.at.getTime() - l.createdAt <= 5 * MINUTE;
        if (complete) {
          lead.stageHistory = fromRows;
          if (options.ownerHistory && appointmentAt !== null) lead.ownerHistory = collapseOwners(l.owners.map((o) => ({ locator: o.user.name, at: new Date(o.at) })));
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
  eventAppointments(): Map<string, number> {
    const out = new Map<string, number>();
    for (const e of this.events) {
      if (e.module !== 'Leads' || e.cancelled || e.whatId === null) continue;
      const current = out.get(e.whatId);
      if (current === undefined || e.start > current) out.set(e.whatId, e.start);
    }
    return out;
  }

  // ---------------------------------------------------------------- wire shapes

  /** A lead as Get Records returns it (all fields; the server keeps only the requested ones). */
  leadRecord(lead: FakeLead, offsetMinutes: number): Record<string, unknown> {
    const dt = (ms: number | null) => (ms === null ? null : formatZohoDateTime(ms, offsetMinutes));
    const owner = lead.owners[lead.owners.length - 1]!.user;
    const record: Record<string, unknown> = {
      id: lead.id,
      Owner: { name: owner.name, id: owner.id, email: owner.email },
      First_Name: lead.firstName,
      Last_Name: lead.lastName,
      Full_Name: fullName(lead),
      Company: lead.company,
      Email: lead.email,
      Phone: lead.phone,
      Lead_Status: lead.stages[lead.stages.length - 1]!.stage,
      Lead_Source: lead.source,
      Team: lead.team !== undefined ? lead.team : owner.team,
      Created_Time: dt(lead.createdAt),
      Modified_Time: dt(lead.modifiedAt),
      Last_Activity_Time: dt(lead.modifiedAt),
      First_Contact_Time: dt(lead.firstContactAt),
      Appointment_Date: this.appointmentsAs === 'events' ? null : dt(lead.appointmentAt),
      Converted__s: lead.converted,
      Converted_Date_Time: dt(lead.convertedAt),
      Created_By: { name: owner.name, id: owner.id, email: owner.email },
      Modified_By: { name: owner.name, id: owner.id, email: owner.email },
    };
    switch (lead.malformed) {
      case 'bad-created-time':
        record.Created_Time = '2025-02-30T25:61:00+05:30';
        break;
      case 'missing-stage':
        record.Lead_Status = null;
        break;
      case 'numeric-id':
        // What a careless JSON encoder would send: the number loses its last digits on the way.
        record.id = Number(lead.id);
        break;
      case 'bad-appointment':
        record.Appointment_Date = 'next Tuesday';
        break;
      default:
        break;
    }
    return record;
  }

  /** A history-module row. */
  historyRecord(row: FakeHistoryRow, offsetMinutes: number): Record<string, unknown> {
    const lead = this.#byId.get(row.leadId);
    return {
      id: row.id,
      Full_Name: { name: lead ? `${lead.firstName} ${lead.lastName}` : null, id: row.leadId },
      Lead_Status: row.stage,
      Moved_To__s: row.movedTo,
      Duration_Days: row.durationDays,
      Modified_Time: formatZohoDateTime(row.at, offsetMinutes),
      Modified_By: { name: row.by.name, id: row.by.id, email: row.by.email },
      Lead_Owner: lead ? { name: lead.owners[lead.owners.length - 1]!.user.name, id: lead.owners[lead.owners.length - 1]!.user.id } : null,
    };
  }

  /** A meeting as Get Records on Events returns it. */
  eventRecord(event: FakeEvent, offsetMinutes: number): Record<string, unknown> {
    const dt = (ms: number) => formatZohoDateTime(ms, offsetMinutes);
    return {
      id: event.id,
      Event_Title: event.title,
      Start_DateTime: dt(event.start),
      End_DateTime: dt(event.end),
      All_day: false,
      What_Id: event.whatId === null ? null : { name: event.whatName, id: event.whatId },
      $se_module: event.module,
      $event_cancelled: event.cancelled,
      Owner: { name: event.owner.name, id: event.owner.id, email: event.owner.email },
      Created_Time: dt(event.createdAt),
      Modified_Time: dt(event.modifiedAt),
    };
  }

  /** The lead's timeline, newest first (Zoho's order). */
  timeline(lead: FakeLead, offsetMinutes: number): Array<Record<string, unknown>> {
    const dt = (ms: number) => formatZohoDateTime(ms, offsetMinutes);
    const name = `${lead.firstName} ${lead.lastName}`;
    const record = { name, id: lead.id, module: { api_name: 'Leads', id: '5725767000000002175' } };
    const entries: Array<{ at: number; entry: Record<string, unknown> }> = [];
    let n = 0;
    const entryId = () => `${lead.id.slice(0, 10)}${String(900_000_000 + n++).padStart(9, '0')}`;
    const by = (u: FakeUser) => ({ name: u.name, id: u.id });
    const first = lead.owners[0]!.user;
    entries.push({
      at: lead.createdAt,
      entry: { id: entryId(), audited_time: dt(lead.createdAt), action: 'added', source: 'crm_ui', type: null, extension: null, done_by: by(first), record, related_record: null, automation_details: null, field_history: null },
    });
    lead.stages.slice(1).forEach((s, i) => {
      entries.push({
        at: s.at,
        entry: {
          id: entryId(),
          audited_time: dt(s.at),
          action: 'updated',
          source: 'crm_ui',
          type: null,
          extension: null,
          done_by: by(lead.owners[0]!.user),
          record,
          related_record: null,
          automation_details: null,
          field_history: [
            { api_name: 'Lead_Status', field_label: 'Lead Status', id: '5725767000000002611', data_type: 'picklist', _value: { old: lead.stages[i]!.stage, new: s.stage } },
          ],
        },
      });
    });
    lead.owners.slice(1).forEach((o, i) => {
      entries.push({
        at: o.at,
        entry: {
          id: entryId(),
          audited_time: dt(o.at),
          action: 'updated',
          source: 'crm_ui',
          type: null,
          extension: null,
          done_by: by(o.user),
          record,
          related_record: null,
          automation_details: null,
          field_history: [{ api_name: 'Owner', field_label: 'Lead Owner', id: '5725767000000002593', data_type: 'ownerlookup', _value: { old: lead.owners[i]!.user.name, new: o.user.name } }],
        },
      });
    });
    for (const x of lead.noise) {
      entries.push({
        at: x.at,
        entry: {
          id: entryId(),
          audited_time: dt(x.at),
          action: 'updated',
          source: 'crm_ui',
          type: null,
          extension: null,
          done_by: by(first),
          record,
          related_record: null,
          automation_details: null,
          field_history: [{ api_name: x.field, field_label: x.field.replace(/_/g, ' '), id: '5725767000000002001', data_type: 'text', _value: { old: x.old, new: x.new } }],
        },
      });
    }
    return entries.sort((a, b) => b.at - a.at).map((e) => e.entry);
  }
}

function fullName(lead: FakeLead): string {
  return [lead.firstName, lead.lastName].filter((p) => p !== '').join(' ');
}

function makeUser(name: string, team: string | null, index: number): FakeUser {
  const email = `${name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@example.com`;
  return { id: String(5725767000000411001n + BigInt(index) * 1000n), name, email, team };
}

/**
 * Generates a seeded org: leads over `days` before `asOf`, a share appointed, with histories, owners and
 * meetings.
 *
 * @example
 * ```ts
 * const data = generateFakeZohoData({ leads: 500, appointed: 150, seed: 2 });
 * data.leads.length; // 500
 * generateFakeZohoData({ leads: 500, appointed: 150, seed: 2 }).leads[0]!.id === data.leads[0]!.id; // true: same seed, same org
 * ```
 */
export function generateFakeZohoData(options: FakeDataOptions = {}): FakeZohoData {
  const seed = options.seed ?? 1;
  const rng = createRng(seed);
  const count = Math.max(0, Math.floor(options.leads ?? 100));
  const appointedCount = Math.min(count, Math.max(0, Math.floor(options.appointed ?? Math.round(count * 0.3))));
  const asOf = Math.floor(new Date(options.asOf ?? '2026-03-31T18:00:00Z').getTime() / 1000) * 1000;
  const days = options.days ?? 180;
  const stages: FakeStageNames = { ...DEFAULT_FAKE_STAGES, ...options.stages };
  const users = (options.owners ?? DEFAULT_FAKE_OWNERS).map((o, i) => makeUser(o.name, o.team ?? null, i));
  const appointmentsAs = options.appointmentsAs ?? 'field';
  const data = new FakeZohoData(users, stages, appointmentsAs, seed);
  const duplicateRowShare = options.duplicateRowShare ?? 0.05;
  const reassignedShare = options.reassignedShare ?? 0.1;

  // Which leads are appointed, uncovered by the history module, and malformed: fixed sets of indices.
  const order = rng.shuffle([...Array(count).keys()]);
  const appointed = new Set(order.slice(0, appointedCount));
  const uncovered = new Set(rng.shuffle([...Array(count).keys()]).slice(0, Math.min(count, options.uncovered ?? 0)));
  const malformedList = rng.shuffle([...Array(count).keys()]).slice(0, Math.min(count, options.malformed ?? 0));
  const malformed = new Map(malformedList.map((index, k) => [index, MALFORMATIONS[k % MALFORMATIONS.length]!]));

  // Arrival times ascending, so ids grow with creation time as Zoho's do.
  const created = Array.from({ length: count }, () => Math.floor((asOf - rng.between(1, days) * DAY) / 1000) * 1000).sort((a, b) => a - b);
  const sec = (ms: number) => Math.floor(ms / 1000) * 1000;

  for (let i = 0; i < count; i++) {
    const createdAt = created[i]!;
    const owner = rng.pick(users);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const path: FakeStage[] = [{ stage: stages.new, at: createdAt }];
    let t = createdAt;
    const step = (minMinutes: number, maxMinutes: number) => {
      t = sec(t + rng.between(minMinutes, maxMinutes) * MINUTE);
      return t;
    };
    let firstContactAt: number | null = null;
    let appointmentAt: number | null = null;
    if (appointed.has(i)) {
      firstContactAt = step(3, 600);
      path.push({ stage: stages.contacted, at: firstContactAt });
      path.push({ stage: stages.appointment, at: step(60, 3 * 1440) });
      appointmentAt = sec(t + rng.int(2, 14) * DAY + rng.int(0, 8) * 3_600_000);
      t = appointmentAt;
      const r = rng.next();
      if (r < 0.25) {
        // nobody moved it
      } else if (r < 0.45) {
        path.push({ stage: stages.followUp, at: step(1440, 6 * 1440) });
        if (rng.chance(0.5)) path.push({ stage: stages.lost, at: step(2 * 1440, 20 * 1440) });
      } else if (r < 0.55) {
        path.push({ stage: stages.lost, at: step(1440, 6 * 1440) });
      } else {
        path.push({ stage: stages.green, at: step(1440, 6 * 1440) });
        if (rng.chance(0.75)) {
          path.push({ stage: stages.delivery, at: step(2 * 1440, 10 * 1440) });
          if (rng.chance(0.75)) path.push({ stage: stages.won, at: step(3 * 1440, 12 * 1440) });
        }
      }
    } else if (rng.chance(0.85)) {
      firstContactAt = step(2, 900);
      path.push({ stage: stages.contacted, at: firstContactAt });
      if (rng.chance(0.3)) path.push({ stage: stages.lost, at: step(1440, 20 * 1440) });
    }
    const kept = path.filter((s) => s.at <= asOf - MINUTE);
    if (firstContactAt !== null && firstContactAt > asOf - MINUTE) firstContactAt = null;
    const owners: FakeOwnerStay[] = [{ user: owner, at: createdAt }];
    if (rng.chance(reassignedShare) && asOf - createdAt > 2 * DAY) {
      const other = rng.pick(users.filter((u) => u !== owner).length ? users.filter((u) => u !== owner) : users);
      owners.push({ user: other, at: sec(createdAt + rng.between(1, (asOf - createdAt) / DAY - 1) * DAY) });
    }
    const noise = rng.chance(0.5) ? [{ at: sec(createdAt + rng.between(5, 300) * MINUTE), field: 'Phone', old: null, new: `+1 555 01${rng.int(10, 99)}` }] : [];
    const lastChange = Math.max(...kept.map((s) => s.at), ...owners.map((o) => o.at), ...noise.map((x) => x.at).filter((x) => x <= asOf));
    const won = kept[kept.length - 1]!.stage === stages.won;
    data.addLead(
      {
        firstName: first,
        lastName: last,
        company: rng.chance(0.9) ? `${rng.pick(PLACES)} ${rng.pick(VENUES)}` : null,
        email: `${first.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${i}@example.net`,
        phone: noise.length ? noise[0]!.new : null,
        source: rng.chance(0.95) ? rng.pick(SOURCES) : null,
        createdAt,
        modifiedAt: Math.min(asOf, lastChange + 1000),
        firstContactAt,
        appointmentAt,
        converted: won,
        convertedAt: won ? kept[kept.length - 1]!.at : null,
        stages: kept,
        owners: owners.filter((o) => o.at <= asOf),
        malformed: malformed.get(i) ?? null,
        noise: noise.filter((x) => x.at <= asOf),
      },
      !uncovered.has(i),
      duplicateRowShare,
    );
    if (appointmentAt !== null && appointmentsAs !== 'field') {
      const lead = data.leads[data.leads.length - 1]!;
      const whatName = `${first} ${last}`;
      if (rng.chance(0.2)) {
        // A booking that was cancelled and rebooked, and sometimes an earlier intro call.
        data.addEvent({ title: 'Site visit (cancelled)', start: sec(appointmentAt + DAY), end: sec(appointmentAt + DAY + 3_600_000), whatId: lead.id, whatName, module: 'Leads', cancelled: true, createdAt: sec(appointmentAt - 5 * DAY), modifiedAt: sec(appointmentAt - 2 * DAY), owner });
      }
      if (rng.chance(0.2)) {
        data.addEvent({ title: 'Intro call', start: sec(appointmentAt - 2 * DAY), end: sec(appointmentAt - 2 * DAY + 1_800_000), whatId: lead.id, whatName, module: 'Leads', cancelled: false, createdAt: sec(appointmentAt - 4 * DAY), modifiedAt: sec(appointmentAt - 4 * DAY), owner });
      }
      data.addEvent({ title: `Site visit: ${lead.company ?? last}`, start: appointmentAt, end: sec(appointmentAt + 3_600_000), whatId: lead.id, whatName, module: 'Leads', cancelled: false, createdAt: sec(appointmentAt - 3 * DAY), modifiedAt: sec(appointmentAt - 3 * DAY), owner });
    }
  }
  if (appointmentsAs !== 'field') {
    // Meetings on other modules, which the adapter must ignore.
    for (let k = 0; k < Math.ceil(count / 20); k++) {
      const at = sec(asOf - rng.between(1, days) * DAY);
      data.addEvent({ title: 'Account review', start: at, end: at + 3_600_000, whatId: String(5725767000030000000n + BigInt(k)), whatName: 'Some Account', module: 'Accounts', cancelled: false, createdAt: at - DAY, modifiedAt: at - DAY, owner: users[0]! });
    }
  }
  return data;
}

/**
 * An org holding exactly these leads (e.g. loaded from a CSV export): owners are created from the
 * locators, stage and owner histories become module rows (when `covered`) and timelines.
 *
 * @example
 * ```ts
 * const { leads } = await loadCsv({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone: 'America/New_York' });
 * const fake = await startFakeZoho({ data: fakeZohoDataFromLeads(leads) });
 * const result = await syncFromEnv(fake.env); // the same leads, read through the Zoho API
 * ```
 */
export function fakeZohoDataFromLeads(leads: readonly Lead[], options: { covered?: boolean; appointmentsAs?: 'field' | 'events' | 'both'; seed?: number } = {}): FakeZohoData {
  const data = new FakeZohoData([], { ...DEFAULT_FAKE_STAGES }, options.appointmentsAs ?? 'field', options.seed ?? 1);
  for (const lead of leads) {
    const createdAt = lead.createdAt.getTime();
    const history = collapseStages(lead.stageHistory.length ? lead.stageHistory : [{ stage: lead.stage, at: lead.createdAt }]);
    const stages = history.map((s) => ({ stage: s.stage, at: s.at.getTime() }));
    if (stages[0]!.at > createdAt) stages.unshift({ stage: stages[0]!.stage, at: createdAt });
    const ownerPath = lead.ownerHistory?.length ? collapseOwners(lead.ownerHistory) : [{ locator: lead.locator, at: lead.createdAt }];
    const owners = ownerPath.map((o) => ({ user: data.user(o.locator ?? 'Unassigned', o.locator === lead.locator ? (lead.team ?? null) : null), at: o.at.getTime() }));
    const [firstName, ...rest] = lead.name.split(' ');
    const times = [createdAt, ...stages.map((s) => s.at), ...owners.map((o) => o.at)];
    data.addLead(
      {
        id: lead.id,
        firstName: rest.length ? (firstName ?? '') : '',
        lastName: rest.length ? rest.join(' ') : (firstName ?? ''),
        company: lead.company ?? null,
        email: `lead.${lead.id}@example.net`,
        phone: null,
        source: lead.source ?? null,
        createdAt,
        modifiedAt: Math.max(...times),
        firstContactAt: lead.firstContactAt?.getTime() ?? null,
        appointmentAt: lead.appointmentAt?.getTime() ?? null,
        converted: false,
        convertedAt: null,
        stages,
        owners,
        malformed: null,
        team: lead.team ?? null,
        noise: [],
      },
      options.covered ?? true,
    );
  }
  return data;
}
