/**
 * The local snapshot: everything a sync read from Zoho, kept in one JSON file in a directory so that the
 * next sync asks only for what changed (`If-Modified-Since`) and the CLI can work offline.
 *
 * Written atomically: the new file is written under a temporary name in the same directory, flushed to
 * disk, then renamed over the old one. A sync that fails or is interrupted never touches the last good
 * snapshot; at worst a stray `*.tmp` file is left, which the next write removes.
 *
 * It holds records and history, never a token or a secret (the writer checks the serialized text against
 * the client's redactor before writing).
 */
import type { DataIssue } from '@panopticon/core';
import { mkdir, open, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { ZohoError } from './errors.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import type { Redactor } from './redact.js';

/**
 * The `format` of every snapshot file.
 *
 * @example
 * ```ts
 * const value = JSON.parse(await readFile(join(dir, SNAPSHOT_FILE), 'utf8'));
 * value.format === SNAPSHOT_FORMAT; // true for a Panopticon Zoho snapshot
 * ```
 */
export const SNAPSHOT_FORMAT = 'panopticon-zoho-snapshot';

/**
 * The snapshot layout this version reads and writes; a file of another version is not used.
 *
 * @example
 * ```ts
 * const snapshot = await fileSnapshotStore(dir).read();
 * snapshot?.version === SNAPSHOT_VERSION; // true: other versions are refused with SNAPSHOT_UNREADABLE
 * ```
 */
export const SNAPSHOT_VERSION = 1;

/**
 * The snapshot's file name inside its directory.
 *
 * @example
 * ```ts
 * join('.panopticon/zoho', SNAPSHOT_FILE); // '.panopticon/zoho/zoho-snapshot.json'
 * ```
 */
export const SNAPSHOT_FILE = 'zoho-snapshot.json';

export interface SnapshotStageEntry {
  stage: string;
  /** ISO 8601 instant. */
  at: string;
}

export interface SnapshotOwnerEntry {
  locator: string | null;
  at: string;
}

/** A stage and owner history read from one lead's timeline. */
export interface SnapshotTimeline {
  fetchedAt: string;
  stage: SnapshotStageEntry[];
  owner: SnapshotOwnerEntry[];
  issues: DataIssue[];
}

/** Changes seen between syncs (orgs without history tracking): the stage/owner a lead moved to, at its Modified_Time. */
export interface SnapshotObserved {
  stage: SnapshotStageEntry[];
  owner: SnapshotOwnerEntry[];
}

/** Counters of the sync that wrote a snapshot. */
export interface SnapshotSyncInfo {
  mode: 'full' | 'incremental';
  calls: number;
  credits: number;
  durationMs: number;
  creditsRemaining: number | null;
}

/**
 * Everything a sync read, as kept in the snapshot file: the raw records by id, timelines, changes seen
 * between syncs, and the sync's bookkeeping.
 *
 * @example
 * ```ts
 * const snapshot: ZohoSnapshot | null = await fileSnapshotStore('.panopticon/zoho').read();
 * if (snapshot) console.log(`${Object.keys(snapshot.leads).length} leads, last sync ${snapshot.lastSyncAt} (${snapshot.lastSync.mode})`);
 * ```
 */
export interface ZohoSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  /** Hash of the configuration that shaped the stored records (fields, modules); a change forces a full sync. */
  fingerprint: string;
  dc: string;
  apiDomain: string;
  firstSyncAt: string;
  lastFullSyncAt: string;
  lastSyncAt: string;
  /** The `If-Modified-Since` of the next incremental sync. */
  watermark: string;
  /** The history-tracking module and whether it could be read at the last sync; null when not configured. */
  historyModule: { module: string; available: boolean; reason?: string } | null;
  /** Why the meetings could not be read (e.g. `OAUTH_SCOPE_MISMATCH`): appointments then come from the lead field. */
  eventsUnavailable?: string;
  /** The org id of the CRM's record addresses (`crm.zoho.<tld>/crm/org<orgId>/…`), read by the last sync (sync/fetch-org.ts). */
  orgId?: string;
  /** Why the last sync could not read the org id (e.g. `OAUTH_SCOPE_MISMATCH`: no `ZohoCRM.org.READ`). */
  orgUnavailable?: string;
  /** Leads records by id, as Zoho sent them (only the requested fields). */
  leads: Record<string, ZohoRecord>;
  /** Lead records without a usable id, kept so their issues are reported on every load. */
  invalidLeads: ZohoRecord[];
  /** History-module rows by row id, as Zoho sent them. */
  historyRows: Record<string, ZohoRecord>;
  /** Events (meetings) by id, when appointments come from Events. */
  events: Record<string, ZohoRecord>;
  /** Histories read from timelines, by lead id. */
  timelines: Record<string, SnapshotTimeline>;
  /** Changes observed between syncs, by lead id. */
  observed: Record<string, SnapshotObserved>;
  lastSync: SnapshotSyncInfo;
}

