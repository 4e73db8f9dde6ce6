// Re-exports only: `@panopticon/core/files`, the one public reading API (the helpers marked @internal stay private).
export type { AggregateFileBySlotOptions, AggregateFileBySlotResult, ColumnarLoadResult, LoadFilesOptions } from './load-files.js';
export type { LoadScheduleFileOptions, ScheduleFileResult } from './load-files.js';
export { aggregateFileBySlot, loadFiles, loadFilesColumnar, loadScheduleFile } from './load-files.js';
export type { TableFileInput } from './open-table-input.js';
export type { TableFormat } from './table-format.js';
export { TABLE_FORMATS, tableFormatOf } from './table-format.js';
export type { CsvChunk, CsvFileInput, CsvInput } from '../csv/csv-file-input.js';
export { parseTimestamp } from '../csv/timestamp.js';
export { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, UNKNOWN_STAGE } from '../csv/columns.js';
export type { CsvColumn, CsvColumnMapping, CsvFileKind } from '../csv/columns.js';
export { CsvColumnError } from '../csv/column-error.js';
export { CsvReadError } from '../csv/csv-read-error.js';
export type { CsvFormatOptions } from '../csv/csv-format-options.js';
export type { CsvEncoding } from '../csv/input-encoding.js';
export { CSV_ENCODINGS } from '../csv/input-encoding.js';
export type { DateFormat } from '../csv/date-formats.js';
export { DATE_FORMATS } from '../csv/date-formats.js';
export { CSV_COLUMN_LABELS } from '../csv/column-labels.js';
