#!/usr/bin/env node
// `npm run bench:compare`: Panopticon against the tools an analyst would otherwise use, in one run on the
// same generated files. Times (wall clock) and peak memory (the whole process's peak resident set, from
// /usr/bin/time) of:
//   - `panopticon heatmap` end to end on a response-time export (lead_id,received_time,first_contact_time,rep,team);
//   - the same heatmap in DuckDB (@duckdb/node-api: read_csv + GROUP BY, scripts/heatmap-duckdb.mjs);
//   - the same heatmap in pandas (read_csv, to_datetime, vectorized groupby, scripts/heatmap-pandas.py)
//     where a python3 with pandas is found (/usr/bin/python3 first: the python3 on PATH may lack it);
//   - `panopticon attention` and `panopticon kpis` on appointed leads with their stage and owner histories.
// Each is run --runs times, interleaved so that a busy moment of the machine hits every tool alike, and
// the medians are printed with the ratios to the peers. Then it checks that the three heatmaps agree
// exactly (total, within 60 minutes and % per weekday × 30-minute slot, UTC) and exits 1 if they do not.
// Figures are printed, never asserted: the targets are shown as met or missed.
//
// Options: --rows N (default 1000000), --leads N (appointed leads, default 100000), --runs N (default 5),
//          --dir DIR (where the generated files are kept, default .bench)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PIPELINE_AS_OF, PIPELINE_TIME_ZONE, writePipeline } from './gen-pipeline.mjs';
import { writeResponses } from './gen-responses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: { rows: { type: 'string' }, leads: { type: 'string' }, runs: { type: 'string' }, dir: { type: 'string' } },
});
const rows = Number(values.rows ?? 1_000_000);
const leadCount = Number(values.leads ?? 100_000);
const runs = Number(values.runs ?? 5);
const dir = resolve(root, values.dir ?? '.bench');
const fmt = (n) => n.toLocaleString('en-US');

// ---- inputs ----------------------------------------------------------------------------------------
if (!existsSync(join(root, 'packages/cli/dist/app/cli.js')))
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
mkdirSync(dir, { recursive: true });
const responses = join(dir, `responses-${rows}.csv`);
if (!existsSync(responses)) {
  console.log(`generating ${fmt(rows)} response rows …`);
  await writeResponses(rows, responses);
}
const pipelineDir = join(dir, `pipeline-${leadCount}`);
if (!existsSync(join(pipelineDir, 'owner_history.csv'))) {
  console.log(`generating ${fmt(leadCount)} appointed leads with their histories …`);
  await writePipeline(leadCount, pipelineDir);
}
const lines = (file) => readFileSync(file, 'latin1').split('\n').filter(Boolean).length - 1;
const historyRows = lines(join(pipelineDir, 'stage_history.csv')) + lines(join(pipelineDir, 'owner_history.csv'));

