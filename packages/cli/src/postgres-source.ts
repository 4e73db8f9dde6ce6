/**
 * `--sql`: the leads, histories and heatmap read from PostgreSQL by the config file's queries, each a
 * `postgresInput` (@panopticon/sql/postgres, loaded only here, on first use) of core's `loadFiles`. The connection string is read from
 * PANOPTICON_DATABASE_URL in the command's environment; the source's errors become the command's, each
 * with its exit code (docs/cli.md): no connection string or a query the server refuses is a usage error
 * (2, the setup or the config file to fix), a server that cannot be reached or refuses the login an input
 * that cannot be read (3).
 *
 * @module
 */
import type { LoadResult } from '@panopticon/core';
import type { AggregateFileBySlotOptions, AggregateFileBySlotResult, ColumnarLoadResult, LoadFilesOptions } from '@panopticon/core/files';
import { aggregateFileBySlot, loadFiles, loadFilesColumnar } from '@panopticon/core/files';
import { CliError, EXIT } from './errors.js';
import type { Io } from './io.js';
import type { LeadSource, Settings } from './settings/resolve.js';

type SqlSource = Extract<LeadSource, { kind: 'sql' }>;

/** The config file's queries (`sql.leads`, `sql.stageHistory`, `sql.ownerHistory`) as inputs of `loadFiles`, each named by its key. */
async function queryInputs(
  source: SqlSource,
  io: Pick<Io, 'env'>,
): Promise<Pick<LoadFilesOptions, 'leads' | 'stageHistory' | 'ownerHistory'>> {
  const { postgresInput } = await import('@panopticon/sql/postgres');
  const input = (key: string, query: string) => postgresInput(query, { label: `sql.${key}`, env: io.env });
  const { leads, stageHistory, ownerHistory } = source.queries;
  return {
    leads: input('leads', leads),
    ...(stageHistory !== undefined ? { stageHistory: input('stageHistory', stageHistory) } : {}),
    ...(ownerHistory !== undefined ? { ownerHistory: input('ownerHistory', ownerHistory) } : {}),
  };
}

/** The leads and histories the queries return, as `loadFiles` (`as: 'objects'`) or `loadFilesColumnar` (`'columns'`) returns them. */
export async function loadFromPostgres(
  source: SqlSource,
  settings: Pick<Settings, 'timeZone' | 'pipeline' | 'columns' | 'strict' | 'issueExamples' | 'dateFormat'>,
  io: Pick<Io, 'env'>,
  as: 'objects' | 'columns',
): Promise<LoadResult | ColumnarLoadResult> {
  const { timeZone, pipeline, columns, strict, issueExamples, dateFormat } = settings;
  try {
    // A config file's delimiter and encoding are about its CSV files: the rows of a query have neither.
    const options: LoadFilesOptions = {
      ...(await queryInputs(source, io)),
      timeZone,
      pipeline,
      strict,
      issueExamples,
      ...(columns !== undefined ? { columns } : {}),
      ...(dateFormat !== undefined ? { dateFormat } : {}),
      ...(source.schedule !== undefined ? { schedule: source.schedule } : {}),
    };
    return as === 'columns' ? await loadFilesColumnar(options) : await loadFiles(options);
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
  try {
    const { postgresInput } = await import('@panopticon/sql/postgres');
    return await aggregateFileBySlot(postgresInput(source.queries.leads, { label: 'sql.leads', env: io.env }), options);
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
