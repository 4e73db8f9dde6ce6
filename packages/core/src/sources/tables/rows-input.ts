// A table of rows (from a database cursor, an API, a generator) as a table input of loadFiles: the rows are
// written as the cells of the same table in CSV (csv-bytes.ts), so that they are read by the CSV readers
// with the CSV rules and data-quality report, as Parquet, Arrow and NDJSON are (open-table-input.ts).
import { CsvBytesWriter } from './csv-bytes.js';
import type { TableFileInput } from './open-table-input.js';

/**
 * How a column's typed values are read: `instant` (a `Date` or epoch milliseconds is that instant), `wall` (epoch milliseconds of a
 * wall-clock time without a zone, read in the team's zone as a CSV timestamp without an offset is), `date` (a calendar date), or `value`
 * (anything else: its text). A string is read as CSV reads its text, whatever the kind.
 *
 * @example
 * ```ts
 * const kind: RowsColumnKind = 'wall'; // a PostgreSQL `timestamp without time zone`, a Parquet timestamp with no zone
 * ```
 */
// The kinds csv-cells.ts writes (its `CellKind`), named here for the public surface.
export type RowsColumnKind = 'instant' | 'wall' | 'date' | 'value';

/**
 * A table given as rows: its columns (canonical names, as a CSV header would hold them, with the kind of their values) and its rows, one
 * array of values a row in the columns' order. `null` and `undefined` are empty cells.
 *
 * @example
 * ```ts
 * const table: RowsTable = {
 *   label: 'sql.leads',
 *   columns: [{ name: 'lead_id' }, { name: 'received_time', kind: 'instant' }],
 *   rows: [['L1', new Date('2026-03-02T09:00:00Z')]],
 * };
 * ```
 */
export interface RowsTable {
  /** The table's name in issues and stats (where a file's name stands): a query's config key, a table name. */
  label: string;
  /** The columns in order; `kind` defaults to `value`. */
  columns: readonly { name: string; kind?: RowsColumnKind }[];
  /** The rows, in order (an async iterable is read as it comes: one batch of text in memory at a time). */
  rows: AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;
}

/** How many bytes of text are gathered before they are handed to the reader. */
const CHUNK_BYTES = 1 << 16;

/**
 * A table of rows as an input of `loadFiles`, `loadFilesColumnar` and `aggregateFileBySlot`: read by the CSV readers, with the same
 * column recognition (the defaults, a `columns` mapping, the CRM labels), the same rules per row and the same data-quality report as a CSV
 * file of the same table. An issue names the table by its `label`, and its `line` is the row's number plus one (the header is line 1, the
 * first row line 2), as for every table that is not CSV. The rows are read once, as the reader asks for them. Give the loader no
 * `delimiter` (the text is written with commas) and no `encoding`.
 *
 * @example
 * ```ts
 * const leads = rowsInput({
 *   label: 'sql.leads',
 *   columns: [{ name: 'lead_id' }, { name: 'received_time', kind: 'instant' }, { name: 'first_contact_time', kind: 'instant' }],
 *   rows: [['L1', new Date('2026-03-02T09:00:00Z'), new Date('2026-03-02T09:12:00Z')]],
 * });
 * const { leads: loaded, issues } = await loadFiles({ leads, timeZone: 'America/Chicago' });
 * ```
 */
export function rowsInput(table: RowsTable): TableFileInput & { chunks: AsyncIterable<Uint8Array>; label: string } {
  return { chunks: rowsAsCsv(table), label: table.label };
}

async function* rowsAsCsv({ columns, rows }: RowsTable): AsyncGenerator<Uint8Array, void, undefined> {
  const writer = new CsvBytesWriter(',');
  const kinds = columns.map((c) => c.kind ?? 'value');
  for (const { name } of columns) writer.cell(name, 'value');
  writer.line();
  for await (const row of rows) {
    for (let j = 0; j < kinds.length; j++) writer.cell(row[j], kinds[j]!);
    writer.line();
    if (writer.size >= CHUNK_BYTES) yield writer.take();
  }
  yield writer.take();
}
