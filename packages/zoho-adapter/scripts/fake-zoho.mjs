#!/usr/bin/env node
// Starts the fake Zoho CRM (accounts server + API) on 127.0.0.1 for demos, and prints the environment
// variables that point `panopticon sync --zoho` (or `syncLeads({ env })`) at it. Stop it with Ctrl-C.
//
//   npm run build && node packages/zoho-adapter/scripts/fake-zoho.mjs [--leads 600] [--appointed 180]
//       [--latency 50] [--no-history] [--seed 1]
//
// Uses the built package (dist/); the credentials it prints are fake and only valid for this server.
import { parseArgs } from 'node:util';
import { startFakeZoho } from '@panopticon/zoho-adapter/testing';

const { values } = parseArgs({
  options: {
    leads: { type: 'string', default: '600' },
    appointed: { type: 'string' },
    latency: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    'no-history': { type: 'boolean', default: false },
  },
});
const leads = Number(values.leads);
const fake = await startFakeZoho({
  data: { leads, appointed: values.appointed === undefined ? undefined : Number(values.appointed), seed: Number(values.seed) },
  latencyMs: Number(values.latency),
  historyModule: values['no-history'] ? false : 'Lead_Status_History',
});
console.log(`# fake Zoho CRM: ${leads} leads, API ${fake.apiDomain}, accounts ${fake.accountsUrl}`);
for (const [name, value] of Object.entries(fake.env)) console.log(`export ${name}='${value}'`);
const stop = async () => {
  await fake.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
