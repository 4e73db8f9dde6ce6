#!/usr/bin/env node
// `npm run bench:parquet`: the response heatmap from a Parquet file, Panopticon against DuckDB reading the
// same file. The response-time export of `npm run bench:compare` (scripts/gen-responses.mjs, N rows) is
// converted once to Parquet by DuckDB (COPY … (FORMAT parquet): received_time and first_contact_time as
// timestamps without a zone, read in --tz UTC), then, interleaved, --runs times each:
//   - `panopticon heatmap --leads responses.parquet` end to end (core/files: hyparquet, then the CSV rules);
//   - DuckDB 1.x (@duckdb/node-api): read_parquet + GROUP BY weekday × 30-minute slot (this script, --duckdb);
//   - `panopticon heatmap --leads responses.csv`, the same rows as CSV, for reference.
// Times are wall clock and CPU, peak memory the whole process's maximum resident set (scripts/bench-runs.mjs);
// medians are printed. Then it checks that the Parquet heatmaps agree exactly with each other and with the CSV one
// (total, within 60 minutes and % per weekday × slot, UTC) and exits 1 if they do not. Figures are printed,
// never asserted.
//
// Options: --rows N (default 1000000), --runs N (default 5), --dir DIR (generated files, default .bench)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { figureTable, heatmapCells, heatmapDifferences, loadLine, runInterleaved } from './bench-runs.mjs';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, runs: { type: 'string' }, dir: { type: 'string' }, duckdb: { type: 'string' } },
});

if (values.duckdb !== undefined) {
  // The DuckDB side, run in a process of its own so that its time and memory are its own.
  await duckdbHeatmap(values.duckdb);
} else {
  await bench();
}

/** DuckDB's heatmap of a Parquet file, as JSON cells on stdout (the query of scripts/heatmap-duckdb.mjs, from read_parquet). */
async function duckdbHeatmap(file) {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const connection = await (await DuckDBInstance.create(':memory:')).connect();
  const path = file.replaceAll("'", "''");
  const reader = await connection.runAndReadAll(`
    WITH leads AS (SELECT received_time AS created, first_contact_time AS contact FROM read_parquet('${path}'))
    SELECT isodow(created) - 1 AS weekday,
           (hour(created) * 60 + minute(created)) // 30 AS slot,
           count(*) AS total,
           count(*) FILTER (WHERE contact >= created AND epoch_ms(contact) - epoch_ms(created) <= 3600000) AS within,
           within::DOUBLE / total * 100 AS pct
    FROM leads
    GROUP BY ALL
    ORDER BY weekday, slot`);
  const cells = reader.getRowObjects().map((r) => ({
    weekday: Number(r.weekday),
    slot: Number(r.slot),
    total: Number(r.total),
    withinSla: Number(r.within),
    pctWithinSla: Number(r.pct),
  }));
  process.stdout.write(`${JSON.stringify(cells)}\n`);
}

async function bench() {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const rows = Number(values.rows ?? 1_000_000);
  const runs = Number(values.runs ?? 5);
  const dir = resolve(root, values.dir ?? '.bench');
  const fmt = (n) => n.toLocaleString('en-US');
  if (!existsSync(join(root, 'packages/cli/dist/app/cli.js')))
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  mkdirSync(dir, { recursive: true });

  const csv = join(dir, `responses-${rows}.csv`);
  if (!existsSync(csv)) {
    console.log(`generating ${fmt(rows)} response rows …`);
    const { writeResponses } = await import('./gen-responses.mjs');
    await writeResponses(rows, csv);
  }
  const parquet = join(dir, `responses-${rows}.parquet`);
  let duckdbVersion;
  try {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    duckdbVersion = (await import('@duckdb/node-api/package.json', { with: { type: 'json' } })).default.version;
    if (!existsSync(parquet)) {
      console.log(`converting to Parquet with DuckDB …`);
      const connection = await (await DuckDBInstance.create(':memory:')).connect();
      const q = (p) => p.replaceAll("'", "''");
      await connection.run(
        `COPY (SELECT * FROM read_csv('${q(csv)}', header = true, columns = {
           'lead_id': 'VARCHAR', 'received_time': 'TIMESTAMP', 'first_contact_time': 'TIMESTAMP', 'rep': 'VARCHAR', 'team': 'VARCHAR'
         })) TO '${q(parquet)}' (FORMAT parquet)`,
      );
    }
  } catch (error) {
    console.error(`DuckDB (@duckdb/node-api) is needed to write the Parquet file and as the peer: ${error.message}`);
    process.exit(2);
  }

  const cli = join(root, 'packages/cli/bin/panopticon.js');
  const heatmap = (file) => [cli, 'heatmap', '--leads', file, '--tz', 'UTC', '--format', 'json', '--quiet'];
  const jobs = [
    { key: 'parquet', label: 'panopticon heatmap (Parquet)', args: heatmap(parquet) },
    {
      key: 'duckdb',
      label: `DuckDB ${duckdbVersion} (read_parquet + GROUP BY)`,
      args: [fileURLToPath(import.meta.url), '--duckdb', parquet],
    },
    { key: 'csv', label: 'panopticon heatmap (CSV, reference)', args: heatmap(csv) },
  ];

  console.log(
    `inputs: ${fmt(rows)} response rows: Parquet ${(statSync(parquet).size / 1e6).toFixed(0)} MB, CSV ${(statSync(csv).size / 1e6).toFixed(0)} MB\n` +
      `${runs} run${runs === 1 ? '' : 's'} each, interleaved; medians shown; peak memory is the whole process's (max RSS)\n`,
  );
  const { figures, load } = runInterleaved(jobs, runs, root);
  console.log(figureTable('heatmap, end to end', figures));
  console.log(loadLine(load, availableParallelism()));
  const ours = figures.get('parquet');
  const theirs = figures.get('duckdb');
  console.log(
    `\npanopticon / DuckDB on Parquet: ${(ours.seconds / theirs.seconds).toFixed(2)}× the time, ${(ours.peakMb / theirs.peakMb).toFixed(2)}× the memory`,
  );

  // ---- agreement: every cell, Parquet (ours and DuckDB's) and CSV ----
  const reference = heatmapCells(ours.stdout);
  let agree = true;
  for (const key of ['duckdb', 'csv']) {
    const differences = heatmapDifferences(reference, heatmapCells(figures.get(key).stdout), ['panopticon', key]);
    if (differences.length > 0) {
      agree = false;
      console.log(
        `\nheatmaps DISAGREE: panopticon (Parquet) vs ${key}, ${differences.length} cells, e.g.\n  ${differences.slice(0, 5).join('\n  ')}`,
      );
    }
  }
  if (agree)
    console.log(
      `heatmaps agree: panopticon (Parquet) = DuckDB (Parquet) = panopticon (CSV) on all ${reference.size} cells (total, within 60 min, % within), UTC`,
    );
  process.exitCode = agree ? 0 : 1;
}
