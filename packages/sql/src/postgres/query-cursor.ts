import type { RowsColumnKind } from '@panopticon/core/files';
import type { DatabaseUrl } from './database-url.js';
import { WHY, cannotConnect, queryFailed } from './messages.js';
import { PostgresSourceError } from './postgres-source-error.js';

/** What the source uses of `pg` (node-postgres) and `pg-cursor`, loaded only when a query runs. */
interface PgClient {
  connect(): Promise<void>;
  query(text: string): Promise<unknown>;
  query<T extends PgCursor>(cursor: T): T;
  end(): Promise<void>;
  on(event: 'error', listener: (error: Error) => void): void;
}
interface PgField {
  name: string;
  dataTypeID: number;
}
interface PgCursor {
  read(rows: number, callback: (error: Error | undefined, rows: unknown[][], result: { fields: PgField[] }) => void): void;
  close(callback: (error?: Error) => void): void;
}
type PgCursorClass = new (text: string, values: unknown[], config: object) => PgCursor;

/** A query running on its own connection: its columns, its rows as a cursor reads them, and how to end it early. */
export interface OpenQuery {
  columns: { name: string; kind: RowsColumnKind }[];
  /** Every row, read `batchRows` at a time; the connection closes after the last one. Read once. */
  rows: AsyncIterable<readonly unknown[]>;
  /** Closes the cursor and the connection (safe to call again, or after the rows ended). */
  close(): Promise<void>;
}

// PostgreSQL's type OIDs (pg_type.dat) of the typed times.
const KINDS: Record<number, RowsColumnKind> = { 1184: 'instant', 1114: 'wall', 1082: 'date' };

// Every value as PostgreSQL's text: with DateStyle ISO and the session zone UTC a timestamptz reads
// `2026-03-02 09:00:00.123456+00` (an instant, its offset given), a timestamp `2026-03-02 09:00:00` (a wall
// clock, read in the team's zone), a date `2026-03-02`; the CSV timestamp parser reads each as CSV would, so
// there is no second parser here and nothing depends on the process's zone (pg would read a timestamp in it).
const AS_TEXT = { getTypeParser: () => (text: string) => text };

// One session setting a query cannot change: the text forms above, and a read-only transaction (a
// query in the config file reads; it never writes).
const SESSION = "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET default_transaction_read_only = on";

/**
 * Runs `query` on a new connection to the server of `url`, through a cursor: the rows come `batchRows` at a time (memory flat in the
 * result's size). Resolves once the first batch is in (so that the columns are known), rejects with a {@link PostgresSourceError}.
 */
export async function openQuery(url: DatabaseUrl, key: string, query: string, batchRows: number): Promise<OpenQuery> {
  const [{ default: pg }, { default: Cursor }] = (await Promise.all([import('pg'), import('pg-cursor')])) as unknown as [
    { default: { Client: new (config: object) => PgClient } },
    { default: PgCursorClass },
  ];
  const client = new pg.Client({ connectionString: url.connectionString, application_name: 'panopticon', connectionTimeoutMillis: 30_000 });
  // A connection lost between reads is reported by the next read; without a listener it would end the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(SESSION);
  } catch (error) {
    await client.end().catch(() => undefined);
    const code = (error as { code?: unknown }).code;
    throw new PostgresSourceError(
      'connect',
      cannotConnect(url.server, WHY[String(code)] ?? `the connection failed (${String(code ?? 'no error code')})`),
    );
  }
  const cursor = client.query(new Cursor(query, [], { rowMode: 'array', types: AS_TEXT }));
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await new Promise<void>((resolve) => cursor.close(() => resolve()));
    await client.end().catch(() => undefined);
  };
  const read = () =>
    new Promise<{ rows: unknown[][]; fields: PgField[] }>((resolve, reject) =>
      cursor.read(batchRows, (error, rows, result) => (error ? reject(error) : resolve({ rows, fields: result.fields }))),
    ).catch(async (error: unknown) => {
      await close();
      const e = error as { message?: string; position?: string };
      throw new PostgresSourceError('query', queryFailed(key, e.message ?? String(error), e.position, query), key);
    });
  const first = await read();
  const columns = first.fields.map((f) => ({ name: f.name, kind: KINDS[f.dataTypeID] ?? ('value' as const) }));
  async function* rows(): AsyncGenerator<readonly unknown[], void, undefined> {
    try {
      let batch = first.rows;
      while (batch.length > 0) {
        yield* batch;
        if (batch.length < batchRows) break;
        batch = (await read()).rows;
      }
    } finally {
      await close();
    }
  }
  return { columns, rows: rows(), close };
}
