import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeZoho, type FakeZoho } from '@panopticon/zoho-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embeddedPageData } from './fixtures/page-data-block.js';
import { runCli, sample } from './fixtures/zoho-cli.js';

// The dashboard's "Open in CRM" for a Zoho source: built from the data center and the org id the sync read
// from Get Organization (no zoho.orgId needed); zoho.orgId still wins; without the ZohoCRM.org.READ scope
// the sync succeeds and the page has no link, saying why. The built CLI against two fake Zoho servers.

const ORG = '555123';
const servers: FakeZoho[] = [];
const dir = mkdtempSync(join(tmpdir(), 'panopticon-record-link-'));
const common = ['--tz', 'America/New_York', '--pipeline', join(sample, 'pipeline.json'), '--as-of', '2026-10-31', '--quiet'];

/** The connection to a fake server, as a user sets it in the environment. */
function envOf(server: FakeZoho): Record<string, string> {
  return {
    ZOHO_CLIENT_ID: server.credentials.clientId,
    ZOHO_CLIENT_SECRET: server.credentials.clientSecret,
    ZOHO_REFRESH_TOKEN: server.credentials.refreshToken,
    ZOHO_ACCOUNTS_URL: server.accountsUrl,
    ZOHO_API_DOMAIN: server.apiDomain,
  };
}

/** Syncs `store` from `server`, then writes the page from the snapshot in `cwd` with the EU data center's hosts; returns its data. */
async function pageFrom(server: FakeZoho, store: string, cwd: string) {
  const synced = await runCli(envOf(server), ['sync', '--zoho', '--store', store]);
  expect(synced.code, synced.stderr).toBe(0);
  const out = join(cwd, 'page.html');
  // Offline, with the data center of a real org: the fake's loopback accounts host has no CRM pages.
  const r = await runCli(
    { ZOHO_DC: 'EU', ZOHO_ACCOUNTS_URL: '', ZOHO_API_DOMAIN: '' },
    ['report', '--zoho', '--offline', '--store', store, ...common, '--out', out],
    cwd,
  );
  expect(r.code, r.stderr).toBe(0);
  return pageData(out);
}

/** The data of the page written to `out`: its record link, or why there is none. */
function pageData(out: string) {
  const { recordUrl, recordUrlMissing } = embeddedPageData(readFileSync(out, 'utf8'));
  return { recordUrl, recordUrlMissing };
}

beforeAll(async () => {
  servers.push(await startFakeZoho({ data: { leads: 60, appointed: 20, seed: 4 }, orgId: ORG }));
  servers.push(
    await startFakeZoho({
      data: { leads: 60, appointed: 20, seed: 4 },
      orgId: ORG,
      scopes: ['ZohoCRM.modules.ALL', 'ZohoCRM.settings.ALL'],
    }),
  );
});
afterAll(async () => {
  for (const s of servers) await s.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the CRM record link of a synced Zoho page', () => {
  it('is built from the data center and the org id the sync read, with no zoho.orgId configured', async () => {
    const cwd = mkdtempSync(join(dir, 'plain-'));
    const data = await pageFrom(servers[0]!, join(cwd, 'store'), cwd);
    expect(data.recordUrl).toBe(`https://crm.zoho.eu/crm/org${ORG}/tab/Leads/{id}`);
    expect(data.recordUrlMissing).toBeNull();
  });

  it('zoho.orgId in panopticon.config.json still wins', async () => {
    const cwd = mkdtempSync(join(dir, 'configured-'));
    writeFileSync(join(cwd, 'panopticon.config.json'), JSON.stringify({ zoho: { orgId: 'org777' } }));
    const data = await pageFrom(servers[0]!, join(cwd, 'store'), cwd);
    expect(data.recordUrl).toBe('https://crm.zoho.eu/crm/org777/tab/Leads/{id}');
  });

  it('without the ZohoCRM.org.READ scope the sync succeeds and the page has no link, with a note naming the scope', async () => {
    const cwd = mkdtempSync(join(dir, 'no-scope-'));
    const data = await pageFrom(servers[1]!, join(cwd, 'store'), cwd);
    expect(data.recordUrl).toBeNull();
    expect(data.recordUrlMissing).toContain('ZohoCRM.org.READ');
    expect(data.recordUrlMissing).toContain('"orgId"');
  });

  it('a report that syncs first takes the org from that sync (here: why it could not read it)', async () => {
    const cwd = mkdtempSync(join(dir, 'syncing-'));
    const out = join(cwd, 'page.html');
    const r = await runCli(envOf(servers[1]!), ['report', '--zoho', '--store', join(cwd, 'store'), ...common, '--out', out], cwd);
    expect(r.code, r.stderr).toBe(0);
    const data = pageData(out);
    expect(data.recordUrl).toBeNull();
    expect(data.recordUrlMissing).toContain('ZohoCRM.org.READ');
  });
});
