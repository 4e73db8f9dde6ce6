import { AS_OF_OPTION, HELP_OPTION, INPUT_OPTIONS, METRIC_OPTIONS, helpText, type OptionSpecs, type ParsedValues } from '../args.js';
import { webhookHost, WebhookUrlSchema } from '../digest/config-schema.js';
import { runDigest, type DigestSettings } from '../digest/run.js';
import { runWeekly } from '../digest/run-weekly.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import { DIGEST_FLAGS } from '../settings/definitions.js';
import { resolveSettings } from '../settings/resolve.js';
import { absolute, mergeLayers, readFlags } from '../settings/setting.js';
import type { Command } from './command.js';

/** The digest's own flags (shared with run-daily). */
export const DIGEST_OPTIONS: OptionSpecs = {
  state: { type: 'string', arg: 'FILE', help: 'what was last sent to whom (default: .panopticon/digest-state.json)' },
  'dry-run': { type: 'boolean', help: 'print what would be sent to whom; send nothing, change no state' },
  webhook: { type: 'string', arg: 'URL', help: 'also post to this Slack or Teams incoming webhook (else PANOPTICON_WEBHOOK_URL)' },
  'webhook-format': { type: 'string', arg: 'slack|teams', help: "the webhook's service (default: the config's digest.webhookFormat)" },
  'record-url': { type: 'string', arg: 'URL', help: "a lead's CRM page, {id} for its id (default: the config's recordUrl)" },
};

const OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  ...METRIC_OPTIONS,
  ...DIGEST_OPTIONS,
  format: { type: 'string', arg: 'text|html|json', help: 'print the whole digest in this format instead of sending it' },
  weekly: {
    type: 'boolean',
    help: 'send the weekly response report to digest.weekly.managers instead (heatmap as PNG, worse slots, speed to lead)',
  },
  ...HELP_OPTION,
};

export const DIGEST_HELP = helpText(
  'panopticon digest [data flags] [--as-of DATE] [--state FILE] [--dry-run] [--format text|html|json] [--webhook URL --webhook-format slack|teams]',
  'Sends what changed on the needs-attention list since the last digest: leads new on it, leads that got worse,\n' +
    'leads resolved (progressed, won, lost, reassigned), and the headline figures with their change. Coordinators\n' +
    'get the whole digest, each locator only their own leads. Nothing new: nothing is sent (exit 0).',
  OPTIONS,
  'Recipients and the mail server: the "digest" section of panopticon.config.json (docs/daily.md).\n' +
    'Environment: PANOPTICON_SMTP_USER, PANOPTICON_SMTP_PASS (the SMTP login), PANOPTICON_WEBHOOK_URL. Secrets are never printed.\n' +
    'Exit codes: 0 sent (or nothing to send), 1 a delivery failed (its recipient is sent again next time), 2 usage.',
);

/** The digest's settings: the data settings, then its own flags, the webhook URL from the flag or the environment. */
export function digestSettings(values: ParsedValues, io: Io): DigestSettings {
  // --format is the digest's own (text|html|json), not the tables' one.
  const { format: _format, ...dataValues } = values;
  const own = mergeLayers(DIGEST_FLAGS, readFlags(DIGEST_FLAGS, values, { cwd: io.cwd }));
  const settings = resolveSettings(dataValues, io);
  const url = own.webhook ?? (io.env.PANOPTICON_WEBHOOK_URL?.trim() || undefined);
  if (url !== undefined && !WebhookUrlSchema.safeParse(url).success) {
    throw new CliError(`PANOPTICON_WEBHOOK_URL must be an http(s) URL, got one with host ${webhookHost(url)}.`, 2);
  }
  return {
    ...settings,
    state: absolute(own.state, io.cwd),
    dryRun: own.dryRun,
    weekly: own.weekly,
    ...(own.digestFormat ? { digestFormat: own.digestFormat } : {}),
    ...(url ? { webhook: { url, host: webhookHost(url), ...(own.webhookFormat ? { format: own.webhookFormat } : {}) } } : {}),
  };
}

export const digestCommand: Command<DigestSettings> = {
  options: OPTIONS,
  help: DIGEST_HELP,
  settings: digestSettings,
  run: (s, io) => (s.weekly ? runWeekly(s, io) : runDigest(s, io)),
};
