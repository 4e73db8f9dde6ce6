// The check of table-content.ts for a reader other than core's: `--engine duckdb` hands file paths to DuckDB (packages/sql), which would
// read a workbook or a PDF named .csv as CSV and fail with its own message. It asks here first, so that the user reads core's.
import { CsvReadError } from '../csv/csv-read-error.js';
import { contentKindOf } from './content-kind.js';
import { fileBytes } from './table-bytes.js';
import { fileHead, notATable } from './table-content.js';
import { zipTableEntry } from './zip-archive.js';

/**
 * What a table file's first bytes say it holds, for a reader other than Panopticon's own to open it as what it is: `text` (CSV or NDJSON:
 * its name says which), `gzip`, `parquet`, `arrow` (an Arrow IPC file), or `zip` (an archive of one table file). What is no table (an
 * Excel or OpenDocument workbook, a PDF, binary bytes, an archive of several table files or none) throws the {@link CsvReadError}
 * `loadFiles` throws for it. A file that cannot be opened is `text`: its reader then says why.
 *
 * @example
 * ```ts
 * const content = await tableFileContent('exports/leads.csv'); // 'parquet' for Parquet named .csv; throws for a workbook
 * ```
 */
export async function tableFileContent(path: string, label = path): Promise<'text' | 'gzip' | 'zip' | 'parquet' | 'arrow'> {
  const head = await fileHead(path);
  if (head === null) return 'text';
  const kind = contentKindOf(head);
  if (kind === 'xls' || kind === 'pdf' || kind === 'binary') throw new CsvReadError(label, path, new Error(notATable(kind)));
  if (kind === 'zip') {
    try {
      await zipTableEntry(await fileBytes(path, label).asyncBuffer());
    } catch (error) {
      throw error instanceof CsvReadError ? error : new CsvReadError(label, path, error);
    }
  }
  return kind;
}
