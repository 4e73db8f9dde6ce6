#!/usr/bin/env node
// The response heatmap of a response-time export in DuckDB, for `npm run bench:compare` and `npm run bench:sql`:
// the one SQL statement of the heatmap (HEATMAP_SQL of @panopticon/sql, packages/sql/src/queries/heatmap.ts)
// over a plain read_csv of the file (naive timestamps read as UTC, or with --offsets timestamps with their
// offsets read as TIMESTAMPTZ; every other column of a wide export declared VARCHAR; no checks of the rows:
// the bare query, as a peer), 30-minute slots, SLA 60 minutes. Prints the cells as JSON on stdout.
// Usage: node scripts/heatmap-duckdb.mjs FILE [--offsets]
import { openSync, readSync, closeSync } from 'node:fs';
import { BIGINT, DOUBLE, DuckDBInstance, INTEGER, LIST, VARCHAR } from '@duckdb/node-api';
import { HEATMAP_SQL } from '@panopticon/sql';

const file = process.argv[2];
if (!file) throw new Error('usage: node scripts/heatmap-duckdb.mjs FILE [--offsets]');
const offsets = process.argv.includes('--offsets');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const path = file.replaceAll("'", "''");
const timeType = offsets ? 'TIMESTAMPTZ' : 'TIMESTAMP';
const columns = headerOf(file)
  .map((name) => `'${name}': '${name === 'received_time' || name === 'first_contact_time' ? timeType : 'VARCHAR'}'`)
  .join(', ');
const instant = (column) => (offsets ? column : `timezone('UTC', ${column})`);
await connection.run(`
  CREATE TEMP VIEW leads AS
  SELECT lead_id, ${instant('received_time')} AS received_time, ${instant('first_contact_time')} AS first_contact_time,
         rep AS locator, team
  FROM read_csv('${path}', header = true, columns = { ${columns} })`);
const reader = await connection.runAndReadAll(
  HEATMAP_SQL,
  { time_zone: 'UTC', slot_minutes: 30, sla_minutes: 60, from_ms: null, to_ms: null, as_of_ms: null, teams: null, locators: null },
  {
    time_zone: VARCHAR,
    slot_minutes: INTEGER,
    sla_minutes: DOUBLE,
    from_ms: BIGINT,
    to_ms: BIGINT,
    as_of_ms: BIGINT,
    teams: LIST(VARCHAR),
    locators: LIST(VARCHAR),
  },
);
const cells = reader.getRowObjectsJS().map((r) => ({
  weekday: Number(r.weekday),
  slot: Number(r.slot_index),
  total: Number(r.total),
  withinSla: Number(r.within_sla),
  pctWithinSla: Number(r.pct_within_sla),
}));
process.stdout.write(`${JSON.stringify(cells)}\n`);

/** The names of the file's header line. */
function headerOf(file) {
  const fd = openSync(file, 'r');
  const bytes = Buffer.alloc(1 << 16);
  const n = readSync(fd, bytes, 0, bytes.length, 0);
  closeSync(fd);
  return bytes.subarray(0, n).toString('utf8').split(/\r?\n/)[0].split(',');
}
