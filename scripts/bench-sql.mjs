#!/usr/bin/env node
// `npm run bench:sql`: the response heatmap by the SQL engine (@panopticon/sql on an embedded DuckDB) on a
// generated response-time export of N rows (scripts/gen-responses.mjs, seeded; kept under .bench/, never
// committed). Prints wall time, CPU time and peak memory (the process's max resident set, from /usr/bin/time) of:
//   - heatmapSql: the engine end to end (the file's rows checked as core reads them, then HEATMAP_SQL);
//   - the bare statement: HEATMAP_SQL over a plain read_csv (scripts/heatmap-duckdb.mjs, the bench:compare peer).
// DuckDB reads the file in a streaming scan and spills to a temporary directory beyond its memory limit,
// so the row count is bounded by disk, not memory. Run `npm run build` first (the engine is imported from dist/).
// Usage: node scripts/bench-sql.mjs [--rows 1000000] [--memory-limit 2GB] [--threads N] [--dir .bench]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeResponses } from './gen-responses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    'memory-limit': { type: 'string' },
    threads: { type: 'string' },
    dir: { type: 'string', default: join(root, '.bench') },
    child: { type: 'string' },
  },
});

if (values.child !== undefined) {
  // The measured process: the engine end to end on one file; prints the cell count and the leads counted.
  const { heatmapSql } = await import('@panopticon/sql');
  const options = { timeZone: 'UTC', slotMinutes: 30, slaMinutes: 60 };
  if (values['memory-limit'] !== undefined) options.memoryLimit = values['memory-limit'];
  if (values.threads !== undefined) options.threads = Number(values.threads);
  const cells = await heatmapSql({ leads: values.child }, options);
  process.stdout.write(`${JSON.stringify({ cells: cells.length, leads: cells.reduce((n, c) => n + c.total, 0) })}\n`);
  process.exit(0);
}

const rows = Number(values.rows.replaceAll('_', ''));
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows: expected a positive whole number, got "${values.rows}"`);
mkdirSync(values.dir, { recursive: true });
const file = join(values.dir, `responses-${rows}.csv`);
if (!existsSync(file)) {
  const start = process.hrtime.bigint();
  await writeResponses(rows, `${file}.partial`);
  const { renameSync } = await import('node:fs');
  renameSync(`${file}.partial`, file);
  console.log(`generated ${file} in ${(Number(process.hrtime.bigint() - start) / 1e9).toFixed(1)} s`);
}
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

function measure(label, args) {
  const [command, argv] = timeTool ? [timeTool, ['-f', '%U %S %M', process.execPath, ...args]] : [process.execPath, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(command, argv, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}):\n${r.stderr}`);
  const [user, system, kb] = timeTool ? r.stderr.trim().split('\n').pop().split(' ').map(Number) : [Number.NaN, Number.NaN, Number.NaN];
  return { label, seconds, cpu: user + system, peakMb: kb / 1024, stdout: r.stdout };
}

const engineArgs = [fileURLToPath(import.meta.url), '--child', file];
if (values['memory-limit'] !== undefined) engineArgs.push('--memory-limit', values['memory-limit']);
if (values.threads !== undefined) engineArgs.push('--threads', values.threads);
const results = [
  measure('heatmapSql (rows checked, then HEATMAP_SQL)', engineArgs),
  measure('HEATMAP_SQL alone (plain read_csv)', [join(root, 'scripts/heatmap-duckdb.mjs'), file]),
];
const { leads } = JSON.parse(results[0].stdout);
const bare = JSON.parse(results[1].stdout).reduce((n, c) => n + c.total, 0);
if (leads !== rows || bare !== rows) throw new Error(`counted ${leads} and ${bare} leads of ${rows}`);

const mb = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
const size = statSync(file).size / 1024 ** 2;
const { DuckDBInstance } = await import('@duckdb/node-api');
const version = (await (await (await DuckDBInstance.create()).connect()).runAndReadAll('SELECT version() AS v')).getRowObjects()[0].v;
console.log(`SQL heatmap (DuckDB ${version}), ${rows.toLocaleString('en')} rows, ${size.toFixed(0)} MB of CSV; 30-minute slots, UTC`);
const width = Math.max(...results.map((r) => r.label.length)) + 2;
console.log(`${''.padEnd(width)}${'time'.padStart(9)}${'CPU time'.padStart(10)}${'peak memory'.padStart(14)}`);
for (const r of results) {
  const cpu = Number.isNaN(r.cpu) ? 'n/a' : `${r.cpu.toFixed(2)} s`;
  console.log(`${r.label.padEnd(width)}${`${r.seconds.toFixed(2)} s`.padStart(9)}${cpu.padStart(10)}${mb(r.peakMb).padStart(14)}`);
}
console.log('time: wall clock, start-up included; CPU time: user + system of all threads; peak memory: max resident set.');
