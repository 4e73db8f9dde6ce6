import type { LoadResult } from '@panopticon/core';
import type { AggregateFileBySlotOptions, AggregateFileBySlotResult, ColumnarLoadResult } from '@panopticon/core/files';
import { aggregateFileBySlot, loadFiles, loadFilesColumnar, rowsInput, type LoadFilesOptions } from '@panopticon/core/files';
import { databaseUrlFrom, type DatabaseUrl } from './database-url.js';
import { openQuery, type OpenQuery } from './query-cursor.js';

/**
 * The queries that read the tables, each returning the canonical columns (`select id as lead_id, created_at as received_time, …`), as
 * the `sql` section of panopticon.config.json holds them.
 *
 * @example
 * ```ts
 * const queries: PostgresQueries = {
 *   leads: 'select id as lead_id, created_at as received_time, first_reply_at as first_contact_time from crm.leads',
 *   stageHistory: 'select lead_id, stage, changed_at from crm.stage_changes',
 * };
 * ```
 */
export interface PostgresQueries {
  /** The leads: `lead_id`, `received_time` required, the other columns of leads.csv when present. */
  leads: string;
  /** The stage history: `lead_id`, `stage`, `changed_at`. */
  stageHistory?: string;
  /** The owner history: `lead_id`, `locator`, `changed_at`. */
  ownerHistory?: string;
}

/**
 * How the source connects and reads: the environment it takes `PANOPTICON_DATABASE_URL` from, and the cursor's batch size.
 *
 * @example
 * ```ts
 * const connection: PostgresConnectionOptions = { env: { PANOPTICON_DATABASE_URL: 'postgres://reader@localhost/crm' }, batchRows: 10_000 };
 * ```
 */
export interface PostgresConnectionOptions {
  /** The environment holding `PANOPTICON_DATABASE_URL` (the only place the connection string is read from). Default: `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Rows fetched per round trip of the cursor. Default 5,000. */
  batchRows?: number;
}

/**
 * Options of {@link loadPostgres}: those of `loadFiles` for the tables the queries return (the time zone, pipeline, column mapping,
 * strictness, …), without the files' own format options (`delimiter`, `encoding`); a schedule still comes from a file.
 *
 * @example
 * ```ts
 * const options: LoadPostgresOptions = { queries: { leads: 'select * from crm.leads' }, timeZone: 'America/Chicago' };
 * ```
 */
export interface LoadPostgresOptions
  extends Omit<LoadFilesOptions, 'leads' | 'stageHistory' | 'ownerHistory' | 'delimiter' | 'encoding'>,
    PostgresConnectionOptions {
  /** The queries: `leads` required, `stageHistory` and `ownerHistory` optional, each returning the canonical columns. */
  queries: PostgresQueries;
}

const KEYS = { leads: 'sql.leads', stageHistory: 'sql.stageHistory', ownerHistory: 'sql.ownerHistory' } as const;

/**
 * Leads and their histories read from PostgreSQL by the queries, with the connection string from `PANOPTICON_DATABASE_URL`: each query
 * runs on its own connection in a read-only session, its rows streamed by a cursor, and read by the CSV readers as the same table in CSV
 * (`rowsInput` of `@panopticon/core/files`): the same column recognition, rules and data-quality report as CSV, an issue naming the
 * query by its key (`sql.leads`) and the row by its line (row 1 is line 2, after the header). Returns what `loadFiles` returns.
 *
 * @example
 * ```ts
 * const { leads, issues, cannotJudge } = await loadPostgres({
 *   queries: { leads: 'select id as lead_id, created_at as received_time from crm.leads' },
 *   timeZone: 'America/Chicago',
 * });
 * ```
 */
export async function loadPostgres(options: LoadPostgresOptions): Promise<LoadResult> {
  return withQueries(options, (inputs) => loadFiles(inputs));
}

/**
 * {@link loadPostgres} with the leads and their histories as columns, as `loadFilesColumnar` returns them.
 *
 * @example
 * ```ts
 * const data = await loadPostgresColumnar({ queries, timeZone, pipeline });
 * const rows = needsAttentionColumnar(data, { asOf, timeZone, pipeline });
 * ```
 */
export async function loadPostgresColumnar(options: LoadPostgresOptions): Promise<ColumnarLoadResult> {
  return withQueries(options, (inputs) => loadFilesColumnar(inputs));
}

/**
 * The response heatmap of the leads a query returns, in one streaming pass (`aggregateFileBySlot` over the rows as a cursor reads them:
 * memory flat in the number of rows), with the issues and stats of the leads table.
 *
 * @example
 * ```ts
 * const { cells } = await aggregatePostgresBySlot('select * from crm.leads', { timeZone: 'UTC', asOf: new Date(), slotMinutes: 60 });
 * ```
 */
export async function aggregatePostgresBySlot(
  leadsQuery: string,
  options: Omit<AggregateFileBySlotOptions, 'delimiter' | 'encoding' | 'label'> & PostgresConnectionOptions,
): Promise<AggregateFileBySlotResult> {
  const { env, batchRows, ...aggregation } = options;
  const url = databaseUrlFrom(env ?? process.env);
  const query = await openQuery(url, KEYS.leads, leadsQuery, batchRows ?? BATCH_ROWS);
  try {
    return await aggregateFileBySlot(rowsInput({ label: KEYS.leads, columns: query.columns, rows: query.rows }), {
      ...aggregation,
      label: KEYS.leads,
    });
  } finally {
    await query.close();
  }
}

const BATCH_ROWS = 5_000;

/** Opens every query (one connection each), runs `load` over their rows, and closes every connection, whatever happens. */
async function withQueries<T>(options: LoadPostgresOptions, load: (inputs: LoadFilesOptions) => Promise<T>): Promise<T> {
  const { queries, env, batchRows, ...rest } = options;
  const url: DatabaseUrl = databaseUrlFrom(env ?? process.env);
  const open: OpenQuery[] = [];
  try {
    const input = async (name: keyof PostgresQueries) => {
      const text = queries[name];
      if (text === undefined) return {};
      const query = await openQuery(url, KEYS[name], text, batchRows ?? BATCH_ROWS);
      open.push(query);
      return { [name]: rowsInput({ label: KEYS[name], columns: query.columns, rows: query.rows }) };
    };
    // One after another: the first query's errors (its connection, its text) are reported before the next is sent.
    const leads = await input('leads');
    const stageHistory = await input('stageHistory');
    const ownerHistory = await input('ownerHistory');
    return await load({ ...rest, ...leads, ...stageHistory, ...ownerHistory } as LoadFilesOptions);
  } finally {
    await Promise.all(open.map((q) => q.close()));
  }
}
