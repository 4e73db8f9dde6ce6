// The SQL definitions of @panopticon/sql on PostgreSQL (a real server, postgres-server.ts): the heatmap and
// the response summary, with the compat functions of packages/sql/src/postgres/dialect.ts, give exactly
// core's figures on generated leads (the follow-up statements: postgres-follow-up.test.ts).
import { aggregateBySlot, summarizeResponses } from '@panopticon/core';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arbLead, arbLeads, type TestLead } from '../../core/src/response/arbitraries.js';
import { filterParameters, TYPES } from '../src/parameters.js';
import { postgresStatement } from '../src/postgres/dialect.js';
import { compatClient } from './compat-client.js';
import { HEATMAP_SQL } from '../src/queries/heatmap.js';
import { RESPONSE_SUMMARY_SQL } from '../src/queries/response-summary.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';
import { optionsArb } from './response-options.js';

let server: PostgresServer;
let client: pg.Client;
beforeAll(async () => {
  server = await startPostgres();
  client = await compatClient(server.url);
  await client.query(
    'CREATE TABLE leads (lead_id text, received_time timestamptz, first_contact_time timestamptz, team text, locator text)',
  );
});
afterAll(async () => {
  await client?.end();
  server?.stop();
});

/** The canonical `leads` table holding exactly `leads` (instants to the millisecond). */
async function serve(leads: readonly TestLead[]): Promise<void> {
  await client.query('TRUNCATE leads');
  for (let at = 0; at < leads.length; at += 100) {
    const rows = leads.slice(at, at + 100);
    const values = rows.map((_, i) => `($${i * 5 + 1}, $${i * 5 + 2}, $${i * 5 + 3}, $${i * 5 + 4}, $${i * 5 + 5})`);
    const flat = rows.flatMap((l) => [String(l.id), l.createdAt.toISOString(), l.firstContactAt?.toISOString() ?? null, l.team, l.locator]);
    await client.query(`INSERT INTO leads VALUES ${values.join(', ')}`, flat);
  }
}

const number = (v: unknown) => (v === null ? null : Number(v));

// One fixed batch with no filter always runs first (fast-check's `examples`), so the property compares filled
// cells on every run, not only when the random draws happen to select many leads.
const fixedLeads = fc.sample(fc.array(arbLead, { minLength: 150, maxLength: 150 }), { seed: 17, numRuns: 1 })[0]!;
const fixedOptions = {
  timeZone: 'Europe/London',
  slotMinutes: 60 as const,
  slaMinutes: 15 as const,
  team: undefined,
  locator: undefined,
  asOf: undefined,
  from: undefined,
};

describe('the response statements on PostgreSQL give exactly core’s figures', () => {
  it('HEATMAP_SQL and RESPONSE_SUMMARY_SQL on generated leads, in DST zones, with every filter', async () => {
    let cells = 0;
    await fc.assert(
      // arbLeads' small sizes, and batches of 40–150 leads that fill many cells.
      fc.asyncProperty(
        fc.oneof(arbLeads(120), fc.array(arbLead, { minLength: 40, maxLength: 150 })),
        optionsArb,
        async (leads, options) => {
          await serve(leads);
          const filters = filterParameters(options);
          const heatmap = postgresStatement(
            HEATMAP_SQL,
            { ...filters.values, time_zone: options.timeZone, slot_minutes: options.slotMinutes, sla_minutes: options.slaMinutes },
            { ...filters.types, time_zone: TYPES.VARCHAR, slot_minutes: TYPES.INTEGER, sla_minutes: TYPES.DOUBLE },
          );
          const rows = (await client.query(heatmap)).rows;
          const expected = aggregateBySlot(leads, options);
          expect(
            rows.map((r) => ({
              weekday: number(r.weekday),
              slotIndex: number(r.slot_index),
              total: number(r.total),
              contacted: number(r.contacted),
              withinSla: number(r.within_sla),
              pctWithinSla: number(r.pct_within_sla),
              neverContacted: number(r.never_contacted),
              invalid: number(r.invalid),
              medianMinutes: number(r.median_minutes),
              p90Minutes: number(r.p90_minutes),
            })),
          ).toEqual(expected.map(({ day: _day, slot: _slot, ...cell }) => cell));
          cells += rows.length;

          const summary = postgresStatement(
            RESPONSE_SUMMARY_SQL,
            { ...filters.values, sla_minutes: options.slaMinutes },
            { ...filters.types, sla_minutes: TYPES.DOUBLE },
          );
          const row = (await client.query(summary)).rows[0]!;
          const figures = summarizeResponses(leads, options);
          expect({
            total: number(row.total),
            contacted: number(row.contacted),
            neverContacted: number(row.never_contacted),
            invalid: number(row.invalid),
            withinSla: number(row.within_sla),
            pctWithinSla: number(row.pct_within_sla),
            medianMinutes: number(row.median_minutes),
            p90Minutes: number(row.p90_minutes),
            bands: {
              '0-5': number(row.band_0_5),
              '5-15': number(row.band_5_15),
              '15-60': number(row.band_15_60),
              '60+': number(row.band_60_plus),
              never: number(row.never_contacted),
            },
          }).toEqual(figures);
        },
      ),
      { numRuns: 60, examples: [[fixedLeads, fixedOptions]] },
    );
    // The fixed batch filled many cells, and they were compared.
    const fixedCells = aggregateBySlot(fixedLeads, fixedOptions).length;
    expect(fixedCells).toBeGreaterThan(50);
    expect(cells).toBeGreaterThanOrEqual(fixedCells);
  }, 120_000);
});
