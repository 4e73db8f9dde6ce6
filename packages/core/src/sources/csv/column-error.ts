import { PanopticonError } from '../../errors.js';
import { csvMessages } from '../messages.js';

/**
 * Thrown when a CSV file lacks a column Panopticon needs: a required one (`lead_id` and `received_time` in leads.csv, every column of the
 * history and schedule files) or one the `columns` option maps to a header the file does not have.
 *
 * @example
 * ```ts
 * try {
 *   await loadFiles({ leads: { text: 'id,created\n1,2025-01-01' }, timeZone: 'UTC' });
 * } catch (error) {
 *   if (error instanceof CsvColumnError) console.log(error.columns, error.headersFound); // ['lead_id', 'received_time'] ['id', 'created']
 * }
 * ```
 */
export class CsvColumnError extends PanopticonError {
  /** `'CsvColumnError'`. */
  override readonly name = 'CsvColumnError';
  /** A stable code, like the codes of data issues. */

  constructor(
    /** The file's label (its path, or e.g. `leads.csv`). */
    readonly file: string,
    /** The headers looked for and not found, as they were expected (after mapping). */
    readonly columns: readonly string[],
    /** The headers of the file, as written. */
    readonly headersFound: readonly string[],
  ) {
    super('missing-column', csvMessages.missingColumn(file, columns, headersFound));
  }
}
