import { startFakeZoho } from '@panopticon/zoho-adapter/testing';
import { HELP_OPTION, helpText, integerValue, parseCommandArgs, type OptionSpecs } from '../args.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';

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

export async function fakeZohoCommand(argv: string[], io: Io): Promise<number> {
  const values = parseCommandArgs('fake-zoho', argv, OPTIONS);
  if (values.help) {
    io.out(FAKE_ZOHO_HELP);
    return 0;
  }
  const { ZOHO_CLIENT_ID: clientId, ZOHO_CLIENT_SECRET: clientSecret, ZOHO_REFRESH_TOKEN: refreshToken } = io.env;
  if (!clientId || !clientSecret || !refreshToken) {
    throw new CliError('panopticon fake-zoho: set ZOHO_CLIENT_ID, ZOHO_CLIENT_SECRET and ZOHO_REFRESH_TOKEN (any values) for the fake to accept.', 2);
  }
  const leads = integerValue(values, 'leads', 5000);
  const appointed = integerValue(values, 'appointed', Math.round(leads * 0.3));
  const latencyMs = values.latency === undefined ? 0 : integerValue(values, 'latency', 0);
  const server = await startFakeZoho({
    clientId,
    clientSecret,
    refreshToken,
    latencyMs,
    data: { leads, appointed },
    historyModule: values['no-history-module'] === true ? false : 'Lead_Status_History',
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
