import { CliError, EXIT } from './errors.js';

/**
 * The packages the command loads only for what needs them, which an install does not get unless asked
 * (optional peer dependencies in package.json): DuckDB's native module for `--engine duckdb` (and
 * @panopticon/sql, which the library build imports for it), hyparquet and apache-arrow for Parquet and Arrow
 * files (core/files reads them, table-output.ts writes Arrow).
 */
export const OPTIONAL_PACKAGES = ['@duckdb/node-api', '@panopticon/sql', 'hyparquet', 'apache-arrow'] as const;

/** The package an import failed to find (`Cannot find package 'x'`), or undefined for any other failure. */
export function missingPackageOf(error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if ((code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') || typeof message !== 'string') return undefined;
  // The package's name: its scope and name, without a subpath ('@duckdb/node-api/lib/x' → '@duckdb/node-api').
  return /Cannot find (?:package|module) '((?:@[^/']+\/)?[^/']+)/.exec(message)?.[1];
}

/** What the user reads when `pkg`, needed by `purpose`, is not installed. */
export function missingPackageMessage(pkg: string, purpose: string): string {
  return `${purpose} needs the package ${pkg}, which is not installed (it is optional): npm install ${pkg}`;
}

/**
 * `load()` (a dynamic import), with the failure to find one of the {@link OPTIONAL_PACKAGES} as a
 * {@link CliError} (exit 3, an input the command cannot read with what is installed) naming the package and
 * how to install it. Any other failure is passed on unchanged.
 */
export async function importOptional<T>(load: () => Promise<T>, purpose: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const pkg = missingPackageOf(error);
    if (pkg !== undefined && (OPTIONAL_PACKAGES as readonly string[]).includes(pkg)) {
      throw new CliError(missingPackageMessage(pkg, purpose), EXIT.unreadable);
    }
    throw error;
  }
}
