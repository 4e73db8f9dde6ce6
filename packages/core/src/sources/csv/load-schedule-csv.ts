import type { Shift } from '../../model/schedule.js';
import type { DataIssue, LoadStats } from '../source.js';
import { DataQualityError } from '../source.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping, type CsvColumnMapping } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { assertCsvFormat, csvFormat } from './csv-format-options.js';
import { IssueLog } from './file-log.js';
import { readScheduleFile } from './read-schedule-file.js';

/**
 * Options of {@link loadScheduleCsv}.
 *
 * @example
 * ```ts
 * const options: LoadScheduleCsvOptions = { columns: { schedule: { rep: 'Agent' } }, strict: true };
 * const { schedule } = await loadScheduleCsv('rota.csv', options);
 * ```
 */
export interface LoadScheduleCsvOptions extends CsvFormatOptions {
  /** Header names to read instead of the defaults (only `columns.schedule` is used). Default: none. */
  columns?: CsvColumnMapping;
  /** When true, any rejected row throws a `DataQualityError` listing the errors. Default `false`. */
  strict?: boolean;
  /** The file's name in issues and stats. Default: the path as given, the input's `label`, or `schedule.csv`. */
  label?: string;
}

/**
 * The shifts of a schedule file, with its data-quality findings and row accounting.
 *
 * @example
 * ```ts
 * const result: ScheduleCsvResult = await loadScheduleCsv('schedule.csv');
 * console.log(`${result.schedule.length} shifts; ${result.stats.rejected} rows rejected`);
 * ```
 */
export interface ScheduleCsvResult {
  schedule: Shift[];
  issues: DataIssue[];
  stats: LoadStats;
}

/**
 * Reads a staff schedule (`rep`, `day_of_week`, `shift_start`, `shift_end`) on its own, with the same rules as {@link loadCsv}: for sources
 * that bring leads but no schedule (the Zoho adapter).
 *
 * @example
 * ```ts
 * const { schedule, issues } = await loadScheduleCsv('schedule.csv');
 * const coverage = scheduleCoverage(schedule, { slotMinutes: 30 });
 * ```
 */
export async function loadScheduleCsv(input: CsvFileInput, options: LoadScheduleCsvOptions = {}): Promise<ScheduleCsvResult> {
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  const log = new IssueLog();
  const opened = openCsvInput(input, DEFAULT_CSV_FILE_NAMES.schedule, options.label);
  const schedule = await readScheduleFile(opened, log.file(opened.label), { columns: options.columns, ...csvFormat(options) });
  if (options.strict) {
    const errors = log.errors();
    if (errors.length > 0) throw new DataQualityError(errors);
  }
  return { schedule, issues: log.issues, stats: log.stats() };
}
