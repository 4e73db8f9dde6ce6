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
 */
import { createHash } from 'node:crypto';
import type { DataIssue, LoadResult } from '@panopticon/core';
import { ZohoClient, diffStats, type ZohoCallStats, type ZohoClientOptions } from './client.js';
import type { ZohoCredentials } from './auth.js';
import { parseZohoDateTime } from './datetime.js';
import { leadsNeedingTimeline, loadResultFromSnapshot, type LeadReadConfig } from './derive.js';
import { ZohoApiError, ZohoConfigError, ZohoError } from './errors.js';
import { eventFields } from './events.js';
import { mapLimit } from './limiter.js';
import {
  DEFAULT_HISTORY_MODULE,
  leadFields,
  resolveAppointmentSource,
  resolveFieldMapping,
  type ZohoAppointmentSource,
  type ZohoFieldMapping,
  type ZohoHistoryModuleConfig,
} from './mapping.js';
import { messages } from './messages.js';
import { readAllRecords, recordPages, timelinePages, type ZohoRecord } from './paging.js';
import { emptySnapshot, fileSnapshotStore, type SnapshotStore, type ZohoSnapshot } from './snapshot.js';
import { historiesFromTimeline } from './timeline.js';
import { textValue } from './values.js';

/**
 * Options of {@link ZohoSync}: the client's options, what to read, and where to keep it.
 *
 * @example
 * ```ts
 * const options: ZohoSyncOptions = {
 *   credentials, dc: 'EU', store: '.panopticon/zoho', timeZone: 'America/New_York',
 *   history: null, appointments: { from: 'events' }, extraFields: ['Email'],
 *   onProgress: (p) => console.error(p.message),
 * };
 * const result = await createZohoSync(options).syncLeads();
 * ```
 */
export interface ZohoSyncOptions extends Omit<ZohoClientOptions, 'credentials'> {
  /** The self-client credentials. Required unless `client` is given. */
  credentials?: ZohoCredentials;
  /** A ready client (its own options then apply). */
  client?: ZohoClient;
  /** Which Zoho field feeds which lead property; Zoho's names by default (see {@link ZohoFieldMapping}). */
  mapping?: Partial<ZohoFieldMapping>;
  /**
   * The history-tracking module of the stage field. Default `Lead_Status_History` with Zoho's column
   * names. `null`: the org has no history tracking, so don't ask (saves one call per sync).
   */
  history?: Partial<ZohoHistoryModuleConfig> | null;
  /**
   * Read the timeline of every appointed lead for its owner changes, also where the history module covers
   * its stages (one call per appointed lead, once). Default false: owner changes come from the timelines
   * read anyway and from changes seen between syncs.
   */
  ownerHistory?: boolean;
  /** When history tracking was enabled (ISO string or Date): older appointed leads also get their timeline. Default: none. */
  historySince?: Date | string | null;
  /** Where appointments come from. Default `{ from: 'field' }` (`mapping.appointmentAt`). */
  appointments?: ZohoAppointmentSource;
  /** More Leads fields to keep in the snapshot (counted in the 50-field limit). */
  extraFields?: readonly string[];
  /** Zone for Zoho values without an offset (date fields). Default `UTC`. */
  timeZone?: string;
  /**
   * The snapshot: a directory path, a store, or `null` for none (every sync is then a full one). Default: none.
   */
  store?: string | SnapshotStore | null;
  /** How far before the last sync's start the next incremental sync reaches back. Default 10 minutes. */
  overlapMs?: number;
  /**
   * Full reads of Leads and the history module from both ends at once (two cursors that meet in the
   * middle): about half the wall time for at most two extra calls per module. Default true.
   */
  bothEnds?: boolean;
  /** Called as the sync advances (at most about once per page or per 25 timelines). */
  onProgress?: (progress: ZohoSyncProgress) => void;
}

