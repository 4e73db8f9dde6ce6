#!/usr/bin/env node
// Prints the API calls, credits and wall time of a full and an incremental sync of 5,000 leads
// (1,500 appointed) against the fake Zoho server with 50 ms latency per call, with and without the
// history-tracking module. Figures are printed, never asserted: run it on purpose, on an idle machine.
//
//   node packages/zoho-adapter/scripts/measure-sync.mjs [--leads 5000] [--latency 50]
//
// It uses the built package (`npm run build` first).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createZohoSync } from '../dist/index.js';
import { startFakeZoho } from '../dist/testing.js';

const { values } = parseArgs({ options: { leads: { type: 'string' }, latency: { type: 'string' } } });
const leads = Number(values.leads ?? 5000);
const latencyMs = Number(values.latency ?? 50);
const appointed = Math.round(leads * 0.3);

const rows = [['scenario', 'API calls', 'credits', 'time']];
for (const historyModule of [true, false]) {
  const server = await startFakeZoho({
    data: { leads, appointed, seed: 2026 },
    latencyMs,
    historyModule: historyModule ? 'Lead_Status_History' : false,
    concurrencyLimit: 10,
  });
  const dir = await mkdtemp(join(tmpdir(), 'panopticon-measure-'));
  try {
    const sync = createZohoSync({
      credentials: server.credentials,
      accountsUrl: server.accountsUrl,
      apiDomain: server.apiDomain,
      store: dir,
      history: historyModule ? {} : null,
      concurrency: 5,
    });
    const label = historyModule ? 'with Lead_Status_History' : 'no history module (timelines)';
    let t = performance.now();
    const full = await sync.syncLeads();
    rows.push([`full, ${label}`, String(full.sync.calls), String(full.sync.credits), `${((performance.now() - t) / 1000).toFixed(2)} s`]);
    server.data.randomChanges(50, Date.now());
    t = performance.now();
    const inc = await sync.syncLeads();
    rows.push([
      `incremental after 50 changes, ${label}`,
      String(inc.sync.calls),
      String(inc.sync.credits),
      `${((performance.now() - t) / 1000).toFixed(2)} s`,
    ]);
    if (historyModule) {
      const budget = Math.ceil(leads / 200) + Math.ceil(server.data.historyRows.length / 200);
      rows.push([`  (history rows: ${server.data.historyRows.length}; ceil(leads/200) + ceil(rows/200) = ${budget})`, '', '', '']);
    }
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
const width = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
console.log(
  `${leads.toLocaleString('en-US')} leads (${appointed.toLocaleString('en-US')} appointed), ${latencyMs} ms latency per call, concurrency 5:\n` +
    rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(width[i]) : c.padStart(width[i]))).join('   ')).join('\n'),
);
