// The PostgreSQL source against a real server (postgres-server.ts starts one): tables served by queries load
// to what the same tables load to as CSV files (leads, histories, issues, stats, judgeability), typed times
// (timestamptz, timestamp, date) are read as instants, wall-clock times and dates, and what goes wrong says
// which query and never shows the connection string's credentials.
import { readFileSync } from 'node:fs';
import { parsePipeline } from '@panopticon/core';
import { loadFiles, loadFilesColumnar, type LoadFilesOptions } from '@panopticon/core/files';
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnType, Table } from '../../core/src/sources/tables/tables.test-helper.js';
import { EVERY_ISSUE, toCsv } from '../../core/src/sources/tables/tables.test-helper.js';
import { PostgresSourceError, postgresInput } from '../src/postgres/index.js';
import { type PostgresServer, startPostgres } from './postgres-server.js';
import { createTable } from './postgres-tables.js';

let server: PostgresServer;
let client: pg.Client;
let env: Record<string, string>;
beforeAll(async () => {
  server = await startPostgres();
  env = { PANOPTICON_DATABASE_URL: server.url };
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  server?.stop();
});

/** The queries of the three tables, as the `sql` section of panopticon.config.json holds them. */
type PostgresQueries = { leads: string; stageHistory?: string; ownerHistory?: string };

/** Each query as a `postgresInput` labelled by its config key (`sql.leads`), as the CLI gives them to `loadFiles`. */
function inputs(
  queries: PostgresQueries,
  environment: Record<string, string> = env,
): Pick<LoadFilesOptions, 'leads' | 'stageHistory' | 'ownerHistory'> {
  const input = (key: string, query: string) => postgresInput(query, { label: `sql.${key}`, env: environment });
  return {
    leads: input('leads', queries.leads),
    ...(queries.stageHistory !== undefined ? { stageHistory: input('stageHistory', queries.stageHistory) } : {}),
    ...(queries.ownerHistory !== undefined ? { ownerHistory: input('ownerHistory', queries.ownerHistory) } : {}),
  };
}

/** `loadFiles` over the queries (an async function: a missing connection string rejects, as a failed query does). */
async function loadQueries(queries: PostgresQueries, options: Omit<LoadFilesOptions, 'leads'>, environment?: Record<string, string>) {
  return loadFiles({ ...inputs(queries, environment), ...options });
}

// The sample's pipeline (examples/data/pipeline.json): open, green, delivery, won and lost stages.
const pipeline = parsePipeline(JSON.parse(readFileSync(new URL('../../../examples/data/pipeline.json', import.meta.url), 'utf8')));

