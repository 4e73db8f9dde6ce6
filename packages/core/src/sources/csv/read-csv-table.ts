import { csvMessages } from '../messages.js';
import type { CsvColumnMapping, CsvFileKind, ResolvedColumns } from './columns.js';
import { resolveColumns } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import { parseCsvBatches } from './parse-csv.js';

/** Options shared by the readers of every CSV file. @internal */
export interface ReadCsvTableOptions {
  columns?: CsvColumnMapping;
  delimiter?: string;
}

/** Handles one data row whose shape is sound: as many fields as the header, quoting intact. @internal */
export type RowVisitor = (fields: string[], line: number) => void;

// A row quoted back in an issue is cut here: enough to recognize it, not a megabyte of broken quoting.
const MAX_VALUE_LENGTH = 200;

/**
 * Streams a CSV file with a header row: resolves the columns from the header (throwing a
 * `CsvColumnError` when one is missing), rejects rows whose quoting is broken or whose field count
 * differs from the header's, and hands every other row to the visitor `begin` returns. Those rows are
 * not counted here: the visitor counts each (`beginRow` … `endRow`). An empty file is a warning.
 *
 * Yields (nothing) after each chunk's rows, so that a caller streaming results can hand on what the
 * visitor collected; {@link readCsvTable} just runs it to the end.
 * @internal
 */
export async function* streamCsvTable<K extends CsvFileKind>(
  input: OpenedCsvInput,
  kind: K,
  file: FileLog,
  options: ReadCsvTableOptions,
  begin: (columns: ResolvedColumns<K>) => RowVisitor,
): AsyncGenerator<void, void, undefined> {
  let columns: ResolvedColumns<K> | undefined;
  let visit: RowVisitor | undefined;
  let idIndex = -1;
  for await (const batch of parseCsvBatches(input.chunks, { delimiter: options.delimiter ?? ',' })) {
    for (const record of batch) {
      const { fields, line } = record;
      if (columns === undefined || visit === undefined) {
        columns = resolveColumns(kind, fields, { columns: options.columns, file: input.label });
        for (const { header, column } of columns.duplicates) {
          file.warning(CSV_ISSUE_CODES.duplicateColumn, csvMessages.duplicateColumn(header, column), { line, field: header });
        }
        idIndex = (columns.index as Record<string, number>)['lead_id'] ?? -1;
        visit = begin(columns);
        continue;
      }
      if (record.error === undefined && fields.length === columns.width) {
        visit(fields, line);
        continue;
      }
      file.beginRow();
      const recordId = idIndex >= 0 && idIndex < fields.length ? fields[idIndex]!.trim() : undefined;
      if (record.error !== undefined) {
        const at = record.errorField ?? fields.length - 1;
        const unterminated = record.error === 'unterminated-quote';
        file.error(
          unterminated ? CSV_ISSUE_CODES.unterminatedQuote : CSV_ISSUE_CODES.malformedQuote,
          unterminated ? csvMessages.unterminatedQuote() : csvMessages.malformedQuote(),
          { line, recordId, field: headerName(columns, at), value: clip(fields[at]!) },
        );
      } else {
        file.error(CSV_ISSUE_CODES.wrongFieldCount, csvMessages.wrongFieldCount(columns.width, fields.length), {
          line,
          recordId,
          value: clip(fields.join(options.delimiter ?? ',')),
        });
      }
      file.endRow();
    }
    yield;
  }
  if (columns === undefined) file.warning(CSV_ISSUE_CODES.emptyFile, csvMessages.emptyFile(), {});
}

/** {@link streamCsvTable} run to the end. @internal */
export async function readCsvTable<K extends CsvFileKind>(
  input: OpenedCsvInput,
  kind: K,
  file: FileLog,
  options: ReadCsvTableOptions,
  begin: (columns: ResolvedColumns<K>) => RowVisitor,
): Promise<void> {
  for await (const _ of streamCsvTable(input, kind, file, options, begin));
}

/** The header (as written) of the field at `index`, if the header has one. */
function headerName<K extends CsvFileKind>(columns: ResolvedColumns<K>, index: number): string | undefined {
  return columns.headers[index];
}

function clip(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
