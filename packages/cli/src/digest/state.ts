/**
 * The digest state: per recipient, what it was last sent (the leads on its list and their reasons, as of
 * which instant). Read and checked with zod (a state file that is not one is an error naming it, never
 * silently a first digest); written atomically (a temporary file renamed over it), once per recipient
 * after that recipient's delivery succeeded. Holds no secret: a webhook is keyed by its host and a hash.
 *
 * @module
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ATTENTION_REASONS } from '@panopticon/core';
import { lockStore } from '@panopticon/zoho-adapter';
import * as z from 'zod';
import { CliError } from '../errors.js';
import { readTextFile } from '../settings/json-files.js';
import { digestMessages } from './messages.js';

const STATE_FORMAT = 'panopticon-digest-state';

const EntrySchema = z.strictObject({
  leadId: z.string(),
  reason: z.enum(ATTENTION_REASONS),
  locator: z.string().nullable(),
});

const RecipientStateSchema = z.strictObject({
  /** The instant the last digest sent to this recipient described. */
  asOf: z.iso.datetime(),
  /** When it was sent. */
  sentAt: z.iso.datetime(),
  entries: z.array(EntrySchema),
});
export type RecipientState = z.infer<typeof RecipientStateSchema>;

const StateSchema = z.strictObject({
  format: z.literal(STATE_FORMAT),
  version: z.literal(1),
  recipients: z.record(z.string(), RecipientStateSchema),
});
export type DigestState = z.infer<typeof StateSchema>;

/** The state of a digest never sent. */
export function emptyState(): DigestState {
  return { format: STATE_FORMAT, version: 1, recipients: {} };
}

/** Reads the state file; none yet is an empty state. A file that is not a digest state is an error naming it. */
export function readState(path: string): DigestState {
  const read = readTextFile(path);
  if (!('text' in read)) {
    if (read.missing) return emptyState();
    throw new CliError(`Cannot read the digest state ${path}: ${read.reason}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(read.text);
  } catch (error) {
    throw new CliError(
      `The digest state ${path} is not valid JSON (${(error as Error).message}); move it away to start over with a first digest.`,
    );
  }
  const parsed = StateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CliError(
      `The digest state ${path} is not a Panopticon digest state (${issue.path.join('.') || '(the file)'}: ${issue.message}); ` +
        'move it away to start over with a first digest.',
    );
  }
  return parsed.data;
}

/** Writes the state atomically: a temporary file beside it, renamed over it. */
export function writeState(path: string, state: DigestState): void {
  const temporary = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new CliError(`Cannot write the digest state ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
}

/** The state key of an email recipient. */
export function emailKey(address: string): string {
  return `email:${address.toLowerCase()}`;
}

/**
 * The state key of a webhook: its host and a hash of the whole URL (two webhooks on one host are two
 * recipients), never the URL itself, which is a secret.
 */
export function webhookKey(url: string, host: string): string {
  return `webhook:${host}#${createHash('sha256').update(url).digest('hex').slice(0, 16)}`;
}

/**
 * Takes the digest's lock (the snapshot store's lock of the Zoho adapter, on a folder of its own beside
 * the state file: two digests at once wait for each other, a lock left by a killed process is taken over).
 * Resolves to the function that releases it.
 */
export function lockDigest(statePath: string, onWait: (message: string) => void): Promise<() => Promise<void>> {
  return lockStore(join(dirname(statePath), `.${basename(statePath)}.lock`), {
    onWait: (holder) => onWait(digestMessages.waitingForLock(holder.pid)),
  });
}
