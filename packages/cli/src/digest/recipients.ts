/**
 * Who gets the digest, from the `digest` section of the config and the webhook flag: checked before
 * anything is sent (sender and mail server present, the webhook's service known), with a warning for a
 * locator in `digest.locators` that the data does not know (with the nearest name it does).
 *
 * @module
 */
import { suggestion } from '../suggest.js';
import { CliError } from '../errors.js';
import type { Io } from '../io.js';
import type { DigestConfig } from './config-schema.js';
import type { Recipient } from './compute.js';
import { digestMessages } from './messages.js';
import { emailKey, webhookKey } from './state.js';

export interface WebhookTarget {
  url: string;
  host: string;
  format?: 'slack' | 'teams';
}

/** Every recipient: coordinators (the whole list), locators with an address (their leads), the webhook (the whole list). */
export function recipientsOf(digest: DigestConfig | undefined, webhook: WebhookTarget | undefined): Recipient[] {
  const out: Recipient[] = [];
  for (const address of digest?.coordinators ?? []) out.push({ kind: 'email', key: emailKey(address), address });
  for (const [locator, address] of Object.entries(digest?.locators ?? {}))
    out.push({ kind: 'email', key: `${emailKey(address)}|${locator}`, address, locator });
  if (webhook) {
    const format = webhook.format ?? digest?.webhookFormat;
    if (format === undefined) throw new CliError(digestMessages.noWebhookFormat(webhook.host), 2);
    out.push({ kind: 'webhook', key: webhookKey(webhook.url, webhook.host), url: webhook.url, host: webhook.host, format });
  }
  return out;
}

/** The config can send what it names: a sender and an SMTP server when there are email recipients. */
export function checkCanSend(digest: DigestConfig | undefined, recipients: readonly Recipient[]): void {
  if (recipients.length === 0) throw new CliError(digestMessages.noRecipients(), 2);
  if (!recipients.some((r) => r.kind === 'email')) return;
  if (!digest?.smtp) throw new CliError(digestMessages.noSmtp());
  if (!digest.from) throw new CliError(digestMessages.noFrom());
}

/** A warning for each locator of `digest.locators` that is no locator of the data. */
export function warnUnknownLocators(digest: DigestConfig | undefined, dataLocators: readonly (string | null)[], io: Io): void {
  const known = [...new Set(dataLocators.filter((l): l is string => l !== null))];
  const set = new Set(known);
  for (const name of Object.keys(digest?.locators ?? {}))
    if (!set.has(name)) io.err(`warning: ${digestMessages.unknownLocator(name, suggestion(name, known))}\n`);
}
