import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/**
 * How the embedded DuckDB runs: what it may use of the machine. Every question's options extend these.
 *
 * @example
 * ```ts
 * const engine: SqlEngineOptions = { memoryLimit: '512MB', threads: 2 };
 * ```
 */
export interface SqlEngineOptions {
  /** DuckDB's `memory_limit` (for example `'1GB'`): beyond it, operators spill to a temporary directory. Default: DuckDB's (80 % of RAM). */
  memoryLimit?: string;
  /** DuckDB's `threads`. Default: DuckDB's (one per core). */
  threads?: number;
}

/**
 * Runs `work` on a fresh in-memory DuckDB whose session time zone is UTC (so no figure depends on the
 * process's zone) and whose spill files go to a private temporary directory, removed afterwards.
 */
export async function withDuckDb<T>(options: SqlEngineOptions, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const spill = mkdtempSync(join(tmpdir(), 'panopticon-sql-'));
  const config: Record<string, string> = { temp_directory: spill };
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await DuckDBInstance.create(':memory:', config);
  try {
    const connection = await instance.connect();
    try {
      // After connecting: the setting needs ICU, which DuckDB loads on first use.
      await connection.run("SET TimeZone = 'UTC'");
      return await work(connection);
    } finally {
      connection.closeSync();
    }
  } finally {
    instance.closeSync();
    rmSync(spill, { recursive: true, force: true });
  }
}
