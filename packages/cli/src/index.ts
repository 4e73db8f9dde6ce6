// Re-exports only: the programmatic entry of the command line (used by tests and wrappers).
export { main, MAIN_HELP } from './cli.js';
export { CliError } from './errors.js';
export type { Io } from './io.js';
