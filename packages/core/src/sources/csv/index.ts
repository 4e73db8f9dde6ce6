// Re-exports only: the public surface of the CSV source (the helpers marked @internal stay private).
export type { CsvChunk, CsvInput } from './csv-file-input.js';
export { parseTimestamp } from './timestamp.js';
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, UNKNOWN_STAGE } from './columns.js';
export type { CsvColumn, CsvColumnMapping, CsvFileKind } from './columns.js';
export { CsvColumnError } from './column-error.js';
export { CsvReadError } from './csv-read-error.js';
export type { CsvFileInput } from './csv-file-input.js';
export { loadCsv, loadCsvText } from './load-csv.js';
export type { LoadCsvOptions, LoadCsvTextOptions } from './load-csv.js';
// loadCsv with the histories as columns, for needsAttention and kpis given columns.
export { loadCsvColumnar } from './load-csv.js';
export type { ColumnarLoadResult } from './load-csv.js';
export { loadScheduleCsv } from './load-schedule-csv.js';
export type { LoadScheduleCsvOptions, ScheduleCsvResult } from './load-schedule-csv.js';
export { CsvSource } from './csv-source.js';
export { readResponseRows } from './read-response-rows.js';
export { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';
export type { AggregateCsvBySlotOptions, AggregateCsvBySlotResult } from './aggregate-csv-by-slot.js';
export type { ReadResponseRowsOptions, ResponseRow, ResponseRowReader } from './read-response-rows.js';
export type { CsvFormatOptions } from './csv-format-options.js';
export type { CsvEncoding } from './input-encoding.js';
export { CSV_ENCODINGS } from './input-encoding.js';
export type { DateFormat } from './date-formats.js';
export { DATE_FORMATS } from './date-formats.js';
export { CSV_COLUMN_LABELS } from './column-labels.js';
