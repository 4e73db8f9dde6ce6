// The `panopticon` input flags for a folder of data files under their usual names (leads.csv,
// stage_history.csv, owner_history.csv, schedule.csv, pipeline.json), as scripts/gen-appointed.mjs and
// examples/data/generate.mjs write them: one list for every script that runs the command on such a folder
// (measure-dashboard.mjs; bench-compare.mjs can adopt it).
import { join } from 'node:path';

/**
 * `--leads`, `--history`, `--owners`, `--pipeline` (and `--schedule` when `schedule` is set) for the files of `dir`.
 * @param {string} dir
 * @param {{ schedule?: boolean }} [options]
 * @returns {string[]}
 */
export function dataFlags(dir, { schedule = false } = {}) {
  const file = (flag, name) => [flag, join(dir, name)];
  return [
    ...file('--leads', 'leads.csv'),
    ...file('--history', 'stage_history.csv'),
    ...file('--owners', 'owner_history.csv'),
    ...(schedule ? file('--schedule', 'schedule.csv') : []),
    ...file('--pipeline', 'pipeline.json'),
  ];
}
