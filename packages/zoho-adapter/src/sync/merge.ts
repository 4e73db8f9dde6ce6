/**
 * Step 5 of a sync: merge what was read into the snapshot. A full sync starts from an empty snapshot
 * (keeping only what cannot be read again: the changes seen between syncs); an incremental sync starts
 * from the stored one. Records replace their stored versions by id; in an incremental sync a stage or
 * owner that differs from the stored record is recorded as a change at the record's Modified_Time.
 */
import { parseZohoDateTime } from '../datetime.js';
import type { ZohoFieldMapping } from '../mapping.js';
import type { ZohoRecord } from '../paging.js';
import { emptySnapshot, type ZohoSnapshot } from '../snapshot.js';
import { textValue } from '../values.js';
import type { FetchedHistoryModule, FetchedTimelines } from './fetch-history.js';
import type { SyncPlan } from './plan.js';
import { eventIdOf, historyRowKeyOf, leadIdOf } from './record-ids.js';

/** Where the snapshot of this sync comes from: who wrote it, and when this sync started. */
export interface SnapshotOrigin {
  fingerprint: string;
  dc: string;
  apiDomain: string;
  startedIso: string;
}

/**
 * The snapshot this sync builds on: the stored one in an incremental sync (updated in place by the merges);
 * otherwise a new one, carrying over the stored changes seen between syncs and the first sync's time.
 */
export function startingSnapshot(plan: Pick<SyncPlan, 'mode' | 'previous'>, origin: SnapshotOrigin): ZohoSnapshot {
  const { mode, previous } = plan;
  if (mode === 'incremental' && previous) return previous;
  const working = emptySnapshot(origin.fingerprint, origin.dc, origin.apiDomain, origin.startedIso);
  if (previous) {
    // Changes seen between syncs cannot be read again from Zoho: carry them over.
    working.observed = previous.observed;
    working.firstSyncAt = previous.firstSyncAt;
  }
  return working;
}

/** The records one sync read, each list in arrival order. */
export interface FetchedRecords {
  leads: readonly ZohoRecord[];
  history: FetchedHistoryModule;
  events: readonly ZohoRecord[];
}

/** How lead records are compared with the stored ones. */
export interface ChangeRules {
  /** Record changes against the stored records (incremental syncs). */
  observeChanges: boolean;
  /** Stage changes too, not only owner changes (no complete ledger). */
  observeStages: boolean;
  mapping: Pick<ZohoFieldMapping, 'stage' | 'locator' | 'createdAt'>;
  timeZone: string;
  /** The time of a change whose record has no readable Modified_Time: the sync's start. */
  fallbackIso: string;
}

/**
 * Merges the records read into `snapshot` (updated in place and returned): leads by id (records without an
 * id kept once among the invalid ones), history rows by id with the module's status, events by id.
 */
export function mergeRecords(snapshot: ZohoSnapshot, fetched: FetchedRecords, rules: ChangeRules): ZohoSnapshot {
  for (const record of fetched.leads) {
    const id = leadIdOf(record);
    if (id === null) {
      const text = JSON.stringify(record);
      if (!snapshot.invalidLeads.some((r) => JSON.stringify(r) === text)) snapshot.invalidLeads.push(record);
      continue;
    }
    const prior = snapshot.leads[id];
    if (rules.observeChanges && prior) observeChange(snapshot, id, prior, record, rules);
    snapshot.leads[id] = record;
  }
  for (const row of fetched.history.rows) snapshot.historyRows[historyRowKeyOf(row)] = row;
  snapshot.historyModule = fetched.history.status;
  for (const event of fetched.events) {
    const id = eventIdOf(event);
    if (id !== null) snapshot.events[id] = event;
  }
  return snapshot;
}

/** Merges the histories read from timelines into `snapshot` (updated in place and returned), as read at `fetchedAt`. */
export function mergeTimelines(snapshot: ZohoSnapshot, timelines: FetchedTimelines['histories'], fetchedAt: string): ZohoSnapshot {
  for (const { leadId, history } of timelines) {
    snapshot.timelines[leadId] = {
      fetchedAt,
      stage: history.stage.map((e) => ({ stage: e.stage, at: e.at.toISOString() })),
      owner: history.owner.map((e) => ({ locator: e.locator, at: e.at.toISOString() })),
      issues: history.issues,
    };
  }
  return snapshot;
}

/** Records a stage or owner change between the snapshot's record and the new one, at the new Modified_Time. */
function observeChange(snapshot: ZohoSnapshot, id: string, prior: ZohoRecord, next: ZohoRecord, rules: ChangeRules): void {
  const { mapping, timeZone } = rules;
  const modified = typeof next.Modified_Time === 'string' ? parseZohoDateTime(next.Modified_Time, timeZone) : null;
  const at = modified ? modified.toISOString() : rules.fallbackIso;
  const oldStage = rules.observeStages ? textValue(prior[mapping.stage]) : null;
  const newStage = rules.observeStages ? textValue(next[mapping.stage]) : null;
  const oldOwner = textValue(prior[mapping.locator]);
  const newOwner = textValue(next[mapping.locator]);
  if (oldStage === newStage && oldOwner === newOwner) return;
  const observed = (snapshot.observed[id] ??= { stage: [], owner: [] });
  if (newStage !== null && oldStage !== newStage) {
    if (observed.stage.length === 0 && oldStage !== null) {
      // The stage before the first change we saw: held since creation as far as we know.
      const created = typeof prior[mapping.createdAt] === 'string' ? parseZohoDateTime(prior[mapping.createdAt] as string, timeZone) : null;
      if (created) observed.stage.push({ stage: oldStage, at: created.toISOString() });
    }
    observed.stage.push({ stage: newStage, at });
  }
  if (oldOwner !== newOwner) observed.owner.push({ locator: newOwner, at });
}
