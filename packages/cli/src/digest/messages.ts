/**
 * The digest's wording: what each reason asks the locator to do, how a resolution reads, the subject line
 * and the status lines of `panopticon digest`. Kept together so the text, HTML, Slack and Teams renderings
 * and the tests say the same thing.
 *
 * @module
 */
import { ATTENTION_REASON_LABELS, type AttentionReason, type AttentionResolution } from '@panopticon/core';

/** What to do about a lead, by why it is on the list. */
export const WHAT_TO_DO: Record<AttentionReason, (days: number) => string> = {
  stale: (days) => `no progress ${days} days after the appointment: call back today, or close it as lost`,
  'at-risk': (days) => `no progress ${days} days after the appointment: follow up before it goes stale`,
  'stuck-in-green': (days) => `${days} days in green: request the delivery`,
  stalled: (days) => `${days} days in this stage: move it on`,
};

/** How a resolution reads after the lead's name. */
export const RESOLUTION_TEXT: Record<AttentionResolution, string> = {
  progressed: 'progressed',
  won: 'won',
  lost: 'lost',
  reassigned: 'reassigned',
  rescheduled: 'no longer overdue (appointment moved)',
  removed: 'no longer in the data',
};

export const reasonLabel = (reason: AttentionReason): string => ATTENTION_REASON_LABELS[reason];

/** "Panopticon: 3 new, 1 worse, 5 resolved — 2026-12-04"; the first digest says so. */
export function subjectLine(
  counts: { added: number; worse: number; resolved: number; current: number },
  day: string,
  first: boolean,
): string {
  if (first) return `Panopticon: first digest, ${counts.current} need${counts.current === 1 ? 's' : ''} attention — ${day}`;
  return `Panopticon: ${counts.added} new, ${counts.worse} worse, ${counts.resolved} resolved — ${day}`;
}

export const digestMessages = {
  nothingNew: (who: string, since: string) => `${who}: nothing new since the digest of ${since}; nothing sent.`,
  sent: (who: string, subject: string) => `${who}: sent "${subject}".`,
  wouldSend: (who: string, subject: string) => `${who}: would send "${subject}" (dry run).`,
  failed: (who: string, detail: string) => `${who}: not sent: ${detail} It will be sent again on the next run.`,
  unknownLocator: (name: string, hint: string | undefined) =>
    `digest.locators: "${name}" is not a locator in the data${hint ? ` (did you mean "${hint}"?)` : ''}; nobody's leads go to that address.`,
  noRecipients: () =>
    'panopticon digest: nobody to send to: add "digest": { "coordinators": [...], "locators": {...} } to panopticon.config.json, ' +
    'give --webhook (or PANOPTICON_WEBHOOK_URL), or print it with --format text|html|json.',
  noManagers: () =>
    'panopticon digest --weekly: nobody to send to: add "digest": { "weekly": { "managers": [...] } } to panopticon.config.json, or print it with --format text|html|json.',
  noSmtp: () => 'panopticon digest: the config has email recipients but no "digest": { "smtp": { "host": ... } } to send them with.',
  noFrom: () => 'panopticon digest: the config has email recipients but no "digest": { "from": "..." } sender address.',
  noWebhookFormat: (host: string) =>
    `panopticon digest: say which service the webhook at ${host} is: --webhook-format slack|teams (or "digest": { "webhookFormat": ... }).`,
  stateAhead: (state: string, at: string, asOf: string) =>
    `The digest state ${state} was last sent as of ${at}, after --as-of ${asOf}: the digest only moves forward (use another --state to look back).`,
  waitingForLock: (pid: number) => `Waiting for the digest of process ${pid} to finish (one digest at a time per state file) …`,
};
