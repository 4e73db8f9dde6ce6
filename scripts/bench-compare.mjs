#!/usr/bin/env node
// `npm run bench:compare`: Panopticon against the tools an analyst would otherwise use, in one run on the
// same generated files, for every data shape of scripts/gen-responses.mjs (numeric, Salesforce-like, `L` and
// UUID ids; timestamps with offsets; 12 % never contacted; a wide export of 40 columns). Per shape, wall
// time, CPU time and peak memory (the whole process's maximum resident set, GNU time) of:
//   - `panopticon heatmap` end to end (and, with --before BIN, the same command of another build);
//   - the same heatmap in DuckDB (@duckdb/node-api: read_csv + the heatmap SQL, scripts/heatmap-duckdb.mjs);
//   - in polars (nodejs-polars: scanCSV + group_by, scripts/heatmap-polars.mjs);
//   - in pandas (read_csv, to_datetime, groupby, scripts/heatmap-pandas.py) where a python3 with pandas is
//     found (/usr/bin/python3 first: the python3 on PATH may lack it);
// then `panopticon attention` and `panopticon kpis` on appointed leads with their histories. Each job is run
// --runs times, interleaved (scripts/bench-runs.mjs); medians are printed, with the load average over the
// runs. The targets are printed as met or missed, never asserted. Every peer must agree with Panopticon on
// every cell (total, within 60 minutes and % per weekday × 30-minute slot, UTC): the script exits 1 if not.
//
// Options: --rows N (default 1000000; 10000000 is the memory-flatness size), --shapes a,b (default all),
//          --leads N (appointed leads, default 100000; 0 = no attention/kpis), --runs N (default 5),
//          --dir DIR (generated files, default .bench), --before BIN (another build's bin/panopticon.js to compare;
//          repeatable)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { benchFollowUp, generatedSet } from './bench-follow-up.mjs';
import {
  benchOptions,
  CLI as cli,
  figureTable,
  fmt,
  heatmapCells,
  heatmapDifferences,
  loadLine,
  ROOT as root,
  runInterleaved,
} from './bench-runs.mjs';
import { RESPONSE_SHAPES, writeResponses } from './gen-responses.mjs';

const { values, runs, dir } = benchOptions({
  rows: { type: 'string' },
  shapes: { type: 'string' },
  leads: { type: 'string' },
  before: { type: 'string', multiple: true },
});
const rows = Number(values.rows ?? 1_000_000);
const shapes = values.shapes === undefined ? RESPONSE_SHAPES : values.shapes.split(',');
for (const shape of shapes) if (!RESPONSE_SHAPES.includes(shape)) throw new RangeError(`--shapes: unknown shape ${shape}`);
const leadCount = Number(values.leads ?? 100_000);
const befores = (values.before ?? []).map((path) => resolve(path));
const cores = availableParallelism();

// ---- inputs ----------------------------------------------------------------------------------------
mkdirSync(dir, { recursive: true });
/** The generated export of a shape (the numeric one keeps the name the other benchmarks use). */
async function responsesFile(shape) {
  const file = join(dir, shape === 'numeric' ? `responses-${rows}.csv` : `responses-${shape}-${rows}.csv`);
  if (!existsSync(file)) {
    console.log(`generating ${fmt(rows)} response rows, shape ${shape} …`);
    await writeResponses(rows, `${file}.partial`, 42, shape);
    renameSync(`${file}.partial`, file);
  }
  return file;
}

