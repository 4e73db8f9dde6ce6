/**
 * `syncLeads()`: reads leads, stage history and (optionally) meetings from Zoho into the local snapshot,
 * cheapest route first, and returns core's `LoadResult`.
 *
 * Full sync (no usable snapshot): Leads, the history module and Events are read in parallel, page after
 * page (ceil(n/200) calls each); then the timeline of every appointed lead the module does not cover
 * (one call each, concurrently up to the client's limit).
 *
 * Incremental sync: Leads and Events with `If-Modified-Since` (the last sync's start, minus an overlap for
 * clock skew); the history module newest first, stopping at the first page that reaches back past that
 * time (the module ignores filters and `If-Modified-Since` is undocumented there); timelines only for
 * newly appointed leads. A stage or owner that differs from the snapshot is recorded as a change at the
 * record's Modified_Time, which is all the history an org without history tracking has between syncs.
 *
 * The snapshot is written only when everything succeeded, atomically; a failure leaves the previous one.
 *
 * A run is a sequence of steps, each in its own file under ./sync/: plan (full or incremental), fetch
 * (leads, history module, events, the org id; then timelines), merge (into the snapshot), commit (stamp, write, report).
 */
import type { LoadResult } from '@panopticon/core';
import { ZohoClient } from './client.js';
import { resolveHosts } from './data-centers.js';
import { lockStore } from './store-lock.js';
import { fileTokenCache } from './token-cache.js';
import { leadsNeedingTimeline, loadResultFromSnapshot, type LeadReadConfig } from './derive.js';
import { withEnvConnection } from './env.js';
import { ZohoConfigError, ZohoError } from './errors.js';
import { messages } from './messages.js';
import { fileSnapshotStore, type SnapshotStore, type ZohoSnapshot } from './snapshot.js';
import { commitSync } from './sync/commit.js';
import { resolveReadConfig, resolveSync, type ResolvedSync } from './sync/config.js';
import { fetchHistoryModule, fetchTimelines } from './sync/fetch-history.js';
import { fetchDeletedIds, removeDeletedLeads } from './sync/deletions.js';
import { fetchEvents, fetchLeads } from './sync/fetch-records.js';
import { fetchOrgId } from './sync/fetch-org.js';
import { mergeRecords, mergeTimelines, startingSnapshot } from './sync/merge.js';
import { planSync, type StoreReading, type SyncPlan } from './sync/plan.js';
import { SyncProgressTracker } from './sync/progress.js';
import type { SyncLeadsOptions, ZohoSyncOptions, ZohoSyncProgress, ZohoSyncResult } from './sync/types.js';

export { resolveReadConfig } from './sync/config.js';
export type { SyncLeadsOptions, ZohoSyncOptions, ZohoSyncProgress, ZohoSyncReport, ZohoSyncResult } from './sync/types.js';

/**
 * Reads Zoho into a snapshot and the lead model. One instance per set of credentials; syncs must not overlap.
 *
 * @example
 * ```ts
 * const sync = new ZohoSync({ credentials, dc: 'EU', store: '.panopticon/zoho' });
 * const first = await sync.syncLeads(); // full: no snapshot yet
 * const next = await sync.syncLeads(); // incremental: only what changed
 * const offline = await sync.loadSnapshot(); // no API call
 * ```
 */
export class ZohoSync {
  readonly client: ZohoClient;
  readonly store: SnapshotStore | null;
  readonly #config: ResolvedSync;
  readonly #onProgress: ((p: ZohoSyncProgress) => void) | undefined;
  readonly #now: () => number;
  readonly #lockDirectory: string | null;
  readonly #waitForStore: boolean;
  #running = false;

  constructor(given: ZohoSyncOptions) {
    const options = withEnvConnection(given);
    if (options.client) this.client = options.client;
    else {
      if (!options.credentials)
        throw new ZohoConfigError(messages.missingCredentials(['clientId', 'clientSecret', 'refreshToken']), 'MISSING_CREDENTIALS');
      if (
        options.concurrency !== undefined &&
        !(Number.isInteger(options.concurrency) && options.concurrency >= 1 && options.concurrency <= 25)
      ) {
        throw new ZohoConfigError(messages.badConcurrency(options.concurrency), 'INVALID_CONCURRENCY');
      }
      // With a store directory, the access token is kept there too: the next command reuses it.
      const tokenCache =
        options.tokenCache ??
        (typeof options.store === 'string'
          ? fileTokenCache(options.store, [
              resolveHosts(options).accountsUrl,
              options.credentials.clientId,
              options.credentials.refreshToken,
            ])
          : undefined);
      this.client = new ZohoClient({ ...options, credentials: options.credentials, ...(tokenCache ? { tokenCache } : {}) });
    }
    this.#now = options.now ?? Date.now;
    this.#onProgress = options.onProgress;
    this.#config = resolveSync(options, this.client);
    const store = options.store;
    this.#lockDirectory = typeof store === 'string' ? store : null;
    this.#waitForStore = options.waitForStore ?? true;
    this.store =
      store === undefined || store === null
        ? null
        : typeof store === 'string'
          ? fileSnapshotStore(store, { redactor: this.client.redactor })
          : store;
  }

