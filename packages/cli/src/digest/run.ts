/**
 * One digest run: load the data, work out each recipient's digest against what it was last sent, and send
 * it (or print it). Each recipient's state is written as soon as its delivery succeeded, so a failure
 * leaves only that recipient to be sent again; a failure is reported naming the server and the step, the
 * others are still sent, and the run ends non-zero.
 *
 * @module
 */
import { renderJson } from '../format.js';
import type { Io } from '../io.js';
import { recordLinkOf } from '../record-url.js';
import { loadColumnarInputs } from '../inputs.js';
import type { Settings } from '../settings/resolve.js';
import { computeDigest, recipientLabel, sentState, type Digest, type Recipient } from './compute.js';
import { DeliveryError, smtpSender, type SmtpSender } from './deliver-smtp.js';
import { postWebhook } from './deliver-webhook.js';
import { digestMessages } from './messages.js';
import { checkCanSend, recipientsOf, warnUnknownLocators, type WebhookTarget } from './recipients.js';
import { renderHtml } from './render-html.js';
import { renderText } from './render-text.js';
import { layOut } from './sections.js';
import { lockDigest, readState, writeState } from './state.js';
import { slackPayload, teamsPayload } from './webhook-payload.js';
import { formatInstant } from '../commands/follow-up-options.js';
import { CliError } from '../errors.js';

export interface DigestSettings extends Settings {
  /** The state file, absolute. */
  state: string;
  dryRun: boolean;
  /** The weekly response report instead of the daily digest. */
  weekly: boolean;
  /** Print the whole digest in this format instead of sending. */
  digestFormat?: 'text' | 'html' | 'json';
  webhook?: WebhookTarget;
}

export interface DigestRunOptions {
  /** The caller already holds the digest lock (run-daily). */
  locked?: boolean;
  /** Said at the top of every digest: the data is older than it should be. */
  staleData?: string;
}

/** Runs the digest; resolves to the exit code (0 sent or nothing to send, 1 a delivery failed). */
export async function runDigest(settings: DigestSettings, io: Io, options: DigestRunOptions = {}): Promise<number> {
  const digestConfig = settings.digest;
  const printing = settings.digestFormat !== undefined;
  const recipients = recipientsOf(digestConfig, settings.webhook);
  if (!printing) checkCanSend(digestConfig, recipients);
  const data = await loadColumnarInputs(settings, io);
  warnUnknownLocators(digestConfig, data.leads.locator, io);
  // The record link: recordUrl, else for Zoho the record address from the data center and org id.
  const recordUrl = recordLinkOf(settings, io.env, data.syncedOrg).template ?? undefined;
  const inputs = {
    data,
    settings: { ...settings, recordUrl },
    ...(digestConfig?.locators ? { addressed: new Set(Object.keys(digestConfig.locators)) } : {}),
    ...(digestConfig?.pageUrl ? { pageUrl: digestConfig.pageUrl } : {}),
    ...(options.staleData ? { staleData: options.staleData } : {}),
  };

  if (printing) {
    // What the first whole-list recipient would get next (a first digest when there is none yet).
    const state = readState(settings.state);
    const whole = recipients.find((r) => r.kind === 'webhook' || r.locator === undefined);
    const digest = computeDigest(inputs, whole ?? PRINTED, whole ? state.recipients[whole.key] : undefined);
    io.out(
      settings.digestFormat === 'json'
        ? renderJson(digestJson(digest))
        : settings.digestFormat === 'html'
          ? renderHtml(layOut(digest))
          : renderText(layOut(digest)),
    );
    return 0;
  }

  const release = options.locked || settings.dryRun ? undefined : await lockDigest(settings.state, (m) => io.err(`${m}\n`));
  let sender: SmtpSender | undefined;
  try {
    const state = readState(settings.state);
    checkForward(state.recipients, settings);
    let failed = 0;
    for (const recipient of recipients) {
      const digest = computeDigest(inputs, recipient, state.recipients[recipient.key]);
      const who = recipientLabel(recipient);
      if (!digest.hasNews) {
        io.out(`${digestMessages.nothingNew(who, formatInstant(digest.since!, settings.timeZone))}\n`);
        continue;
      }
      if (settings.dryRun) {
        io.out(`${digestMessages.wouldSend(who, digest.subject)}\n\n${indent(renderText(layOut(digest)))}\n`);
        continue;
      }
      try {
        if (recipient.kind === 'email') {
          sender ??= await smtpSender({
            smtp: digestConfig!.smtp!,
            from: digestConfig!.from!,
            timeoutMs: timeoutMs(settings),
            env: io.env,
          });
          const layout = layOut(digest);
          await sender.send({ to: recipient.address, subject: digest.subject, text: renderText(layout), html: renderHtml(layout) });
        } else {
          const layout = layOut(digest);
          const payload = recipient.format === 'slack' ? slackPayload(layout, digest.pageUrl) : teamsPayload(layout, digest.pageUrl);
          await postWebhook(recipient.url, recipient.host, recipient.format, payload, timeoutMs(settings));
        }
      } catch (error) {
        if (!(error instanceof DeliveryError)) throw error;
        failed++;
        io.err(`${digestMessages.failed(who, error.message)}\n`);
        continue;
      }
      state.recipients[recipient.key] = sentState(digest, io.now());
      writeState(settings.state, state);
      io.out(`${digestMessages.sent(who, digest.subject)}\n`);
    }
    return failed > 0 ? 1 : 0;
  } finally {
    sender?.close();
    await release?.();
  }
}

const PRINTED: Recipient = { kind: 'email', key: '(printed)', address: '(printed)' };

function timeoutMs(settings: DigestSettings): number {
  return (settings.digest?.timeoutSeconds ?? 30) * 1000;
}

/** The digest only moves forward: an --as-of before what was last sent would report leads as resolved that are not. */
function checkForward(recipients: Record<string, { asOf: string }>, settings: DigestSettings): void {
  for (const r of Object.values(recipients)) {
    const at = new Date(r.asOf);
    if (at.getTime() > settings.asOf.getTime()) {
      throw new CliError(
        digestMessages.stateAhead(settings.state, formatInstant(at, settings.timeZone), formatInstant(settings.asOf, settings.timeZone)),
      );
    }
  }
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}

/** `--format json`: the digest's facts. */
function digestJson(d: Digest) {
  const row = (r: Digest['changes']['current'][number]) => ({
    leadId: r.leadId,
    name: r.name,
    locator: r.locator,
    stage: r.stage,
    appointmentAt: r.appointmentAt?.toISOString() ?? null,
    reason: r.reason,
    days: r.days,
  });
  return {
    asOf: d.asOf.toISOString(),
    timeZone: d.timeZone,
    first: d.first,
    since: d.since?.toISOString() ?? null,
    subject: d.subject,
    ...(d.staleData ? { staleData: d.staleData } : {}),
    kpis: d.kpis,
    added: d.changes.added.map(row),
    worse: d.changes.worse.map((c) => ({ ...row(c.row), before: c.before.reason })),
    better: d.changes.better.map((c) => ({ ...row(c.row), before: c.before.reason })),
    resolved: d.changes.resolved.map((r) => ({
      leadId: r.before.leadId,
      name: r.name,
      why: r.why,
      before: r.before.reason,
      stage: r.stage,
      locator: r.locator,
    })),
    unchanged: d.changes.unchanged.length,
    current: d.changes.current.length,
  };
}
