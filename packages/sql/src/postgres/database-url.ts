import { PostgresSourceError } from './postgres-source-error.js';
import { DATABASE_URL_VARIABLE, noDatabaseUrl, notPostgresUrl } from './messages.js';

/** The connection string, and the server as messages may name it (host and port: never the user or the password). */
export interface DatabaseUrl {
  /** The connection string, for the client only. */
  connectionString: string;
  /** `host:port` (or the socket folder), for messages. */
  server: string;
}

/**
 * The connection string from `PANOPTICON_DATABASE_URL` (the only place it is read from), checked to be a `postgres://` or `postgresql://`
 * URL without ever showing it.
 */
export function databaseUrlFrom(env: Readonly<Record<string, string | undefined>>): DatabaseUrl {
  const connectionString = env[DATABASE_URL_VARIABLE]?.trim();
  if (!connectionString) throw new PostgresSourceError('no-database-url', noDatabaseUrl);
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    throw new PostgresSourceError('no-database-url', notPostgresUrl);
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new PostgresSourceError('no-database-url', notPostgresUrl);
  // A socket folder may be given as ?host=/run/postgresql (libpq's form) instead of a host name.
  const host = url.hostname || url.searchParams.get('host') || 'localhost';
  return { connectionString, server: `${host}:${url.port || '5432'}` };
}
