/**
 * The base class of the errors `@panopticon/core` throws about data: a file that cannot be read, a column
 * that is missing, rows rejected under `strict`. Each carries a stable `code` (one of
 * {@link PANOPTICON_ERROR_CODES}) to branch on; the message names the file, line, field and value and says
 * what to do.
 *
 * A bad argument (an unknown time zone, a negative SLA, an invalid `asOf`) is a programming error, not a
 * data error: it is thrown as a plain `RangeError` or `TypeError`, as JavaScript's own built-ins do.
 *
 * @example
 * ```ts
 * try {
 *   await loadFiles({ leads: 'leads.csv', timeZone: 'UTC', strict: true });
 * } catch (error) {
 *   if (error instanceof PanopticonError && error.code === 'data-quality') process.exitCode = 1;
 * }
 * ```
 */
export class PanopticonError extends Error {
  override readonly name: string = 'PanopticonError';

  constructor(
    /** What went wrong, as a stable name. */
    readonly code: PanopticonErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * The codes of {@link PanopticonError}: `'csv-read'` (a file cannot be read), `'missing-column'` (a required
 * column is absent), `'data-quality'` (rows were rejected under `strict`).
 *
 * @example
 * ```ts
 * const retryable = (code: PanopticonErrorCode) => code === 'csv-read';
 * ```
 */
export const PANOPTICON_ERROR_CODES = ['csv-read', 'missing-column', 'data-quality'] as const;

/**
 * One of {@link PANOPTICON_ERROR_CODES}.
 *
 * @example
 * ```ts
 * const code: PanopticonErrorCode = 'missing-column';
 * ```
 */
export type PanopticonErrorCode = (typeof PANOPTICON_ERROR_CODES)[number];
