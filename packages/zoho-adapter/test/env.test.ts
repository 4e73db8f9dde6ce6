import { describe, expect, test } from 'vitest';
import { ZohoConfigError, createZohoSyncFromEnv, syncFromEnv, zohoConnectionFromEnv, zohoSource } from '../src/index.js';
import { fake, tempDir } from './helpers.js';

describe('configuration from the environment', () => {
  test('reads the ZOHO_* variables; the DC picks the hosts unless overridden', () => {
    const env = { ZOHO_CLIENT_ID: ' id ', ZOHO_CLIENT_SECRET: 'secret', ZOHO_REFRESH_TOKEN: 'refresh', ZOHO_DC: 'eu' };
    expect(zohoConnectionFromEnv(env)).toEqual({
      credentials: { clientId: 'id', clientSecret: 'secret', refreshToken: 'refresh' },
      dc: 'eu',
      accountsUrl: undefined,
      apiDomain: undefined,
    });
    const sync = createZohoSyncFromEnv(env);
    expect(sync.client.dc).toBe('EU');
    expect(sync.client.accountsUrl).toBe('https://accounts.zoho.eu');
    expect(sync.client.apiDomain).toBe('https://www.zohoapis.eu');
    const sandbox = createZohoSyncFromEnv({ ...env, ZOHO_API_DOMAIN: 'https://sandbox.zohoapis.eu' });
    expect(sandbox.client.apiDomain).toBe('https://sandbox.zohoapis.eu');
    expect(createZohoSyncFromEnv(env, { dc: 'IN' }).client.dc).toBe('IN');
  });

  test('missing or empty variables: one config error naming them all', () => {
    const error = (() => {
      try {
        zohoConnectionFromEnv({ ZOHO_CLIENT_ID: 'x', ZOHO_REFRESH_TOKEN: '  ' });
      } catch (e) {
        return e;
      }
    })() as ZohoConfigError;
    expect(error).toBeInstanceOf(ZohoConfigError);
    expect(error.message).toMatch(/ZOHO_CLIENT_SECRET, ZOHO_REFRESH_TOKEN.*docs\/zoho\.md/);
    expect(() => createZohoSyncFromEnv({ ZOHO_CLIENT_ID: 'a', ZOHO_CLIENT_SECRET: 'b', ZOHO_REFRESH_TOKEN: 'c', ZOHO_DC: 'mars' })).toThrow(
      /Unknown Zoho data center "mars"/,
    );
  });

  test('syncFromEnv with a store, then a LeadSource that syncs, then one that reads offline', async () => {
    const server = await fake({ data: { leads: 80, appointed: 20 } });
    const dir = await tempDir();
    const first = await syncFromEnv(server.env, { store: dir });
    expect(first.sync.mode).toBe('full');
    const source = zohoSource({ store: dir, env: server.env });
    expect(source.description).toContain(dir);
    const synced = await source.load();
    expect(synced.leads).toEqual(first.leads);
    expect('sync' in synced).toBe(false);
    server.resetStats();
    const offline = await zohoSource({ store: dir, sync: false }).load();
    expect(offline.leads).toEqual(first.leads);
    expect(server.stats.calls + server.stats.tokenRequests).toBe(0);
    const empty = await tempDir();
    await expect(zohoSource({ store: empty, sync: false }).load()).rejects.toThrow(
      /No Zoho snapshot in .* yet: run `panopticon sync --zoho --store/,
    );
  });
});
