import { PanopticonError } from '../../errors.js';
import { csvMessages } from '../messages.js';

/**
 * Thrown when a CSV file given by path cannot be read (missing, unreadable, a directory).
 *
 * @example
 * ```ts
 * try {
 *   await loadFiles({ leads: 'missing.csv', timeZone: 'UTC' });
 * } catch (error) {
 *   if (error instanceof CsvReadError && error.systemCode === 'ENOENT') console.error(error.message);
 * }
 * ```
 */
export class CsvReadError extends PanopticonError {
  /** `'CsvReadError'`. */
  override readonly name = 'CsvReadError';
  /** The operating system's error code (`ENOENT`, `EACCES`, …), when there is one. */
  readonly systemCode: string | undefined;

  constructor(
    /** The file's label (by default its path). */
    readonly file: string,
    /** The path that was read. */
    readonly path: string,
    cause: unknown,
  ) {
    super('csv-read', csvMessages.cannotRead(file, cause instanceof Error ? cause.message : String(cause)), { cause });
    const code = (cause as { code?: unknown } | null)?.code;
    this.systemCode = typeof code === 'string' ? code : undefined;
  }
}