/**
 * Where a sync stands, as given to `onProgress`.
 *
 * @example
 * ```ts
 * const sync = createZohoSyncFromEnv(process.env, {
 *   onProgress: (p: ZohoSyncProgress) => {
 *     if (p.phase === 'timeline') console.error(`timelines ${p.timelinesDone}/${p.timelinesTotal} (${p.calls} calls)`);
 *   },
 * });
 * ```
 */
export interface ZohoSyncProgress {
  phase: 'read' | 'timeline' | 'save' | 'done';
  mode: 'full' | 'incremental';
  /** Lead records read so far in this sync. */
  leads: number;
  historyRows: number;
  events: number;
  timelinesDone: number;
  timelinesTotal: number;
  /** API calls so far in this sync. */
  calls: number;
  /** One line for a terminal, e.g. `Zoho sync (full) · leads 2,400 · history rows 6,000 · 31 calls`. */
  message: string;
}

/**
 * Options of one sync run (`ZohoSync.syncLeads`, {@link syncLeads}, {@link syncFromEnv}).
 *
 * @example
 * ```ts
 * const options: SyncLeadsOptions = { full: true, signal: AbortSignal.timeout(10 * 60_000) };
 * const result = await createZohoSync({ credentials, store: '.panopticon/zoho' }).syncLeads(options);
 * ```
 */
export interface SyncLeadsOptions {
  /** Read everything again even when a snapshot exists. Default false. */
  full?: boolean;
  signal?: AbortSignal;
}

/**
 * What one sync did.
 *
 * @example
 * ```ts
 * const { sync: report } = await syncFromEnv(process.env, { store: '.panopticon/zoho' });
 * console.log(`${report.mode} sync, ${report.durationMs} ms: ${report.read.leads} leads, ${report.calls} calls, ${report.credits} credits`);
 * if (report.reason) console.log(`full because ${report.reason}`);
 * ```
 */
export interface ZohoSyncReport {
  mode: 'full' | 'incremental';
  /** Why a full sync was done when a snapshot existed. */
  reason?: string;
  startedAt: Date;
  durationMs: number;
  /** API calls, credits, back-offs, 429s and token mints of this sync; `creditsRemaining` from `X-API-CREDITS-REMAINING`. */
  calls: number;
  credits: number;
  retries: number;
  rateLimited: number;
  tokenRefreshes: number;
  creditsRemaining: number | null;
  /** Records read in this sync. */
  read: { leads: number; historyRows: number; events: number; timelines: number };
  historyModule: { module: string; available: boolean; reason?: string } | null;
  /** The snapshot file written, or null without a store. */
  snapshotPath: string | null;
}

/**
 * Core's `LoadResult`, plus what the sync did.
 *
 * @example
 * ```ts
 * const { leads, issues, sync }: ZohoSyncResult = await syncLeads({ credentials, store: '.panopticon/zoho' });
 * const rows = needsAttention(leads, { asOf: new Date(), timeZone: 'America/New_York', pipeline });
 * ```
 */
export type ZohoSyncResult = LoadResult & { sync: ZohoSyncReport };

