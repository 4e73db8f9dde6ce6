import { delimiterBytes } from './byte-csv-reader.js';
import type { DateFormat } from './date-formats.js';
import { assertDateFormat } from './date-formats.js';
import type { CsvEncoding } from './input-encoding.js';
import { assertEncoding } from './input-encoding.js';

/**
 * How the bytes of CSV files are read: their delimiter, text encoding and date format. Each is detected
 * per file (and per timestamp column) when not given; the load's issues then say what was detected.
 *
 * @example
 * ```ts
 * const format: CsvFormatOptions = { delimiter: ';', encoding: 'windows-1252', dateFormat: 'DD/MM/YYYY' };
 * ```
 */
export interface CsvFormatOptions {
  /**
   * The field separator, one character. Default: detected from each file's header line (comma,
   * semicolon, tab or pipe; a comma when the header has none of them).
   */
  delimiter?: string;
  /** The text encoding ({@link CsvEncoding}). Default `auto`: UTF-8, UTF-16 by its byte-order mark, or Windows-1252 by its bytes. */
  encoding?: CsvEncoding;
  /** How dates are read ({@link DateFormat}). Default `auto`: detected per column from its values. */
  dateFormat?: DateFormat;
}

/** Throws a `RangeError` for a delimiter, encoding or date format that cannot be read. @internal */
export function assertCsvFormat(options: CsvFormatOptions): void {
  if (options.delimiter !== undefined) delimiterBytes(options.delimiter);
  assertEncoding(options.encoding);
  assertDateFormat(options.dateFormat);
}

/** The format options alone, to hand to the table reader. @internal */
export function csvFormat(options: CsvFormatOptions): CsvFormatOptions {
  const { delimiter, encoding, dateFormat } = options;
  return { delimiter, encoding, dateFormat };
}
