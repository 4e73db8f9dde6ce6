import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { startFakeZoho, type FakeZoho, type FakeZohoOptions } from '../src/testing.js';
import type { RetryPolicyOptions } from '../src/index.js';
import { createZohoSync } from '../src/sync.js';

const cleanups: Array<() => Promise<void>> = [];

// Every server and directory a test opens is closed/removed after it, pass or fail.
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

export async function fake(options: FakeZohoOptions = {}): Promise<FakeZoho> {
  const server = await startFakeZoho(options);
  cleanups.push(() => server.close());
  return server;
}

export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'panopticon-zoho-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A fast retry policy for tests: real tries, tiny waits. */
export const fastRetry: RetryPolicyOptions = { baseDelayMs: 2, maxDelayMs: 20, maxAttempts: 8 };

/** Client options pointing at a fake. */
export function connection(server: FakeZoho) {
  return {
    credentials: server.credentials,
    accountsUrl: server.accountsUrl,
    apiDomain: server.apiDomain,
    retry: fastRetry,
  };
}

/**
 * A fake org of 5,000 leads (1,500 appointed) whose history module tracks owners, and a sync of it into a
 * fresh store that reads the owner column.
 */
export async function ownerTrackingOrg(seed: number) {
  const server = await fake({ data: { leads: 5000, appointed: 1500, seed, ownerRows: true } });
  const dir = await tempDir();
  const sync = createZohoSync({ ...connection(server), store: dir, history: { owner: 'Lead_Owner' } });
  return { server, dir, sync };
}