// ---- the peers ---------------------------------------------------------------------------------------
/** A python3 that has pandas: /usr/bin/python3 first (the one on PATH may be a pyenv without it). */
function findPandas() {
  for (const python of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(python, ['-c', 'import pandas; print(pandas.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, version: r.stdout.trim() };
  }
  return null;
}
/** The version of an installed package that loads, or null. */
async function installed(name) {
  try {
    await import(name);
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}
const pandas = findPandas();
const duckdb = await installed('@duckdb/node-api');
const polars = await installed('nodejs-polars');

/** The jobs of one shape: Panopticon, the other build, then the peers found. */
function heatmapJobs(file, shape) {
  const ours = (program) => [program, 'heatmap', '--leads', file, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const peer = shape === 'offsets' ? ['--offsets'] : [];
  return [
    { key: 'heatmap', label: 'panopticon heatmap', args: ours(cli) },
    ...befores.map((bin, i) => ({ key: `before${i + 1}`, label: `panopticon heatmap (before #${i + 1})`, args: ours(bin) })),
    ...(duckdb
      ? [
          {
            key: 'duckdb',
            label: `DuckDB ${duckdb} (read_csv + GROUP BY)`,
            args: [join(root, 'scripts/heatmap-duckdb.mjs'), file, ...peer],
          },
        ]
      : []),
    ...(polars
      ? [{ key: 'polars', label: `polars ${polars} (scanCSV + group_by)`, args: [join(root, 'scripts/heatmap-polars.mjs'), file, ...peer] }]
      : []),
    ...(pandas
      ? [
          {
            key: 'pandas',
            label: `pandas ${pandas.version} (read_csv + groupby)`,
            command: pandas.python,
            args: [join(root, 'scripts/heatmap-pandas.py'), file, ...peer],
          },
        ]
      : []),
  ];
}

const PEER_NAMES = { duckdb: 'DuckDB', polars: 'polars', pandas: 'pandas' };
befores.forEach((_, i) => {
  PEER_NAMES[`before${i + 1}`] = `panopticon (before #${i + 1})`;
});
const BEFORE_KEYS = befores.map((_, i) => `before${i + 1}`);
// The targets are set for 1,000,000 rows (time ≤ DuckDB and polars, < 150 MB) and 10,000,000 rows (time ≤
// DuckDB, < 150 MB: memory flat in the row count); at other sizes the figures are just printed.
const atScale = rows >= 1_000_000;
const verdict = (ok) => (atScale ? (ok ? 'met' : 'MISSED') : 'n/a at this size');

console.log(
  `${fmt(rows)} response rows a shape (${shapes.join(', ')}); ${runs} run${runs === 1 ? '' : 's'} each, interleaved; medians shown;\n` +
    `time is wall clock, CPU user + system, peak memory the whole process's (max RSS); ${cores} cores\n` +
    (pandas ? '' : 'pandas: not found (no python3 with pandas), left out\n') +
    (duckdb ? '' : 'DuckDB: @duckdb/node-api not installed, left out\n') +
    (polars ? '' : 'polars: nodejs-polars not installed, left out\n') +
    befores.map((bin, i) => `before #${i + 1}: ${bin}\n`).join(''),
);
let agree = true;
const summary = [];
for (const shape of shapes) {
  const file = await responsesFile(shape);
  const jobs = heatmapJobs(file, shape);
  const { figures, load } = runInterleaved(jobs, runs, root);
  console.log(`---- shape ${shape}: ${fmt(rows)} rows, ${(statSync(file).size / 1e6).toFixed(0)} MB of CSV`);
  console.log(figureTable('heatmap, end to end', figures));
  console.log(loadLine(load, cores));
  const ours = figures.get('heatmap');
  const ratio = (key) => ours.seconds / figures.get(key).seconds;
  const targets = [];
  if (figures.has('duckdb')) {
    const d = figures.get('duckdb');
    console.log(`panopticon / DuckDB: ${ratio('duckdb').toFixed(2)}× the time, ${(ours.peakMb / d.peakMb).toFixed(2)}× the memory`);
    targets.push(`time ≤ DuckDB's: ${verdict(ratio('duckdb') <= 1)}`);
  }
  if (figures.has('polars')) {
    const p = figures.get('polars');
    console.log(`panopticon / polars: ${ratio('polars').toFixed(2)}× the time, ${(ours.peakMb / p.peakMb).toFixed(2)}× the memory`);
    if (rows < 10_000_000) targets.push(`time ≤ polars': ${verdict(ratio('polars') <= 1)}`);
  }
  if (figures.has('pandas')) {
    const p = figures.get('pandas');
    console.log(
      `pandas / panopticon: ${(p.seconds / ours.seconds).toFixed(2)}× the time, ${(p.peakMb / ours.peakMb).toFixed(1)}× the memory`,
    );
  }
  for (const key of BEFORE_KEYS) {
    const b = figures.get(key);
    console.log(
      `panopticon / before #${key.slice(6)}: ${ratio(key).toFixed(2)}× the time, ${(ours.cpuSeconds / b.cpuSeconds).toFixed(2)}× the CPU, ` +
        `${(ours.peakMb / b.peakMb).toFixed(2)}× the memory (target ≤ 1.10× the time: ${verdict(ratio(key) <= 1.1)})`,
    );
  }
  if (!Number.isNaN(ours.peakMb)) targets.push(`peak memory < 150 MB: ${verdict(ours.peakMb < 150)}`);
  console.log(`targets: ${targets.join('; ')}`);

  const reference = heatmapCells(ours.stdout);
  const compared = ['panopticon'];
  for (const key of [...BEFORE_KEYS, 'duckdb', 'polars', 'pandas']) {
    if (!figures.has(key)) continue;
    const differences = heatmapDifferences(reference, heatmapCells(figures.get(key).stdout), ['panopticon', PEER_NAMES[key]]);
    if (differences.length > 0) {
      agree = false;
      console.log(
        `heatmaps DISAGREE: panopticon vs ${PEER_NAMES[key]}, ${differences.length} cells, e.g.\n  ${differences.slice(0, 5).join('\n  ')}`,
      );
    } else compared.push(PEER_NAMES[key]);
  }
  console.log(`heatmaps agree: ${compared.join(' = ')} on all ${reference.size} cells (total, within 60 min, % within), UTC\n`);
  summary.push({ shape, figures });
}

// ---- summary: one line a shape -------------------------------------------------------------------------
if (shapes.length > 1) {
  const keys = ['heatmap', ...BEFORE_KEYS, 'duckdb', 'polars', 'pandas'].filter((k) => summary[0].figures.has(k));
  const head = keys.map((k) => (k === 'heatmap' ? 'panopticon' : PEER_NAMES[k]).padStart(24)).join('');
  console.log(`summary, ${fmt(rows)} rows (time / peak memory)\n${'shape'.padEnd(10)}${head}`);
  for (const { shape, figures } of summary) {
    const cells = keys.map((k) => {
      const f = figures.get(k);
      return `${f.seconds.toFixed(2)} s / ${Number.isNaN(f.peakMb) ? 'n/a' : f.peakMb.toFixed(0)} MB`.padStart(24);
    });
    console.log(`${shape.padEnd(10)}${cells.join('')}`);
  }
  console.log('');
}

// ---- follow-up commands on appointed leads (bench:follow-up's measurement) ----------------------------------
if (leadCount > 0) benchFollowUp([await generatedSet(dir, leadCount)], { runs });
process.exitCode = agree ? 0 : 1;
