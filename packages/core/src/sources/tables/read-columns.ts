import type { CsvColumnMapping, CsvFileKind } from '../csv/columns.js';
import { resolveColumns } from '../csv/columns.js';

/** Which of a table's columns (by header) the CSV readers will read: the others need not be decoded. @internal */
export type ReadColumns = (headers: readonly string[]) => boolean[];

/**
 * The columns the reader of a kind of file reads, found as it finds them (`resolveColumns`: the mapping, the default names, the CRM
 * labels). When the header lacks a required column every column is read, so that the reader words the error itself. @internal
 */
export function columnsRead(kind: CsvFileKind, columns: CsvColumnMapping | undefined): ReadColumns {
  return (headers) => {
    try {
      const { index } = resolveColumns(kind, headers, { columns });
      const read = headers.map(() => false);
      for (const at of Object.values(index) as number[]) if (at >= 0) read[at] = true;
      return read;
    } catch {
      return headers.map(() => true);
    }
  };
}

/** Every column read (the kind of file unknown). @internal */
export const ALL_COLUMNS: ReadColumns = (headers) => headers.map(() => true);
