import type { CellKind } from './csv-cells.js';
import { cellText, csvLine } from './csv-cells.js';
import type { TableBytes } from './table-bytes.js';

/**
 * An Arrow IPC file or stream (Feather v2 is the IPC file format) as the text of the same table written as CSV (header first), a record
 * batch at a time. Loads `apache-arrow` only when called. @internal
 */
export async function* arrowAsCsv(source: TableBytes, delimiter: string): AsyncGenerator<string, void, undefined> {
  const { DataType, RecordBatchReader } = await import('apache-arrow');
  const reader = RecordBatchReader.from(await source.all());
  reader.open();
  const fields = reader.schema.fields;
  const kinds: CellKind[] = fields.map(({ type }) => {
    if (DataType.isTimestamp(type)) return type.timezone ? 'instant' : 'wall';
    if (DataType.isDate(type)) return 'date';
    return 'value';
  });
  yield csvLine(
    fields.map((field) => cellText(field.name, 'value')),
    delimiter,
  );
  for (const batch of reader) {
    const vectors = fields.map((_, j) => batch.getChildAt(j)!);
    const parts: string[] = [];
    for (let i = 0; i < batch.numRows; i++)
      parts.push(
        csvLine(
          vectors.map((vector, j) => cellText(vector.get(i), kinds[j]!)),
          delimiter,
        ),
      );
    yield parts.join('');
  }
}
