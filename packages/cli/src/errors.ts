/**
 * The exit codes of `panopticon` (docs/cli.md lists them): 0 success; 1 findings (rejected rows, a
 * question that cannot be judged, a failed gate); 2 a usage error (a bad flag or config value, conflicting
 * flags); 3 a file that cannot be read (a missing file, a file without the columns it needs) or written.
 *
 * @example
 * ```ts
 * const code = await main(['check', '--leads', 'leads.csv']);
 * if (code === EXIT.findings) console.log('rows were rejected, or a question cannot be judged');
 * ```
 */
export const EXIT = { ok: 0, findings: 1, usage: 2, unreadable: 3 } as const;

/**
 * One of the {@link EXIT} codes other than success.
 *
 * @example
 * ```ts
 * const usage: ErrorExitCode = EXIT.usage; // 2
 * ```
 */
export type ErrorExitCode = 1 | 2 | 3;

/**
 * An error the user can fix: printed as its message alone, with the exit code it carries.
 *
 * @example
 * ```ts
 * try {
 *   throw new CliError('--to (2026-03-01) must not be before --from (2026-03-31).', 2);
 * } catch (error) {
 *   if (error instanceof CliError) process.exitCode = error.exitCode; // 2: a usage error
 * }
 * ```
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    /** 1 = findings or a data error, 2 = usage error, 3 = an input cannot be read (see {@link EXIT}). */
    readonly exitCode: ErrorExitCode = 1,
  ) {
    super(message);
  }
}
