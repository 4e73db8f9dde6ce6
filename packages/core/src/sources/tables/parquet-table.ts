import type { CellKind } from './csv-cells.js';
import { cellText, csvLine } from './csv-cells.js';
import type { TableBytes } from './table-bytes.js';

// How many rows are turned into CSV text at a time (a row group is read in slices of this size).
const SLICE_ROWS = 50_000;

/**
 * A Parquet file as the text of the same table written as CSV (header first), a slice of rows at a time: what the CSV readers then read
 * with their own rules. Loads `hyparquet` only when called. @internal
 */
export async function* parquetAsCsv(source: TableBytes, delimiter: string): AsyncGenerator<string, void, undefined> {
  const { parquetMetadataAsync, parquetRead, parquetSchema } = await import('hyparquet');
  const file = await source.asyncBuffer();
  const metadata = await parquetMetadataAsync(file);
  const columns = parquetSchema(metadata).children.map((child) => ({ name: child.element.name, kind: cellKind(child.element) }));
  yield csvLine(
    columns.map((c) => cellText(c.name, 'value')),
    delimiter,
  );
  const total = Number(metadata.num_rows);
  for (let start = 0; start < total; start += SLICE_ROWS) {
    let text = '';
    await parquetRead({
      file,
      metadata,
      rowStart: start,
      rowEnd: Math.min(total, start + SLICE_ROWS),
      onComplete: (rows: unknown[][]) => {
        const parts: string[] = [];
        for (const row of rows)
          parts.push(
            csvLine(
              columns.map((c, j) => cellText(row[j], c.kind)),
              delimiter,
            ),
          );
        text = parts.join('');
      },
    });
    yield text;
  }
}

interface ParquetElement {
  type?: string;
  converted_type?: string;
  logical_type?: { type: string; isAdjustedToUTC?: boolean };
}

/** How a Parquet column's values are written: a timestamp not adjusted to UTC is a wall-clock time, DATE a date. */
function cellKind(element: ParquetElement): CellKind {
  const logical = element.logical_type;
  if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC === false ? 'wall' : 'instant';
  if (logical?.type === 'DATE' || element.converted_type === 'DATE') return 'date';
  if (element.converted_type === 'TIMESTAMP_MILLIS' || element.converted_type === 'TIMESTAMP_MICROS' || element.type === 'INT96') {
    return 'instant';
  }
  return 'value';
}
