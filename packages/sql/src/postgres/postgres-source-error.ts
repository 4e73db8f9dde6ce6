/**
 * What the PostgreSQL source could not do: no connection string in `PANOPTICON_DATABASE_URL` (`no-database-url`), no connection to the
 * server (`connect`: down, unknown host, login refused), or a query the server refused (`query`, naming its label, such as `sql.leads`).
 * Its message names the server by its host and port at most: never the user, the password or the connection string.
 *
 * @example
 * ```ts
 * try {
 *   await loadFiles({ leads: postgresInput('select * from crm.leads', { label: 'sql.leads' }), timeZone: 'UTC' });
 * } catch (error) {
 *   if (error instanceof PostgresSourceError && error.code === 'query') console.error(error.message); // "sql.leads: …"
 * }
 * ```
 */
export class PostgresSourceError extends Error {
  override readonly name = 'PostgresSourceError';
  constructor(
    /** What failed: `no-database-url`, `connect` or `query`. */
    readonly code: 'no-database-url' | 'connect' | 'query',
    message: string,
    /** The query's label (`sql.leads`), for a query error. */
    readonly key?: string,
  ) {
    super(message);
  }
}
