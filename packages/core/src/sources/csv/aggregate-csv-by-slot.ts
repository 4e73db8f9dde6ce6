import type { AggregateBySlotOptions, HeatmapCell } from '../../response/heatmap.js';
import { resolveSlotOptions, slotAggregator } from '../../response/slot-aggregator.js';
import type { DataIssue, LoadStats } from '../source.js';
import { csvMessages } from '../messages.js';
import { DataQualityError } from '../source.js';
import type { CsvColumnMapping } from './columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { assertCsvFormat, csvFormat } from './csv-format-options.js';
import { IssueLog } from './file-log.js';
import { readCsvTable } from './read-csv-table.js';
import { responseRowVisitor } from './read-response-rows.js';

/**
 * Options of {@link aggregateCsvBySlot}: those of `aggregateBySlot`, and how to read the file.
 *
 * @example
 * ```ts
 * const options: AggregateCsvBySlotOptions = { timeZone: 'America/Chicago', bucketMinutes: 60, columns: { leads: { received_time: 'Created Time' } } };
 * ```
 */
export interface AggregateCsvBySlotOptions extends AggregateBySlotOptions, CsvFormatOptions {
  /** Header names to read instead of the defaults (only `columns.leads` is used). Default: none. */
  columns?: CsvColumnMapping;
  /** When true, a file with any rejected row throws a `DataQualityError` listing the errors. Default `false`. */
  strict?: boolean;
  /** The file's name in issues and stats. Default: the path as given, the input's `label`, or `leads.csv`. */
  label?: string;
  /**
   * Ignored: the file is read in one streaming pass in the calling thread (worker threads did not pay
   * for themselves). Results never depended on it; for a file path, a value that is not a whole number
   * of threads, 0 or more, is still a `RangeError`.
   */
  workers?: number;
}

/**
 * What {@link aggregateCsvBySlot} returns: the heatmap and the data-quality report of the file.
 *
 * @example
 * ```ts
 * const { cells, issues, stats }: AggregateCsvBySlotResult = await aggregateCsvBySlot('leads.csv', { timeZone: 'UTC' });
 * ```
 */
export interface AggregateCsvBySlotResult {
  /** Exactly `aggregateBySlot(leads, options)` for the leads `loadCsv` would accept from the file. */
  cells: HeatmapCell[];
  /** The issues `readResponseRows` reports for the file, in line order. */
  issues: DataIssue[];
  /** `rows = accepted + rejected`, overall and for the file. */
  stats: LoadStats;
}

/**
 * The response heatmap of a leads file (a response-time export of millions of rows), read in one
 * streaming pass without building leads: exactly `aggregateBySlot` over the leads `loadCsv` accepts,
 * with the issues and row accounting of `readResponseRows` (it is that reading: the same rows, the same
 * rules, fed to a `createSlotAggregator`). Ordinary rows are read from their bytes without making
 * strings, and lead ids that are plain numbers are kept as numbers for the duplicate check.
 *
 * Memory does not hold rows: about 20 bytes per row remain (its id and line for the duplicate check, and
 * for a contacted lead its cell and response minutes, which the medians need), plus the ids that are not
 * plain numbers.
 *
 * Throws like `readResponseRows`: a `CsvColumnError` for a missing column, a `CsvReadError` for an
 * unreadable path, a `RangeError` for a bad option, and in `strict` mode a `DataQualityError`.
 *
 * @example
 * ```ts
 * const { cells, issues, stats } = await aggregateCsvBySlot('exports/leads.csv', { timeZone: 'America/Chicago' });
 * console.log(`${stats.accepted} leads, ${issues.length} issues`);
 * ```
 */
export async function aggregateCsvBySlot(input: CsvFileInput, options: AggregateCsvBySlotOptions): Promise<AggregateCsvBySlotResult> {
  const { teams, locators } = resolveSlotOptions(options);
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  const { workers } = options;
  const isPath = typeof input === 'string' || 'path' in input;
  if (isPath && workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new RangeError(csvMessages.badWorkers(workers));
  const opened = openCsvInput(input, DEFAULT_CSV_FILE_NAMES.leads, options.label);
  const heatmap = slotAggregator(options, 1 << 16);
  const log = new IssueLog();
  const file = log.file(opened.label);
  // Team and locator names are decoded only for a filter that reads them.
  const byTeam = teams !== null;
  const byLocator = locators !== null;
  await readCsvTable(opened, 'leads', file, { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone }, (columns) =>
    responseRowVisitor(columns, file, options.timeZone, (row) => {
      heatmap.add(row.createdAt, row.firstContactAt, byTeam ? row.text('team') : null, byLocator ? row.text('locator') : null);
    }),
  );
  if (options.strict) {
    const errors = log.errors();
    if (errors.length > 0) throw new DataQualityError(errors);
  }
  return { cells: heatmap.cells(), issues: log.issues, stats: log.stats() };
}
