/**
 * Step 6 of a sync: commit. Stamp the snapshot with this sync (times, the next watermark, the call
 * counts), turn it into the lead model, and write it atomically: only a sync that got this far replaces
 * the stored snapshot, so a failure anywhere before leaves the previous one.
 */
import type { DataIssue } from '@panopticon/core';
import { diffStats, type ZohoCallStats, type ZohoClient } from '../client.js';
import { loadResultFromSnapshot, type LeadReadConfig } from '../derive.js';
import { snapshotOrg, type SnapshotStore, type ZohoSnapshot } from '../snapshot.js';
import type { SyncProgressTracker } from './progress.js';
import type { ZohoSyncReport, ZohoSyncResult } from './types.js';

/** A finished sync's times: when it started (epoch ms), the client's clock skew, and the overlap of the next sync. */
export interface SyncTimes {
  started: number;
  /** Zoho's clock minus the local one (from the Date header); null when unknown. */
  clockSkewMs: number | null;
  overlapMs: number;
}

/**
 * Stamps `snapshot` (in place) as written by this sync: its start, and the watermark of the next
 * incremental sync, in Zoho's clock so that a local clock that runs ahead cannot make that sync miss
 * changes.
 */
export function stampSnapshot(snapshot: ZohoSnapshot, mode: 'full' | 'incremental', times: SyncTimes, apiDomain: string): ZohoSnapshot {
  const startedIso = new Date(times.started).toISOString();
  snapshot.lastSyncAt = startedIso;
  if (mode === 'full') snapshot.lastFullSyncAt = startedIso;
  snapshot.watermark = new Date(times.started + (times.clockSkewMs ?? 0) - times.overlapMs).toISOString();
  snapshot.apiDomain = apiDomain;
  return snapshot;
}

/** What the commit needs besides the snapshot. */
export interface CommitContext {
  mode: 'full' | 'incremental';
  times: SyncTimes;
  config: LeadReadConfig;
  client: ZohoClient;
  /** The client's counters when the sync started. */
  before: ZohoCallStats;
  store: SnapshotStore | null;
  now: () => number;
  progress: SyncProgressTracker;
  /** Why a full sync was done when a snapshot existed. */
  reason: string | undefined;
  /** The sync's own warnings (snapshot, timelines), reported before those of the data. */
  issues: DataIssue[];
}

/** Stamps and writes the snapshot (when there is a store) and returns the leads with the sync's report. */
export async function commitSync(snapshot: ZohoSnapshot, ctx: CommitContext): Promise<ZohoSyncResult> {
  const { mode, times, client, store, now, progress } = ctx;
  stampSnapshot(snapshot, mode, times, client.apiDomain);
  const result = loadResultFromSnapshot(snapshot, ctx.config);
  const stats = diffStats(client.stats(), ctx.before);
  snapshot.lastSync = {
    mode,
    calls: stats.calls,
    credits: stats.credits,
    durationMs: now() - times.started,
    creditsRemaining: stats.creditsRemaining,
  };
  if (store) {
    progress.report('save');
    await store.write(snapshot);
  }
  progress.report('done');
  const report: ZohoSyncReport = {
    mode,
    startedAt: new Date(times.started),
    durationMs: now() - times.started,
    calls: stats.calls,
    credits: stats.credits,
    retries: stats.retries,
    rateLimited: stats.rateLimited,
    tokenRefreshes: stats.tokenRefreshes,
    creditsRemaining: stats.creditsRemaining,
    read: progress.read,
    historyModule: snapshot.historyModule,
    snapshotPath: store?.path ?? null,
    org: snapshotOrg(snapshot),
  };
  if (ctx.reason !== undefined) report.reason = ctx.reason;
  return { ...result, issues: [...ctx.issues, ...result.issues], sync: report };
}
