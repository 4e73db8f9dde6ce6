/**
 * Snapshot → `LoadResult`. Everything a sync read is kept raw in the snapshot; this turns it into leads
 * with their histories, every problem into a data issue, and every input row into the counts. Full and
 * incremental syncs, and offline loads, all end here, so they agree by construction.
 */
import {
  LeadSchema,
  type DataIssue,
  type Lead,
  type LoadResult,
  type LoadStats,
  type OwnerChange,
  type StageChange,
} from '@panopticon/core';
import { appointmentsFromEvents } from './events.js';
import { collapseOwners, collapseStages, ownerHistoryFromRows, parseHistoryRow, stageHistoryFromRows, type HistoryRow } from './history.js';
import { mapLeadRecord, type LeadFields } from './map-lead.js';
import type { ResolvedAppointmentSource, ZohoFieldMapping, ZohoHistoryModuleConfig } from './mapping.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import type { SnapshotObserved, SnapshotTimeline, ZohoSnapshot } from './snapshot.js';
import { compareIds, hasField } from './values.js';

/**
 * The resolved settings that shape how records become leads.
 *
 * @example
 * ```ts
 * const config: LeadReadConfig = resolveReadConfig({ timeZone: 'America/New_York', history: null });
 * const snapshot = await fileSnapshotStore('.panopticon/zoho').read();
 * if (snapshot) console.log(loadResultFromSnapshot(snapshot, config).leads.length);
 * ```
 */
export interface LeadReadConfig {
  mapping: ZohoFieldMapping;
  /** The history-tracking module, or null when the org has none (or it should not be used). */
  history: ZohoHistoryModuleConfig | null;
  appointments: ResolvedAppointmentSource;
  /** Zone for values without an offset. */
  timeZone: string;
  /**
   * When history tracking was switched on. Leads created before it have an incomplete ledger, so appointed
   * ones also get their timeline read. Null: the ledger is taken as complete.
   */
  historySince: Date | null;
  /**
   * Owner changes for every appointed lead: from the history module's rows where it tracks the owner
   * (`history.owner`), else from the lead's timeline, also where the module covers its stages. Default true.
   */
  ownerHistory?: boolean;
}

interface Prepared {
  rowsByLead: Map<string, HistoryRow[]>;
  /** The module's owner column changes within some lead's rows: it tracks owners (see {@link ownersTracked}). */
  ownersTracked: boolean;
  appointmentsByLead: Map<string, Date> | null;
  issues: DataIssue[];
  inputs: NonNullable<LoadStats['inputs']>;
}

function prepare(snapshot: ZohoSnapshot, config: LeadReadConfig): Prepared {
  const issues: DataIssue[] = [];
  const inputs: NonNullable<LoadStats['inputs']> = {};
  const rowsByLead = new Map<string, HistoryRow[]>();
  if (config.history && snapshot.historyModule && !snapshot.historyModule.available) {
    issues.push({
      severity: 'warning',
      code: 'history-module-unavailable',
      message: messages.historyModuleUnavailable(
        config.history.module,
        snapshot.historyModule.reason ?? 'unavailable',
        config.mapping.stage,
      ),
      file: `zoho:${config.history.module}`,
    });
  }
  // Rows read while the module was available stay useful even if it has been switched off since.
  if (config.history && (snapshot.historyModule?.available || Object.keys(snapshot.historyRows).length > 0)) {
    let rejected = 0;
    const raw = Object.values(snapshot.historyRows);
    for (const r of raw) {
      const { row, issue } = parseHistoryRow(r, config.history, config.timeZone);
      if (issue) issues.push(issue);
      if (!row) {
        rejected++;
        continue;
      }
      const list = rowsByLead.get(row.leadId);
      if (list) list.push(row);
      else rowsByLead.set(row.leadId, [row]);
    }
    inputs[`zoho:${config.history.module}`] = { rows: raw.length, accepted: raw.length - rejected, rejected };
  }
  let appointmentsByLead: Map<string, Date> | null = null;
  if (config.appointments.from === 'events') {
    const result = appointmentsFromEvents(Object.values(snapshot.events), config.appointments, config.mapping.module, config.timeZone);
    appointmentsByLead = result.byLead;
    issues.push(...result.issues);
    inputs[`zoho:${config.appointments.module}`] = { rows: result.rows, accepted: result.accepted, rejected: result.rejected };
  }
  return { rowsByLead, ownersTracked: ownersTracked(rowsByLead), appointmentsByLead, issues, inputs };
}

