import { formatIssue } from '@panopticon/core';
import { syncLeads } from '@panopticon/zoho-adapter';
import { DEFAULT_ZOHO_STORE, HELP_OPTION, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { findConfigFile, loadConfig } from '../config.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { SETTINGS } from '../settings/definitions.js';
import { zohoStore } from '../settings/resolve.js';
import { mergeLayers, readConfig, readFlags, type SettingsOf } from '../settings/setting.js';
import { progressPrinter, zohoCliError, zohoOptions } from '../zoho.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  zoho: { type: 'boolean', help: 'sync from Zoho CRM (the only source that syncs; required)' },
  store: {
    type: 'string',
    arg: 'DIR',
    help: `the local snapshot directory (default: the config's zoho.store, else ${DEFAULT_ZOHO_STORE})`,
  },
  config: { type: 'string', arg: 'FILE', help: 'the config file with the "zoho" section (default: panopticon.config.json here, if any)' },
  'owner-history': { type: 'boolean', help: 'read owner changes even where the config file turns them off (zoho.ownerHistory: false)' },
  full: { type: 'boolean', help: 'read everything again instead of only what changed since the last sync' },
  'no-wait': { type: 'boolean', help: 'fail at once if another sync holds the store, instead of waiting for it' },
  tz: { type: 'string', arg: 'ZONE', help: 'IANA zone for Zoho datetimes without an offset (default: the config timeZone, else UTC)' },
  ...HELP_OPTION,
};

export const SYNC_HELP = helpText(
  'panopticon sync --zoho [--store DIR] [--config FILE] [--full] [--no-wait]',
  'Reads leads, stage history and owner changes from Zoho CRM into a local snapshot. The first sync reads\n' +
    'everything; later ones fetch only records modified or deleted since (If-Modified-Since). The snapshot is\n' +
    'replaced atomically: a failed or interrupted sync leaves the last good one intact. One sync at a time per\n' +
    'store: a second one waits for the first (or, with --no-wait, fails naming it).',
  OPTIONS,
  'Configuration: the "zoho" section of panopticon.config.json (field mapping, history module, appointments,\n' +
    'owner history, historySince, dataCenter, store); `panopticon zoho init` writes a starting file.\n' +
    'Environment: ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN (required), ZOHO_DC (US, EU, IN, AU, JP, CA,\n' +
    'SA, CN; overrides zoho.dataCenter), ZOHO_ACCOUNTS_URL and ZOHO_API_DOMAIN (other data centers such as UK,\n' +
    'sandbox and developer orgs, tests). Secrets are never printed. See docs/zoho.md for the Zoho set-up.',
);

/** The settings `sync` reads: its flags and the config file's `timeZone` and `zoho` section. */
const SYNC_SETTINGS = {
  configFile: SETTINGS.configFile,
  timeZone: SETTINGS.timeZone,
  store: SETTINGS.store,
  ownerHistory: SETTINGS.ownerHistory,
  full: SETTINGS.full,
  zohoConfig: SETTINGS.zohoConfig,
};
export type SyncSettings = Omit<SettingsOf<typeof SYNC_SETTINGS>, 'zohoConfig' | 'configFile'> & {
  zohoConfig: NonNullable<SettingsOf<typeof SYNC_SETTINGS>['zohoConfig']>;
  wait: boolean;
};

function syncSettings(values: ParsedValues, io: Io): SyncSettings {
  if (values.zoho !== true) throw new CliError('panopticon sync: say where from: --zoho (the only source that syncs).', 2);
  const flags = readFlags(SYNC_SETTINGS, values, { cwd: io.cwd });
  const configFile = findConfigFile(flags.configFile, io.cwd);
  const config = configFile === undefined ? undefined : loadConfig(configFile);
  const { configFile: _configFile, ...settings } = mergeLayers(SYNC_SETTINGS, flags, readConfig(SYNC_SETTINGS, config));
  const zohoConfig = settings.zohoConfig ?? {};
  return {
    ...settings,
    zohoConfig,
    ownerHistory: settings.ownerHistory || (zohoConfig.ownerHistory ?? true),
    store: zohoStore(flags.store, zohoConfig, config?.path, io.cwd),
    wait: values['no-wait'] !== true,
  };
}

export const syncCommand: Command<SyncSettings> = { options: OPTIONS, help: SYNC_HELP, settings: syncSettings, run: sync };

async function sync(settings: SyncSettings, io: Io): Promise<number> {
  const { store, timeZone, full, ownerHistory, zohoConfig, wait } = settings;
  let result: Awaited<ReturnType<typeof syncLeads>>;
  try {
    result = await syncLeads({
      env: io.env,
      ...zohoOptions(zohoConfig, io.env),
      store,
      timeZone,
      full,
      ownerHistory,
      waitForStore: wait,
      onProgress: progressPrinter(io, Boolean(process.stderr.isTTY)),
    });
  } catch (error) {
    throw zohoCliError(error);
  }
  const { sync, stats, issues } = result;
  for (const issue of issues) io.err(`  ${formatIssue(issue)}\n`);
  const deleted = sync.read.deleted > 0 ? `, ${sync.read.deleted} deleted in Zoho removed` : '';
  io.out(
    `${sync.mode} sync: ${result.leads.length} leads in the snapshot (${stats.accepted} accepted, ${stats.rejected} rejected${deleted}); ` +
      `read ${sync.read.leads} lead records, ${sync.read.historyRows} history rows, ${sync.read.timelines} timelines; ` +
      `${sync.calls} API calls, ${sync.credits} credits${sync.creditsRemaining !== null ? ` (${sync.creditsRemaining} remaining)` : ''}, ` +
      `${(sync.durationMs / 1000).toFixed(1)} s. Snapshot: ${sync.snapshotPath ?? store}\n`,
  );
  return 0;
}
