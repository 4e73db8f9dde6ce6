/** The public shapes of a sync: its options, its progress, and what it returns. */
import type { LoadResult } from '@panopticon/core';
import type { ZohoCredentials } from '../auth.js';
import type { ZohoClient, ZohoClientOptions } from '../client.js';
import type { ZohoCallStats } from '../client-types.js';
import type { ZohoEnv } from '../env.js';
import type { ZohoAppointmentSource, ZohoFieldMapping, ZohoHistoryModuleConfig } from '../mapping.js';
import type { SnapshotStore, ZohoOrg } from '../snapshot.js';

/**
 * Options of {@link syncLeads}: the connection, what to read, and where to keep it.
 *
 * @example
 * ```ts
 * const options: ZohoSyncOptions = {
 *   credentials, dc: 'EU', store: '.panopticon/zoho', timeZone: 'America/New_York',
 *   history: null, appointments: { from: 'events' }, extraFields: ['Email'],
 *   onProgress: (p) => console.error(p.message),
 * };
 * const result = await syncLeads(options);
 * ```
 */
export interface ZohoSyncOptions extends Omit<ZohoClientOptions, 'credentials'> {
  /** The self-client credentials. Required unless `client` or `env` is given. */
  credentials?: ZohoCredentials;
  /**
   * The environment (`process.env`) to take the credentials and hosts from when neither `credentials` nor
   * `client` is given: `ZOHO_CLIENT_ID`, `ZOHO_CLIENT_SECRET`, `ZOHO_REFRESH_TOKEN` (required), `ZOHO_DC`,
   * `ZOHO_ACCOUNTS_URL`, `ZOHO_API_DOMAIN`. Options given explicitly win over it.
   */
  env?: ZohoEnv;
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
   * Read the owner changes time to intervention needs. Default true: from the history module's rows where it
   * tracks the owner (`history.owner`), else from the timeline of each appointed lead (one call per lead,
   * once; later changes are seen between syncs). False: only the leads whose timeline is read anyway (those
   * the module does not cover) have them, so time to intervention is not measured.
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
  /**
   * When another sync holds the store (a directory): wait for it (default), or fail at once naming it
   * (`false`, the CLI's `--no-wait`).
   */
  waitForStore?: boolean;
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
 * await syncLeads({
 *   env: process.env,
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
 * Options of one sync run ({@link syncLeads}).
 *
 * @example
 * ```ts
 * const options: SyncLeadsOptions = { full: true, signal: AbortSignal.timeout(10 * 60_000) };
 * const result = await syncLeads({ env: process.env, store: '.panopticon/zoho', ...options });
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
 * const { sync: report } = await syncLeads({ env: process.env, store: '.panopticon/zoho' });
 * console.log(`${report.mode} sync, ${report.durationMs} ms: ${report.read.leads} leads, ${report.calls} calls, ${report.credits} credits`);
 * if (report.reason) console.log(`full because ${report.reason}`);
 * ```
 */
export interface ZohoSyncReport extends Omit<ZohoCallStats, 'byStatus'> {
  mode: 'full' | 'incremental';
  /** Why a full sync was done when a snapshot existed. */
  reason?: string;
  startedAt: Date;
  durationMs: number;
  // The API calls, credits, back-offs, 429s and token mints of this sync come from ZohoCallStats
  // (`creditsRemaining`: the last `X-API-CREDITS-REMAINING`).
  /** Records read in this sync; `deleted`: leads removed because Zoho lists them as deleted since the last sync. */
  read: { leads: number; historyRows: number; events: number; timelines: number; deleted: number };
  historyModule: { module: string; available: boolean; reason?: string } | null;
  /** The snapshot file written, or null without a store. */
  snapshotPath: string | null;
  /** The org id this sync read (for the record links), or why it could not. */
  org: ZohoOrg;
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
