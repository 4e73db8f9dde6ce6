import type { SqlInputs } from '@panopticon/sql';
import { CliError, EXIT } from './errors.js';
import type { Settings } from './settings/resolve.js';

/**
 * `--engine duckdb`: the command's figures by the SQL statements of @panopticon/sql on an embedded
 * DuckDB instead of core's TypeScript. The package (and DuckDB's native module) is imported only here,
 * on first use, so the default engine never loads it.
 */
export async function sqlEngine(): Promise<typeof import('@panopticon/sql')> {
  return import('@panopticon/sql');
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