  /** The settings that turn records into leads (for {@link loadResultFromSnapshot}). */
  get readConfig(): LeadReadConfig {
    return this.#config;
  }

  /** The lead model of the last snapshot, without contacting Zoho; null when there is none. */
  async loadSnapshot(): Promise<LoadResult | null> {
    const snapshot = await this.store?.read();
    return snapshot ? loadResultFromSnapshot(snapshot, this.#config) : null;
  }

  /** Syncs (incrementally when a compatible snapshot exists) and returns the leads of the new snapshot. */
  async syncLeads(options: SyncLeadsOptions = {}): Promise<ZohoSyncResult> {
    if (this.#running) throw new ZohoConfigError(messages.syncRunning(), 'SYNC_RUNNING');
    this.#running = true;
    let stored: ZohoSnapshot | null = null;
    let release: (() => Promise<void>) | null = null;
    try {
      if (this.#lockDirectory !== null) {
        const onProgress = this.#onProgress;
        release = await lockStore(this.#lockDirectory, {
          wait: this.#waitForStore,
          ...(options.signal ? { signal: options.signal } : {}),
          onWait: (holder) => onProgress?.(waitingProgress(messages.waitingForLock(holder.pid))),
        });
      }
      const reading = await this.#readStore();
      if (reading.kind === 'read') stored = reading.snapshot;
      return await this.#run(planSync(reading, this.#config.fingerprint, options), options.signal);
    } catch (error) {
      const e =
        error instanceof ZohoError
          ? error
          : new ZohoError(messages.unexpected(error), { code: 'UNEXPECTED', retryable: false, cause: error });
      if (this.store) e.message += messages.snapshotKept(this.store.path, stored?.lastSyncAt ?? null);
      e.message = this.client.redactor.redact(e.message);
      throw e;
    } finally {
      await release?.();
      this.#running = false;
    }
  }

  async #readStore(): Promise<StoreReading> {
    if (!this.store) return { kind: 'no-store' };
    try {
      return { kind: 'read', path: this.store.path, snapshot: await this.store.read() };
    } catch (error) {
      return { kind: 'unreadable', path: this.store.path, error: (error as Error).message };
    }
  }

  /** The steps of one sync, in order: fetch, merge, fetch timelines, merge them, commit. */
  async #run(plan: SyncPlan, signal: AbortSignal | undefined): Promise<ZohoSyncResult> {
    const { client } = this;
    const config = this.#config;
    const started = this.#now();
    const startedIso = new Date(started).toISOString();
    const before = client.stats();
    const progress = new SyncProgressTracker(plan.mode, () => client.stats().calls - before.calls, this.#onProgress);
    const snapshot = startingSnapshot(plan, { fingerprint: config.fingerprint, dc: client.dc, apiDomain: client.apiDomain, startedIso });

    // Leads, history rows and meetings, in parallel streams.
    let eventsUnavailable: string | undefined;
    const window = { since: plan.since, signal };
    const [leads, history, events, deletedIds, org] = await settleAll([
      fetchLeads(client, { module: config.mapping.module, fields: config.fields, bothEnds: config.bothEnds }, window, progress),
      fetchHistoryModule(
        client,
        config.history,
        { stopAt: plan.historyStopAt, timeZone: config.timeZone, bothEnds: config.bothEnds, signal },
        progress,
      ),
      fetchEvents(client, config.appointments, window, progress).catch((error: unknown) => {
        // An optional source: without the scope to read meetings, appointments come from the lead field.
        if (!(error instanceof ZohoError && error.code === 'OAUTH_SCOPE_MISMATCH')) throw error;
        eventsUnavailable = error.code;
        return [];
      }),
      // Deletions since the last sync: only an incremental sync keeps leads a listing no longer shows.
      plan.since ? fetchDeletedIds(client, config.mapping.module, plan.since, signal) : Promise.resolve([]),
      // The org id of the record links, once per sync (an org's id does not change, a token's scopes may).
      fetchOrgId(client, signal),
    ] as const);
    const rules = {
      observeChanges: plan.observeChanges,
      // Also when the ledger could not be read this time (its scope was withdrawn): the changes it missed.
      observeStages: plan.observeStages || history.status?.available === false,
      mapping: config.mapping,
      timeZone: config.timeZone,
      fallbackIso: startedIso,
    };
    mergeRecords(snapshot, { leads, history, events }, rules);
    if (eventsUnavailable !== undefined) snapshot.eventsUnavailable = eventsUnavailable;
    else if (config.appointments.from === 'events') delete snapshot.eventsUnavailable;
    if ('orgId' in org) {
      snapshot.orgId = org.orgId;
      delete snapshot.orgUnavailable;
    } else {
      delete snapshot.orgId;
      snapshot.orgUnavailable = org.unavailable;
    }
    progress.read.deleted = removeDeletedLeads(snapshot, deletedIds, {
      parent: config.history?.parent ?? null,
      link: config.appointments.linkField,
    });

    // Timelines: appointed leads the history module does not cover, not read before.
    const pending = leadsNeedingTimeline(snapshot, config);
    const timelines = await fetchTimelines(client, pending, { mapping: config.mapping, timeZone: config.timeZone, signal }, progress);
    mergeTimelines(snapshot, timelines.histories, startedIso);

    return commitSync(snapshot, {
      mode: plan.mode,
      times: { started, clockSkewMs: client.clockSkewMs, overlapMs: config.overlapMs },
      config,
      client,
      before,
      store: this.store,
      now: this.#now,
      progress,
      reason: plan.reason,
      issues: [...plan.issues, ...timelines.issues],
    });
  }
}

