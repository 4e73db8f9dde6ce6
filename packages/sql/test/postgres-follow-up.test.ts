// The follow-up statements of @panopticon/sql (NEEDS_ATTENTION_SQL, KPIS_SQL) on PostgreSQL (a real server,
// postgres-server.ts), with the compat functions of packages/sql/src/postgres/dialect.ts: over canonical tables
// holding the generated leads the DuckDB tests use (follow-up.test.ts), and the sample data, they give exactly
// core's `needsAttention` and `kpis`, in DST and 45-minute zones, with and without a locator column.
import { type Lead, kpis, needsAttention, type NeedsAttentionOptions, parsePipeline } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import fc from 'fast-check';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leadsArb, optionsArb } from '../../core/src/follow-up/arbitraries.js';
import { attentionRows, followUpParameters, kpisRow } from '../src/follow-up.js';
import { KPIS_SQL, NEEDS_ATTENTION_SQL, SqlEngineError } from '../src/index.js';
import { postgresStatement } from '../src/postgres/dialect.js';
import { pipelineStagesSql } from '../src/queries/pipeline-stages.js';
import { compatClient } from './compat-client.js';
import { sampleFollowUp, writeFollowUpFiles } from './follow-up-files.js';
import { scratchFolder } from './lead-files.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';

let server: PostgresServer;
let client: pg.Client;
const folder = scratchFolder();
beforeAll(async () => {
  server = await startPostgres();
  client = await compatClient(server.url);
  await client.query(`
    CREATE TABLE leads (lead_id text, name text, team text, received_time timestamptz, appointment_time timestamptz, stage text, locator text);
    CREATE TABLE stage_history (lead_id text, stage text, changed_at timestamptz, entry_order bigint);
    CREATE TABLE owner_history (lead_id text, locator text, changed_at timestamptz, entry_order bigint)`);
});
afterAll(async () => {
  await client?.end();
  server?.stop();
  folder.dispose();
});

/** Inserts `rows` into `table`, 100 rows a statement. */
async function insert(table: string, rows: readonly (readonly unknown[])[]): Promise<void> {
  for (let at = 0; at < rows.length; at += 100) {
    const batch = rows.slice(at, at + 100);
    const width = batch[0]!.length;
    const values = batch.map((_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(', ')})`);
    await client.query(`INSERT INTO ${table} VALUES ${values.join(', ')}`, batch.flat());
  }
}

/** The canonical tables holding exactly `leads` (a NULL locator column standing for a leads table without one) and the pipeline's stages. */
async function serve(leads: readonly Lead[], options: NeedsAttentionOptions, locatorColumn: boolean): Promise<void> {
  await client.query('TRUNCATE leads, stage_history, owner_history; DROP TABLE IF EXISTS pipeline_stages');
  await client.query(`CREATE TABLE pipeline_stages AS ${pipelineStagesSql(options.pipeline)}`);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  await insert(
    'leads',
    leads.map((l) => [l.id, l.name, l.team, iso(l.createdAt), iso(l.appointmentAt), l.stage, locatorColumn ? l.locator : null]),
  );
  let order = 0;
  await insert(
    'stage_history',
    leads.flatMap((l) => l.stageHistory.map((e) => [l.id, e.stage, iso(e.at), order++])),
  );
  await insert(
    'owner_history',
    leads.flatMap((l) => (l.ownerHistory ?? []).map((e) => [l.id, e.locator, iso(e.at), order++])),
  );
}

/** NEEDS_ATTENTION_SQL and KPIS_SQL on the served tables, as core's rows and figures. */
async function judge(options: NeedsAttentionOptions, locatorColumn: boolean) {
  const { values, types } = followUpParameters(options, locatorColumn);
  const attention = await client.query(postgresStatement(NEEDS_ATTENTION_SQL, values, types));
  const figures = await client.query(postgresStatement(KPIS_SQL, values, types));
  return { rows: attentionRows(attention.rows), kpis: kpisRow(figures.rows[0]!, options.asOf) };
}

describe('the follow-up statements on PostgreSQL give exactly core’s figures', () => {
  it('on generated leads and histories (ties, repeats, history before creation, DST and 45-minute zones, with and without a locator column)', async () => {
    let listed = 0;
    await fc.assert(
      fc.asyncProperty(leadsArb(20), optionsArb, fc.boolean(), fc.boolean(), async (leads, generated, includeStalled, locatorColumn) => {
        const options = { ...generated, dayCount: 'calendar' as const, includeStalled };
        await serve(leads, options, locatorColumn);
        const { rows, kpis: figures } = await judge(options, locatorColumn);
        // Core's reader applies the rules of a leads file without a locator column (each lead's owner history's last locator).
        const files = writeFollowUpFiles(folder, leads, options.timeZone, { form: 'utc', locatorColumn });
        const { leads: loaded } = await loadFiles({ ...files, timeZone: options.timeZone, pipeline: options.pipeline });
        expect(rows).toEqual(needsAttention(loaded, options));
        expect(figures).toEqual(kpis(loaded, options));
        if (locatorColumn) expect(rows).toEqual(needsAttention(leads, options));
        listed += rows.length;
      }),
      { numRuns: 100 },
    );
    // Rows were compared, not only empty lists.
    expect(listed).toBeGreaterThan(0);
  }, 240_000);

  it('on the sample data', async () => {
    const { inputs, pipeline, cases } = sampleFollowUp();
    for (const { asOf, timeZone } of cases) {
      const options = { asOf, timeZone, pipeline };
      const { leads } = await loadFiles({ ...inputs, timeZone, pipeline });
      await serve(leads, options, true);
      const { rows, kpis: figures } = await judge(options, true);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows).toEqual(needsAttention(leads, options));
      expect(figures).toEqual(kpis(leads, options));
    }
  }, 120_000);

  it('refuses business days by name, as on DuckDB', () => {
    const options = {
      asOf: new Date('2026-01-01T00:00:00Z'),
      timeZone: 'UTC',
      pipeline: parsePipeline({ stages: [{ name: 'New', category: 'open' }] }),
      dayCount: 'business' as const,
    };
    expect(() => followUpParameters(options, true)).toThrow(SqlEngineError);
    expect(() => followUpParameters(options, true)).toThrow(/business days/);
  });
});
