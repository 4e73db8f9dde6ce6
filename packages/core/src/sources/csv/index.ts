// Re-exports only: the public surface of the CSV source (the helpers marked @internal stay private).
export { CsvParser, parseCsv, parseCsvBatches, parseCsvText } from './parse-csv.js';
export type { CsvChunk, CsvInput, CsvRecord, CsvRecordError, ParseCsvOptions } from './parse-csv.js';
export { createTimestampParser, parseTimestamp } from './timestamp.js';
export type { TimestampParser } from './timestamp.js';
export { parseWeekday } from './weekday.js';
export { parseTimeOfDay } from './time-of-day.js';
export {
  CSV_COLUMNS,
  DEFAULT_CSV_FILE_NAMES,
  REQUIRED_CSV_COLUMNS,
  UNKNOWN_STAGE,
  assertColumnMapping,
  resolveColumns,
} from './columns.js';
export type { CsvColumn, CsvColumnMapping, CsvFileKind, ResolveColumnsOptions, ResolvedColumns } from './columns.js';
export { CsvColumnError } from './column-error.js';
export { CsvReadError } from './csv-read-error.js';
export { CSV_ISSUE_CODES } from './issue-codes.js';
export type { CsvIssueCode } from './issue-codes.js';
export type { CsvFileInput } from './csv-file-input.js';
export { loadCsv, loadCsvText } from './load-csv.js';
export type { LoadCsvOptions, LoadCsvTextOptions } from './load-csv.js';
// loadCsv with the histories as columns, for needsAttentionColumnar and kpisColumnar.
export { loadCsvColumnar } from './load-csv.js';
export type { ColumnarLoadResult } from './load-csv.js';
export type { HistoryColumns } from './history-columns.js';
export { loadScheduleCsv } from './load-schedule-csv.js';
export type { LoadScheduleCsvOptions, ScheduleCsvResult } from './load-schedule-csv.js';
export { CsvSource } from './csv-source.js';
export { readResponseRows } from './read-response-rows.js';
export { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';
export type { AggregateCsvBySlotOptions, AggregateCsvBySlotResult } from './aggregate-csv-by-slot.js';
export type { ReadResponseRowsOptions, ResponseRow, ResponseRowReader } from './read-response-rows.js';
