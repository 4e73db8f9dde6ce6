// Test helper: a client of the test PostgreSQL server (postgres-server.ts) set up to run the statements of
// packages/sql/src/queries/: the compat functions of packages/sql/src/postgres/dialect.ts created, first on the
// search path, and the session in UTC.
import pg from 'pg';
import { COMPAT_SCHEMA, POSTGRES_COMPAT_SQL } from '../src/postgres/dialect.js';

/** A connected client of the server at `url`, ready for the statements; the caller ends it. */
export async function compatClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(POSTGRES_COMPAT_SQL);
  await client.query(`SET search_path = ${COMPAT_SCHEMA}, public; SET TimeZone = 'UTC'`);
  return client;
}
