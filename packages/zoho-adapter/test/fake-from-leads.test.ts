// The fake can serve given leads (e.g. a CSV export loaded by core): a sync then returns those leads,
// which is how the CLI can check that `--zoho` and the CSV export give the same dashboard.
import type { Lead } from '@panopticon/core';
import { expect, test } from 'vitest';
import { createZohoSync } from '../src/sync.js';
import { connection, fake } from './helpers.js';

const at = (s: string) => new Date(`${s}Z`);

const leads: Lead[] = [
  {
    id: '100007',
    name: 'Kenji Dubois',
    company: 'Oak Hill Laundromat',
    locator: 'Dev Patel',
    team: 'West',
    source: 'Web form',
    stage: 'Green - Approved',
    createdAt: at('2026-06-20T22:14:00'),
    firstContactAt: at('2026-06-21T22:19:00'),
    appointmentAt: at('2026-07-05T13:00:00'),
    stageHistory: [
      { stage: 'New', at: at('2026-06-20T22:14:00') },
      { stage: 'Contacted', at: at('2026-06-21T22:19:00') },
      { stage: 'Appointment Set', at: at('2026-06-22T10:00:00') },
      { stage: 'Green - Approved', at: at('2026-07-09T09:30:00') },
    ],
    ownerHistory: [
      { locator: 'Ana Souza', at: at('2026-06-20T22:14:00') },
      { locator: 'Dev Patel', at: at('2026-07-15T12:00:00') },
    ],
  },
  {
    id: '100000',
    name: 'Tomás Haddad',
    company: null,
    locator: 'Chloé Martin',
    team: 'West',
    source: null,
    stage: 'Contacted',
    createdAt: at('2026-06-04T16:03:00'),
    firstContactAt: at('2026-06-04T18:56:00'),
    appointmentAt: null,
    stageHistory: [
      { stage: 'New', at: at('2026-06-04T16:03:00') },
      { stage: 'Contacted', at: at('2026-06-04T18:56:00') },
    ],
  },
];

test('served leads come back as they went in (ledger for stages, timelines for owners of appointed leads)', async () => {
  const server = await fake({ leads });
  const result = await createZohoSync({ ...connection(server), ownerHistory: true }).syncLeads();
  expect(result.issues).toEqual([]);
  expect(result.leads).toEqual([leads[1], leads[0]]);
});

test('without history tracking the same leads come back from timelines', async () => {
  const server = await fake({ leads, historyModule: false });
  const result = await createZohoSync({ ...connection(server), history: null }).syncLeads();
  expect(result.leads).toEqual([{ ...leads[1]!, stageHistory: [] }, leads[0]]);
});