interface ResolvedSync extends LeadReadConfig {
  fields: string[];
  overlapMs: number;
  bothEnds: boolean;
  fingerprint: string;
}

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
  #running = false;

  constructor(options: ZohoSyncOptions) {
    if (options.client) this.client = options.client;
    else {
      if (!options.credentials) throw new ZohoConfigError(messages.missingCredentials(['clientId', 'clientSecret', 'refreshToken']), 'MISSING_CREDENTIALS');
      if (options.concurrency !== undefined && !(Number.isInteger(options.concurrency) && options.concurrency >= 1 && options.concurrency <= 25)) {
        throw new ZohoConfigError(messages.badConcurrency(options.concurrency), 'INVALID_CONCURRENCY');
      }
      this.client = new ZohoClient({ ...options, credentials: options.credentials });
    }
    this.#now = options.now ?? Date.now;
    this.#onProgress = options.onProgress;
    this.#config = resolveSync(options, this.client);
    const store = options.store;
    this.store = store === undefined || store === null ? null : typeof store === 'string' ? fileSnapshotStore(store, { redactor: this.client.redactor }) : store;
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
    let previous: ZohoSnapshot | null = null;
    try {
      const extraIssues: DataIssue[] = [];
      let reason: string | undefined;
      if (this.store) {
        try {
          previous = await this.store.read();
        } catch (error) {
          reason = (error as Error).message;
          extraIssues.push({ severity: 'warning', code: 'snapshot-unreadable', message: messages.snapshotIgnored(this.store.path, reason), file: this.store.path });
        }
      }
      if (previous && previous.fingerprint !== this.#config.fingerprint) {
        reason = messages.configChanged();
        extraIssues.push({ severity: 'warning', code: 'snapshot-config-changed', message: messages.snapshotIgnored(this.store!.path, reason), file: this.store!.path });
      }
      const compatible = previous !== null && previous.fingerprint === this.#config.fingerprint;
      const mode: 'full' | 'incremental' = compatible && !options.full ? 'incremental' : 'full';
      if (mode === 'full' && options.full && previous) reason = messages.fullRequested();
      return await this.#run(mode, compatible ? previous : null, options.signal, extraIssues, reason);
    } catch (error) {
      const e = error instanceof ZohoError ? error : new ZohoError(messages.unexpected(error), { code: 'UNEXPECTED', retryable: false, cause: error });
      if (this.store) e.message += messages.snapshotKept(this.store.path, previous?.lastSyncAt ?? null);
      e.message = this.client.redactor.redact(e.message);
      throw e;
    } finally {
      this.#running = false;
    }
  }

  async #run(
    mode: 'full' | 'incremental',
    previous: ZohoSnapshot | null,
    signal: AbortSignal | undefined,
    extraIssues: DataIssue[],
    reason: string | undefined,
  ): Promise<ZohoSyncResult> {
    const config = this.#config;
    const started = this.#now();
    const startedIso = new Date(started).toISOString();
    const before = this.client.stats();
    const since = mode === 'incremental' && previous ? new Date(previous.watermark) : undefined;
    let working: ZohoSnapshot;
    if (mode === 'incremental' && previous) working = previous;
    else {
      working = emptySnapshot(config.fingerprint, this.client.dc, this.client.apiDomain, startedIso);
      if (previous) {
        // Changes seen between syncs cannot be read again from Zoho: carry them over.
        working.observed = previous.observed;
        working.firstSyncAt = previous.firstSyncAt;
      }
    }
    const read = { leads: 0, historyRows: 0, events: 0, timelines: 0 };
    // Distinct records read in this sync (the two cursors of a full read overlap by a page).
    const seenLeads = new Set<string>();
    const seenRows = new Set<string>();
    const timelineProgress = { done: 0, total: 0 };
    const progress = (phase: ZohoSyncProgress['phase']) => {
      if (!this.#onProgress) return;
      const p = {
        phase,
        mode,
        leads: read.leads,
        historyRows: read.historyRows,
        events: read.events,
        timelinesDone: timelineProgress.done,
        timelinesTotal: timelineProgress.total,
        calls: this.client.stats().calls - before.calls,
      };
      this.#onProgress({ ...p, message: messages.progress(p) });
    };

    // 1. Leads, history rows and meetings, in parallel streams.
    const readLeads = async () => {
      // converted=both: Zoho hides converted leads by default. Ordered by id, so edits during the read
      // do not move records between pages.
      await readAllRecords(
        this.client,
        config.mapping.module,
        { fields: config.fields, params: { converted: 'both' }, ifModifiedSince: since, signal, bothEnds: config.bothEnds },
        (records) => {
          for (const record of records) {
            const id = typeof record.id === 'string' && record.id.trim() !== '' ? record.id : null;
            seenLeads.add(id ?? JSON.stringify(record));
            read.leads = seenLeads.size;
            if (id === null) {
              const text = JSON.stringify(record);
              if (!working.invalidLeads.some((r) => JSON.stringify(r) === text)) working.invalidLeads.push(record);
              continue;
            }
            const prior = working.leads[id];
            // With a complete ledger, stage changes come from it; owner changes are never in it.
          if (mode === 'incremental' && prior) observeChange(working, id, prior, record, config, startedIso, !previous?.historyModule?.available);
            working.leads[id] = record;
          }
          progress('read');
        },
      );
    };

    const readHistory = async () => {
      const history = config.history;
      if (!history) {
        working.historyModule = null;
        return;
      }
      // Early stop only when the module was read completely before; otherwise read it all.
      const stopAt = mode === 'incremental' && previous?.historyModule?.available ? since : undefined;
      const fields = [history.parent, history.stage, history.movedTo, history.time, 'Modified_Time'];
      const keep = (row: ZohoRecord) => {
        const rowId = typeof row.id === 'string' && row.id !== '' ? row.id : `invalid:${JSON.stringify(row)}`;
        seenRows.add(rowId);
        read.historyRows = seenRows.size;
        working.historyRows[rowId] = row;
      };
      try {
        if (stopAt) {
          // Newest first: new rows land on the first pages, so the read stops at the first page that
          // reaches back past the last sync (the module ignores criteria; If-Modified-Since is undocumented there).
          for await (const page of recordPages(this.client, history.module, { fields, params: { sort_by: 'Modified_Time', sort_order: 'desc' }, signal })) {
            let reachedOld = false;
            for (const row of page.records) {
              keep(row);
              const t = typeof row.Modified_Time === 'string' ? parseZohoDateTime(row.Modified_Time, config.timeZone) : null;
              if (t !== null && t.getTime() < stopAt.getTime()) reachedOld = true;
            }
            progress('read');
            if (reachedOld) break;
          }
        } else {
          await readAllRecords(this.client, history.module, { fields, signal, bothEnds: config.bothEnds }, (rows) => {
            rows.forEach(keep);
            progress('read');
          });
        }
        working.historyModule = { module: history.module, available: true };
      } catch (error) {
        if (error instanceof ZohoApiError && isModuleUnavailable(error)) {
          // Reported by loadResultFromSnapshot as a warning, on every load of this snapshot.
          working.historyModule = { module: history.module, available: false, reason: error.code };
          return;
        }
        throw error;
      }
    };

    const readEvents = async () => {
      if (config.appointments.from !== 'events') return;
      for await (const page of recordPages(this.client, config.appointments.module, { fields: eventFields(config.appointments), ifModifiedSince: since, signal })) {
        for (const event of page.records) {
          read.events++;
          if (typeof event.id === 'string' && event.id !== '') working.events[event.id] = event;
        }
        progress('read');
      }
    };

    await settleAll([readLeads(), readHistory(), readEvents()]);

    // 2. Timelines: appointed leads the history module does not cover, not read before.
    const pending = leadsNeedingTimeline(working, config);
    timelineProgress.total = pending.length;
    if (pending.length) progress('timeline');
    await mapLimit(pending, this.client.concurrency, async (lead) => {
      const entries: ZohoRecord[] = [];
      try {
        for await (const page of timelinePages(this.client, config.mapping.module, lead.id, { signal })) entries.push(...page.entries);
      } catch (error) {
        if (error instanceof ZohoApiError && !error.retryable && (error.status === 400 || error.status === 404)) {
          extraIssues.push({
            severity: 'warning',
            code: 'timeline-unavailable',
            message: messages.timelineUnavailable(lead.id, error.code),
            file: `zoho:${config.mapping.module}/__timeline`,
            recordId: lead.id,
          });
          return;
        }
        throw error;
      }
      const h = historiesFromTimeline(entries, {
        leadId: lead.id,
        stageField: config.mapping.stage,
        locatorField: config.mapping.locator,
        createdAt: lead.createdAt,
        currentStage: lead.stage,
        currentLocator: lead.locator,
        timeZone: config.timeZone,
        module: config.mapping.module,
      });
      working.timelines[lead.id] = {
        fetchedAt: startedIso,
        stage: h.stage.map((e) => ({ stage: e.stage, at: e.at.toISOString() })),
        owner: h.owner.map((e) => ({ locator: e.locator, at: e.at.toISOString() })),
        issues: h.issues,
      };
      read.timelines++;
      timelineProgress.done++;
      if (timelineProgress.done % 25 === 0 || timelineProgress.done === timelineProgress.total) progress('timeline');
    });

    // 3. Result and snapshot.
    working.lastSyncAt = startedIso;
    if (mode === 'full') working.lastFullSyncAt = startedIso;
    // In Zoho's clock (the Date header), so a local clock that runs ahead cannot make the next sync miss changes.
    working.watermark = new Date(started + (this.client.clockSkewMs ?? 0) - config.overlapMs).toISOString();
    working.apiDomain = this.client.apiDomain;
    const result = loadResultFromSnapshot(working, config);
    const stats: ZohoCallStats = diffStats(this.client.stats(), before);
    working.lastSync = { mode, calls: stats.calls, credits: stats.credits, durationMs: this.#now() - started, creditsRemaining: stats.creditsRemaining };
    if (this.store) {
      progress('save');
      await this.store.write(working);
    }
    progress('done');
    const report: ZohoSyncReport = {
      mode,
      startedAt: new Date(started),
      durationMs: this.#now() - started,
      calls: stats.calls,
      credits: stats.credits,
      retries: stats.retries,
      rateLimited: stats.rateLimited,
      tokenRefreshes: stats.tokenRefreshes,
      creditsRemaining: stats.creditsRemaining,
      read,
      historyModule: working.historyModule,
      snapshotPath: this.store?.path ?? null,
    };
    if (reason !== undefined) report.reason = reason;
    return { ...result, issues: [...extraIssues, ...result.issues], sync: report };
  }
}

/**
 * Creates a {@link ZohoSync}: `new ZohoSync(options)`.
 *
 * @example
 * ```ts
 * const sync = createZohoSync({ credentials, store: '.panopticon/zoho', timeZone: 'America/New_York' });
 * const { leads } = await sync.syncLeads();
 * ```
 */
export function createZohoSync(options: ZohoSyncOptions): ZohoSync {
  return new ZohoSync(options);
}

/**
 * One sync with these options: `createZohoSync(options).syncLeads(options)`.
 *
 * @example
 * ```ts
 * const { leads, sync } = await syncLeads({ credentials, dc: 'EU', store: '.panopticon/zoho', full: true });
 * console.log(`${leads.length} leads in ${sync.calls} calls`);
 * ```
 */
export async function syncLeads(options: ZohoSyncOptions & SyncLeadsOptions): Promise<ZohoSyncResult> {
  const { full, signal, ...rest } = options;
  const run: SyncLeadsOptions = {};
  if (full !== undefined) run.full = full;
  if (signal !== undefined) run.signal = signal;
  return new ZohoSync(rest).syncLeads(run);
}

/** Waits for every promise; if any failed, throws the first failure (after the others settled, so nothing runs on). */
async function settleAll(promises: Array<Promise<void>>): Promise<void> {
  const results = await Promise.allSettled(promises);
  for (const r of results) if (r.status === 'rejected') throw r.reason;
}

function isModuleUnavailable(error: ZohoApiError): boolean {
  return error.code === 'INVALID_MODULE' || error.code === 'NO_PERMISSION' || error.code === 'INVALID_URL_PATTERN' || error.code === 'API_NOT_SUPPORTED';
}

/** Records a stage or owner change between the snapshot's record and the new one, at the new Modified_Time. */
function observeChange(
  snapshot: ZohoSnapshot,
  id: string,
  prior: ZohoRecord,
  next: ZohoRecord,
  config: ResolvedSync,
  fallbackIso: string,
  stages: boolean,
): void {
  const modified = typeof next.Modified_Time === 'string' ? parseZohoDateTime(next.Modified_Time, config.timeZone) : null;
  const at = modified ? modified.toISOString() : fallbackIso;
  const oldStage = stages ? textValue(prior[config.mapping.stage]) : null;
  const newStage = stages ? textValue(next[config.mapping.stage]) : null;
  const oldOwner = textValue(prior[config.mapping.locator]);
  const newOwner = textValue(next[config.mapping.locator]);
  if (oldStage === newStage && oldOwner === newOwner) return;
  const observed = (snapshot.observed[id] ??= { stage: [], owner: [] });
  if (newStage !== null && oldStage !== newStage) {
    if (observed.stage.length === 0 && oldStage !== null) {
      // The stage before the first change we saw: held since creation as far as we know.
      const created = typeof prior[config.mapping.createdAt] === 'string' ? parseZohoDateTime(prior[config.mapping.createdAt] as string, config.timeZone) : null;
      if (created) observed.stage.push({ stage: oldStage, at: created.toISOString() });
    }
    observed.stage.push({ stage: newStage, at });
  }
  if (oldOwner !== newOwner) observed.owner.push({ locator: newOwner, at });
}

/**
 * The settings that turn Zoho records into leads, from sync options (no client needed: offline loads use it
 * too).
 *
 * @example
 * ```ts
 * const config = resolveReadConfig({ mapping: { stage: 'Stage' }, timeZone: 'America/New_York' });
 * config.history?.stage; // 'Stage': the history module follows a custom stage field
 * config.fields.includes('Stage'); // true
 * ```
 */
export function resolveReadConfig(options: Omit<ZohoSyncOptions, 'credentials' | 'client'>): LeadReadConfig & { fields: string[]; ownerHistory: boolean } {
  const mapping = resolveFieldMapping(options.mapping);
  const appointments = resolveAppointmentSource(options.appointments);
  const history = options.history === null ? null : { ...DEFAULT_HISTORY_MODULE, ...stripUndefined(options.history ?? {}) };
  if (history && options.mapping?.stage && options.mapping.stage !== 'Lead_Status' && options.history?.stage === undefined) {
    history.stage = options.mapping.stage;
  }
  const timeZone = options.timeZone ?? 'UTC';
  const since = options.historySince;
  const historySince = since === undefined || since === null ? null : since instanceof Date ? since : parseZohoDateTime(since, timeZone);
  if (since && historySince === null) throw new ZohoConfigError(messages.badHistorySince(since), 'INVALID_CONFIG');
  const fields = leadFields(mapping, appointments, options.extraFields ?? []);
  return { mapping, history, appointments, timeZone, historySince, fields, ownerHistory: options.ownerHistory ?? false };
}

function resolveSync(options: ZohoSyncOptions, client: ZohoClient): ResolvedSync {
  const read = resolveReadConfig(options);
  const { mapping, history, appointments, fields } = read;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify({ v: 1, fields, mapping, history, appointments, dc: client.dc, accounts: client.accountsUrl, api: options.apiDomain ?? null, version: client.apiVersion }))
    .digest('hex')
    .slice(0, 16);
  return { ...read, overlapMs: options.overlapMs ?? 10 * 60_000, bothEnds: options.bothEnds ?? true, fingerprint };
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
export async function loadZohoSnapshot(directory: string, options: Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store'> = {}): Promise<LoadResult | null> {
  const snapshot = await fileSnapshotStore(directory).read();
  return snapshot ? loadResultFromSnapshot(snapshot, resolveReadConfig(options)) : null;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
