import { describe, expect, test } from 'vitest';
import { ZohoConfigError, loadZohoSnapshot, syncLeads, zohoConnectionFromEnv } from '../src/index.js';
import { createZohoSync } from '../src/sync.js';
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
    const sync = createZohoSync({ env });
    expect(sync.client.dc).toBe('EU');
    expect(sync.client.accountsUrl).toBe('https://accounts.zoho.eu');
    expect(sync.client.apiDomain).toBe('https://www.zohoapis.eu');
    const sandbox = createZohoSync({ env: { ...env, ZOHO_API_DOMAIN: 'https://sandbox.zohoapis.eu' } });
    expect(sandbox.client.apiDomain).toBe('https://sandbox.zohoapis.eu');
    expect(createZohoSync({ env, dc: 'IN' }).client.dc).toBe('IN');
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
    expect(() =>
      createZohoSync({ env: { ZOHO_CLIENT_ID: 'a', ZOHO_CLIENT_SECRET: 'b', ZOHO_REFRESH_TOKEN: 'c', ZOHO_DC: 'mars' } }),
    ).toThrow(/Unknown Zoho data center "mars"/);
  });

  test('syncLeads from the environment with a store, again (incremental), then the snapshot offline', async () => {
    const server = await fake({ data: { leads: 80, appointed: 20 } });
    const dir = await tempDir();
    const first = await syncLeads({ env: server.env, store: dir });
    expect(first.sync.mode).toBe('full');
    const again = await syncLeads({ env: server.env, store: dir });
    expect(again.sync.mode).toBe('incremental');
    expect(again.leads).toEqual(first.leads);
    server.resetStats();
    const offline = await loadZohoSnapshot(dir);
    expect(offline?.leads).toEqual(first.leads);
    expect(server.stats.calls + server.stats.tokenRequests).toBe(0);
    expect(await loadZohoSnapshot(await tempDir())).toBeNull();
  });

  test('credentials given explicitly win over the environment; without either, a config error', () => {
    const env = { ZOHO_CLIENT_ID: 'id', ZOHO_CLIENT_SECRET: 'secret', ZOHO_REFRESH_TOKEN: 'refresh', ZOHO_DC: 'eu' };
    const credentials = { clientId: 'other', clientSecret: 'other', refreshToken: 'other' };
    expect(createZohoSync({ env, credentials }).client.dc).toBe('US');
    expect(() => createZohoSync({ env: {} })).toThrow(/Missing environment variables? ZOHO_CLIENT_ID/);
  });
});
