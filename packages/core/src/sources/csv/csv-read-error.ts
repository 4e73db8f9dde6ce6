import { csvMessages } from '../messages.js';

/**
 * Thrown when a CSV file given by path cannot be read (missing, unreadable, a directory). The message
 * names the file; `code` is the system's error code (`ENOENT`, `EACCES`, `EISDIR`, …) and `cause` the
 * original error.
 *
 * @example
 * ```ts
 * try {
 *   await loadCsv({ leads: 'missing.csv', timeZone: 'UTC' });
 * } catch (error) {
 *   if (error instanceof CsvReadError && error.code === 'ENOENT') console.error(error.message);
 * }
 * ```
 */
export class CsvReadError extends Error {
  /** `'CsvReadError'`. */
  override readonly name = 'CsvReadError';
  /** The system error code, when there is one. */
  readonly code: string | undefined;

  constructor(
    /** The file's label (by default its path). */
    readonly file: string,
    /** The path that was read. */
    readonly path: string,
    cause: unknown,
  ) {
    super(csvMessages.cannotRead(file, cause instanceof Error ? cause.message : String(cause)), { cause });
    const code = (cause as { code?: unknown } | null)?.code;
    this.code = typeof code === 'string' ? code : undefined;
  }
}
