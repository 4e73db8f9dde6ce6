import type { AggregateBySlotOptions, HeatmapCell } from '../../response/heatmap.js';
import { resolveSlotOptions } from '../../response/slot-aggregator.js';
import { csvMessages } from '../messages.js';
import type { DataIssue, LoadStats } from '../source.js';
import { DataQualityError } from '../source.js';
import type { CsvColumnMapping } from './columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { assertCsvFormat } from './csv-format-options.js';
import { readHeatmapOfPath } from './heatmap-of-path.js';
import { readHeatmap } from './heatmap-pieces.js';

/**
 * Options of {@link aggregateCsvBySlot}: those of `aggregateBySlot`, and how to read the file.
 *
 * @example
 * ```ts
 * const options: AggregateCsvBySlotOptions = { timeZone: 'America/Chicago', slotMinutes: 60, columns: { leads: { received_time: 'Created Time' } } };
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
   * Worker threads that read pieces of a file path alongside the calling thread (Node only; ignored for text and streams). Default: one per
   * core beyond the first (at most 3) for files of 4 MB or more, otherwise 0. A path of 4 MB or more (or any path given workers) keeps no
   * lead id in memory whatever the number: see {@link aggregateCsvBySlot}.
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
 * The response heatmap of a leads file (a response-time export of millions of rows), streamed without building leads: exactly
 * `aggregateBySlot` over the leads `loadCsv` accepts, with the issues and row accounting of `readResponseRows` (it is that reading, fed to
 * a `createSlotAggregator`; a large file is read in line-aligned pieces by worker threads, each with that same reading, see `workers`).
 * Memory: a file path of 4 MB or more keeps no lead id; duplicate ids are decided from 60-bit keys of the ids written to a temporary folder
 * (`os.tmpdir()`, removed before this returns), and a file with duplicate ids is read twice (docs/performance.md). Text, chunks and streams
 * are read once, keeping every id.
 *
 * @example
 * ```ts
 * const { cells, issues, stats } = await aggregateCsvBySlot('exports/leads.csv', { timeZone: 'America/Chicago' });
 * console.log(`${stats.accepted} leads, ${issues.length} issues`);
 * ```
 */
export async function aggregateCsvBySlot(input: CsvFileInput, options: AggregateCsvBySlotOptions): Promise<AggregateCsvBySlotResult> {
  resolveSlotOptions(options);
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  const { workers } = options;
  const path = typeof input === 'string' ? input : 'path' in input ? input.path : undefined;
  if (path !== undefined && workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new RangeError(csvMessages.badWorkers(workers));
  const opened = openCsvInput(input, DEFAULT_CSV_FILE_NAMES.leads, options.label);
  const large = path === undefined ? null : await readHeatmapOfPath(path, opened.label, options, workers);
  let result: AggregateCsvBySlotResult;
  if (large === null) {
    const { heatmap, log } = await readHeatmap(opened, options);
    result = { cells: heatmap.cells(), issues: log.issues, stats: log.stats() };
  } else {
    const { heatmap, issues, rows, rejected } = large;
    const counts = { rows, accepted: rows - rejected, rejected };
    result = { cells: heatmap.cells(), issues, stats: { ...counts, inputs: { [opened.label]: { ...counts } } } };
  }
  if (options.strict) {
    const errors = result.issues.filter((issue) => issue.severity === 'error');
    if (errors.length > 0) throw new DataQualityError(errors);
  }
  return result;
}
