#!/usr/bin/env node
// `npm run bench:follow-up`: `panopticon attention` and `panopticon kpis` end to end (the built CLI, JSON
// output) on generated appointed leads with their stage and owner histories (scripts/gen-pipeline.mjs:
// about five history rows per lead), at 100,000 and 1,000,000 leads. The data is generated once into
// .bench/ (gitignored) and kept. Each command is run --runs times, interleaved (scripts/bench-runs.mjs); the
// medians of wall time, CPU time (user + system) and peak resident set (the whole process, from /usr/bin/time)
// are printed with each target as met or missed, and the load average over the runs. Figures are printed,
// never asserted. `npm run bench:compare` ends with this benchmark (benchFollowUp) at its --leads.
//
// With --against BIN (another build's bin/panopticon.js, e.g. an older checkout) the two builds are run
// alternately on the same files, so that a busy moment of a shared machine hits both alike, and the ratios
// of the medians (time and CPU time) are printed, and whether the two outputs are identical.
//
// Options: --leads N[,N…] (default 100000,1000000; '' for none), --runs N (default 5), --dir DIR (default .bench),
//          --against BIN, --commands attention,kpis, --sample (the bundled sample data too, first)
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchOptions, CLI, figureTable, fmt, loadLine, ROOT, runInterleaved } from './bench-runs.mjs';
import { PIPELINE_AS_OF, PIPELINE_TIME_ZONE, writePipeline } from './gen-pipeline.mjs';

// The targets of the follow-up commands: seconds and MB of peak resident set, by number of leads; at other
// sizes the figures are just printed.
const TARGETS = {
  100000: { seconds: 1 },
  1000000: { seconds: 8, peakMb: 1536 },
};

/** The generated data set of `leadCount` appointed leads in `dir` (generated on first use), as a set to measure. */
export async function generatedSet(dir, leadCount) {
  const pipelineDir = join(dir, `pipeline-${leadCount}`);
  if (!existsSync(join(pipelineDir, 'owner_history.csv'))) {
    mkdirSync(dir, { recursive: true });
    console.log(`generating ${fmt(leadCount)} appointed leads with their histories into ${pipelineDir} …`);
    await writePipeline(leadCount, pipelineDir);
  }
  return {
    label: `${fmt(leadCount)} leads`,
    dir: pipelineDir,
    asOf: PIPELINE_AS_OF,
    timeZone: PIPELINE_TIME_ZONE,
    target: TARGETS[leadCount] ?? null,
  };
}

/** The bundled sample data (examples/data/generate.mjs's as-of and zone); no target. */
const SAMPLE_SET = {
  label: 'the sample data',
  dir: join(ROOT, 'examples/data'),
  asOf: '2026-10-31',
  timeZone: 'America/New_York',
  target: null,
};

const rowsOf = (file) => readFileSync(file, 'latin1').split('\n').filter(Boolean).length - 1;

/**
 * Times `commands` of every build (`{ label, bin }`, the first is this build) on each set, `runs` times
 * interleaved, and prints the figures, the targets and, with a second build, the ratios to it.
 */
export function benchFollowUp(sets, { runs, builds = [{ label: 'this build', bin: CLI }], commands = ['attention', 'kpis'] }) {
  const cores = availableParallelism();
  const [ours, ...others] = builds;
  for (const set of sets) {
    const file = (name) => join(set.dir, name);
    const args = [
      ...['--leads', file('leads.csv'), '--history', file('stage_history.csv'), '--owners', file('owner_history.csv')],
      ...['--pipeline', file('pipeline.json'), '--as-of', set.asOf, '--tz', set.timeZone, '--format', 'json', '--quiet'],
    ];
    const historyRows = rowsOf(file('stage_history.csv')) + rowsOf(file('owner_history.csv'));
    const jobs = commands.flatMap((command) =>
      builds.map((build, b) => ({
        key: `${command} ${b}`,
        label: `panopticon ${command}${b === 0 ? '' : ` (${build.label})`}`,
        args: [build.bin, command, ...args],
      })),
    );
    const { figures, load } = runInterleaved(jobs, runs, ROOT);
    console.log(figureTable(`follow-up, ${set.label}, ${fmt(historyRows)} history rows`, figures));
    console.log(loadLine(load, cores));
    for (const command of commands) {
      const f = figures.get(`${command} 0`);
      const { target } = set;
      const met = target && f.seconds < target.seconds && (target.peakMb === undefined || f.peakMb < target.peakMb);
      const wanted = target ? `< ${target.seconds} s${target.peakMb ? ` and < ${fmt(target.peakMb)} MB` : ''}` : '';
      console.log(`panopticon ${command}: target ${target ? `${wanted}: ${met ? 'met' : 'MISSED'}` : 'n/a at this size'}`);
      others.forEach((build, i) => {
        const o = figures.get(`${command} ${i + 1}`);
        console.log(
          `panopticon ${command} ${ours.label} / ${build.label}: ${(f.seconds / o.seconds).toFixed(2)}× the time, ` +
            `${(f.cpuSeconds / o.cpuSeconds).toFixed(2)}× the CPU; outputs ${f.stdout === o.stdout ? 'identical' : 'DIFFER'}`,
        );
      });
    }
    console.log('');
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values, runs, dir } = benchOptions({
    leads: { type: 'string' },
    against: { type: 'string' },
    commands: { type: 'string' },
    sample: { type: 'boolean' },
  });
  const sizes = values.leads === '' ? [] : (values.leads ?? '100000,1000000').split(',').map(Number);
  if (!existsSync('/usr/bin/time')) console.log('(no /usr/bin/time: CPU time and peak memory are not measured)');
  const sets = [...(values.sample ? [SAMPLE_SET] : [])];
  for (const leadCount of sizes) sets.push(await generatedSet(dir, leadCount));
  benchFollowUp(sets, {
    runs,
    builds: [{ label: 'this build', bin: CLI }, ...(values.against ? [{ label: 'against', bin: resolve(values.against) }] : [])],
    commands: (values.commands ?? 'attention,kpis').split(','),
  });
}
