import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { spawnBuilt } from './fixtures/built-cli.js';

// `--engine duckdb` against the default engine, on the built command (`npm test` builds the packages first).
const data = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-engine-'));

const run = (args: string[], nodeArgs: string[] = []) => spawnBuilt(args, { nodeArgs });

const SAMPLE = ['--leads', join(data, 'leads.csv'), '--tz', 'America/New_York', '--as-of', '2026-10-31'];

const FOLLOW_UP = [
  ...SAMPLE,
  '--history',
  join(data, 'stage_history.csv'),
  '--owners',
  join(data, 'owner_history.csv'),
  '--pipeline',
  join(data, 'pipeline.json'),
];

describe('--engine duckdb', () => {
  it.each([
    ['attention', 'json', []],
    ['attention', 'table', []],
    ['attention', 'csv', []],
    ['attention', 'json', ['--as-of', '2026-08-15', '--tz', 'Europe/London']],
    ['heatmap', 'json', []],
    ['heatmap', 'table', []],
    ['heatmap', 'csv', []],
    ['heatmap', 'json', ['--slot', '60', '--sla', '15', '--team', 'East']],
    ['heatmap', 'json', ['--from', '2026-06-01', '--to', '2026-08-31', '--tz', 'Europe/London', '--locator', 'Ana Souza']],
    ['heatmap', 'table', ['--slot', '15', '--tz', 'Australia/Lord_Howe', '--as-of', '2026-07-01']],
  ])(
    '%s prints exactly what the TypeScript engine prints, and the same data-quality note (--format %s %j, sample data)',
    (command, format, extra: string[]) => {
      const inputs = command === 'attention' ? FOLLOW_UP : SAMPLE;
      const args = [command, ...inputs, '--format', format, ...extra];
      const ts = run(args);
      const sql = run([...args, '--engine', 'duckdb']);
      expect(ts.code).toBe(0);
      expect(sql.code, sql.stderr).toBe(0);
      expect(sql.stdout.length).toBeGreaterThan(100);
      expect(sql.stdout).toBe(ts.stdout);
      // The sample's deliberate warnings, read by core's reader (the first contact before arrival at least).
      expect(ts.stderr).toMatch(/data quality: .*\n.*record 100077, field first_contact_time/);
      expect(sql.stderr).toBe(ts.stderr);
    },
    // Two commands run as processes, DuckDB's and core's reading at once in the second: slow on a shared machine.
    120_000,
  );

  it('with --quiet, prints no data-quality note', () => {
    const r = run(['heatmap', ...SAMPLE, '--format', 'json', '--quiet', '--engine', 'duckdb']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('--engine duckdb refuses', () => {
  it.each([
    [['attention', ...FOLLOW_UP, '--day-count', 'business'], 'does not support business days'],
    [['kpis', ...FOLLOW_UP], 'Kaplan–Meier'],
    [['heatmap', ...SAMPLE, '--clock', 'business'], 'does not support response minutes on the business clock'],
    [['heatmap', ...SAMPLE, '--delimiter', ';'], 'the SQL engine does not read --delimiter'],
  ])('%j is refused, naming what the SQL engine does not state (exit 2)', (args, gap) => {
    const r = run([...args, '--engine', 'duckdb']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(gap);
  });

  it('an unknown engine is a usage error', () => {
    const r = run(['heatmap', ...SAMPLE, '--engine', 'spark']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--engine');
  });

  it('refuses leads without appointments, as the TypeScript engine refuses them', () => {
    const leads = join(tmp, 'no-appointments.csv');
    writeFileSync(leads, 'lead_id,received_time,first_contact_time\n1,2026-10-01 09:00,2026-10-01 09:03\n');
    const args = ['attention', '--leads', leads, '--as-of', '2026-10-31'];
    const ts = run(args);
    const sql = run([...args, '--engine', 'duckdb']);
    expect(ts.code).toBe(1);
    expect(sql.code).toBe(1);
    expect(sql.stdout).toBe('');
  });

  it('loads DuckDB only with --engine duckdb, and without it installed names the package to install', () => {
    // A module hook that answers any import of DuckDB as Node answers a package that is not installed: the
    // default engine must not notice it; --engine duckdb must say what to install.
    const hooks = join(tmp, 'no-duckdb-hooks.mjs');
    writeFileSync(
      hooks,
      `export async function resolve(specifier, context, next) {
  if (specifier.startsWith('@duckdb/')) {
    throw Object.assign(new Error(\`Cannot find package '\${specifier}' imported from \${context.parentURL}\`), { code: 'ERR_MODULE_NOT_FOUND' });
  }
  return next(specifier, context);
}\n`,
    );
    const register = join(tmp, 'no-duckdb.mjs');
    writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(`file://${hooks}`)});\n`);
    const args = ['heatmap', ...SAMPLE, '--format', 'json'];
    const ts = run(args, ['--import', register]);
    expect(ts.code, ts.stderr).toBe(0);
    const sql = run([...args, '--engine', 'duckdb'], ['--import', register]);
    expect(sql.code).toBe(3);
    expect(sql.stderr).toContain(
      '--engine duckdb needs the package @duckdb/node-api, which is not installed (it is optional): npm install @duckdb/node-api',
    );
  });
});
