import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ZohoConfigError, lockStore } from '../src/index.js';
import { STORE_LOCK_FILE } from '../src/store-lock.js';
import { createZohoSync, type ZohoSyncResult } from '../src/sync.js';
import { connection, fake, tempDir } from './helpers.js';

describe('one sync at a time per store', () => {
  test('a concurrent sync waits for the first, then syncs incrementally on its snapshot', async () => {
    const server = await fake({ data: { leads: 400, appointed: 120, seed: 9 }, latencyMs: 5 });
    const dir = await tempDir();
    const waits: string[] = [];
    const second = createZohoSync({ ...connection(server), store: dir, onProgress: (p) => waits.push(p.message) });
    // The second starts once the first reports reading (so it holds the lock): started together, either
    // one's lock file could be created first, as the file system answers them.
    let secondRun: Promise<ZohoSyncResult> | undefined;
    const first = createZohoSync({ ...connection(server), store: dir, onProgress: () => void (secondRun ??= second.syncLeads()) });
    const a = await first.syncLeads();
    const b = await secondRun!;
    expect(a.sync.mode).toBe('full');
    expect(b.sync.mode).toBe('incremental');
    expect(b.leads).toEqual(server.expectedLeads());
    expect(waits[0]).toMatch(new RegExp(`Waiting for the sync of process ${process.pid}`));
    expect(await readdir(dir)).not.toContain(STORE_LOCK_FILE);
  });

  test('without waiting, the second sync fails at once naming the other process, and the store is left as it was', async () => {
    const server = await fake({ data: { leads: 50, appointed: 10, seed: 10 } });
    const dir = await tempDir();
    const release = await lockStore(dir);
    const error = (await createZohoSync({ ...connection(server), store: dir, waitForStore: false })
      .syncLeads()
      .catch((e: unknown) => e)) as ZohoConfigError;
    await release();
    expect(error).toBeInstanceOf(ZohoConfigError);
    expect(error.code).toBe('STORE_LOCKED');
    expect(error.message).toContain(`process ${process.pid}`);
    expect(server.stats.calls).toBe(0);
  });

  test('a lock left by a process that no longer runs is taken over', async () => {
    const server = await fake({ data: { leads: 50, appointed: 10, seed: 11 } });
    const dir = await tempDir();
    const dead = spawnSync(process.execPath, ['-e', 'process.exit(0)']).pid!;
    await writeFile(
      join(dir, STORE_LOCK_FILE),
      JSON.stringify({ pid: dead, host: hostname(), startedAt: '2026-01-01T00:00:00.000Z', id: 'killed' }),
    );
    const result = await createZohoSync({ ...connection(server), store: dir, waitForStore: false }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads());
    expect(await readdir(dir)).not.toContain(STORE_LOCK_FILE);
  });
});
