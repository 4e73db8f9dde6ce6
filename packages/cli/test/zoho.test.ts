import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeZoho, type FakeZoho } from '@panopticon/zoho-adapter/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageDataOf, withoutDataBlocks } from './fixtures/page-data-block.js';
import { SAMPLE_CSV_FLAGS, loadSample, runCli, sample, withoutSource } from './fixtures/zoho-cli.js';

// The built CLI as a process, against the fake Zoho server running in this test process over loopback.
// (Asynchronous child processes: a synchronous one would block the fake's event loop.)

const SECRET = 'very-secret-client-secret-4242';
const REFRESH = '1000.refresh-token-that-must-not-leak';
let server: FakeZoho;
let env: Record<string, string>;
const store = mkdtempSync(join(tmpdir(), 'panopticon-zoho-cli-'));

function cli(...args: string[]) {
  return runCli(env, args);
}

beforeAll(async () => {
  // The fake serves exactly the bundled sample export, so Zoho and CSV results can be compared.
  const { csv } = await loadSample();
  server = await startFakeZoho({ leads: csv.leads, clientId: 'client-1', clientSecret: SECRET, refreshToken: REFRESH });
  env = {
    ZOHO_CLIENT_ID: 'client-1',
    ZOHO_CLIENT_SECRET: SECRET,
    ZOHO_REFRESH_TOKEN: REFRESH,
    ZOHO_ACCOUNTS_URL: server.accountsUrl,
    ZOHO_API_DOMAIN: server.apiDomain,
  };
});
afterAll(async () => server?.close());

const common = ['--tz', 'America/New_York', '--pipeline', join(sample, 'pipeline.json'), '--as-of', '2026-10-31'];

