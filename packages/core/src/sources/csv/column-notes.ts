import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { csvMessages } from '../messages.js';
import type { CsvFileKind, ResolvedColumns } from './columns.js';
import type { FileLog } from './file-log.js';

/**
 * States how the header of a file was read, as `info` issues on its header line: each column found by a
 * CRM export's label or by the mapping ("read 'Lead Owner' as locator"), and once, every header no
 * column reads. A column found by its own snake_case name needs no word. @internal
 */
export function reportColumnReading<K extends CsvFileKind>(columns: ResolvedColumns<K>, file: FileLog, line: number): void {
  for (const { header, column, how } of columns.matches) {
    // The user named a mapped column; a default name needs no word either.
    if (how === 'mapped' || (how === 'default' && header.toLowerCase() === column)) continue;
    file.info(DATA_ISSUE_CODES.columnReadAs, csvMessages.columnReadAs(header, column), { line, field: header });
  }
  if (columns.unread.length > 0) file.info(DATA_ISSUE_CODES.columnNotRead, csvMessages.columnsNotRead(columns.unread), { line });
}
