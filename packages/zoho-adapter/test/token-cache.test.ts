import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ZohoClient } from '../src/index.js';
import { TOKEN_CACHE_FILE } from '../src/token-cache.js';
import { createZohoSync } from '../src/sync.js';
import { connection, fake, tempDir } from './helpers.js';

describe('the access token kept in the store', () => {
  test('three syncs into one store mint one token; the file is private and holds no secret', async () => {
    const server = await fake({ data: { leads: 120, appointed: 40, seed: 3 } });
    const dir = await tempDir();
    for (let i = 0; i < 3; i++) await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    expect(server.stats.tokenMints).toBe(1);
    const file = join(dir, TOKEN_CACHE_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const text = await readFile(file, 'utf8');
    for (const secret of Object.values(server.credentials)) expect(text).not.toContain(secret);
  });

  test('a kept token the API refuses is replaced once, and the new one is kept', async () => {
    const server = await fake({ data: { leads: 50, appointed: 10, seed: 4 } });
    const dir = await tempDir();
    await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    server.evictTokens();
    await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    await createZohoSync({ ...connection(server), store: dir }).syncLeads();
    expect(server.stats.tokenMints).toBe(2);
  });

  test('other credentials do not reuse the kept token', async () => {
    const server = await fake({ data: { leads: 20, appointed: 5, seed: 5 }, refreshToken: ['1000.user-one', '1000.user-two'] });
    const dir = await tempDir();
    const c = connection(server);
    await createZohoSync({ ...c, store: dir }).syncLeads();
    await createZohoSync({ ...c, credentials: { ...c.credentials, refreshToken: '1000.user-two' }, store: dir }).syncLeads({ full: true });
    expect(server.stats.tokenMints).toBe(2);
  });

  test('one retry layer: a failing accounts server is asked at most maxAttempts times for one request', async () => {
    const server = await fake({ data: { leads: 5, seed: 6 } });
    server.inject({ kind: 'status', status: 503, count: Infinity, target: 'accounts' });
    const client = new ZohoClient({ ...connection(server), retry: { baseDelayMs: 1, maxDelayMs: 2, maxAttempts: 4 } });
    await expect(client.request({ path: 'Leads', query: { fields: 'Last_Name' } })).rejects.toMatchObject({ code: 'HTTP_503' });
    expect(server.stats.tokenRequests).toBe(4);
    expect(server.stats.calls).toBe(0);
  });
});
