/** Every message of the PostgreSQL source, in one place so that wording stays consistent and tests can match it. */

/**
 * The environment variable that holds the connection string, and the only place it is read from.
 *
 * @example
 * ```ts
 * if (!process.env[DATABASE_URL_VARIABLE]) console.error(`set ${DATABASE_URL_VARIABLE} to read from PostgreSQL`);
 * ```
 */
export const DATABASE_URL_VARIABLE = 'PANOPTICON_DATABASE_URL';

export const noDatabaseUrl = `${DATABASE_URL_VARIABLE} is not set: the PostgreSQL source reads its connection string from that environment variable only (postgres://USER:PASSWORD@HOST:5432/DATABASE).`;

export const notPostgresUrl = `${DATABASE_URL_VARIABLE} is not a postgres:// or postgresql:// URL (its value is not shown: it may hold a password).`;

/** A connection that failed: the server by its host and port only, and why in words that hold no credential. */
export function cannotConnect(server: string, why: string): string {
  return `Cannot connect to PostgreSQL at ${server}: ${why}.`;
}

export const WHY: Record<string, string> = {
  ECONNREFUSED: 'nothing listens there (is the server running?)',
  ENOTFOUND: 'no such host',
  EAI_AGAIN: 'the host name cannot be resolved now',
  ETIMEDOUT: 'the connection timed out',
  ECONNRESET: 'the server closed the connection',
  ENOENT: 'no such socket',
  '28P01': `the server refused the login (wrong user or password in ${DATABASE_URL_VARIABLE})`,
  '28000': `the server refused the login (no access for that user from here; see its pg_hba.conf)`,
  '3D000': `no such database (the database named in ${DATABASE_URL_VARIABLE})`,
  '53300': 'too many connections',
  '57P03': 'the server is starting up or shutting down',
};

/** A query the server refused: its key (`sql.leads`), and the server's own words. */
export function queryFailed(key: string, serverMessage: string, position: string | undefined, query: string): string {
  const at =
    position === undefined
      ? ''
      : ` (at character ${position}: "${query.slice(Number(position) - 1, Number(position) + 29).replace(/\s+/g, ' ')}")`;
  return `${key}: PostgreSQL refused the query: ${serverMessage}${at}.`;
}
