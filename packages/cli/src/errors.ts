/** An error the user can fix: printed as its message alone, with the exit code it carries. */
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
