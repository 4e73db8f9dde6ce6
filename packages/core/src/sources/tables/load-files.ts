import type { AggregateCsvBySlotOptions, AggregateCsvBySlotResult } from '../csv/aggregate-csv-by-slot.js';
import { aggregateCsvBySlot } from '../csv/aggregate-csv-by-slot.js';
import type { CsvColumnMapping, CsvFileKind } from '../csv/columns.js';
import { columnsRead } from './read-columns.js';
import { DEFAULT_CSV_FILE_NAMES } from '../csv/columns.js';
import type { CsvFileInput } from '../csv/csv-file-input.js';
import type { ColumnarLoadResult, LoadCsvOptions } from '../csv/load-csv.js';
import { loadCsv, loadCsvColumnar } from '../csv/load-csv.js';
import type { LoadResult } from '../source.js';
import type { TableFileInput } from './open-table-input.js';
import { openTableInput, tableFormatOfInput } from './open-table-input.js';
import { tablesMessages } from './messages.js';

/**
 * Options of {@link loadFiles}: those of `loadCsv`, with each file in any {@link TableFormat} (by its extension, or as {@link TableFileInput}
 * says). `delimiter` and `dateFormat` apply to the text a file holds (CSV cells, and Parquet, Arrow or JSON strings); `encoding` to CSV
 * files only (the other formats are UTF-8 by definition).
 *
 * @example
 * ```ts
 * const options: LoadFilesOptions = { leads: 'leads.parquet', stageHistory: 'stage_history.arrow', timeZone: 'America/Chicago' };
 * ```
 */
export interface LoadFilesOptions extends Omit<LoadCsvOptions, 'leads' | 'stageHistory' | 'ownerHistory' | 'schedule'> {
  /** The leads: leads.csv, leads.parquet, leads.arrow, leads.ndjson, … Required columns: `lead_id`, `received_time`. */
  leads: TableFileInput;
  /** The stage history (`lead_id`, `stage`, `changed_at`). Default: none. */
  stageHistory?: TableFileInput;
  /** The owner history (`lead_id`, `locator`, `changed_at`). Default: none. */
  ownerHistory?: TableFileInput;
  /** The staff schedule (`rep`, `day_of_week`, `shift_start`, `shift_end`). Default: none. */
  schedule?: TableFileInput;
}

/**
 * `loadCsv` for files in any of the formats of {@link TableFormat}: CSV, Parquet, Arrow IPC / Feather or NDJSON, each picked by its
 * extension. A file that is not CSV is read as the same table written as CSV, by the same readers: the same column recognition (the
 * defaults, the `columns` mapping, the CRM labels), the same rules per row and the same data-quality report. Typed times are instants
 * (a Parquet or Arrow timestamp without a zone is a wall-clock time, read in `timeZone` as CSV reads one; a date is the start of that day in
 * `timeZone`); strings go through the CSV timestamp parser; nulls are empty cells. An issue's `line` is the line the row has in the CSV of
 * the same table (the header is line 1, the first row line 2).
 *
 * @example
 * ```ts
 * const { leads, issues, cannotJudge } = await loadFiles({
 *   leads: 'exports/leads.parquet',
 *   stageHistory: 'exports/stage_history.parquet',
 *   timeZone: 'America/Chicago',
 * });
 * ```
 */
export async function loadFiles(options: LoadFilesOptions): Promise<LoadResult> {
  return loadCsv(openAll(options));
}

/**
 * {@link loadFiles} with the leads and their histories as columns, as `loadCsvColumnar` returns them.
 *
 * @example
 * ```ts
 * const data = await loadFilesColumnar({ leads: 'leads.arrow', stageHistory: 'stage_history.arrow', timeZone, pipeline });
 * const rows = needsAttention(data, { asOf, timeZone, pipeline });
 * ```
 */
export async function loadFilesColumnar(options: LoadFilesOptions): Promise<ColumnarLoadResult> {
  return loadCsvColumnar(openAll(options));
}

/**
 * `aggregateCsvBySlot` for a leads file in any {@link TableFormat}: the heatmap in one streaming pass, with the issues and stats of the
 * leads file. A file that is not CSV is read in one pass (the worker threads split CSV files only).
 *
 * @example
 * ```ts
 * const { cells } = await aggregateFileBySlot('leads.parquet', { timeZone: 'UTC', asOf: new Date('2026-01-01T00:00:00Z'), slotMinutes: 60 });
 * ```
 */
export async function aggregateFileBySlot(input: TableFileInput, options: AggregateCsvBySlotOptions): Promise<AggregateCsvBySlotResult> {
  assertEncodingFor([input], options.encoding);
  return aggregateCsvBySlot(open(input, 'leads', options), options);
}

function openAll(options: LoadFilesOptions): LoadCsvOptions {
  const { leads, stageHistory, ownerHistory, schedule, ...rest } = options;
  assertEncodingFor([leads, stageHistory, ownerHistory, schedule], options.encoding);
  return {
    ...rest,
    leads: open(leads, 'leads', options),
    ...(stageHistory !== undefined ? { stageHistory: open(stageHistory, 'stageHistory', options) } : {}),
    ...(ownerHistory !== undefined ? { ownerHistory: open(ownerHistory, 'ownerHistory', options) } : {}),
    ...(schedule !== undefined ? { schedule: open(schedule, 'schedule', options) } : {}),
  };
}

function open(input: TableFileInput, kind: CsvFileKind, options: { delimiter?: string; columns?: CsvColumnMapping }): CsvFileInput {
  return openTableInput(input, DEFAULT_CSV_FILE_NAMES[kind], options.delimiter ?? ',', columnsRead(kind, options.columns));
}

/** A text encoding other than UTF-8 forced on a file that is not CSV: refused, since Parquet, Arrow and JSON text is UTF-8. */
function assertEncodingFor(inputs: readonly (TableFileInput | undefined)[], encoding: string | undefined): void {
  if (encoding === undefined || encoding === 'auto' || encoding === 'utf-8') return;
  for (const input of inputs) {
    const format = input === undefined ? 'csv' : tableFormatOfInput(input);
    if (format !== 'csv') throw new RangeError(tablesMessages.encodingNotCsv(encoding, format));
  }
}
