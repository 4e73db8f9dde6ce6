/**
 * Step 1 of a sync: the plan. From what the snapshot store gave and the options, decide between a full and an
 * incremental sync, what each read reaches back to, and what to tell the user about the snapshot.
 */
import type { DataIssue } from '@panopticon/core';
import { messages } from '../messages.js';
import type { ZohoSnapshot } from '../snapshot.js';

/** What reading the snapshot store gave: nothing (no store), a snapshot or none yet, or an error. */
export type StoreReading =
  | { kind: 'no-store' }
  | { kind: 'read'; path: string; snapshot: ZohoSnapshot | null }
  | { kind: 'unreadable'; path: string; error: string };

/** How a sync runs. */
export interface SyncPlan {
  mode: 'full' | 'incremental';
  /** The stored snapshot written with the same settings (the base of an incremental sync); null otherwise. */
  previous: ZohoSnapshot | null;
  /** `If-Modified-Since` of Leads and Events: the stored watermark in an incremental sync. */
  since: Date | undefined;
  /**
   * Where the newest-first read of the history module may stop: `since`, when the module was read completely
   * before; otherwise the module is read whole.
   */
  historyStopAt: Date | undefined;
  /** Record stage and owner changes seen on lead records against the snapshot (incremental syncs). */
  observeChanges: boolean;
  /** Stage changes too: only without a complete ledger (owner changes are never in it). */
  observeStages: boolean;
  /** Why a full sync was done when a snapshot existed. */
  reason: string | undefined;
  /** Warnings about the stored snapshot, reported with the sync's result. */
  issues: DataIssue[];
}

/**
 * The plan of a sync: incremental when the stored snapshot was written with the same settings
 * (`fingerprint`) and no full sync was requested; full otherwise, saying why when a snapshot existed.
 *
 * @example
 * ```ts
 * const plan = planSync({ kind: 'read', path: store.path, snapshot: await store.read() }, config.fingerprint, { full: false });
 * plan.mode; // 'incremental' when the snapshot fits, with plan.since = its watermark
 * ```
 */
export function planSync(reading: StoreReading, fingerprint: string, options: { full?: boolean }): SyncPlan {
  const issues: DataIssue[] = [];
  let reason: string | undefined;
  let stored: ZohoSnapshot | null = null;
  if (reading.kind === 'unreadable') {
    reason = reading.error;
    issues.push({
      severity: 'warning',
      code: 'snapshot-unreadable',
      message: messages.snapshotIgnored(reading.path, reason),
      file: reading.path,
    });
  } else if (reading.kind === 'read') {
    stored = reading.snapshot;
    if (stored && stored.fingerprint !== fingerprint) {
      reason = messages.configChanged();
      issues.push({
        severity: 'warning',
        code: 'snapshot-config-changed',
        message: messages.snapshotIgnored(reading.path, reason),
        file: reading.path,
      });
    }
  }
  const previous = stored !== null && stored.fingerprint === fingerprint ? stored : null;
  const mode: SyncPlan['mode'] = previous && !options.full ? 'incremental' : 'full';
  if (mode === 'full' && options.full && stored) reason = messages.fullRequested();
  const incremental = mode === 'incremental' && previous !== null;
  const since = incremental ? new Date(previous.watermark) : undefined;
  const ledgerComplete = previous?.historyModule?.available === true;
  return {
    mode,
    previous,
    since,
    historyStopAt: incremental && ledgerComplete ? since : undefined,
    observeChanges: incremental,
    observeStages: !ledgerComplete,
    reason,
    issues,
  };
}