// ---- the peers ---------------------------------------------------------------------------------------
/** A python3 that has pandas: /usr/bin/python3 first (the one on PATH may be a pyenv without it). */
function findPandas() {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}
async function findDuckDb() {
  try {
    await import('@duckdb/node-api');
    return JSON.parse(readFileSync(join(root, 'node_modules/@duckdb/node-api/package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}
const pandas = findPandas();
const duckdb = await findDuckDb();
const timeTool = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

const cli = join(root, 'packages/cli/bin/panopticon.js');
const pipelineArgs = [
  '--leads',
  join(pipelineDir, 'leads.csv'),
  '--history',
  join(pipelineDir, 'stage_history.csv'),
  '--owners',
  join(pipelineDir, 'owner_history.csv'),
  '--pipeline',
  join(pipelineDir, 'pipeline.json'),
  '--as-of',
  PIPELINE_AS_OF,
  '--tz',
  PIPELINE_TIME_ZONE,
  '--format',
  'json',
  '--quiet',
];
const jobs = [
  {
    key: 'heatmap',
    label: 'panopticon heatmap',
    command: process.execPath,
    args: [cli, 'heatmap', '--leads', responses, '--tz', 'UTC', '--format', 'json', '--quiet'],
  },
  ...(duckdb
    ? [
        {
          key: 'duckdb',
          label: `DuckDB ${duckdb} (read_csv + GROUP BY)`,
          command: process.execPath,
          args: [join(root, 'scripts/heatmap-duckdb.mjs'), responses],
        },
      ]
    : []),
  ...(pandas
    ? [
        {
          key: 'pandas',
          label: `pandas ${pandas.version} (read_csv + groupby)`,
          command: pandas.python,
          args: [join(root, 'scripts/heatmap-pandas.py'), responses],
        },
      ]
    : []),
  { key: 'attention', label: 'panopticon attention', command: process.execPath, args: [cli, 'attention', ...pipelineArgs] },
  { key: 'kpis', label: 'panopticon kpis', command: process.execPath, args: [cli, 'kpis', ...pipelineArgs] },
];

/** One run of a job: wall seconds, peak resident set (MB, whole process) and its stdout. */
function measure(job) {
  const [command, args] = timeTool ? [timeTool, ['-f', '%M', job.command, ...job.args]] : [job.command, job.args];
  const start = process.hrtime.bigint();
  const r = spawnSync(command, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${job.label} failed (exit ${r.status}):\n${r.stderr}`);
  const kb = timeTool ? Number(r.stderr.trim().split('\n').pop()) : Number.NaN;
  return { seconds, peakMb: kb / 1024, stdout: r.stdout };
}

// ---- runs ------------------------------------------------------------------------------------------
console.log(
  `inputs: ${fmt(rows)} response rows (${(statSync(responses).size / 1e6).toFixed(0)} MB); ` +
    `${fmt(leadCount)} appointed leads with ${fmt(historyRows)} history rows\n` +
    `${runs} run${runs === 1 ? '' : 's'} each, interleaved; medians shown; peak memory is the whole process's (max RSS)\n` +
    (pandas ? '' : 'pandas: not found (no python3 with pandas), left out\n') +
    (duckdb ? '' : 'DuckDB: @duckdb/node-api not installed, left out\n'),
);
const samples = new Map(jobs.map((j) => [j.key, []]));
const outputs = new Map();
for (let run = 0; run < runs; run++) {
  for (const job of jobs) {
    const r = measure(job);
    samples.get(job.key).push(r);
    if (!outputs.has(job.key)) outputs.set(job.key, r.stdout);
  }
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const figures = new Map(
  jobs.map((j) => [
    j.key,
    { seconds: median(samples.get(j.key).map((r) => r.seconds)), peakMb: median(samples.get(j.key).map((r) => r.peakMb)) },
  ]),
);

// ---- report ------------------------------------------------------------------------------------------
const mb = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
const width = Math.max(...jobs.map((j) => j.label.length)) + 2;
console.log(`${'heatmap, end to end'.padEnd(width)}${'time'.padStart(9)}${'peak memory'.padStart(14)}`);
for (const key of ['heatmap', 'duckdb', 'pandas']) {
  const job = jobs.find((j) => j.key === key);
  if (!job) continue;
  const f = figures.get(key);
  console.log(`${job.label.padEnd(width)}${`${f.seconds.toFixed(2)} s`.padStart(9)}${mb(f.peakMb).padStart(14)}`);
}
const ours = figures.get('heatmap');
// The targets are set for 1,000,000 rows and 100,000 leads; at other sizes the figures are just printed.
const atScale = rows >= 1_000_000 && leadCount >= 100_000;
const verdict = (ok) => (atScale ? (ok ? 'met' : 'MISSED') : 'n/a at this size');
console.log('');
if (figures.has('pandas')) {
  const p = figures.get('pandas');
  const x = p.seconds / ours.seconds;
  console.log(
    `pandas / panopticon: ${x.toFixed(2)}× the time (target ≥ 4×: ${verdict(x >= 4)}), ${(p.peakMb / ours.peakMb).toFixed(1)}× the memory`,
  );
}
if (figures.has('duckdb')) {
  const d = figures.get('duckdb');
  const x = ours.seconds / d.seconds;
  console.log(
    `panopticon / DuckDB: ${x.toFixed(2)}× the time (target ≤ 1.2×: ${verdict(x <= 1.2)}), ${(ours.peakMb / d.peakMb).toFixed(2)}× the memory`,
  );
}
if (!Number.isNaN(ours.peakMb))
  console.log(`panopticon heatmap peak memory: ${mb(ours.peakMb)} (target < 150 MB: ${verdict(ours.peakMb < 150)})`);
console.log('');
console.log(`${`follow-up, ${fmt(leadCount)} leads`.padEnd(width)}${'time'.padStart(9)}${'peak memory'.padStart(14)}`);
for (const key of ['attention', 'kpis']) {
  const job = jobs.find((j) => j.key === key);
  const f = figures.get(key);
  console.log(
    `${job.label.padEnd(width)}${`${f.seconds.toFixed(2)} s`.padStart(9)}${mb(f.peakMb).padStart(14)}   (target < 1 s: ${verdict(f.seconds < 1)})`,
  );
}

// ---- agreement -----------------------------------------------------------------------------------------
/**
 * Cells keyed "weekday slot" → [total, withinSla, ratio within SLA]: panopticon's JSON holds the ratio
 * (withinSlaRatio), DuckDB's and pandas' a percentage, of which the counts give the same ratio.
 */
function cellsOf(key) {
  const parsed = JSON.parse(outputs.get(key));
  const cells = key === 'heatmap' ? parsed.cells : parsed;
  const map = new Map();
  for (const c of cells) {
    const slot = typeof c.slot === 'string' ? (Number(c.slot.slice(0, 2)) * 60 + Number(c.slot.slice(3, 5))) / 30 : c.slot;
    map.set(`${c.weekday} ${slot}`, [c.total, c.withinSla, key === 'heatmap' ? c.withinSlaRatio : c.withinSla / c.total]);
  }
  return map;
}
const reference = cellsOf('heatmap');
let agree = true;
for (const key of ['duckdb', 'pandas']) {
  if (!outputs.has(key)) continue;
  const theirs = cellsOf(key);
  const differences = [];
  for (const k of new Set([...reference.keys(), ...theirs.keys()])) {
    const a = reference.get(k);
    const b = theirs.get(k);
    if (!a || !b || a.some((v, i) => v !== b[i])) differences.push(`${k}: panopticon ${JSON.stringify(a)} vs ${key} ${JSON.stringify(b)}`);
  }
  if (differences.length > 0) {
    agree = false;
    console.log(`\nheatmaps DISAGREE: panopticon vs ${key}, ${differences.length} cells, e.g.\n  ${differences.slice(0, 5).join('\n  ')}`);
  }
}
const compared = ['panopticon', ...['duckdb', 'pandas'].filter((k) => outputs.has(k)).map((k) => (k === 'duckdb' ? 'DuckDB' : 'pandas'))];
if (agree) console.log(`\nheatmaps agree: ${compared.join(' = ')} on all ${reference.size} cells (total, within 60 min, % within), UTC`);
process.exitCode = agree ? 0 : 1;
