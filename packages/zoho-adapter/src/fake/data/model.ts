/**
 * The shapes of the fake org's data (users, leads with their true stage and owner paths, history-module
 * rows, meetings), its stage names and owners by default, and the generator's options.
 */

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
  /** The lead's owner during this row. */
  owner: FakeUser;
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
  /**
   * The history module tracks the owner too: it writes a row on each owner change, and each row's
   * `Lead_Owner` is the owner during it. Default false: `Lead_Owner` only shows the current owner.
   */
  ownerRows?: boolean;
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