const HALF_HOUR = 1_800_000;
const FROM = Date.UTC(2025, 0, 1);
/** Half-hour steps through 2025: in New York and Chatham some wall-clock times fall in a DST gap or overlap (a warning, as in CSV). */
const instant = fc.integer({ min: 0, max: 17_519 }).map((k) => FROM + k * HALF_HOUR);
/** Text a CSV export holds in a time column: good, odd and bad. */
const timeText = fc.oneof(
  instant.map((t) => new Date(t).toISOString()),
  instant.map((t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ')),
  instant.map((t) => `${new Date(t).toISOString().slice(0, 19)}-04:00`),
  fc.constantFrom('', ' ', 'soon', '2025-02-30 10:00', '06/01/2025 09:00', null),
);
function timeValue(type: ColumnType): fc.Arbitrary<string | number | null> {
  if (type === 'string') return timeText;
  if (type === 'date')
    return fc.option(
      instant.map((t) => t - (t % 86_400_000)),
      { nil: null, freq: 5 },
    );
  return fc.option(instant, { nil: null, freq: 5 });
}
// PostgreSQL text holds no NUL character; everything else a CSV cell can hold is here.
const text = fc.oneof(
  fc.string({ maxLength: 5 }).map((s) => s.replaceAll('\0', '')),
  fc.constantFrom('Smith, J', '"Q" Ltd', 'line\nbreak', ' padded ', 'a;b|c\td', 'x\r\ny', 'Zoë', ''),
);
const maybeText = fc.option(text, { nil: null, freq: 4 });
const leadId = fc.constantFrom<string | null>('1', '2', '3', '10', ' 4 ', 'L-5', 'a,b', '', null);
const stage = fc.constantFrom<string | null>('New', 'Green - Approved', 'Green/Delivered', 'Lost', 'Bogus', '', null);
const timeType = fc.constantFrom<ColumnType>('string', 'instant', 'wall', 'date');

const leadsTable: fc.Arbitrary<Table> = fc
  .record({ received: timeType, contact: timeType, appointment: timeType, size: fc.integer({ min: 0, max: 10 }) })
  .chain(({ received, contact, appointment, size }) => {
    const columns: Table['columns'] = [
      { name: 'lead_id', type: 'string' },
      { name: 'name', type: 'string' },
      { name: 'received_time', type: received },
      { name: 'first_contact_time', type: contact },
      { name: 'appointment_time', type: appointment },
      { name: 'stage', type: 'string' },
      { name: 'Lead Owner', type: 'string' },
    ];
    const row = fc.tuple(leadId, maybeText, timeValue(received), timeValue(contact), timeValue(appointment), stage, maybeText);
    return fc.array(row, { minLength: size, maxLength: size }).map((rows) => ({ columns, rows }));
  });

const historyTable = (value: 'stage' | 'locator'): fc.Arbitrary<Table | undefined> =>
  fc.option(
    fc.record({ at: timeType, size: fc.integer({ min: 0, max: 8 }) }).chain(({ at, size }) => {
      const row = fc.tuple(fc.oneof(leadId, fc.constant('99')), value === 'stage' ? stage : maybeText, timeValue(at));
      const columns: Table['columns'] = [
        { name: 'lead_id', type: 'string' },
        { name: value, type: 'string' },
        { name: 'changed_at', type: at },
      ];
      return fc.array(row, { minLength: size, maxLength: size }).map((rows) => ({ columns, rows }));
    }),
    { nil: undefined },
  );

const tables = fc.record({ leads: leadsTable, stageHistory: historyTable('stage'), ownerHistory: historyTable('locator') });
type Tables = { leads: Table; stageHistory: Table | undefined; ownerHistory: Table | undefined };
const zone = fc.constantFrom('America/New_York', 'Pacific/Chatham', 'UTC');

/** The tables created in the server, and the queries that read them. */
async function served(t: Tables): Promise<PostgresQueries> {
  return {
    leads: await createTable(client, 'leads', t.leads),
    ...(t.stageHistory ? { stageHistory: await createTable(client, 'stage_history', t.stageHistory) } : {}),
    ...(t.ownerHistory ? { ownerHistory: await createTable(client, 'owner_history', t.ownerHistory) } : {}),
  };
}

/** The CSV of each query's rows as PostgreSQL writes them (`copy … to stdout`, in the source's session settings), by one psql run. */
function copiedCsv(queries: PostgresQueries): Map<string, Uint8Array> {
  const list = Object.values(queries) as string[];
  const marker = '--- next table ---';
  const script = list.map((q) => `COPY (${q}) TO STDOUT WITH (FORMAT csv, HEADER);`).join(`\n\\echo '${marker}'\n`);
  const out = server.psql(`SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC';\n${script}\n`).split(`${marker}\n`);
  return new Map(list.map((q, i) => [q, new TextEncoder().encode(out[i])]));
}

/** Load options of CSV files labelled as the queries are, so that issues compare whole. */
function csvOptions(
  t: Tables,
  csv: (table: Table, query: string) => Uint8Array,
  queries: PostgresQueries,
  timeZone: string,
): LoadFilesOptions {
  const file = (table: Table, query: string, label: string) => ({ bytes: csv(table, query), format: 'csv' as const, label });
  return {
    leads: file(t.leads, queries.leads, 'sql.leads'),
    ...(t.stageHistory ? { stageHistory: file(t.stageHistory, queries.stageHistory!, 'sql.stageHistory') } : {}),
    ...(t.ownerHistory ? { ownerHistory: file(t.ownerHistory, queries.ownerHistory!, 'sql.ownerHistory') } : {}),
    timeZone,
    pipeline,
  };
}

describe('tables served by PostgreSQL load as their CSV', () => {
  it('the same leads, histories, issues, stats and judgeability as the CSV of the same rows (postgresInput through loadFiles, loadFilesColumnar)', async () => {
    // What the generated tables exercised: issue codes, and leads read.
    const seen = { codes: new Set<string>(), leads: 0 };
    await fc.assert(
      fc.asyncProperty(fc.tuple(tables, zone), async ([t, timeZone]) => {
        const queries = await served(t);
        const fromServer = await loadQueries(queries, { timeZone, pipeline });
        // PostgreSQL's own CSV of the rows (its text of each typed value), read by the CSV reader.
        const copied = copiedCsv(queries);
        const csv = await loadFiles(csvOptions(t, (_, query) => copied.get(query)!, queries, timeZone));
        expect(fromServer).toEqual(csv);
        expect(await loadFilesColumnar({ ...inputs(queries), timeZone, pipeline })).toEqual(
          await loadFilesColumnar(csvOptions(t, (_, query) => copied.get(query)!, queries, timeZone)),
        );
        // The table as an export writes it (typed times as ISO text): the same leads and histories, the same issues by row and field.
        const export_ = await loadFiles(csvOptions(t, (table) => toCsv(table), queries, timeZone));
        expect(fromServer.leads).toEqual(export_.leads);
        const where = (r: typeof csv) => r.issues.map((i) => [i.severity, i.code, i.file, i.line, i.field]);
        expect(where(fromServer)).toEqual(where(export_));
        for (const issue of csv.issues) seen.codes.add(issue.code);
        seen.leads += csv.leads.length;
      }),
      { numRuns: 40, examples: [[[EVERY_ISSUE, 'Pacific/Chatham']]] },
    );
    // The tables exercised the rules, not only clean rows.
    expect(seen.leads).toBeGreaterThan(0);
    for (const code of ['duplicate-id', 'missing-value', 'unparseable-timestamp', 'unknown-lead', 'unknown-stage']) {
      expect([...seen.codes]).toContain(code);
    }
  }, 120_000);

  it('reads timestamptz as an instant, timestamp as the wall clock of the team’s zone, date as that day', async () => {
    await client.query('DROP TABLE IF EXISTS typed');
    await client.query(
      'CREATE TABLE typed (lead_id bigint, received_time timestamptz, first_contact_time timestamp, appointment_time date)',
    );
    // In the session zone of this connection (UTC here), the timestamptz literal with +05:30 is one instant wherever it is read.
    await client.query("INSERT INTO typed VALUES (7, '2026-03-02 09:00:00.123456+05:30', '2026-03-02 09:15:00', '2026-03-10')");
    const { leads } = await loadQueries({ leads: 'select * from typed' }, { timeZone: 'America/Chicago' });
    expect(leads).toHaveLength(1);
    expect(leads[0]!.id).toBe('7');
    expect(leads[0]!.createdAt.toISOString()).toBe('2026-03-02T03:30:00.123Z');
    expect(leads[0]!.firstContactAt?.toISOString()).toBe('2026-03-02T15:15:00.000Z'); // 09:15 in Chicago (UTC−6)
    expect(leads[0]!.appointmentAt?.toISOString()).toBe('2026-03-10T05:00:00.000Z'); // the day's start in Chicago (UTC−5 from 8 March)
  });

  it('names the query and the row of an issue as a CSV reader names the file and the line', async () => {
    const { issues } = await loadQueries(
      { leads: "select * from (values ('1', '2026-01-05 10:00'), ('2', 'soon')) as t(lead_id, received_time)" },
      { timeZone: 'UTC' },
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'sql.leads', line: 3, field: 'received_time', code: 'unparseable-timestamp' });
  });
});

describe('postgresInput connects when read, and leaves no connection open', () => {
  const open = async () =>
    Number((await client.query("select count(*)::int as n from pg_stat_activity where application_name = 'panopticon'")).rows[0]!.n);

  it('no connection before the loader reads it; none after a load, or after a load that stops at the leads header', async () => {
    const history = "select 1 as lead_id, 'New' as stage, now() as changed_at";
    const unread = inputs({ leads: 'select 1 as lead_id, now() as received_time', stageHistory: history });
    expect(await open()).toBe(0);
    const { leads } = await loadFiles({ ...unread, timeZone: 'UTC' });
    expect(leads.map((l) => l.id)).toEqual(['1']);
    expect(await open()).toBe(0);
    // No received_time: the loader stops at the header, and the history query is never sent.
    const error = await loadQueries(
      { leads: 'select 1 as lead_id from generate_series(1, 20000)', stageHistory: history },
      { timeZone: 'UTC' },
    ).catch((e) => e);
    expect(error.message).toMatch(/received_time/);
    expect(await open()).toBe(0);
    // While a read is under way its connection is open (what the counts above would see), and a reader stopping early closes it.
    const reading = (
      postgresInput('select g as lead_id from generate_series(1, 20000) g', { env }) as { chunks: AsyncIterable<Uint8Array> }
    ).chunks[Symbol.asyncIterator]();
    await reading.next();
    expect(await open()).toBe(1);
    await reading.return?.();
    expect(await open()).toBe(0);
  });
});

describe('what goes wrong says which query, and never shows a credential', () => {
  const leads = 'select 1 as lead_id, now() as received_time';

  it('refuses to start without PANOPTICON_DATABASE_URL, or with something else in it', async () => {
    await expect(loadQueries({ leads }, { timeZone: 'UTC' }, {})).rejects.toMatchObject({
      name: 'PostgresSourceError',
      code: 'no-database-url',
      message: expect.stringContaining('PANOPTICON_DATABASE_URL is not set'),
    });
    const secret = 'host=db user=me password=hunter2';
    const error = await loadQueries({ leads }, { timeZone: 'UTC' }, { PANOPTICON_DATABASE_URL: secret }).catch((e) => e);
    expect(error).toBeInstanceOf(PostgresSourceError);
    expect(error.message).not.toContain('hunter2');
  });

  it('a query the server refuses is named by its key, with the server’s reason', async () => {
    const error = await loadQueries(
      { leads, stageHistory: 'select lead_id, stage, changed_at from crm.no_such_table' },
      { timeZone: 'UTC' },
    ).catch((e) => e);
    expect(error).toBeInstanceOf(PostgresSourceError);
    expect(error.code).toBe('query');
    expect(error.key).toBe('sql.stageHistory');
    expect(error.message).toMatch(/^sql\.stageHistory: PostgreSQL refused the query: relation "crm\.no_such_table" does not exist/);
  });

  it('a query cannot write: the session is read-only', async () => {
    await client.query('CREATE TABLE IF NOT EXISTS keep (x int)');
    const error = await loadQueries({ leads: 'insert into keep values (1) returning x as lead_id' }, { timeZone: 'UTC' }).catch((e) => e);
    expect(error.message).toMatch(/^sql\.leads: PostgreSQL refused the query: cannot execute INSERT in a read-only transaction/);
    expect((await client.query('select count(*)::int as n from keep')).rows[0]).toEqual({ n: 0 });
  });

  it('a wrong password: the login is refused, naming the server by host and port only', async () => {
    const wrong = `postgres://${server.user}:not-${server.password}@${server.host}:${server.port}/${server.database}`;
    const error = await loadQueries({ leads }, { timeZone: 'UTC' }, { PANOPTICON_DATABASE_URL: wrong }).catch((e) => e);
    expect(error).toBeInstanceOf(PostgresSourceError);
    expect(error.message).toBe(
      `Cannot connect to PostgreSQL at ${server.host}:${server.port}: the server refused the login (wrong user or password in PANOPTICON_DATABASE_URL).`,
    );
    expect(`${error.message}\n${error.stack}`).not.toContain(server.password);
    expect(error.message).not.toContain(server.user);
  });

  it('no server listening: says so, naming the host and port', async () => {
    const down = `postgres://${server.user}:${server.password}@127.0.0.1:1/${server.database}`;
    const error = await loadQueries({ leads }, { timeZone: 'UTC' }, { PANOPTICON_DATABASE_URL: down }).catch((e) => e);
    expect(error.message).toBe('Cannot connect to PostgreSQL at 127.0.0.1:1: nothing listens there (is the server running?).');
  });
});
