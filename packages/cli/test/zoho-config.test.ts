import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockStore } from '@panopticon/zoho-adapter';
import { startFakeZoho, type FakeZoho } from '@panopticon/zoho-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_CSV_FLAGS, loadSample, runCli, sample, withoutSource } from './fixtures/zoho-cli.js';
import { loadConfig, parseConfig } from '../src/config.js';

// A custom org: the appointment and first-contact fields under the org's own names, a history module with
// another name. Configured only through panopticon.config.json's "zoho" section; the built CLI runs
// against the fake Zoho server.

let server: FakeZoho;
let env: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'panopticon-zoho-config-'));
const configFile = join(dir, 'panopticon.config.json');

function cli(...args: string[]) {
  return runCli(env, args, dir);
}

beforeAll(async () => {
  const { csv } = await loadSample();
  server = await startFakeZoho({
    leads: csv.leads,
    historyModule: 'Stage_History',
    fieldNames: { Appointment_Date: 'Site_Visit_Date', First_Contact_Time: 'First_Call_Time' },
  });
  env = { ...server.env };
  writeFileSync(
    configFile,
    JSON.stringify({
      timeZone: 'America/New_York',
      pipeline: join(sample, 'pipeline.json'),
      zoho: {
        dataCenter: 'EU',
        module: 'Leads',
        mapping: { appointmentAt: 'Site_Visit_Date', firstContactAt: 'First_Call_Time' },
        history: { module: 'Stage_History' },
        store: 'snapshot',
      },
    }),
  );
});
afterAll(async () => server?.close());

