import { startFakeZoho } from '@panopticon/zoho-adapter/testing';
import * as z from 'zod';
import { HELP_OPTION, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { mergeLayers, readFlags, setting, wholeNumber, type SettingsOf } from '../settings/setting.js';
import type { Command } from './command.js';

const OPTIONS: OptionSpecs = {
  leads: { type: 'string', arg: 'N', help: 'generated leads (default: 5000)' },
  appointed: { type: 'string', arg: 'N', help: 'of which appointed (default: 30%)' },
  latency: { type: 'string', arg: 'MS', help: 'latency added to every call (default: 0)' },
  'no-history-module': { type: 'boolean', help: 'behave like an org without stage-history tracking (timelines only)' },
  ...HELP_OPTION,
};

export const FAKE_ZOHO_HELP = helpText(
  'ZOHO_CLIENT_ID=… ZOHO_CLIENT_SECRET=… ZOHO_REFRESH_TOKEN=… panopticon fake-zoho [--leads 5000] [--latency 50]',
  'Starts the fake Zoho CRM server (loopback only) with generated data, for demos and trying `sync --zoho`\n' +
    'without an org. It accepts the credentials found in its own ZOHO_* environment variables, and prints the\n' +
    'two host variables to set in the shell that runs panopticon. Stop it with Ctrl-C.',
  OPTIONS,
);

const Count = z.number().int().positive();
/** The fake's ranges: a million leads, a minute of latency. */
const LEADS = { min: 1, max: 1_000_000 };
const LATENCY = { min: 1, max: 60_000 };
const FAKE_ZOHO_SETTINGS = {
  /** Generated leads (`--leads N`). */
  leads: setting({ schema: Count, flag: { name: 'leads', read: wholeNumber('leads', Count, LEADS) }, default: 5000 }),
  /** Of which appointed (`--appointed N`); default 30% of the leads. */
  appointed: setting({ schema: Count, flag: { name: 'appointed', read: wholeNumber('appointed', Count, LEADS) } }),
  /** Latency added to every call (`--latency MS`, at least 1 when given). */
  latencyMs: setting({
    schema: z.number().int().nonnegative(),
    flag: { name: 'latency', read: wholeNumber('latency', Count, LATENCY) },
    default: 0,
  }),
  /** Serve the stage-history module (not under `--no-history-module`). */
  historyModule: setting({ schema: z.boolean(), flag: { name: 'no-history-module', read: (raw) => raw !== true }, default: true }),
};

/** The fake's settings: the credentials it accepts (from its own environment) and the data it generates. */
export interface FakeZohoSettings extends SettingsOf<typeof FAKE_ZOHO_SETTINGS> {
  appointed: number;
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

function fakeZohoSettings(values: ParsedValues, io: Io): FakeZohoSettings {
  const { ZOHO_CLIENT_ID: clientId, ZOHO_CLIENT_SECRET: clientSecret, ZOHO_REFRESH_TOKEN: refreshToken } = io.env;
  if (!clientId || !clientSecret || !refreshToken) {
    throw new CliError(
      'panopticon fake-zoho: set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN (any values) for the fake to accept.',
      2,
    );
  }
  const settings = mergeLayers(FAKE_ZOHO_SETTINGS, readFlags(FAKE_ZOHO_SETTINGS, values, { cwd: io.cwd }));
  return { ...settings, appointed: settings.appointed ?? Math.round(settings.leads * 0.3), clientId, clientSecret, refreshToken };
}

export const fakeZohoCommand: Command<FakeZohoSettings> = {
  options: OPTIONS,
  help: FAKE_ZOHO_HELP,
  settings: fakeZohoSettings,
  run: fakeZoho,
};

async function fakeZoho(settings: FakeZohoSettings, io: Io): Promise<number> {
  const { clientId, clientSecret, refreshToken, latencyMs, leads, appointed } = settings;
  const server = await startFakeZoho({
    clientId,
    clientSecret,
    refreshToken,
    latencyMs,
    data: { leads, appointed },
    historyModule: settings.historyModule ? 'Lead_Status_History' : false,
  });
  io.out(
    `Fake Zoho CRM with ${leads} leads (${appointed} appointed) is listening on loopback. In another shell:\n\n` +
      `  export ZOHO_ACCOUNTS_URL=${server.accountsUrl}\n  export ZOHO_API_DOMAIN=${server.apiDomain}\n` +
      `  npx panopticon sync --zoho\n\nCtrl-C stops it.\n`,
  );
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
