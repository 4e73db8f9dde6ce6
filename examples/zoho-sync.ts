/**
 * A Zoho CRM sync, against the fake Zoho server that ships for tests and demos: read the leads and their
 * stage history into Panopticon's lead model, keep a local snapshot, then sync again (only what changed is
 * fetched) and ask which leads need attention.
 *
 *   npm run example -- zoho-sync
 *
 * Against a real org, pass your self-client credentials and data center instead of the fake's (see
 * docs/zoho.md); everything after the sync is the same.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kpis, needsAttention, parsePipeline } from '@panopticon/core';
import { syncLeads } from '@panopticon/zoho-adapter';
import { startFakeZoho } from '@panopticon/zoho-adapter/testing';

// A fake org on 127.0.0.1: 300 seeded leads, 90 with an appointment, "now" = 2026-03-31 18:00 UTC.
const fake = await startFakeZoho({ data: { leads: 300, appointed: 90, seed: 7 } });
const store = mkdtempSync(join(tmpdir(), 'panopticon-zoho-')); // where the snapshot lives between syncs
try {
  const connection = {
    credentials: fake.credentials, // { clientId, clientSecret, refreshToken } of a self-client
    accountsUrl: fake.accountsUrl, // a real org: dc: 'EU' (or US, IN, AU, …) instead of these two URLs
    apiDomain: fake.apiDomain,
    timeZone: 'America/New_York',
    store,
  };

  // The first sync reads everything: Leads, then the stage history module.
  const first = await syncLeads(connection);
  console.log(
    `sync 1 (${first.sync.mode}): ${first.leads.length} leads, ${first.sync.calls} API calls, ${first.issues.length} data issues`,
  );

  // Later syncs read only records modified since the last one (with a small overlap).
  const second = await syncLeads(connection);
  console.log(`sync 2 (${second.sync.mode}): ${second.leads.length} leads, ${second.sync.calls} API calls`);

  // From here on, the leads are ordinary Panopticon leads.
  const pipeline = parsePipeline(JSON.parse(readFileSync(new URL('./data/pipeline.json', import.meta.url), 'utf8')));
  const asOf = new Date('2026-03-31T18:00:00Z');
  const options = { asOf, timeZone: 'America/New_York', pipeline };
  const k = kpis(second.leads, options);
  console.log(
    `as of ${asOf.toISOString()}: ${k.appointed} appointed, ${k.needsAttention} need attention (${k.stale} stale, ${k.atRisk} at risk)`,
  );
  for (const row of needsAttention(second.leads, options).slice(0, 3)) {
    console.log(`  ${row.reason.padEnd(14)} ${String(row.days).padStart(3)} d  ${row.locator ?? '(unassigned)'}: ${row.name}`);
  }
} finally {
  await fake.close();
  rmSync(store, { recursive: true, force: true });
}
