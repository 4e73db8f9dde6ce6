#!/usr/bin/env node
// `npm run bench`: prints the time and peak memory of `panopticon heatmap` end to end on a generated
// 1,000,000-row response-time export, and of `aggregateBySlot` on leads already in memory; then the peak
// memory of `check --format json` and `report` on an export where every row has an issue (bounded: only
// the first examples of each issue code are kept).
// Figures are printed, never asserted: run it on purpose, on an otherwise idle machine.
// Options: --rows N (default 1000000), --runs N (default 3), --only heatmap|issues.
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeResponses } from './gen-responses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string' }, only: { type: 'string' } } });
const rows = Number(values.rows ?? 1_000_000);
const runs = Number(values.runs ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(`${root}packages/cli/dist/app/cli.js`)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
mkdirSync(`${root}.bench`, { recursive: true });
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
const cli = `${root}packages/cli/bin/panopticon.js`;

/** Runs the CLI under /usr/bin/time: seconds, peak resident set size (MB), exit status and output size. */
function measure(args) {
  const out = `${root}.bench/out-${process.pid}`;
  const r = spawnSync('/bin/sh', ['-c', '/usr/bin/time -f "%e %M" "$0" "$@" > "$OUT"', process.execPath, cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, OUT: out },
  });
  const last = r.stderr.trim().split('\n').pop();
  const [seconds, kb] = last.split(' ').map(Number);
  if (!Number.isFinite(kb)) throw new Error(`panopticon ${args[0]} failed:\n${r.stderr.slice(-2000)}`);
  const bytes = statSync(out).size;
  rmSync(out, { force: true });
  return { seconds, peakMb: kb / 1024, status: r.status, bytes };
}

if (values.only !== 'heatmap') await issuesCase();
if (values.only === 'issues') process.exit(0);

/** An export in which every row has an issue (an unreadable received_time, so every row is rejected). */
async function issuesCase() {
  const file = `${root}.bench/issues-${rows}.csv`;
  if (!existsSync(file)) {
    console.log(`generating ${rows.toLocaleString('en-US')} rows, each with an issue …`);
    const out = createWriteStream(file);
    out.write('lead_id,name,received_time,first_contact_time,appointment_time,stage\n');
    for (let i = 0; i < rows; i++) {
      if (!out.write(`L${i},Lead ${i},not a time ${i % 97},,,New\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  }
  console.log(`input: ${file} (${mb(statSync(file).size)} MB), every row with an issue`);
  const html = `${root}.bench/issues-dashboard.html`;
  for (const [name, args] of [
    ['check --format json', ['check', '--leads', file, '--tz', 'UTC', '--format', 'json']],
    ['report', ['report', '--leads', file, '--tz', 'UTC', '--quiet', '--out', html]],
  ]) {
    const r = measure(args);
    console.log(
      `panopticon ${name.padEnd(20)} ${r.seconds.toFixed(2)} s   peak ${r.peakMb.toFixed(0)} MB   exit ${r.status}   stdout ${mb(r.bytes)} MB`,
    );
  }
  rmSync(html, { force: true });
  console.log('');
}

const file = `${root}.bench/responses-${rows}.csv`;
if (!existsSync(file)) {
  console.log(`generating ${rows.toLocaleString('en-US')} rows …`);
  await writeResponses(rows, file);
}
console.log(`input: ${file} (${mb(statSync(file).size)} MB), ${runs} runs each, medians shown\n`);

// End to end: a fresh process, as a user runs it. /usr/bin/time reports the peak resident set size.
const e2e = [];
for (let i = 0; i < runs; i++) {
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, cli, 'heatmap', '--leads', file, '--tz', 'UTC', '--format', 'json', '--quiet'],
    {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  );
  if (r.status !== 0) throw new Error(`panopticon heatmap failed:\n${r.stderr}`);
  const [seconds, kb] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  e2e.push({ seconds, peakMb: kb / 1024 });
}
console.log(
  `panopticon heatmap, end to end     ${median(e2e.map((r) => r.seconds)).toFixed(2)} s   peak ${median(e2e.map((r) => r.peakMb)).toFixed(0)} MB`,
);

// In memory: leads are built first (not timed), then aggregateBySlot alone is timed.
const child = spawnSync(process.execPath, [`${root}scripts/bench-aggregate.mjs`, file, String(runs)], { encoding: 'utf8' });
if (child.status !== 0) throw new Error(child.stderr);
process.stdout.write(child.stdout);
