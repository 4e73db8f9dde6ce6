/**
 * `@panopticon/cli`: the programmatic entry of the `panopticon` command line (used by tests and wrappers).
 * {@link main} runs a command with an injected {@link Io} and resolves to its exit code; user errors are
 * {@link CliError}s. Re-exports only.
 *
 * @example
 * ```ts
 * import { main } from '@panopticon/cli';
 *
 * process.exitCode = await main(process.argv.slice(2)); // as bin/panopticon.js does
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/cli
 */
export { main, MAIN_HELP } from './cli.js';
export { CliError, EXIT } from './errors.js';
export type { ErrorExitCode } from './errors.js';
export type { Io } from './io.js';
