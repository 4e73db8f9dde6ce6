import type { CellKind } from './csv-cells.js';
import { cellText, csvLine } from './csv-cells.js';
import type { ReadColumns } from './read-columns.js';
import type { TableBytes } from './table-bytes.js';

/**
 * An Arrow IPC file or stream (Feather v2 is the IPC file format) as the text of the same table written as CSV (header first), a record
 * batch at a time; a column no reader reads (`read`) is left empty. Loads `apache-arrow` only when called. @internal
 */
export async function* arrowAsCsv(source: TableBytes, delimiter: string, read: ReadColumns): AsyncGenerator<string, void, undefined> {
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
  yield csvLine(names, delimiter);
  const wanted = read(names);
  const cells: string[] = names.map(() => '');
  for (const batch of reader) {
    const vectors = fields.map((_, j) => (wanted[j] ? batch.getChildAt(j) : null));
    const parts: string[] = [];
    for (let i = 0; i < batch.numRows; i++) {
      for (let j = 0; j < vectors.length; j++) {
        const vector = vectors[j];
        if (vector) cells[j] = cellText(vector.get(i), kinds[j]!);
      }
      parts.push(csvLine(cells, delimiter));
    }
    yield parts.join('');
  }
}
