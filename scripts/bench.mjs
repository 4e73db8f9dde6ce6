#!/usr/bin/env node
// `npm run bench`: prints the time and peak memory of `panopticon heatmap` end to end on a generated
// 1,000,000-row response-time export, and of `aggregateBySlot` on leads already in memory.
// Figures are printed, never asserted: run it on purpose, on an otherwise idle machine.
// Options: --rows N (default 1000000), --runs N (default 3).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeResponses } from './gen-responses.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({ options: { rows: { type: 'string' }, runs: { type: 'string' } } });
const rows = Number(values.rows ?? 1_000_000);
const runs = Number(values.runs ?? 3);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!existsSync(`${root}packages/cli/dist/app/cli.js`)) execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
mkdirSync(`${root}.bench`, { recursive: true });
const file = `${root}.bench/responses-${rows}.csv`;
if (!existsSync(file)) {
  console.log(`generating ${rows.toLocaleString('en-US')} rows …`);
  await writeResponses(rows, file);
}
const mb = (bytes) => (bytes / 1024 / 1024).toFixed(0);
console.log(`input: ${file} (${mb(statSync(file).size)} MB), ${runs} runs each, medians shown\n`);

// End to end: a fresh process, as a user runs it. /usr/bin/time reports the peak resident set size.
const cli = `${root}packages/cli/bin/panopticon.js`;
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
