import { formatIssue } from '@panopticon/core';
import { syncFromEnv } from '@panopticon/zoho-adapter';
import { DEFAULT_ZOHO_STORE, HELP_OPTION, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { SETTINGS } from '../settings/definitions.js';
import { absolute, mergeLayers, readFlags, type SettingsOf } from '../settings/setting.js';
import { progressPrinter, zohoCliError } from '../zoho.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  zoho: { type: 'boolean', help: 'sync from Zoho CRM (the only source that syncs; required)' },
  store: { type: 'string', arg: 'DIR', help: `the local snapshot directory (default: ${DEFAULT_ZOHO_STORE})` },
  'owner-history': {
    type: 'boolean',
    help: 'read owner changes of appointed leads from their timelines (one call each on the first sync)',
  },
  full: { type: 'boolean', help: 'read everything again instead of only what changed since the last sync' },
  tz: { type: 'string', arg: 'ZONE', help: 'IANA zone for Zoho datetimes without an offset (default: UTC)' },
  ...HELP_OPTION,
};

export const SYNC_HELP = helpText(
  'panopticon sync --zoho [--store DIR] [--full]',
  'Reads leads, stage history and owner changes from Zoho CRM into a local snapshot. The first sync reads\n' +
    'everything; later ones fetch only records modified since (If-Modified-Since). The snapshot is replaced\n' +
    'atomically: a failed or interrupted sync leaves the last good one intact.',
  OPTIONS,
  'Environment: ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN (required), ZOHO_DC (US, EU, IN, AU, JP, CA,\n' +
    'SA, CN; default US), ZOHO_ACCOUNTS_URL and ZOHO_API_DOMAIN (override the hosts: sandbox, developer orgs, tests).\n' +
    'Secrets are never printed. See docs/zoho.md for the Zoho set-up.',
);

/** The settings `sync` reads: flags only (no config file; Zoho datetimes without an offset are in UTC by default). */
const SYNC_SETTINGS = { timeZone: SETTINGS.timeZone, store: SETTINGS.store, ownerHistory: SETTINGS.ownerHistory, full: SETTINGS.full };
export type SyncSettings = SettingsOf<typeof SYNC_SETTINGS>;

function syncSettings(values: ParsedValues, io: Io): SyncSettings {
  if (values.zoho !== true) throw new CliError('panopticon sync: say where from: --zoho (the only source that syncs).', 2);
  const settings = mergeLayers(SYNC_SETTINGS, readFlags(SYNC_SETTINGS, values, { cwd: io.cwd }));
  return { ...settings, store: absolute(settings.store, io.cwd) };
}

export const syncCommand: Command<SyncSettings> = { options: OPTIONS, help: SYNC_HELP, settings: syncSettings, run: sync };

async function sync(settings: SyncSettings, io: Io): Promise<number> {
  const { store, timeZone, full, ownerHistory } = settings;
  let result: Awaited<ReturnType<typeof syncFromEnv>>;
  try {
    result = await syncFromEnv(io.env, {
      store,
      timeZone,
      full,
      ownerHistory,
      onProgress: progressPrinter(io, Boolean(process.stderr.isTTY)),
    });
  } catch (error) {
    throw zohoCliError(error);
  }
  const { sync, stats, issues } = result;
  for (const issue of issues) io.err(`  ${formatIssue(issue)}\n`);
  io.out(
    `${sync.mode} sync: ${result.leads.length} leads in the snapshot (${stats.accepted} accepted, ${stats.rejected} rejected); ` +
      `read ${sync.read.leads} lead records, ${sync.read.historyRows} history rows, ${sync.read.timelines} timelines; ` +
      `${sync.calls} API calls, ${sync.credits} credits${sync.creditsRemaining !== null ? ` (${sync.creditsRemaining} remaining)` : ''}, ` +
      `${(sync.durationMs / 1000).toFixed(1)} s. Snapshot: ${sync.snapshotPath ?? store}\n`,
  );
  return 0;
}
