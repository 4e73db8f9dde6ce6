/**
 * `@panopticon/sql/postgres`: leads and histories read from PostgreSQL by queries returning the canonical columns, the connection
 * string from `PANOPTICON_DATABASE_URL` only, rows streamed through a cursor and read by core's CSV readers (the same column
 * recognition, rules and data-quality report as a CSV export). Its own entry: it loads `pg` and `pg-cursor` when a query runs, and
 * never DuckDB (the main entry's engine).
 *
 * @example
 * ```ts
 * import { loadPostgres } from '@panopticon/sql/postgres';
 *
 * const { leads, issues } = await loadPostgres({ queries: { leads: 'select * from crm.leads' }, timeZone: 'America/Chicago' });
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/sql/postgres
 */
export { aggregatePostgresBySlot, loadPostgres, loadPostgresColumnar } from './load-postgres.js';
export type { LoadPostgresOptions, PostgresConnectionOptions, PostgresQueries } from './load-postgres.js';
export { PostgresSourceError } from './postgres-source-error.js';
export { DATABASE_URL_VARIABLE } from './messages.js';
