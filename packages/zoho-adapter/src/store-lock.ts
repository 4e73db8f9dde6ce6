/**
 * One sync at a time per snapshot directory. Two syncs writing one store would replace each other's
 * snapshot (and remove each other's temporary files); the second one waits for the first instead, or
 * fails at once naming it. A lock left by a process that no longer runs (killed mid-sync) is taken over.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ZohoConfigError } from './errors.js';
import { messages } from './messages.js';
import { abortableSleep } from './retry.js';

/**
 * The lock file in the snapshot directory, present while a sync runs.
 *
 * @example
 * ```ts
 * existsSync(join('.panopticon/zoho', STORE_LOCK_FILE)); // true while a sync writes the store
 * ```
 */
export const STORE_LOCK_FILE = 'sync.lock';

/**
 * Who holds a store's lock.
 *
 * @example
 * ```ts
 * const holder: StoreLockHolder = { pid: 4242, host: 'build-1', startedAt: '2026-03-02T09:00:00.000Z', id: '…' };
 * ```
 */
export interface StoreLockHolder {
  pid: number;
  host: string;
  startedAt: string;
  /** Tells two holders in one process apart. */
  id: string;
}

/**
 * Options of {@link lockStore}.
 *
 * @example
 * ```ts
 * const release = await lockStore('.panopticon/zoho', { wait: false });
 * ```
 */
export interface LockStoreOptions {
  /** Wait for another sync to finish (default), or fail at once. */
  wait?: boolean;
  /** Called once when the lock is held by another sync and this one starts waiting. */
  onWait?: (holder: StoreLockHolder) => void;
  /** How often to look again while waiting. Default 200 ms. */
  pollMs?: number;
  signal?: AbortSignal;
}

/**
 * Takes the lock of a snapshot directory; resolves to the function that releases it. Throws a
 * `ZohoConfigError` (`STORE_LOCKED`) naming the other process when it is held and `wait` is false.
 *
 * @example
 * ```ts
 * const release = await lockStore(dir, { onWait: (h) => console.error(`waiting for the sync of pid ${h.pid}`) });
 * try { … } finally { await release(); }
 * ```
 */
export async function lockStore(directory: string, options: LockStoreOptions = {}): Promise<() => Promise<void>> {
  const path = join(directory, STORE_LOCK_FILE);
  const me: StoreLockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), id: randomUUID() };
  await mkdir(directory, { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const handle = await open(path, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify(me), 'utf8');
      } finally {
        await handle.close();
      }
      return async () => {
        const holder = await readHolder(path);
        if (holder?.id === me.id) await unlink(path).catch(() => undefined);
      };
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && isStale(holder)) {
      // The process that took it is gone: take the lock over (one of several contenders wins the next open).
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (holder && options.wait === false) throw new ZohoConfigError(messages.storeLocked(directory, holder), 'STORE_LOCKED');
    if (holder && !waited) {
      waited = true;
      options.onWait?.(holder);
    }
    // No holder yet: the other process is between creating the file and writing it.
    await abortableSleep(options.pollMs ?? 200, options.signal);
  }
}

async function readHolder(path: string): Promise<StoreLockHolder | null> {
  try {
    const value = JSON.parse(await readFile(path, 'utf8')) as Partial<StoreLockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, startedAt: String(value.startedAt), id: String(value.id) };
  } catch {
    return null;
  }
}

/** A lock of a process on this machine that no longer runs. (Another machine's process cannot be checked.) */
function isStale(holder: StoreLockHolder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'ESRCH';
  }
}
