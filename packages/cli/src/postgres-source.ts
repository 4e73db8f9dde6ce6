/**
 * `--sql`: the leads, histories and heatmap read from PostgreSQL by the config file's queries
 * (@panopticon/sql/postgres, loaded only here, on first use). The connection string is read from
 * PANOPTICON_DATABASE_URL in the command's environment; the source's errors become the command's, each
 * with its exit code (docs/cli.md): no connection string or a query the server refuses is a usage error
 * (2, the setup or the config file to fix), a server that cannot be reached or refuses the login an input
 * that cannot be read (3).
 *
 * @module
 */
import type { LoadResult } from '@panopticon/core';
import type { AggregateFileBySlotOptions, AggregateFileBySlotResult, ColumnarLoadResult } from '@panopticon/core/files';
import { CliError, EXIT } from './errors.js';
import type { Io } from './io.js';
import type { LeadSource, Settings } from './settings/resolve.js';

type SqlSource = Extract<LeadSource, { kind: 'sql' }>;

/** The leads and histories the queries return, as `loadFiles` (`as: 'objects'`) or `loadFilesColumnar` (`'columns'`) returns them. */
export async function loadFromPostgres(
  source: SqlSource,
  settings: Pick<Settings, 'timeZone' | 'pipeline' | 'columns' | 'strict' | 'issueExamples' | 'dateFormat'>,
  io: Pick<Io, 'env'>,
  as: 'objects' | 'columns',
): Promise<LoadResult | ColumnarLoadResult> {
  const { loadPostgres, loadPostgresColumnar } = await import('@panopticon/sql/postgres');
  const { timeZone, pipeline, columns, strict, issueExamples, dateFormat } = settings;
  const options = {
    queries: source.queries,
    env: io.env,
    timeZone,
    pipeline,
    strict,
    issueExamples,
    ...(columns !== undefined ? { columns } : {}),
    ...(dateFormat !== undefined ? { dateFormat } : {}),
    ...(source.schedule !== undefined ? { schedule: source.schedule } : {}),
  };
  try {
    return as === 'columns' ? await loadPostgresColumnar(options) : await loadPostgres(options);
  } catch (error) {
    throw postgresCliError(error);
  }
}

/** The heatmap of the leads query in one streaming pass (the rows as the cursor reads them). */
export async function aggregateFromPostgres(
  source: SqlSource,
  options: Omit<AggregateFileBySlotOptions, 'delimiter' | 'encoding' | 'label'>,
  io: Pick<Io, 'env'>,
): Promise<AggregateFileBySlotResult> {
  const { aggregatePostgresBySlot } = await import('@panopticon/sql/postgres');
  try {
    return await aggregatePostgresBySlot(source.queries.leads, { ...options, env: io.env });
  } catch (error) {
    throw postgresCliError(error);
  }
}

/** The source's own errors with their exit codes; anything else (a missing column, a strict-mode error) is left to the caller. */
function postgresCliError(error: unknown): unknown {
  if (!(error instanceof Error) || error.name !== 'PostgresSourceError') return error;
  const code = (error as Error & { code: string }).code;
  return new CliError(error.message, code === 'connect' ? EXIT.unreadable : EXIT.usage);
}