/**
 * The read configuration this snapshot supports: appointments from meetings fall back to the lead field
 * when the meetings could not be read (the token lacks their scope).
 */
function effectiveConfig(snapshot: ZohoSnapshot, config: LeadReadConfig): LeadReadConfig {
  if (config.appointments.from !== 'events' || snapshot.eventsUnavailable === undefined) return config;
  return { ...config, appointments: { ...config.appointments, from: 'field' } };
}

function leadContext(config: LeadReadConfig) {
  return {
    mapping: config.mapping,
    timeZone: config.timeZone,
    file: `zoho:${config.mapping.module}`,
    appointmentFromField: config.appointments.from === 'field',
  };
}

/**
 * How far after the lead's creation its first history row may start and still count as its creation row.
 * A lead created after tracking was switched on gets its first row when it is created (its Created_Time);
 * one created before has a ledger that starts later, at its first change after that: a partial ledger.
 */
export const COVERAGE_TOLERANCE_MS = 5 * 60_000;

/**
 * Whether the history module covers a lead's whole life: it has rows, the first starts at the lead's
 * creation, and (when configured) tracking predates the lead.
 */
function fullyCovered(rows: HistoryRow[] | undefined, createdAt: Date, historySince: Date | null): boolean {
  if (rows === undefined || rows.length === 0) return false;
  if (historySince !== null && createdAt.getTime() < historySince.getTime()) return false;
  let first = Infinity;
  for (const r of rows) first = Math.min(first, r.at.getTime());
  return first - createdAt.getTime() <= COVERAGE_TOLERANCE_MS;
}

/**
 * The appointed leads whose stage history must come from the timeline: not fully covered by the history
 * module and not read before. Everything else is cheaper to get another way (or not needed).
 *
 * @example
 * ```ts
 * const snapshot = await fileSnapshotStore('.panopticon/zoho').read();
 * if (snapshot) {
 *   const pending = leadsNeedingTimeline(snapshot, resolveReadConfig({ timeZone: 'America/New_York' }));
 *   console.log(`${pending.length} timelines to read, one call each`);
 * }
 * ```
 */
export function leadsNeedingTimeline(snapshot: ZohoSnapshot, readConfig: LeadReadConfig): LeadFields[] {
  const config = effectiveConfig(snapshot, readConfig);
  const { rowsByLead, ownersTracked, appointmentsByLead } = prepare(snapshot, config);
  const context = leadContext(config);
  const out: LeadFields[] = [];
  for (const id of Object.keys(snapshot.leads).sort(compareIds)) {
    if (snapshot.timelines[id]) continue;
    const { lead } = mapLeadRecord(snapshot.leads[id]!, context);
    if (!lead) continue;
    const appointmentAt = appointmentsByLead ? (appointmentsByLead.get(id) ?? null) : lead.appointmentAt;
    if (appointmentAt === null) continue;
    const rows = rowsByLead.get(id);
    if (fullyCovered(rows, lead.createdAt, config.historySince)) {
      // Stages come from the ledger; owners too where it tracks them, else (when wanted) from the timeline.
      if (config.ownerHistory === false || (ownersTracked && ownersFromRows(rows!, lead.locator) !== null)) continue;
    }
    out.push(lead);
  }
  return out;
}

/**
 * The lead model of everything in a snapshot: leads, data issues, and the accounting of every row read.
 *
 * @example
 * ```ts
 * const snapshot = await fileSnapshotStore('.panopticon/zoho').read();
 * if (snapshot) {
 *   const { leads, issues } = loadResultFromSnapshot(snapshot, resolveReadConfig({ timeZone: 'America/New_York' }));
 *   console.log(`${leads.length} leads, ${issues.length} data issues`);
 * }
 * ```
 */