/**
 * One sync: reads what changed in Zoho since the last sync into the snapshot at `store` (everything, the
 * first time or with `full`), and returns the lead model with the sync's report. The one entry point of a
 * sync, for the CLI (`panopticon sync --zoho`) and for programs: credentials from `credentials`, a ready
 * `client`, or the environment (`env`). {@link loadZohoSnapshot} reads the snapshot without contacting Zoho.
 *
 * @example
 * ```ts
 * const { leads, sync } = await syncLeads({ env: process.env, store: '.panopticon/zoho', timeZone: 'Europe/Berlin' });
 * console.log(`${leads.length} leads: ${sync.mode} sync, ${sync.calls} calls`);
 * ```
 */
export async function syncLeads(options: ZohoSyncOptions & SyncLeadsOptions): Promise<ZohoSyncResult> {
  const { full, signal, ...rest } = options;
  const run: SyncLeadsOptions = {};
  if (full !== undefined) run.full = full;
  if (signal !== undefined) run.signal = signal;
  return new ZohoSync(rest).syncLeads(run);
}

/**
 * A sync object: `new ZohoSync(options)`. Internal (tests), like the class: programs call {@link syncLeads}.
 */
export function createZohoSync(options: ZohoSyncOptions): ZohoSync {
  return new ZohoSync(options);
}

/** A progress report while waiting for another sync's lock. */
function waitingProgress(message: string): ZohoSyncProgress {
  return {
    phase: 'read',
    mode: 'incremental',
    leads: 0,
    historyRows: 0,
    events: 0,
    timelinesDone: 0,
    timelinesTotal: 0,
    calls: 0,
    message,
  };
}

/** Waits for every promise; if any failed, throws the first failure (after the others settled, so nothing runs on). */
async function settleAll<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as unknown as T;
}

/**
 * The lead model of the snapshot in `directory`, without contacting Zoho (`--offline`); null when there is
 * none.
 *
 * @example
 * ```ts
 * const result = await loadZohoSnapshot('.panopticon/zoho', { timeZone: 'America/New_York' });
 * if (result === null) console.error('No snapshot yet: run panopticon sync --zoho first.');
 * else console.log(`${result.leads.length} leads`);
 * ```
 */
export async function loadZohoSnapshot(
  directory: string,
  options: Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store' | 'env'> = {},
): Promise<LoadResult | null> {
  const snapshot = await fileSnapshotStore(directory).read();
  return snapshot ? snapshotLeads(snapshot, options) : null;
}

/**
 * The lead model of a snapshot already read (`fileSnapshotStore(dir).read()`), as {@link loadZohoSnapshot} gives it:
 * for a caller that needs more of the snapshot (its org: `snapshotOrg`) from one read of the file.
 *
 * @example
 * ```ts
 * const snapshot = await fileSnapshotStore('.panopticon/zoho').read();
 * const result = snapshot ? snapshotLeads(snapshot, { timeZone: 'America/New_York' }) : null;
 * ```
 */
export function snapshotLeads(
  snapshot: ZohoSnapshot,
  options: Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store' | 'env'> = {},
): LoadResult {
  return loadResultFromSnapshot(snapshot, resolveReadConfig(options));
}
