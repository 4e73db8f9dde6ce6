import { rowsInput, type TableFileInput } from '@panopticon/core/files';
import { databaseUrlFrom } from './database-url.js';
import { openQuery } from './query-cursor.js';

/**
 * How a {@link postgresInput} connects and reads: its name in issues, the environment it takes `PANOPTICON_DATABASE_URL` from, and the
 * cursor's batch size.
 *
 * @example
 * ```ts
 * const options: PostgresInputOptions = { label: 'sql.leads', env: { PANOPTICON_DATABASE_URL: 'postgres://reader@localhost/crm' }, batchRows: 10_000 };
 * ```
 */
export interface PostgresInputOptions {
  /** The query's name in issues, stats and errors, where a file's name stands (the CLI uses its config key, `sql.leads`). Default `sql`. */
  label?: string;
  /** The environment holding `PANOPTICON_DATABASE_URL` (the only place the connection string is read from). Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Rows fetched per round trip of the cursor. Default 5,000. */
  batchRows?: number;
}

const BATCH_ROWS = 5_000;

/**
 * A PostgreSQL query as a table input of `@panopticon/core/files` (`loadFiles`, `loadFilesColumnar`, `aggregateFileBySlot`, for the
 * leads or either history): its columns carry the canonical names (`select id as lead_id, created_at as received_time, …`), and its rows
 * are read by the CSV readers as the same table in CSV (`rowsInput`): the same column recognition, rules and data-quality report, an
 * issue naming the query by its `label` and the row by its line (row 1 is line 2, after the header). The connection string comes from
 * `PANOPTICON_DATABASE_URL` only (checked here: without it a {@link PostgresSourceError} is thrown at once). The query runs when the
 * loader first reads the input, on its own connection in a read-only session, its rows streamed by a cursor (memory flat in the row
 * count); the connection closes after the last row, or when the loader stops early. A `timestamptz` column is read as instants, a
 * `timestamp` as wall-clock times in the team's zone, a `date` as that day; anything else as its text.
 *
 * @example
 * ```ts
 * const { leads, issues } = await loadFiles({
 *   leads: postgresInput('select id as lead_id, created_at as received_time from crm.leads', { label: 'sql.leads' }),
 *   stageHistory: postgresInput('select lead_id, stage, changed_at from crm.stage_changes order by id', { label: 'sql.stageHistory' }),
 *   timeZone: 'America/Chicago',
 * });
 * ```
 */
export function postgresInput(query: string, options: PostgresInputOptions = {}): TableFileInput {
  const label = options.label ?? 'sql';
  const url = databaseUrlFrom(options.env ?? process.env);
  const batchRows = options.batchRows ?? BATCH_ROWS;
  async function* chunks(): AsyncGenerator<Uint8Array, void, undefined> {
    const opened = await openQuery(url, label, query, batchRows);
    try {
      yield* rowsInput({ label, columns: opened.columns, rows: opened.rows }).chunks;
    } finally {
      await opened.close();
    }
  }
  return { chunks: chunks(), label };
}