export function loadResultFromSnapshot(snapshot: ZohoSnapshot, readConfig: LeadReadConfig): LoadResult {
  const config = effectiveConfig(snapshot, readConfig);
  const { rowsByLead, ownersTracked, appointmentsByLead, issues, inputs } = prepare(snapshot, config);
  if (config !== readConfig) {
    issues.push({
      severity: 'warning',
      code: 'events-unavailable',
      message: messages.eventsUnavailable(
        readConfig.appointments.module,
        snapshot.eventsUnavailable ?? 'unavailable',
        config.mapping.appointmentAt,
      ),
      file: `zoho:${readConfig.appointments.module}`,
    });
  }
  const context = leadContext(config);
  const file = context.file;
  const records: ZohoRecord[] = [
    ...Object.keys(snapshot.leads)
      .sort(compareIds)
      .map((id) => snapshot.leads[id]!),
    ...snapshot.invalidLeads,
  ];

  // A mapped field that no record carries is not in the org (or not visible to the API user).
  if (records.length > 0) {
    const { mapping } = config;
    const mapped: Array<[string, string | null]> = [
      ['company', mapping.company],
      ['locator', mapping.locator],
      ['team', mapping.team],
      ['source', mapping.source],
      ['stage', mapping.stage],
      ['createdAt', mapping.createdAt],
      ['assignedAt', mapping.assignedAt],
      ['firstContactAt', mapping.firstContactAt],
      ['appointmentAt', config.appointments.from === 'field' ? mapping.appointmentAt : null],
    ];
    for (const [key, field] of mapped) {
      if (field && !records.some((r) => hasField(r, field))) {
        issues.push({
          severity: 'warning',
          code: 'field-not-in-response',
          message: messages.fieldAbsent(field, key, mapping.module),
          file,
          field,
        });
      }
    }
  }

  const leads: Lead[] = [];
  const leadIds = new Set<string>();
  let rejected = 0;
  for (const record of records) {
    const mapped = mapLeadRecord(record, context);
    issues.push(...mapped.issues);
    if (!mapped.lead) {
      rejected++;
      continue;
    }
    const base = mapped.lead;
    leadIds.add(base.id);
    if (appointmentsByLead) base.appointmentAt = appointmentsByLead.get(base.id) ?? null;
    const rows = rowsByLead.get(base.id);
    const timeline = snapshot.timelines[base.id];
    const observed = snapshot.observed[base.id];
    const stageHistory = chooseStageHistory(rows, timeline, observed, base.createdAt, config.historySince);
    const ownerHistory =
      (ownersTracked && rows && fullyCovered(rows, base.createdAt, config.historySince) ? ownersFromRows(rows, base.locator) : null) ??
      chooseOwnerHistory(timeline, observed);
    const candidate: Lead = { ...base, stageHistory };
    if (ownerHistory) candidate.ownerHistory = ownerHistory;

    const parsed = LeadSchema.safeParse(candidate);
    if (!parsed.success) {
      rejected++;
      for (const issue of parsed.error.issues) {
        const key = String(issue.path[0] ?? '');
        issues.push({
          severity: 'error',
          code: 'invalid-lead',
          message: messages.schemaIssue(issue.path.map(String).join('.'), issue.message),
          file,
          recordId: base.id,
          field: fieldForKey(key, config),
        });
      }
      continue;
    }
    const last = stageHistory[stageHistory.length - 1];
    if (last && last.stage !== base.stage && fullyCovered(rows, base.createdAt, config.historySince)) {
      issues.push({
        severity: 'warning',
        code: 'history-stage-mismatch',
        message: messages.historyStageMismatch(last.stage, base.stage),
        file,
        recordId: base.id,
        field: config.mapping.stage,
        value: base.stage,
      });
    }
    leads.push(candidate);
  }
  inputs[file] = { rows: records.length, accepted: records.length - rejected, rejected };

  if (config.history && rowsByLead.size > 0) {
    let orphans = 0;
    for (const [leadId, rows] of rowsByLead) if (!leadIds.has(leadId) && !snapshot.leads[leadId]) orphans += rows.length;
    if (orphans > 0) {
      issues.push({
        severity: 'warning',
        code: 'history-orphans',
        message: messages.historyOrphans(orphans, config.mapping.module),
        file: `zoho:${config.history.module}`,
      });
    }
  }
  for (const timeline of Object.values(snapshot.timelines)) issues.push(...timeline.issues);

  const totals = Object.values(inputs).reduce(
    (t, i) => ({ rows: t.rows + i.rows, accepted: t.accepted + i.accepted, rejected: t.rejected + i.rejected }),
    {
      rows: 0,
      accepted: 0,
      rejected: 0,
    },
  );
  return { leads, issues, stats: { ...totals, inputs } };
}