describe('panopticon with --zoho (built CLI against the fake Zoho server)', () => {
  it('sync --zoho (default settings) writes a snapshot and prints what it did, with a progress line on stderr', async () => {
    const r = await cli('sync', '--zoho', '--store', store);
    expect(r.stderr).not.toContain('Error');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/full sync: 600 leads in the snapshot/);
    expect(r.stderr.length).toBeGreaterThan(0);
  });

  it('kpis (the owner-based figures included) and attention from the Zoho snapshot equal those from the equivalent CSV export', async () => {
    for (const command of ['kpis', 'attention']) {
      const fromZoho = await cli(command, '--zoho', '--offline', '--store', store, ...common, '--format', 'json');
      const fromCsv = await cli(command, ...SAMPLE_CSV_FLAGS, ...common, '--format', 'json', '--quiet');
      expect(fromZoho.code, fromZoho.stderr).toBe(0);
      expect(withoutSource(fromZoho.stdout)).toEqual(withoutSource(fromCsv.stdout));
    }
  });

  it('report --zoho writes the same dashboard as the CSV export (but for the source and its data-quality panel)', async () => {
    const zohoPage = join(store, '..', `zoho-${process.pid}.html`);
    const csvPage = join(store, '..', `csv-${process.pid}.html`);
    const a = await cli(
      'report',
      '--zoho',
      '--offline',
      '--store',
      store,
      ...common,
      '--schedule',
      join(sample, 'schedule.csv'),
      '--out',
      zohoPage,
    );
    const b = await cli('report', ...SAMPLE_CSV_FLAGS, ...common, '--schedule', join(sample, 'schedule.csv'), '--out', csvPage, '--quiet');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    // The sources differ in name and in what their data-quality checks found; everything else must match.
    const comparable = (file: string) => {
      const page = readFileSync(file, 'utf8');
      // The data compared decoded (embedded-data.ts packs the lead dialog's data, so one owner's start changes the packed text).
      const data = pageDataOf(page);
      // The downloads of the data-quality issues and of the KPI tiles (its source row) differ as the panels do.
      const tablesCsv = { ...data.tablesCsv, quality: '…', kpis: data.tablesCsv.kpis?.replace(/^source,.*$/m, 'source,…') };
      // The first owner's start, in the lead dialog's data (lead-detail-columns.ts: per lead, locator and
      // minute after minute): the CSV's owner history dates the first assignment (a minute after creation
      // in the sample), a Zoho timeline has no entry for it and the adapter starts the first owner at the
      // lead's creation. Later owner changes must still match.
      const leads = data.leads.ids.map((_id, i) => {
        const lead = data.leads.at(i);
        return { ...lead, owners: lead.owners?.map((owner, k) => (k === 0 ? [owner[0], 'first owner'] : owner)) ?? null };
      });
      // Why there is no record link differs: the CSV needs recordUrl, Zoho the org id (record-url.ts).
      const comparableData = { ...data, recordUrlMissing: data.recordUrlMissing === null ? null : '…', tablesCsv, leads };
      const markup = withoutDataBlocks(page)
        .replace(/<p class="context" id="context">[\s\S]*?<\/p>/, '')
        .replace(/<section id="quality"[\s\S]*?<\/section>/, '')
        // The minute each page was written: the two runs may straddle a minute.
        .replace(/(<code>panopticon report<\/code> at )\d{4}-\d\d-\d\d \d\d:\d\d UTC/, '$1(minute written) UTC');
      return markup + JSON.stringify(comparableData);
    };
    const [zoho, csv] = [comparable(zohoPage), comparable(csvPage)];
    expect(zoho.length).toBeGreaterThan(100_000);
    expect(zoho).toBe(csv);
  });

  it('a second sync is incremental', async () => {
    const r = await cli('sync', '--zoho', '--store', store, '--owner-history');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^incremental sync/);
  });

  it('never prints or writes the secrets', async () => {
    // The digest too: its SMTP password and webhook path (secrets of their own) beside the Zoho ones.
    const digestState = join(store, 'digest-state.json');
    const digestEnv = {
      PANOPTICON_SMTP_PASS: 'smtp-pass-secret-5150',
      PANOPTICON_WEBHOOK_URL: 'http://127.0.0.1:9/hook/secret-webhook-path',
    };
    const outputs = [
      await cli('sync', '--zoho', '--store', store),
      await cli('kpis', '--zoho', '--store', store, '--format', 'json'),
      await runCli({ ...env, ...digestEnv }, ['digest', '--zoho', '--store', store, '--webhook-format', 'slack', '--state', digestState]),
      await runCli({ ...env, ...digestEnv }, ['digest', '--zoho', '--store', store, '--format', 'json']),
    ];
    expect(outputs[2]!.stderr).toContain('Slack webhook at 127.0.0.1:9: connect failed');
    const bad = await cli('sync', '--zoho', '--store', store, '--full');
    env.ZOHO_REFRESH_TOKEN = 'revoked-refresh-token-secret';
    const failed = await cli('sync', '--zoho', '--store', store);
    env.ZOHO_REFRESH_TOKEN = REFRESH;
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Zoho/);
    for (const r of [...outputs, bad, failed]) {
      for (const secret of [SECRET, REFRESH, 'revoked-refresh-token-secret', 'smtp-pass-secret-5150', 'secret-webhook-path']) {
        expect(r.stdout).not.toContain(secret);
        expect(r.stderr).not.toContain(secret);
      }
    }
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));
    for (const file of files(store)) {
      const text = readFileSync(file, 'utf8');
      for (const secret of [SECRET, REFRESH, 'smtp-pass-secret-5150', 'secret-webhook-path']) expect(text).not.toContain(secret);
    }
  });

  it('run-daily still writes the page and the digest from the last snapshot when the sync fails, marked as stale data', async () => {
    const out = join(store, 'daily.html');
    const r = await runCli(
      { ...env, ZOHO_REFRESH_TOKEN: 'revoked-refresh-token-secret', PANOPTICON_WEBHOOK_URL: 'http://127.0.0.1:9/hook' },
      [
        'run-daily',
        '--zoho',
        '--store',
        store,
        '--quiet',
        '--out',
        out,
        '--state',
        join(store, 'daily-state.json'),
        '--webhook-format',
        'slack',
        '--dry-run',
      ],
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^run-daily: sync: failed: Zoho/m);
    expect(r.stdout).toContain(`run-daily: page: written to ${out}`);
    expect(r.stdout).toContain('run-daily: digest: done');
    expect(r.stdout).toMatch(
      /Stale data: the Zoho sync failed; the figures come from the snapshot of \d{4}-\d\d-\d\d \d\d:\d\d \(\d+ hours old\)/,
    );
    expect(existsSync(out)).toBe(true);
  });

  it('sync without --zoho is a usage error', async () => {
    const r = await cli('sync');
    expect(r.code).toBe(2);
  });
});