/**
 * An empty snapshot to fill in with a full sync.
 *
 * @example
 * ```ts
 * const snapshot = emptySnapshot('0123456789abcdef', 'EU', 'https://www.zohoapis.eu', new Date().toISOString());
 * checkSnapshotShape(snapshot); // null
 * ```
 */
export function emptySnapshot(fingerprint: string, dc: string, apiDomain: string, at: string): ZohoSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    fingerprint,
    dc,
    apiDomain,
    firstSyncAt: at,
    lastFullSyncAt: at,
    lastSyncAt: at,
    watermark: at,
    historyModule: null,
    leads: {},
    invalidLeads: [],
    historyRows: {},
    events: {},
    timelines: {},
    observed: {},
    lastSync: { mode: 'full', calls: 0, credits: 0, durationMs: 0, creditsRemaining: null },
  };
}

/**
 * Where snapshots live: a directory with one file.
 *
 * @example
 * ```ts
 * let saved: ZohoSnapshot | null = null;
 * const memory: SnapshotStore = { path: '(memory)', read: async () => saved, write: async (s) => void (saved = s) };
 * const result = await syncLeads({ credentials, store: memory });
 * ```
 */
export interface SnapshotStore {
  /** The snapshot file's path (for messages). */
  readonly path: string;
  /** The last good snapshot, or null when there is none yet. Throws a `ZohoError` (`SNAPSHOT_UNREADABLE`) when it exists but cannot be used. */
  read(): Promise<ZohoSnapshot | null>;
  /** Replaces the snapshot atomically. */
  write(snapshot: ZohoSnapshot): Promise<void>;
}

/**
 * What the last sync read of the org: its id (of the CRM's record addresses), or why it could not (a Zoho error code);
 * neither when no sync has read it yet.
 *
 * @example
 * ```ts
 * const org: ZohoOrg = { orgId: '20070123456' };
 * ```
 */
export type ZohoOrg = Pick<ZohoSnapshot, 'orgId' | 'orgUnavailable'>;

/**
 * A snapshot's {@link ZohoOrg}.
 *
 * @example
 * ```ts
 * const snapshot = await fileSnapshotStore('.panopticon/zoho').read();
 * if (snapshot) console.log(snapshotOrg(snapshot).orgId ?? 'no org id yet');
 * ```
 */
export function snapshotOrg(snapshot: ZohoSnapshot): ZohoOrg {
  return {
    ...(snapshot.orgId !== undefined ? { orgId: snapshot.orgId } : {}),
    ...(snapshot.orgUnavailable !== undefined ? { orgUnavailable: snapshot.orgUnavailable } : {}),
  };
}

/**
 * Options of {@link fileSnapshotStore}.
 *
 * @example
 * ```ts
 * const options: FileSnapshotStoreOptions = { redactor: client.redactor };
 * const store = fileSnapshotStore('.panopticon/zoho', options); // refuses to write a snapshot holding a secret
 * ```
 */
export interface FileSnapshotStoreOptions {
  /** When given, the serialized snapshot is checked for registered secrets before it is written. */
  redactor?: Redactor | undefined;
}

