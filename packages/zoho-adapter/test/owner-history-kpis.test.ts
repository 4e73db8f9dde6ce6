// Owner changes are what time to intervention turns on: with default settings a sync must give the same
// owner-based figures as the CSV export it serves, whichever source the owners come from.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kpis, parsePipeline } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import { describe, expect, test } from 'vitest';
import { createZohoSync } from '../src/sync.js';
import { connection, fake } from './helpers.js';

const data = (name: string) => fileURLToPath(new URL(`../../../examples/data/${name}`, import.meta.url));
const timeZone = 'America/New_York';

async function sample() {
  const pipeline = parsePipeline(JSON.parse(readFileSync(data('pipeline.json'), 'utf8')));
  const csv = await loadFiles({
    leads: data('leads.csv'),
    stageHistory: data('stage_history.csv'),
    ownerHistory: data('owner_history.csv'),
    timeZone,
    pipeline,
  });
  return { pipeline, leads: csv.leads };
}

describe('owner-based KPIs with default settings equal those of the CSV export', () => {
  test('from timelines of appointed leads (the module tracks stages only), and from the module where it tracks owners', async () => {
    const { pipeline, leads } = await sample();
    const options = { asOf: new Date('2026-10-31T12:00:00Z'), timeZone, pipeline };
    const expected = kpis(leads, options);
    expect(expected.pendingIntervention + (expected.medianDaysToIntervention === null ? 0 : 1)).toBeGreaterThan(0);
    const appointed = leads.filter((l) => l.appointmentAt !== null).length;

    for (const ownerRows of [false, true]) {
      const server = await fake({ leads, ownerRows });
      const result = await createZohoSync({
        ...connection(server),
        timeZone,
        ...(ownerRows ? { history: { owner: 'Lead_Owner' } } : {}),
      }).syncLeads();
      const got = kpis(result.leads, options);
      expect(got.pendingIntervention).toBe(expected.pendingIntervention);
      expect(got.medianDaysToIntervention).toBe(expected.medianDaysToIntervention);
      expect(got).toEqual(expected);
      expect(server.stats.timeline).toBe(ownerRows ? 0 : appointed);
    }
  });

  test('with owner history off the owner changes of covered leads are missing, so the figure would differ (why kpis says "not measured")', async () => {
    const { pipeline, leads } = await sample();
    const options = { asOf: new Date('2026-10-31T12:00:00Z'), timeZone, pipeline };
    const server = await fake({ leads });
    const result = await createZohoSync({ ...connection(server), timeZone, ownerHistory: false }).syncLeads();
    expect(server.stats.timeline).toBe(0);
    expect(result.leads.every((l) => l.ownerHistory === undefined)).toBe(true);
    expect(kpis(result.leads, options)).not.toEqual(kpis(leads, options));
  });
});
