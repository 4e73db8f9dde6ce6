// A smoke run of `npm run bench:compare` on 10,000 rows of every data shape: the comparison runs end to end,
// prints its figures, and the four heatmaps (Panopticon, DuckDB, polars, pandas) agree exactly on every shape.
// Times are never asserted.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'panopticon-bench-'));
let run: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  // The benchmark spawns the built CLI, like a user; `npm test` builds before it runs the tests.
  const r = spawnSync(
    process.execPath,
    [join(root, 'scripts/bench-compare.mjs'), '--rows', '10000', '--leads', '1000', '--runs', '1', '--dir', dir],
    {
      cwd: root,
      encoding: 'utf8',
      // The suite runs in a non-UTC zone; the benchmark must not depend on it.
      env: { ...process.env },
      timeout: 240_000,
    },
  );
  run = { status: r.status, stdout: r.stdout, stderr: r.stderr };
  console.log(r.stdout);
}, 300_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench:compare (smoke run, 10,000 rows)', () => {
  it('runs to the end', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  // CI installs python3-pandas (Debian), and @duckdb/node-api is a dev dependency: both peers must take
  // part, or the comparison would silently shrink to Panopticon alone.
  it('finds pandas (a python3 with pandas, /usr/bin/python3 first)', () => {
    expect(run.stdout).not.toMatch(/pandas: not found/);
    expect(run.stdout).toMatch(/^pandas \S+ \(read_csv \+ groupby\) +\d+\.\d\d s +\d+\.\d\d s +\d+ MB$/m);
  });

  it('finds DuckDB (@duckdb/node-api) and polars (nodejs-polars)', () => {
    expect(run.stdout).toMatch(/^DuckDB \S+ \(read_csv \+ GROUP BY\) +\d+\.\d\d s +\d+\.\d\d s +\d+ MB$/m);
    expect(run.stdout).toMatch(/^polars 0\.25\.2 \(scanCSV \+ group_by\) +\d+\.\d\d s +\d+\.\d\d s +\d+ MB$/m);
  });

  it('prints the time, CPU time and peak memory of every command, the ratios to the peers and the targets', () => {
    for (const label of ['panopticon heatmap', 'panopticon attention', 'panopticon kpis']) {
      expect(run.stdout).toMatch(new RegExp(`^${label} +\\d+\\.\\d\\d s +\\d+\\.\\d\\d s +\\d+ MB`, 'm'));
    }
    expect(run.stdout).toMatch(/^pandas \/ panopticon: \d+\.\d\d× the time/m);
    expect(run.stdout).toMatch(/^panopticon \/ DuckDB: \d+\.\d\d× the time/m);
    expect(run.stdout).toMatch(/^panopticon \/ polars: \d+\.\d\d× the time/m);
    expect(run.stdout).toMatch(/^targets: time ≤ DuckDB's: n\/a at this size; time ≤ polars': n\/a at this size; peak memory < 150 MB/m);
    expect(run.stdout).toMatch(/^load average \(1 min\) during the runs: \d+\.\d\d–\d+\.\d\d on \d+ cores$/m);
  });

  it('finds the four heatmaps equal on every cell of every shape: total, within 60 minutes and %', () => {
    const shapes = [...run.stdout.matchAll(/^---- shape (\w+):/gm)].map((m) => m[1]);
    expect(shapes).toEqual(['numeric', 'sfid', 'lid', 'uuid', 'offsets', 'never12', 'wide']);
    expect(run.stdout.match(/^heatmaps agree: panopticon = DuckDB = polars = pandas on all \d+ cells/gm)).toHaveLength(7);
  });
});
