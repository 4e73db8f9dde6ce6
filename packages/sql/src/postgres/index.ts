// Re-exports only: the public surface of @panopticon/sql/postgres (the PostgreSQL source).
export { aggregatePostgresBySlot, loadPostgres, loadPostgresColumnar } from './load-postgres.js';
export type { LoadPostgresOptions, PostgresConnectionOptions, PostgresQueries } from './load-postgres.js';
export { PostgresSourceError } from './postgres-source-error.js';
export { DATABASE_URL_VARIABLE } from './messages.js';
