import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBuilt } from './fixtures/built-cli.js';
import { type PostgresServer, startPostgres } from '../../sql/test/postgres-server.js';

// `--sql` on the built command (`npm test` builds the packages first) against a throwaway PostgreSQL server
// holding the sample CSV files as tables: every command prints what it prints from the files, and each way
// the source can fail exits with its documented code (docs/cli.md) without showing a credential.
const data = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-sql-cli-'));

let server: PostgresServer;
const COLUMNS: Record<string, string[]> = {};

/** A CSV file of the sample as a table of text columns (the export as it is), its rows in the file's order. */
function loadTable(table: string, file: string): void {
  const text = readFileSync(join(data, file), 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  COLUMNS[table] = header;
  const columns = header.map((h) => `"${h}" text`).join(', ');
  server.psql(
    `CREATE TABLE crm.${table} (ord bigserial, ${columns});\n` +
      `COPY crm.${table} (${header.map((h) => `"${h}"`).join(', ')}) FROM STDIN WITH (FORMAT csv, HEADER);\n${text}\\.\n`,
  );
}

const select = (table: string, renames: Record<string, string> = {}) =>
  `select ${COLUMNS[table]!.map((c) => (renames[c] ? `${renames[c]} as ${c}` : c)).join(', ')} from crm.${table} order by ord`;

beforeAll(async () => {
  server = await startPostgres();
  server.psql('CREATE SCHEMA crm;');
  loadTable('leads', 'leads.csv');
  loadTable('stage_changes', 'stage_history.csv');
  loadTable('owner_changes', 'owner_history.csv');
}, 120_000);
afterAll(() => {
  server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

function config(name: string, content: object): string {
  const path = join(tmp, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const sqlConfig = () =>
  config('panopticon.config.json', {
    sql: { leads: select('leads'), stageHistory: select('stage_changes'), ownerHistory: select('owner_changes') },
  });

const run = (args: string[], env: Record<string, string | undefined> = { PANOPTICON_DATABASE_URL: server.url }) =>
  spawnBuilt(args, { env: { PANOPTICON_DATABASE_URL: undefined, ...env } });

const COMMON = ['--tz', 'America/New_York', '--as-of', '2026-10-31', '--pipeline', join(data, 'pipeline.json')];
const FILES = (
  [
    ['leads', 'leads.csv'],
    ['history', 'stage_history.csv'],
    ['owners', 'owner_history.csv'],
  ] as const
).flatMap(([flag, file]) => [`--${flag}`, join(data, file)]);

describe('panopticon --sql prints what the same data prints from CSV files', () => {
  it.each([
    ['kpis', 'json'],
    ['kpis', 'table'],
    ['attention', 'json'],
    ['attention', 'csv'],
    ['heatmap', 'json'],
    ['heatmap', 'table'],
    ['check', '(its own report)'],
  ])('%s --format %s', (command, format) => {
    // `check` judges nothing as of a date: it takes neither --as-of nor --format table.
    const args = command === 'check' ? COMMON.slice(0, 2).concat(COMMON.slice(4)) : [...COMMON, '--format', format];
    const files = run([command, ...FILES, ...args]);
    const sql = run([command, '--sql', '--config', sqlConfig(), ...args]);
    expect([0, 1], files.stderr).toContain(files.code);
    expect(sql.code, sql.stderr).toBe(files.code);
    expect((sql.stdout + sql.stderr).length).toBeGreaterThan(50);
    expect(sql.stdout + sql.stderr).toContain('sql.leads');
    // Each input is named: the query keys stand where the file names stood (a table's column widths follow the names).
    const named = (text: string) =>
      text
        .replaceAll(join(data, 'leads.csv'), 'sql.leads')
        .replaceAll(join(data, 'stage_history.csv'), 'sql.stageHistory')
        .replaceAll(join(data, 'owner_history.csv'), 'sql.ownerHistory')
        .replace(/-{3,}/g, '---')
        .replace(/ {2,}/g, '  ');
    expect(named(sql.stdout)).toBe(named(files.stdout));
    // The same data-quality report on stderr, each issue naming the query and the row's line.
    expect(named(sql.stderr)).toBe(named(files.stderr));
  });

  it('a query with the CRM’s own column names, renamed in SQL, reads the same', () => {
    const path = config('renamed.config.json', {
      sql: { leads: `select lead_id as "Record Id", received_time as "Created Time" from crm.leads order by ord` },
    });
    const r = run(['heatmap', '--sql', '--config', path, ...COMMON, '--format', 'json']);
    const files = run(['heatmap', '--leads', join(data, 'leads.csv'), ...COMMON, '--format', 'json']);
    expect(r.code, r.stderr).toBe(1); // no first contacts selected: the heatmap cannot be judged, as from a file without them
    expect(files.code).toBe(0);
    expect(r.stderr).toContain('sql.leads');
  });
});

describe('panopticon --sql: what goes wrong, with its exit code', () => {
  it('no PANOPTICON_DATABASE_URL: a usage error (2) naming the variable', () => {
    const r = run(['kpis', '--sql', '--config', sqlConfig(), ...COMMON], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('PANOPTICON_DATABASE_URL is not set');
  });

  it('a query the server refuses: a usage error (2) naming its config key', () => {
    const path = config('bad-query.config.json', {
      sql: { leads: select('leads'), stageHistory: 'select lead_id, stage, changed_at form crm.stage_changes' },
    });
    const r = run(['attention', '--sql', '--config', path, ...COMMON]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'sql.stageHistory: PostgreSQL refused the query: syntax error at or near "crm" (at character 40: "crm.stage_changes").\n',
    );
  });

  it('no server listening: an input that cannot be read (3), naming host and port only', () => {
    const r = run(['kpis', '--sql', '--config', sqlConfig(), ...COMMON], {
      PANOPTICON_DATABASE_URL: `postgres://${server.user}:${server.password}@127.0.0.1:1/${server.database}`,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('Cannot connect to PostgreSQL at 127.0.0.1:1: nothing listens there');
    expect(r.stderr).not.toContain(server.password);
  });

  it('a wrong password: exit 3, and the password appears nowhere in the output', () => {
    const wrong = `wrong-${server.password}`;
    const r = run(['attention', '--sql', '--config', sqlConfig(), ...COMMON], {
      PANOPTICON_DATABASE_URL: `postgres://${server.user}:${wrong}@${server.host}:${server.port}/${server.database}`,
    });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the server refused the login');
    expect(r.stdout + r.stderr).not.toContain(wrong);
    expect(r.stdout + r.stderr).not.toContain(server.user);
  });

  it('a connection string in the config file is refused (2), its value not shown', () => {
    const url = `postgres://${server.user}:${server.password}@${server.host}:${server.port}/${server.database}`;
    for (const sql of [{ leads: select('leads'), url }, { leads: url }]) {
      const r = run(['kpis', '--sql', '--config', config('secret.config.json', { sql }), ...COMMON]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('set PANOPTICON_DATABASE_URL in the environment instead');
      expect(r.stderr).not.toContain(server.password);
    }
  });

  it.each([
    [['--leads', join(data, 'leads.csv')], '--leads and --sql cannot be combined'],
    [['--zoho'], '--sql and --zoho both name where the leads come from'],
    [['--delimiter', ';'], '--delimiter and --sql cannot be combined'],
    [['--engine', 'duckdb'], 'does not read PostgreSQL queries (--sql)'],
  ])('%j with --sql: a usage error (2)', (extra, message) => {
    const r = run(['attention', '--sql', '--config', sqlConfig(), ...COMMON, ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('--sql without a "sql" section in the config file: a usage error (2) saying what to add', () => {
    const r = run(['kpis', '--sql', '--config', config('no-sql.config.json', { timeZone: 'UTC' }), ...COMMON]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"sql": { "leads": "select');
  });
});
