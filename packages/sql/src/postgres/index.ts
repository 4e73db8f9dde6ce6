/**
 * `@panopticon/sql/postgres`: leads and histories read from PostgreSQL by queries returning the canonical columns, as inputs of
 * `@panopticon/core/files` (`postgresInput`): the connection string from `PANOPTICON_DATABASE_URL` only, rows streamed through a cursor
 * and read by core's CSV readers (the same column recognition, rules and data-quality report as a CSV export). Its own entry: it loads
 * `pg` and `pg-cursor` when a query runs, and never DuckDB (the main entry's engine).
 *
 * @example
 * ```ts
 * import { loadFiles } from '@panopticon/core/files';
 * import { postgresInput } from '@panopticon/sql/postgres';
 *
 * const { leads, issues } = await loadFiles({ leads: postgresInput('select * from crm.leads', { label: 'sql.leads' }), timeZone: 'America/Chicago' });
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/sql/postgres
 */
export { postgresInput } from './postgres-input.js';
export type { PostgresInputOptions } from './postgres-input.js';
export { PostgresSourceError } from './postgres-source-error.js';
export { DATABASE_URL_VARIABLE } from './messages.js';
