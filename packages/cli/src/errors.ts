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
    /** 1 = input or data error, 2 = usage error. */
    readonly exitCode: 1 | 2 = 1,
  ) {
    super(message);
  }
}
