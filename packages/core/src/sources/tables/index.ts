// Re-exports only: the public surface of the Parquet, Arrow and NDJSON readers (the helpers marked @internal stay private).
export type { TableFormat } from './table-format.js';
export { TABLE_FORMATS, tableFormatOf } from './table-format.js';
export type { TableFileInput } from './open-table-input.js';
export { aggregateFileBySlot, loadFiles, loadFilesColumnar } from './load-files.js';
export type { LoadFilesOptions } from './load-files.js';
export { rowsInput } from './rows-input.js';
export type { RowsColumnKind, RowsTable } from './rows-input.js';
