import type { SqlInputs } from '@panopticon/sql';
import { CliError, EXIT } from './errors.js';
import { importOptional } from './optional-package.js';
import type { Settings } from './settings/resolve.js';

/**
 * `--engine duckdb`: the command's figures by the SQL statements of @panopticon/sql on an embedded
 * DuckDB instead of core's TypeScript. The package (and DuckDB's native module) is imported only here,
 * on first use, so the default engine never loads it; an install without it (an optional package) is told
 * which package to install.
 */
export async function sqlEngine(): Promise<typeof import('@panopticon/sql')> {
  return importOptional(() => import('@panopticon/sql'), '--engine duckdb');
}

/**
 * The SQL engine's answer to `question` and, unless --quiet, beside it `readFiles`: core's reader over the
 * same files, for the data-quality note the TypeScript engine prints on stderr. The SQL engine refuses a row
 * it cannot read as core does, but what core keeps with a warning (a first contact before arrival, an
 * unknown stage, …) only core's reader states: the note comes from the one statement of a row's rules, not a
 * second one in SQL. The two run at once (DuckDB on its own threads); the note costs a read of the files
 * by core, which --quiet skips.
 */
export async function withDataQualityNote<T, R>(
  settings: Pick<Settings, 'quiet'>,
  question: (sql: typeof import('@panopticon/sql')) => Promise<T>,
  readFiles: () => Promise<R>,
): Promise<[answer: T, read: R | undefined]> {
  const sql = await sqlEngine(); // first: without DuckDB installed, nothing is read
  return Promise.all([question(sql), settings.quiet ? undefined : readFiles()]);
}

/**
 * The files the SQL engine reads for `command`, or a usage error naming what it does not do: it reads CSV
 * or Parquet files with the canonical column names, so Zoho, a column mapping and the CSV format options
 * (`--delimiter`, `--encoding`, `--date-format`) are refused rather than read differently.
 */
export function sqlInputs(settings: Settings, command: string, needs: { history: boolean }): SqlInputs {
  const { source } = settings;
  const refuse = (what: string) =>
    new CliError(`panopticon ${command} --engine duckdb: the SQL engine does not read ${what}; leave out --engine duckdb.`, EXIT.usage);
  if (source.kind !== 'csv')
    throw refuse(`${source.kind === 'sql' ? 'PostgreSQL queries (--sql)' : 'Zoho CRM'} (only CSV or Parquet files)`);
  if (settings.columns !== undefined && Object.keys(settings.columns).length > 0)
    throw refuse('a column mapping (columns in the config file)');
  if (settings.delimiter !== undefined || settings.encoding !== undefined || settings.dateFormat !== undefined) {
    throw refuse('--delimiter, --encoding or --date-format (only comma-separated UTF-8 with ISO 8601 timestamps)');
  }
  return {
    leads: source.leads.path,
    ...(needs.history && source.history !== undefined ? { stageHistory: source.history.path } : {}),
    ...(needs.history && source.owners !== undefined ? { ownerHistory: source.owners.path } : {}),
  };
}

/** An error of the SQL engine as the command's error: what it refuses is a usage error (exit 2), naming the gap. */
export function sqlEngineError(error: unknown, command: string): unknown {
  if (error instanceof Error && error.name === 'SqlEngineError') return new CliError(`panopticon ${command}: ${error.message}`, EXIT.usage);
  return error;
}