/**
 * A snapshot store in `directory` (created on first write).
 *
 * @example
 * ```ts
 * const store = fileSnapshotStore('.panopticon/zoho');
 * store.path; // '.panopticon/zoho/zoho-snapshot.json'
 * const snapshot = await store.read(); // null before the first sync
 * ```
 */
export function fileSnapshotStore(directory: string, options: FileSnapshotStoreOptions = {}): SnapshotStore {
  const path = join(directory, SNAPSHOT_FILE);
  return {
    path,
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw new ZohoError(messages.snapshotUnreadable(path, (error as Error).message), {
          code: 'SNAPSHOT_UNREADABLE',
          retryable: false,
          cause: error,
        });
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new ZohoError(messages.snapshotUnreadable(path, 'not valid JSON'), {
          code: 'SNAPSHOT_UNREADABLE',
          retryable: false,
          cause: error,
        });
      }
      const problem = checkSnapshotShape(value);
      if (problem) throw new ZohoError(messages.snapshotUnreadable(path, problem), { code: 'SNAPSHOT_UNREADABLE', retryable: false });
      return value as ZohoSnapshot;
    },
    async write(snapshot) {
      const text = `${JSON.stringify(snapshot)}\n`;
      if (options.redactor?.leaks(text)) throw new ZohoError(messages.snapshotWouldLeak(), { code: 'SNAPSHOT_LEAK', retryable: false });
      await mkdir(directory, { recursive: true });
      await removeStaleTemps(directory);
      const temp = join(
        directory,
        `${SNAPSHOT_FILE}.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`,
      );
      try {
        const handle = await open(temp, 'w', 0o600);
        try {
          await handle.writeFile(text, 'utf8');
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temp, path);
      } catch (error) {
        await unlink(temp).catch(() => undefined);
        throw new ZohoError(messages.snapshotWriteFailed(path, (error as Error).message), {
          code: 'SNAPSHOT_WRITE_FAILED',
          retryable: false,
          cause: error,
        });
      }
      // Make the rename itself durable where the platform allows syncing a directory.
      await open(directory, 'r')
        .then(async (dir) => {
          await dir.sync().catch(() => undefined);
          await dir.close();
        })
        .catch(() => undefined);
    },
  };
}

async function removeStaleTemps(directory: string): Promise<void> {
  const names = await readdir(directory).catch(() => [] as string[]);
  await Promise.all(
    names
      .filter((n) => n.startsWith(`${SNAPSHOT_FILE}.`) && n.endsWith('.tmp'))
      .map((n) => unlink(join(directory, n)).catch(() => undefined)),
  );
}

/**
 * What is wrong with a parsed snapshot, or null when it has the expected shape.
 *
 * @example
 * ```ts
 * checkSnapshotShape({ format: 'other' }); // 'not a Panopticon Zoho snapshot (format "other")'
 * checkSnapshotShape(emptySnapshot('0123456789abcdef', 'US', 'https://www.zohoapis.com', new Date().toISOString())); // null
 * ```
 */
export function checkSnapshotShape(value: unknown): string | null {
  if (!value || typeof value !== 'object') return 'not a JSON object';
  const s = value as Partial<ZohoSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT) return `not a Panopticon Zoho snapshot (format ${JSON.stringify(s.format)})`;
  if (s.version !== SNAPSHOT_VERSION) return `snapshot version ${String(s.version)}, this version reads ${SNAPSHOT_VERSION}`;
  for (const key of ['leads', 'historyRows', 'events', 'timelines', 'observed'] as const) {
    if (!s[key] || typeof s[key] !== 'object' || Array.isArray(s[key])) return `field "${key}" is missing or not an object`;
  }
  if (!Array.isArray(s.invalidLeads)) return 'field "invalidLeads" is missing or not a list';
  for (const key of ['fingerprint', 'watermark', 'lastSyncAt', 'lastFullSyncAt', 'firstSyncAt'] as const) {
    if (typeof s[key] !== 'string') return `field "${key}" is missing`;
  }
  if (Number.isNaN(Date.parse(s.watermark as string))) return 'field "watermark" is not a date';
  return null;
}
