import { csvMessages } from '../messages.js';
import type { CsvColumn, ResolvedColumns } from './columns.js';
import type { FileLog } from './file-log.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import type { TimestampParser } from './timestamp.js';

type LeadColumn = CsvColumn<'leads'>;

/**
 * Reads the fields every use of leads.csv needs (lead_id, received_time, first_contact_time) with their
 * data-quality rules, shared by `loadCsv` and the lean `readResponseRows` so both account for rows the
 * same way. Results of the last {@link read} are left in fields rather than returned, so the hot path
 * allocates nothing per row. @internal
 */
export class LeadRowReader {
  /** The trimmed lead id of the last row read ('' when empty). */
  id = '';
  /** received_time of the last row read, epoch ms; NaN when missing or unreadable (the row has an error). */
  createdAt = Number.NaN;
  /** first_contact_time of the last row read, epoch ms, or null. */
  firstContactAt: number | null = null;
  /**
   * The line of every lead id's first row, accepted or not: two rows for one lead are a duplicate even
   * when the first is rejected for another reason, since which row is right is for a person to decide.
   * (Rows rejected for their shape, with too many or too few fields, never get here: their id may not be one.)
   */
  readonly firstLines = new Map<string, number>();

  constructor(
    private readonly columns: ResolvedColumns<'leads'>,
    private readonly file: FileLog,
    private readonly parse: TimestampParser,
  ) {}

  /** Begins a row (`file.beginRow()`) and reads its id, received and first-contact times. */
  read(fields: string[], line: number): void {
    const { index, name } = this.columns;
    const file = this.file;
    file.beginRow();

    const rawId = fields[index.lead_id]!;
    const id = rawId.trim();
    this.id = id;
    if (id === '') {
      file.error(CSV_ISSUE_CODES.missingValue, csvMessages.missingValue(name.lead_id), { line, field: name.lead_id, value: rawId });
    } else {
      const first = this.firstLines.get(id);
      if (first === undefined) this.firstLines.set(id, line);
      else {
        file.error(CSV_ISSUE_CODES.duplicateId, csvMessages.duplicateId(id, first), {
          line,
          recordId: id,
          field: name.lead_id,
          value: id,
        });
      }
    }

    const received = fields[index.received_time]!;
    this.createdAt = Number.NaN;
    if (isBlank(received)) {
      file.error(CSV_ISSUE_CODES.missingValue, csvMessages.missingValue(name.received_time), {
        line,
        recordId: id,
        field: name.received_time,
        value: received,
      });
    } else {
      const at = this.parse(received);
      if (at === null) {
        file.error(CSV_ISSUE_CODES.unparseableTimestamp, csvMessages.unparseableTimestamp(name.received_time, received, true), {
          line,
          recordId: id,
          field: name.received_time,
          value: received,
        });
      } else this.createdAt = at;
    }

    const contact = this.timestamp(fields, line, 'first_contact_time');
    this.firstContactAt = contact;
    if (contact !== null && contact < this.createdAt) {
      const field = name.first_contact_time;
      file.warning(
        CSV_ISSUE_CODES.contactBeforeCreated,
        csvMessages.contactBeforeCreated(fields[index.first_contact_time]!.trim(), received.trim()),
        {
          line,
          recordId: id,
          field,
          value: fields[index.first_contact_time]!,
        },
      );
    }
  }

  /**
   * An optional timestamp column of the row: null when the file has no such column or the cell is empty;
   * null with a warning when the text is not a timestamp (the row is kept).
   */
  timestamp(fields: string[], line: number, column: LeadColumn): number | null {
    const at = this.columns.index[column];
    if (at < 0) return null;
    const text = fields[at]!;
    if (isBlank(text)) return null;
    const value = this.parse(text);
    if (value === null) {
      const field = this.columns.name[column];
      this.file.warning(CSV_ISSUE_CODES.unparseableTimestamp, csvMessages.unparseableTimestamp(field, text, false), {
        line,
        recordId: this.id,
        field,
        value: text,
      });
    }
    return value;
  }

  /** An optional text column of the row, trimmed; null when absent or empty. */
  text(fields: string[], column: LeadColumn): string | null {
    const at = this.columns.index[column];
    if (at < 0) return null;
    const text = fields[at]!.trim();
    return text === '' ? null : text;
  }
}

/** Empty or only spaces/tabs. */
export function isBlank(text: string): boolean {
  return text === '' || text.trim() === '';
}
