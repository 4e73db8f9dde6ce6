#!/usr/bin/env node
// `npm run bench:zoho`: prints the API calls, credits and wall time of a full and an incremental sync
// against the fake Zoho server (30 % of the leads appointed, concurrency 5), for each source of stage and
// owner history: a history module that tracks owners too, one that tracks stages only (owners from the
// timelines of appointed leads: the default), owner history off, and no history module. An incremental
// sync follows 50 stage changes and 10 reassignments, and includes its Get Deleted Records call. Figures
// are printed, never asserted: run it on purpose, on an idle machine. The call counts do not depend on the
// latency (--latency 0 measures them quickly).
//
//   node scripts/bench-zoho.mjs [--leads 5000] [--latency 50]
//
// It uses the built package (`npm run build` first).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { syncLeads } from '../packages/zoho-adapter/dist/index.js';
import { startFakeZoho } from '../packages/zoho-adapter/dist/testing.js';

const { values } = parseArgs({ options: { leads: { type: 'string' }, latency: { type: 'string' } } });
const leads = Number(values.leads ?? 5000);
const latencyMs = Number(values.latency ?? 50);
const appointed = Math.round(leads * 0.3);

const scenarios = [
  { label: 'history module that tracks owners (history.owner)', module: true, ownerRows: true, ownerHistory: true },
  { label: 'history module, owners from timelines (default)', module: true, ownerRows: false, ownerHistory: true },
  { label: 'history module, owner history off', module: true, ownerRows: false, ownerHistory: false },
  { label: 'no history module (timelines)', module: false, ownerRows: false, ownerHistory: true },
];

const rows = [['scenario', 'API calls', 'credits', 'timelines', 'time']];
for (const s of scenarios) {
  const server = await startFakeZoho({
    data: { leads, appointed, seed: 2026, ownerRows: s.ownerRows },
    latencyMs,
    historyModule: s.module ? 'Lead_Status_History' : false,
    concurrencyLimit: 10,
  });
  const dir = await mkdtemp(join(tmpdir(), 'panopticon-bench-zoho-'));
  try {
    const options = {
      credentials: server.credentials,
      accountsUrl: server.accountsUrl,
      apiDomain: server.apiDomain,
      store: dir,
      history: s.module ? (s.ownerRows ? { owner: 'Lead_Owner' } : {}) : null,
      ownerHistory: s.ownerHistory,
      concurrency: 5,
    };
    const row = async (name) => {
      const t = performance.now();
      const { sync: report } = await syncLeads(options);
      const seconds = ((performance.now() - t) / 1000).toFixed(2);
      rows.push([`${name}, ${s.label}`, String(report.calls), String(report.credits), String(report.read.timelines), `${seconds} s`]);
    };
    await row('full');
    const at = Date.now();
    server.data.randomChanges(50, at);
    const users = server.data.users.map((u) => u.name);
    for (const [i, lead] of server.data.leads
      .filter((l) => l.malformed === null)
      .slice(0, 10)
      .entries()) {
      server.data.reassign(
        lead.id,
        users[i % users.length] === lead.owners.at(-1).user.name ? users[(i + 1) % users.length] : users[i % users.length],
        at,
      );
    }
    await row('incremental');
    if (s.module && s.ownerRows) {
      const budget = Math.ceil(leads / 200) + Math.ceil(server.data.historyRows.length / 200);
      rows.push([`  (history rows: ${server.data.historyRows.length}; ceil(leads/200) + ceil(rows/200) = ${budget})`, '', '', '', '']);
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
