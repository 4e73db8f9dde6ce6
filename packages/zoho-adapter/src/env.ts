import type { LeadSource, LoadResult } from '@panopticon/core';
import type { ZohoCredentials } from './auth.js';
import { ZohoConfigError } from './errors.js';
import { messages } from './messages.js';
import { ZohoSync, loadZohoSnapshot, type ZohoSyncOptions, type ZohoSyncResult, type SyncLeadsOptions } from './sync.js';

/**
 * The environment variables the adapter reads (an injected object such as `process.env`).
 *
 * @example
 * ```ts
 * const env: ZohoEnv = process.env; // ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN, ZOHO_DC …
 * const result = await syncFromEnv(env, { store: '.panopticon/zoho' });
 * ```
 */
export interface ZohoEnv {
  /** Self-client id (secret-ish; never printed). */
  ZOHO_CLIENT_ID?: string | undefined;
  /** Self-client secret. */
  ZOHO_CLIENT_SECRET?: string | undefined;
  /** The long-lived refresh token. */
  ZOHO_REFRESH_TOKEN?: string | undefined;
  /** Data center: US (default), EU, IN, AU, JP, CA, SA, CN. */
  ZOHO_DC?: string | undefined;
  /** Overrides the DC's accounts host (developer orgs, the fake server). */
  ZOHO_ACCOUNTS_URL?: string | undefined;
  /** Overrides the API domain (sandbox `https://sandbox.zohoapis.<tld>`, developer orgs, the fake server). */
  ZOHO_API_DOMAIN?: string | undefined;
  [name: string]: string | undefined;
}

/**
 * The variables `syncFromEnv` requires.
 *
 * @example
 * ```ts
 * const missing = REQUIRED_ZOHO_ENV.filter((name) => !process.env[name]);
 * if (missing.length) console.error(`Set ${missing.join(', ')} first (docs/zoho.md).`);
 * ```
 */
export const REQUIRED_ZOHO_ENV = ['ZOHO_CLIENT_ID', 'ZOHO_CLIENT_SECRET', 'ZOHO_REFRESH_TOKEN'] as const;

/**
 * Connection options from the environment; throws a config error naming (never showing) what is missing.
 *
 * @example
 * ```ts
 * // Throws a ZohoConfigError (code 'MISSING_ENV') naming any missing variable.
 * const connection = zohoConnectionFromEnv(process.env);
 * const sync = createZohoSync({ ...connection, store: '.panopticon/zoho' });
 * ```
 */
export function zohoConnectionFromEnv(env: ZohoEnv): Pick<ZohoSyncOptions, 'credentials' | 'dc' | 'accountsUrl' | 'apiDomain'> {
  const value = (name: string) => {
    const v = env[name];
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const missing = REQUIRED_ZOHO_ENV.filter((name) => value(name) === undefined);
  if (missing.length) throw new ZohoConfigError(messages.missingEnv(missing), 'MISSING_ENV');
  const credentials: ZohoCredentials = {
    clientId: value('ZOHO_CLIENT_ID')!,
    clientSecret: value('ZOHO_CLIENT_SECRET')!,
    refreshToken: value('ZOHO_REFRESH_TOKEN')!,
  };
  return { credentials, dc: value('ZOHO_DC'), accountsUrl: value('ZOHO_ACCOUNTS_URL'), apiDomain: value('ZOHO_API_DOMAIN') };
}

/**
 * A {@link ZohoSync} whose credentials and hosts come from `env`; options given explicitly win.
 *
 * @example
 * ```ts
 * const sync = createZohoSyncFromEnv(process.env, { store: '.panopticon/zoho', timeZone: 'America/New_York' });
 * const { leads, sync: report } = await sync.syncLeads();
 * console.log(`${leads.length} leads, ${report.mode} sync, ${report.calls} calls`);
 * ```
 */
export function createZohoSyncFromEnv(env: ZohoEnv, options: Omit<ZohoSyncOptions, 'credentials'> = {}): ZohoSync {
  const connection = zohoConnectionFromEnv(env);
  return new ZohoSync({
    ...connection,
    ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
  });
}

/**
 * One sync with credentials from `env`: what `panopticon sync --zoho [--store DIR]` runs.
 * `options.store` is the snapshot directory; `options.onProgress` receives a progress line.
 *
 * @example
 * ```ts
 * const result = await syncFromEnv(process.env, { store: '.panopticon/zoho', onProgress: (p) => console.error(p.message) });
 * console.log(`${result.leads.length} leads for ${result.sync.credits} credits`);
 * ```
 */
export async function syncFromEnv(
  env: ZohoEnv,
  options: Omit<ZohoSyncOptions, 'credentials'> & SyncLeadsOptions = {},
): Promise<ZohoSyncResult> {
  const { full, signal, ...rest } = options;
  const run: SyncLeadsOptions = {};
  if (full !== undefined) run.full = full;
  if (signal !== undefined) run.signal = signal;
  return createZohoSyncFromEnv(env, rest).syncLeads(run);
}

/**
 * Options of {@link zohoSource}: the snapshot directory, whether to sync first, and the sync's options.
 *
 * @example
 * ```ts
 * const options: ZohoSnapshotSourceOptions = { store: '.panopticon/zoho', sync: false, timeZone: 'America/New_York' };
 * const { leads } = await zohoSource(options).load(); // the snapshot as it is, no API call
 * ```
 */
export interface ZohoSnapshotSourceOptions extends Omit<ZohoSyncOptions, 'credentials' | 'store'> {
  /** The snapshot directory. */
  store: string;
  /** Sync before loading (needs the env credentials); false reads the snapshot as it is (`--offline`). Default true. */
  sync?: boolean;
  /** The environment for credentials when syncing. */
  env?: ZohoEnv;
}

/**
 * A core `LeadSource` over the Zoho snapshot: syncs first (unless `sync: false`), then loads. With
 * `sync: false` and no snapshot yet, `load()` throws a config error saying to run a sync first.
 *
 * @example
 * ```ts
 * const source = zohoSource({ store: '.panopticon/zoho', env: process.env });
 * source.description; // 'Zoho CRM snapshot (.panopticon/zoho)'
 * const { leads, issues } = await source.load(); // syncs, then returns the snapshot's leads
 * ```
 */
export function zohoSource(options: ZohoSnapshotSourceOptions): LeadSource {
  const { store, sync = true, env = {}, ...rest } = options;
  return {
    description: `Zoho CRM snapshot (${store})`,
    async load(): Promise<LoadResult> {
      if (sync) {
        const result = await createZohoSyncFromEnv(env, { ...rest, store }).syncLeads();
        const { sync: _report, ...loadResult } = result;
        return loadResult;
      }
      const result = await loadZohoSnapshot(store, rest);
      if (!result) throw new ZohoConfigError(messages.noSnapshot(store), 'NO_SNAPSHOT');
      return result;
    },
  };
}