function chooseStageHistory(
  rows: HistoryRow[] | undefined,
  timeline: SnapshotTimeline | undefined,
  observed: SnapshotObserved | undefined,
  createdAt: Date,
  historySince: Date | null,
): StageChange[] {
  const seen = (observed?.stage ?? []).map((e) => ({ stage: e.stage, at: new Date(e.at) }));
  // 1. A complete ledger is the truth, extended by changes seen after its last row while it could not be read.
  if (rows && fullyCovered(rows, createdAt, historySince)) {
    const ledger = stageHistoryFromRows(rows);
    const lastAt = ledger[ledger.length - 1]!.at.getTime();
    const later = seen.filter((e) => e.at.getTime() > lastAt);
    return later.length ? collapseStages([...ledger, ...later]) : ledger;
  }
  // 2. The timeline (read once), extended by whatever the ledger or the syncs saw after it was read.
  if (timeline) {
    const fromTimeline = timeline.stage.map((e) => ({ stage: e.stage, at: new Date(e.at) }));
    const lastAt = fromTimeline.length ? fromTimeline[fromTimeline.length - 1]!.at.getTime() : -Infinity;
    const later = [...(rows ? stageHistoryFromRows(rows) : []), ...seen].filter((e) => e.at.getTime() > lastAt);
    return collapseStages([...fromTimeline, ...later]);
  }
  // 3. A partial ledger (tracking switched on after the lead was created), for leads without a timeline.
  if (rows && rows.length) return stageHistoryFromRows(rows);
  // 4. Changes seen between syncs.
  return collapseStages(seen);
}

/**
 * Whether the module's owner column (`history.owner`) records owner changes: some lead's rows name two
 * owners. A column that only copies the current owner onto every row never does, and would hide every
 * reassignment: it is not used (the timelines are read instead), more calls but never a wrong figure. An org
 * whose covered leads were never reassigned is judged the same way, at the same price. (A module that writes
 * no row of its own on an owner change cannot be told apart: docs/zoho.md §5 asks for `owner` only where it does.)
 */
function ownersTracked(rowsByLead: ReadonlyMap<string, readonly HistoryRow[]>): boolean {
  for (const rows of rowsByLead.values()) {
    const first = rows[0]?.owner;
    if (rows.some((r) => r.owner !== undefined && r.owner !== first)) return true;
  }
  return false;
}

/**
 * The owner history the ledger gives, where it tracks the owner (`history.owner`): every row carries one, and
 * the last is the lead's current owner (otherwise the ledger missed a change, and the timeline is asked).
 */
function ownersFromRows(rows: readonly HistoryRow[], currentLocator: string | null): OwnerChange[] | null {
  const owners = ownerHistoryFromRows(rows);
  if (owners === null || owners[owners.length - 1]!.locator !== currentLocator) return null;
  return owners;
}

function chooseOwnerHistory(timeline: SnapshotTimeline | undefined, observed: SnapshotObserved | undefined): OwnerChange[] | undefined {
  if (!timeline && !observed?.owner.length) return undefined;
  const fromTimeline = (timeline?.owner ?? []).map((e) => ({ locator: e.locator, at: new Date(e.at) }));
  const lastAt = fromTimeline.length ? fromTimeline[fromTimeline.length - 1]!.at.getTime() : -Infinity;
  const seen = (observed?.owner ?? []).map((e) => ({ locator: e.locator, at: new Date(e.at) })).filter((e) => e.at.getTime() > lastAt);
  return collapseOwners([...fromTimeline, ...seen]);
}

function fieldForKey(key: string, config: LeadReadConfig): string {
  const m = config.mapping as unknown as Record<string, string | null>;
  if (key === 'stageHistory') return config.history?.module ?? '__timeline';
  if (key === 'ownerHistory') return '__timeline';
  if (key === 'id') return 'id';
  return m[key] ?? key;
}
