import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ZohoApiError, ZohoAuthError, ZohoNetworkError } from '../src/index.js';
import { SNAPSHOT_FILE } from '../src/snapshot.js';
import { TOKEN_CACHE_FILE } from '../src/token-cache.js';
import { createZohoSync } from '../src/sync.js';
import { connection, fake, fastRetry, tempDir } from './helpers.js';

describe('sync under faults', () => {
  test('429 bursts, 500s, dropped and cut-off connections, an expired token mid-sync, the handover at 2,000: correct data', async () => {
    const server = await fake({
      data: { leads: 2600, appointed: 780, uncovered: 60, seed: 13, ownerRows: true },
      concurrencyLimit: 3,
      latencyMs: { min: 0, max: 4 },
    });
    server.inject(
      { kind: 'status', status: 429, count: 4, after: 2 },
      { kind: 'status', status: 500, count: 2, after: 5, match: '/Leads' },
      { kind: 'drop', count: 2, after: 9 },
      { kind: 'truncate', count: 1, after: 11, match: 'Lead_Status_History' },
      { kind: 'expire-tokens', after: 14 },
      { kind: 'status', status: 429, count: 6, after: 30 },
      { kind: 'evict-tokens', after: 3, match: '__timeline' },
      { kind: 'status', status: 503, count: 2, after: 8, match: '__timeline' },
    );
    const dir = await tempDir();
    // One cursor per module, so the leads read crosses the 2,000-record handover (13 pages).
    const result = await createZohoSync({
      ...connection(server),
      store: dir,
      concurrency: 5,
      bothEnds: false,
      history: { owner: 'Lead_Owner' },
    }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads({ ownerFromRows: true }));
    expect(server.pendingFaults()).toBe(0);
    expect(result.sync.retries).toBeGreaterThanOrEqual(10);
    expect(result.sync.tokenRefreshes).toBe(3);
    expect(server.stats.tokenMints).toBe(3);
    // The handover: pages 1–10, then tokens, on the leads read despite the faults.
    const okLeadPages = server.stats.requests.filter((r) => r.path === '/crm/v8/Leads' && r.status === 200 && r.query.sort_order === 'asc');
    expect(okLeadPages.slice(0, 10).map((r) => r.query.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(okLeadPages.slice(10).every((r) => r.query.page_token && !r.query.page)).toBe(true);
    expect(server.stats.requests.some((r) => r.status === 400)).toBe(false);
  });

  test('random faults at 8 % of calls (seeded): the sync still returns the fake data', async () => {
    const server = await fake({
      data: { leads: 1200, appointed: 360, seed: 4 },
      historyModule: false,
      errorRates: { status500: 0.03, status429: 0.03, drop: 0.02 },
      seed: 99,
    });
    const result = await createZohoSync({ ...connection(server), retry: { ...fastRetry, maxAttempts: 10 } }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads());
    expect(server.stats.faultsInjected).toBeGreaterThan(10);
  });

  test('concurrent timeline reads that meet an evicted token trigger exactly one refresh', async () => {
    const server = await fake({ data: { leads: 300, appointed: 120 }, historyModule: false, latencyMs: 5 });
    server.inject({ kind: 'evict-tokens', after: 40 });
    const result = await createZohoSync({ ...connection(server), history: null, concurrency: 5 }).syncLeads();
    expect(result.leads).toEqual(server.expectedLeads());
    expect(server.stats.tokenMints).toBe(2);
    expect(server.stats.statuses['401']).toBeGreaterThanOrEqual(1);
  });

  test('a permanent failure leaves the previous snapshot untouched and says so', async () => {
    const server = await fake({ data: { leads: 500, appointed: 150 } });
    const dir = await tempDir();
    const file = join(dir, SNAPSHOT_FILE);
    const sync = createZohoSync({ ...connection(server), store: dir, retry: { ...fastRetry, maxAttempts: 3 } });
    const good = await sync.syncLeads();
    const before = { text: await readFile(file, 'utf8'), mtime: (await stat(file)).mtimeMs };

    server.data.randomChanges(20, Date.now());
    server.inject({ kind: 'status', status: 500, count: Infinity, match: 'Lead_Status_History' });
    const error = (await sync.syncLeads().catch((e: unknown) => e)) as ZohoApiError;
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
    expect(error.message).toMatch(
      /Lead_Status_History.*500 INTERNAL_ERROR.*Gave up after 3 attempts.*previous snapshot .*zoho-snapshot\.json \(synced .*\) was left unchanged/s,
    );
    expect(await readFile(file, 'utf8')).toBe(before.text);
    expect((await stat(file)).mtimeMs).toBe(before.mtime);
    // No temporary file left behind; beside the snapshot only the kept access token (test/token-cache.test.ts).
    expect((await readdir(dir)).filter((f) => f !== TOKEN_CACHE_FILE)).toEqual([SNAPSHOT_FILE]);
    // The snapshot still loads as the last good state.
    expect(await sync.loadSnapshot()).toEqual({ leads: good.leads, issues: good.issues, stats: good.stats });
  });

  test('a revoked refresh token: a clear auth error, snapshot untouched', async () => {
    const server = await fake({ data: { leads: 50 } });
    const dir = await tempDir();
    await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    const before = await readFile(join(dir, SNAPSHOT_FILE), 'utf8');
    server.revokeRefreshToken();
    const error = (await createZohoSync({ ...connection(server), store: dir })
      .syncLeads()
      .catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error.code).toBe('invalid_code');
    expect(error.message).toMatch(/refused the refresh token \(invalid_code\).*revoked.*was left unchanged/s);
    expect(await readFile(join(dir, SNAPSHOT_FILE), 'utf8')).toBe(before);
  });

  test('an interrupted sync (aborted mid-way) leaves no snapshot behind, and the first one is not written half', async () => {
    const server = await fake({ data: { leads: 2000, appointed: 100 }, latencyMs: 20 });
    const dir = await tempDir();
    const controller = new AbortController();
    const sync = createZohoSync({ ...connection(server), store: dir, onProgress: (p) => p.leads >= 400 && controller.abort() });
    const error = (await sync.syncLeads({ signal: controller.signal }).catch((e: unknown) => e)) as ZohoNetworkError;
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error.code).toBe('ABORTED');
    expect(error.message).toMatch(/No snapshot was written/);
    await expect(stat(join(dir, SNAPSHOT_FILE))).rejects.toThrow();
  });

  test('Zoho throttling token minting ("Access Denied"): a clear auth error, not a retry storm', async () => {
    const server = await fake({ mintLimit: 2 });
    const c = connection(server);
    await createZohoSync(c).syncLeads();
    await createZohoSync(c).syncLeads();
    const error = (await createZohoSync(c)
      .syncLeads()
      .catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error.code).toBe('Access Denied');
    expect(error.message).toMatch(/Wait 10 minutes/);
    expect(server.stats.tokenRequests).toBe(3);
  });
});
