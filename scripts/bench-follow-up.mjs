#!/usr/bin/env node
// `npm run bench:follow-up`: `panopticon attention` and `panopticon kpis` end to end (the built CLI, JSON
// output) on generated appointed leads with their stage and owner histories (scripts/gen-pipeline.mjs:
// about five history rows per lead), at 100,000 and 1,000,000 leads. The data is generated once into
// .bench/ (gitignored) and kept. Each command is run --runs times; the medians of wall time, CPU time
// (user + system) and peak resident set (the whole process, from /usr/bin/time) are printed with each
// target as met or missed. Figures are printed, never asserted.
//
// With --against BIN (another build's bin/panopticon.js, e.g. an older checkout) the two builds are run
// alternately on the same files, so that a busy moment of a shared machine hits both alike, and the ratio
// of the medians is printed; the load average is printed before and after.
//
// Options: --leads N[,N…] (default 100000,1000000; '' for none), --runs N (default 5), --dir DIR (default .bench),
//          --against BIN, --commands attention,kpis, --sample (the bundled sample data too, first)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { measure, median } from './bench-runs.mjs';
import { PIPELINE_AS_OF, PIPELINE_TIME_ZONE, writePipeline } from './gen-pipeline.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    leads: { type: 'string' },
    runs: { type: 'string' },
    dir: { type: 'string' },
    against: { type: 'string' },
    commands: { type: 'string' },
    sample: { type: 'boolean' },
  },
});
const sizes = values.leads === '' ? [] : (values.leads ?? '100000,1000000').split(',').map(Number);
const runs = Number(values.runs ?? 5);
const dir = resolve(root, values.dir ?? '.bench');
const commands = (values.commands ?? 'attention,kpis').split(',');
const against = values.against ? resolve(values.against) : null;
const fmt = (n) => n.toLocaleString('en-US');

// The targets of the follow-up commands: seconds and MB of peak resident set, by number of leads.
// The bundled sample's as-of and zone (examples/data/generate.mjs).
const SAMPLE_AS_OF = '2026-10-31';
const SAMPLE_TIME_ZONE = 'America/New_York';
const TARGETS = {
  100000: { seconds: 1 },
  1000000: { seconds: 8, peakMb: 1536 },
};

if (!existsSync(join(root, 'packages/cli/dist/app/cli.js')))
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
if (!existsSync('/usr/bin/time')) console.log('(no /usr/bin/time: CPU time and peak memory are not measured)');
const cli = join(root, 'packages/cli/bin/panopticon.js');
const builds = against
  ? [
      { label: 'this build', bin: cli },
      { label: 'against', bin: against },
    ]
  : [{ label: 'this build', bin: cli }];

/** The directory of the generated data set of `leadCount` leads, generated on first use. */
async function dataSet(leadCount) {
  const pipelineDir = join(dir, `pipeline-${leadCount}`);
  if (!existsSync(join(pipelineDir, 'owner_history.csv'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${fmt(leadCount)} appointed leads with their histories into ${pipelineDir} …`);
    const written = await writePipeline(leadCount, pipelineDir);
    console.log(`  ${fmt(written.stageRows)} stage rows, ${fmt(written.ownerRows)} owner rows`);
  }
  return pipelineDir;
}

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

// The data sets: the bundled sample (examples/data, --sample) and the generated sizes.
const sets = [
  ...(values.sample
    ? [{ label: 'the sample data (examples/data)', dir: join(root, 'examples/data'), asOf: SAMPLE_AS_OF, timeZone: SAMPLE_TIME_ZONE }]
    : []),
  ...sizes.map((leadCount) => ({ leadCount, asOf: PIPELINE_AS_OF, timeZone: PIPELINE_TIME_ZONE })),
];

for (const set of sets) {
  const { leadCount } = set;
  const pipelineDir = set.dir ?? (await dataSet(leadCount));
  const files = { leads: 'leads.csv', history: 'stage_history.csv', owners: 'owner_history.csv', pipeline: 'pipeline.json' };
  const inputArgs = Object.entries(files).flatMap(([flag, file]) => [`--${flag}`, join(pipelineDir, file)]);
  inputArgs.push('--as-of', set.asOf, '--tz', set.timeZone, '--format', 'json', '--quiet');
  console.log(`\n${set.label ?? `${fmt(leadCount)} appointed leads`}, ${runs} runs each; load average before: ${load()}`);
  for (const command of commands) {
    const results = builds.map(() => []);
    for (let run = 0; run < runs; run++)
      for (let b = 0; b < builds.length; b++) {
        // Alternate which build goes first, so neither always runs on a warmer (or busier) machine.
        const k = run % 2 === 0 ? b : builds.length - 1 - b;
        results[k].push(measure({ label: `${builds[k].label}: ${command}`, args: [builds[k].bin, command, ...inputArgs] }, root));
      }
    const target = TARGETS[leadCount];
    builds.forEach((build, b) => {
      const rs = results[b];
      const seconds = median(rs.map((r) => r.seconds));
      const cpu = median(rs.map((r) => r.cpuSeconds));
      const peakMb = median(rs.map((r) => r.peakMb));
      let verdict = '';
      if (target && b === 0) {
        const timeMet = seconds < target.seconds;
        const memoryMet = target.peakMb === undefined || peakMb < target.peakMb;
        verdict =
          `  target < ${target.seconds} s${target.peakMb ? ` and < ${fmt(target.peakMb)} MB` : ''}: ` +
          (timeMet && memoryMet ? 'met' : 'MISSED');
      }
      console.log(
        `  ${`panopticon ${command}`.padEnd(22)} ${build.label.padEnd(10)} ${seconds.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU, ` +
          `${peakMb.toFixed(0)} MB peak (runs: ${rs.map((r) => r.seconds.toFixed(2)).join(' ')})${verdict}`,
      );
    });
    if (against) {
      const ratio = median(results[0].map((r) => r.seconds)) / median(results[1].map((r) => r.seconds));
      const same = results[0][0].stdout === results[1][0].stdout;
      console.log(
        `  ${''.padEnd(22)} this / against: ${ratio.toFixed(3)} (${ratio <= 1.1 ? 'within' : 'NOT within'} 10 %); outputs ${same ? 'identical' : 'differ'}`,
      );
    }
  }
  console.log(`load average after: ${load()}`);
}
