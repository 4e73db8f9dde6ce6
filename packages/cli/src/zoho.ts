import {
  ZohoError,
  fileSnapshotStore,
  snapshotLeads,
  snapshotOrg,
  syncLeads,
  zohoSyncOptionsFromConfig,
  type ZohoConfig,
  type ZohoOrg,
  type ZohoSyncOptions,
  type ZohoSyncProgress,
} from '@panopticon/zoho-adapter';
import type { LoadResult } from '@panopticon/core';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import type { LeadSource } from './settings/resolve.js';

/** A progress line on stderr, rewritten in place on a terminal and one line per phase otherwise. */
export function progressPrinter(io: Io, tty: boolean): (p: ZohoSyncProgress) => void {
  let lastPhase = '';
  return (p) => {
    if (tty) io.err(`\r\x1b[2K${p.message}`);
    else if (p.phase !== lastPhase || p.phase === 'done') io.err(`${p.message}\n`);
    lastPhase = p.phase;
    if (tty && p.phase === 'done') io.err('\n');
  };
}

/** The leads of the Zoho snapshot, and what its last sync read of the org (for the record links: record-url.ts). */
export type ZohoLoadResult = LoadResult & { syncedOrg: ZohoOrg };

/**
 * Loads leads from the Zoho snapshot (syncing first unless --offline), with the org the snapshot holds: one
 * read of the file. Zoho errors become user errors.
 */
export async function loadFromZoho(source: Extract<LeadSource, { kind: 'zoho' }>, io: Io, timeZone: string): Promise<ZohoLoadResult> {
  const options = { ...zohoOptions(source.config, io.env), timeZone, ownerHistory: source.ownerHistory };
  let result: ZohoLoadResult | null;
  try {
    if (source.sync) {
      const { sync: report, ...synced } = await syncLeads({
        ...options,
        env: io.env,
        store: source.store,
        onProgress: progressPrinter(io, false),
      });
      result = { ...synced, syncedOrg: report.org };
    } else {
      const snapshot = await fileSnapshotStore(source.store).read();
      result = snapshot ? { ...snapshotLeads(snapshot, options), syncedOrg: snapshotOrg(snapshot) } : null;
    }
  } catch (error) {
    throw zohoCliError(error);
  }
  if (result === null)
    throw new CliError(`Zoho: No Zoho snapshot in ${source.store} yet: run \`panopticon sync --zoho --store ${source.store}\` first.`);
  return result;
}

/**
 * The sync options of the config file's `zoho` section. `ZOHO_DC` in the environment wins over
 * `zoho.dataCenter` (one org, another data center for a session: a sandbox, the fake server).
 */
export function zohoOptions(config: ZohoConfig, env: Io['env']): Omit<ZohoSyncOptions, 'credentials' | 'client' | 'store'> {
  const { dc, ...options } = zohoSyncOptionsFromConfig(config);
  return env.ZOHO_DC?.trim() || dc === undefined ? options : { ...options, dc };
}

/** Zoho errors carry messages written for people (and already redacted): show them as they are. */
export function zohoCliError(error: unknown): Error {
  if (error instanceof ZohoError) return new CliError(`Zoho: ${error.message}`);
  return error as Error;
}
