// The measuring loop of the benchmark scripts (bench-compare.mjs, bench-parquet.mjs, bench-follow-up.mjs): each job is a command
// run as a process of its own, timed on the wall clock, with its CPU time (user + system) and its peak
// resident set (the whole process's, from GNU time's %U %S %M); the jobs are run --runs times interleaved, so
// that a busy moment of the machine hits every job alike, and the medians are kept. Also the heatmap cells a
// job prints (Panopticon's JSON or a peer's list of cells), to check that every engine agrees on every cell.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The repository's root, where the benchmarks run. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The built command. */
export const CLI = join(ROOT, 'packages/cli/bin/panopticon.js');

/** A count with thousands separators. */
export const fmt = (n) => n.toLocaleString('en-US');

/**
 * The options of a benchmark script: its own (parseArgs's `options`) and the ones every benchmark takes, `--runs N`
 * (default 5) and `--dir DIR` (generated data, default .bench). Builds the packages first when the CLI has not been built.
 */
export function benchOptions(options) {
  const { values } = parseArgs({ options: { ...options, runs: { type: 'string' }, dir: { type: 'string' } } });
  if (!existsSync(join(ROOT, 'packages/cli/dist/app/cli.js')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  return { values, runs: Number(values.runs ?? 5), dir: resolve(ROOT, values.dir ?? '.bench') };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const MARK = 'BENCH_RUN';

/**
 * One run of a job `{ label, command?, args }` (command: default this Node): wall seconds, CPU seconds, peak
 * resident set in MB (NaN without GNU time) and its stdout. Throws when it fails.
 */
export function measure(job, cwd) {
  const command = job.command ?? process.execPath;
  const [file, args] = TIME ? [TIME, ['-f', `${MARK} %M %U %S`, command, ...job.args]] : [command, job.args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (r.status !== 0) throw new Error(`${job.label} failed (exit ${r.status}):\n${r.stderr}`);
  const line = r.stderr
    .split('\n')
    .reverse()
    .find((l) => l.startsWith(MARK));
  const [kb, user, system] = line ? line.split(' ').slice(1).map(Number) : [Number.NaN, Number.NaN, Number.NaN];
  return { seconds, cpuSeconds: user + system, peakMb: kb / 1024, stdout: r.stdout };
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs every job `runs` times, interleaved (job 1, job 2, …, then again in the reverse order, so that no job always
 * runs first): the median wall seconds, CPU seconds and peak MB of each, by key, with the stdout of its first run and
 * the load average of the machine over the runs.
 */
export function runInterleaved(jobs, runs, cwd) {
  const samples = new Map(jobs.map((j) => [j.key, []]));
  const load = [];
  for (let run = 0; run < runs; run++) {
    for (const job of run % 2 === 0 ? jobs : [...jobs].reverse()) {
      samples.get(job.key).push(measure(job, cwd));
      load.push(loadavg()[0]);
    }
  }
  const figures = new Map();
  for (const job of jobs) {
    const s = samples.get(job.key);
    figures.set(job.key, {
      label: job.label,
      seconds: median(s.map((r) => r.seconds)),
      cpuSeconds: median(s.map((r) => r.cpuSeconds)),
      peakMb: median(s.map((r) => r.peakMb)),
      stdout: s[0].stdout,
    });
  }
  return { figures, load: { min: Math.min(...load), max: Math.max(...load) } };
}

const mb = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(0)} MB`);
const seconds = (x) => (Number.isNaN(x) ? 'n/a' : `${x.toFixed(2)} s`);

/** The figures as a table: label, wall time, CPU time, peak memory. */
export function figureTable(title, figures) {
  const width = Math.max(title.length, ...[...figures.values()].map((f) => f.label.length)) + 2;
  const lines = [`${title.padEnd(width)}${'time'.padStart(9)}${'CPU'.padStart(9)}${'peak memory'.padStart(14)}`];
  for (const f of figures.values()) {
    lines.push(`${f.label.padEnd(width)}${seconds(f.seconds).padStart(9)}${seconds(f.cpuSeconds).padStart(9)}${mb(f.peakMb).padStart(14)}`);
  }
  return lines.join('\n');
}

/** "load average 1.74–2.10 (2 cores)" over the runs. */
export function loadLine(load, cores) {
  return `load average (1 min) during the runs: ${load.min.toFixed(2)}–${load.max.toFixed(2)} on ${cores} cores`;
}

/**
 * The cells of a heatmap a job printed, keyed "weekday slot" → [total, withinSla, ratio within SLA]:
 * Panopticon's JSON (`{ cells }`, slot "HH:MM" of `slotMinutes`, withinSlaRatio) or a peer's list of cells
 * (slot index, withinSla of total).
 */
export function heatmapCells(stdout, slotMinutes = 30) {
  const parsed = JSON.parse(stdout);
  const ours = !Array.isArray(parsed);
  const map = new Map();
  for (const c of ours ? parsed.cells : parsed) {
    const slot = typeof c.slot === 'string' ? (Number(c.slot.slice(0, 2)) * 60 + Number(c.slot.slice(3, 5))) / slotMinutes : c.slot;
    map.set(`${c.weekday} ${slot}`, [c.total, c.withinSla, (ours ? c.withinSlaRatio : undefined) ?? c.withinSla / c.total]);
  }
  return map;
}

/** The cells where two heatmaps differ, worded for a report (empty when they agree on every cell). */
export function heatmapDifferences(reference, other, names) {
  const differences = [];
  for (const k of new Set([...reference.keys(), ...other.keys()])) {
    const a = reference.get(k);
    const b = other.get(k);
    if (!a || !b || a.some((v, i) => v !== b[i]))
      differences.push(`${k}: ${names[0]} ${JSON.stringify(a)} vs ${names[1]} ${JSON.stringify(b)}`);
  }
  return differences;
}