describe('a custom org configured by the "zoho" section of panopticon.config.json', () => {
  it('sync reads the mapped fields and the named history module into the configured store', async () => {
    const r = await cli('sync', '--zoho');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/full sync: 600 leads in the snapshot/);
    expect(r.stdout).toContain(join(dir, 'snapshot'));
    expect(server.stats.records.Stage_History).toBeGreaterThan(0);
    expect(r.stderr).not.toMatch(/field-not-in-response/);
  });

  it('attention and kpis (owner figures included) equal those of the same data read from CSV', async () => {
    for (const command of ['attention', 'kpis']) {
      const fromZoho = await cli(command, '--zoho', '--offline', '--as-of', '2026-10-31', '--format', 'json');
      const fromCsv = await cli(command, ...SAMPLE_CSV_FLAGS, '--as-of', '2026-10-31', '--format', 'json', '--quiet');
      expect(fromZoho.code, fromZoho.stderr).toBe(0);
      expect(withoutSource(fromZoho.stdout)).toEqual(withoutSource(fromCsv.stdout));
    }
  });

  it('three --zoho commands within a minute mint one access token, kept in the store (0600) and never printed', async () => {
    server.resetStats();
    const store = join(dir, 'fresh-store');
    const runs = [
      await cli('sync', '--zoho', '--store', store),
      await cli('kpis', '--zoho', '--store', store, '--as-of', '2026-10-31'),
      await cli('attention', '--zoho', '--store', store, '--as-of', '2026-10-31'),
    ];
    for (const r of runs) expect(r.code, r.stderr).toBe(0);
    expect(server.stats.tokenMints).toBe(1);
    const tokenFile = join(store, 'access-token.json');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const { token } = JSON.parse(readFileSync(tokenFile, 'utf8')) as { token: string };
    for (const r of runs) expect(r.stdout + r.stderr).not.toContain(token);
  });

  it('a lead deleted in Zoho leaves the snapshot and the needs-attention list at the next sync, which says so', async () => {
    const before = JSON.parse((await cli('attention', '--zoho', '--offline', '--as-of', '2026-10-31', '--format', 'json')).stdout) as {
      rows: Array<{ leadId: string }>;
    };
    const victim = before.rows[0]!.leadId;
    server.data.deleteLead(victim, Date.now());
    const r = await cli('sync', '--zoho');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^incremental sync: 599 leads in the snapshot \(.*1 deleted in Zoho removed\)/);
    const after = JSON.parse((await cli('attention', '--zoho', '--offline', '--as-of', '2026-10-31', '--format', 'json')).stdout) as {
      rows: Array<{ leadId: string }>;
    };
    expect(after.rows.map((l) => l.leadId)).not.toContain(victim);
    expect(after.rows.length).toBe(before.rows.length - 1);
  });

  it('two syncs into one store at once: the second waits; with --no-wait it fails naming the other process', async () => {
    const store = join(dir, 'concurrent-store');
    const [a, b] = await Promise.all([cli('sync', '--zoho', '--store', store), cli('sync', '--zoho', '--store', store)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect([a.stdout, b.stdout].map((o) => o.split(' ')[0]).sort()).toEqual(['full', 'incremental']);
    const release = await lockStore(store);
    try {
      const c = await cli('sync', '--zoho', '--store', store, '--no-wait');
      expect(c.code).toBe(1);
      expect(c.stderr).toContain(`Another sync is writing to ${store}: process ${process.pid}`);
      expect(c.stderr).not.toMatch(/ENOENT/);
    } finally {
      await release();
    }
  });

  it('with owner history turned off, kpis says the two owner figures are not measured instead of printing wrong ones', async () => {
    const off = join(dir, 'owner-history-off.json');
    const config = JSON.parse(readFileSync(configFile, 'utf8'));
    writeFileSync(off, JSON.stringify({ ...config, zoho: { ...config.zoho, ownerHistory: false, store: 'snapshot-off' } }));
    expect((await cli('sync', '--zoho', '--config', off)).code).toBe(0);
    const json = await cli('kpis', '--zoho', '--offline', '--config', off, '--as-of', '2026-10-31', '--format', 'json');
    expect(json.code, json.stderr).toBe(0);
    const { followUp } = JSON.parse(json.stdout) as { followUp: Record<string, unknown> };
    expect(followUp.pendingIntervention).toBe('not measured (owner history off)');
    expect(followUp.medianDaysToIntervention).toBe('not measured (owner history off)');
    expect(typeof followUp.appointed).toBe('number');
    const table = await cli('kpis', '--zoho', '--offline', '--config', off, '--as-of', '2026-10-31');
    expect(table.stdout).toMatch(/followUp\.pendingIntervention\s+.*not measured \(owner history off\)/);
    const csv = await cli('kpis', '--zoho', '--offline', '--config', off, '--as-of', '2026-10-31', '--format', 'csv');
    expect(csv.stdout).toContain('followUp.medianDaysToIntervention,not measured (owner history off)');
    expect(csv.stdout).toContain('followUp.pendingIntervention,not measured (owner history off)');
    // The page's tile: no number, the reason instead.
    const page = join(dir, 'owner-history-off.html');
    const report = await cli('report', '--zoho', '--offline', '--config', off, '--as-of', '2026-10-31', '--out', page);
    expect(report.code, report.stderr).toBe(0);
    const tile = readFileSync(page, 'utf8').match(
      /<div class="tile[^"]*" data-kpi="followUp\.medianDaysToIntervention"[\s\S]*?<\/div>\n<\/div>/,
    )![0];
    expect(tile).toContain('data-value=""');
    expect(tile).toContain('not measured (owner history off)');
    expect(tile).not.toMatch(/still waiting/);
  });

  it('zoho init writes a commented starting file that loads, and refuses to overwrite one', async () => {
    const target = join(dir, 'init', 'panopticon.config.json');
    mkdirSync(join(dir, 'init'));
    const r = await cli('zoho', 'init', '--config', target, '--dc', 'eu');
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(target, 'utf8');
    expect(text).toMatch(/^\s*\/\/ /m);
    const config = loadConfig(target);
    expect(config).toMatchObject({ zoho: { dataCenter: 'EU', mapping: { appointmentAt: 'Appointment_Date' }, ownerHistory: true } });
    expect((await cli('zoho', 'init', '--config', target)).code).toBe(1);
  });

  it("zoho fields lists the org's lead fields under their own names, reusing the kept token", async () => {
    server.resetStats();
    const r = await cli('zoho', 'fields', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const fields = JSON.parse(r.stdout) as Array<{ apiName: string; label: string; type: string }>;
    expect(fields).toContainEqual({ apiName: 'Site_Visit_Date', label: 'Site Visit Date', type: 'datetime' });
    expect(fields.map((f) => f.apiName)).not.toContain('Appointment_Date');
    expect(server.stats.tokenMints).toBe(0);
    const table = await cli('zoho', 'fields');
    expect(table.stdout).toMatch(/First_Call_Time\s+First Call Time\s+datetime/);
  });

  it('unknown keys of the zoho section are refused with a suggestion', () => {
    const bad = { zoho: { dataCentre: 'EU', mapping: { apointmentAt: 'Site_Visit_Date' } } };
    expect(() => parseConfig(bad, '/x/panopticon.config.json')).toThrow(/zoho\.dataCentre: unknown key \(did you mean "dataCenter"\?\)/);
    expect(() => parseConfig(bad, '/x/panopticon.config.json')).toThrow(
      /zoho\.mapping\.apointmentAt: unknown key \(did you mean "appointmentAt"\?\)/,
    );
    expect(() => parseConfig({ zoho: { dataCenter: 'UK' } }, '/x/p.json')).toThrow(
      /zoho\.dataCenter: expected one of US, EU, IN, AU, JP, CA, SA, CN/,
    );
    expect(parseConfig({ zoho: { mapping: { team: null }, history: 'timeline' } }, '/x/p.json')).toMatchObject({
      zoho: { mapping: { team: null }, history: 'timeline' },
    });
  });
});
