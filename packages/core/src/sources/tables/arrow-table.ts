import type { CellKind } from './csv-cells.js';
import { CsvBytesWriter } from './csv-bytes.js';
import type { ReadColumns } from './read-columns.js';
import type { TableBytes } from './table-bytes.js';

/**
 * An Arrow IPC file or stream (Feather v2 is the IPC file format) as the text of the same table written as CSV (header first), a record
 * batch at a time; a column no reader reads (`read`) is left empty. Loads `apache-arrow` only when called. @internal
 */
export async function* arrowAsCsv(
  source: TableBytes,
  delimiter: string,
  read: ReadColumns,
): AsyncGenerator<string | Uint8Array, void, undefined> {
  const { DataType, RecordBatchReader } = await import('apache-arrow');
  const reader = RecordBatchReader.from(await source.all());
  reader.open();
  const fields = reader.schema.fields;
  const kinds: CellKind[] = fields.map(({ type }) => {
    if (DataType.isTimestamp(type)) return type.timezone ? 'instant' : 'wall';
    if (DataType.isDate(type)) return 'date';
    return 'value';
  });
  const names = fields.map((field) => field.name);
  // The header as bytes too: the reader treats the first bytes (a byte-order mark) as it does a CSV file's.
  const writer = new CsvBytesWriter(delimiter);
  for (const name of names) writer.cell(name, 'value');
  writer.line();
  const wanted = read(names);
  for (const batch of reader) {
    const vectors = fields.map((_, j) => (wanted[j] ? batch.getChildAt(j) : null));
    for (let i = 0; i < batch.numRows; i++) {
      for (let j = 0; j < vectors.length; j++) writer.cell(vectors[j] ? vectors[j]!.get(i) : null, kinds[j]!);
      writer.line();
    }
    yield writer.take();
  }
}
