import { getZone } from '../../time/zone.js';
import { csvMessages } from '../messages.js';
import { ByteInterner } from './byte-interner.js';
import type { CsvColumn, ResolvedColumns } from './columns.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import type { LeadIds } from './lead-ids.js';
import { plainNumberBytes } from './numeric-id-set.js';
import { timestampReaderFor } from './date-formats.js';
import type { ByteTimestampParser, TimestampBytesReader } from './timestamp.js';
import { timestampParser } from './timestamp.js';
import { parseText } from './timestamp.js';

type LeadColumn = CsvColumn<'leads'>;

/**
 * The rules for the fields every use of leads.csv reads (lead_id, received_time, first_contact_time), shared by `loadFiles`,
 * `readResponseRows` and the CSV heatmap, so that all of them accept the same rows and word the same issues. @internal
 */
export class LeadRowReader {
  /** The trimmed lead id of the last row read as text ('' when empty); for a row read from bytes, see {@link idText}. */
  id = '';
  /** received_time of the last row read, epoch ms; NaN when missing or unreadable (the row has an error). */
  createdAt = Number.NaN;
  /** first_contact_time of the last row read, epoch ms; NaN when none (a field that only ever holds numbers is not boxed per row). */
  private contactMs = Number.NaN;
  /** The zone's ISO parser (whose `gaps` count says when a wall-clock time fell in a DST gap). */
  readonly times: ByteTimestampParser;
  /** The readers of received_time and first_contact_time: ISO, or the format detected for the column. */
  private readonly receivedTimes: TimestampBytesReader;
  private readonly contactTimes: TimestampBytesReader;
  private fields: string[] | null = null;
  private buf: Uint8Array = new Uint8Array(0);
  private starts: Int32Array = new Int32Array(0);
  private ends: Int32Array = new Int32Array(0);
  private readonly texts = new ByteInterner();
  private readonly idAt: number;
  private readonly receivedAt: number;
  private readonly contactAt: number;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    private readonly columns: ResolvedColumns<'leads'>,
    private readonly file: FileLog,
    timeZone: string,
    /**
     * The line of every lead id's first row, accepted or not: two rows for one lead are a duplicate even when the first is rejected for
     * another reason, since which row is right is for a person to decide.
     */
    readonly ids: LeadIds,
  ) {
    this.times = timestampParser(getZone(timeZone));
    this.receivedTimes = this.timesOf('received_time');
    this.contactTimes = this.timesOf('first_contact_time');
    ({ lead_id: this.idAt, received_time: this.receivedAt, first_contact_time: this.contactAt } = columns.index);
  }

  /** Begins a row (`file.beginRow()`) and reads its id, received and first-contact times with every rule. */
  read(fields: string[], line: number): void {
    const { index, name } = this.columns;
    const file = this.file;
    this.fields = fields;
    file.beginRow();

    const rawId = fields[index.lead_id]!;
    const id = rawId.trim();
    this.id = id;
    if (id === '') {
      file.error(DATA_ISSUE_CODES.missingValue, csvMessages.missingValue(name.lead_id), { line, field: name.lead_id, value: rawId });
    } else {
      const first = this.ids.add(id, line);
      if (first !== 0) {
        file.error(DATA_ISSUE_CODES.duplicateId, csvMessages.duplicateId(id, first), {
          line,
          recordId: id,
          field: name.lead_id,
          value: id,
        });
      }
    }

    const received = fields[index.received_time]!;
    this.createdAt = requiredTimestamp(file, this.receivedTimes, this.times, received, { line, recordId: id, field: name.received_time });

    const contact = this.timestamp(line, 'first_contact_time');
    this.contactMs = contact ?? Number.NaN;
    if (contact !== null && contact < this.createdAt) {
      const field = name.first_contact_time;
      file.warning(
        DATA_ISSUE_CODES.contactBeforeCreated,
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
   * An optional timestamp column of the row read as text: null when the file has no such column or the cell is empty; null with a warning
   * when the text is not a timestamp (the row is kept).
   */
  timestamp(line: number, column: LeadColumn): number | null {
    const at = this.columns.index[column];
    if (at < 0) return null;
    const text = this.fields![at]!;
    if (isBlank(text)) return null;
    const field = this.columns.name[column];
    const value = readTimestampText(this.timesOf(column), this.times, text, this.file, { line, recordId: this.id, field });
    if (value === null) {
      this.file.warning(DATA_ISSUE_CODES.unparseableTimestamp, csvMessages.unparseableTimestamp(field, text, false), {
        line,
        recordId: this.id,
        field,
        value: text,
      });
    }
    return value;
  }

  /** first_contact_time of the last row read, epoch ms, or null. */
  get firstContactAt(): number | null {
    return this.contactMs === this.contactMs ? this.contactMs : null;
  }

  /** The reader of a timestamp column: the zone's ISO parser, or the format detected for the column. */
  timesOf(column: LeadColumn): TimestampBytesReader {
    return timestampReaderFor(this.columns.dates[column], this.times);
  }

  /** An optional text column of the last row, trimmed; null when absent or empty. */
  text(column: LeadColumn): string | null {
    return this.textAt(this.columns.index[column]);
  }

  /** {@link text} of the field at `at` (-1: the file has no such column). */
  textAt(at: number): string | null {
    if (this.fields === null) return this.bytesTextAt(at);
    const text = at < 0 ? '' : this.fields[at]!.trim();
    return text === '' ? null : text;
  }

  /**
   * {@link textAt} for a row read by {@link readBytes}: what the fast path calls, so that its compiled code is not thrown away when a row
   * read as text first takes the other way.
   */
  bytesTextAt(at: number): string | null {
    if (at < 0) return null;
    const text = this.texts.get(this.buf, this.starts[at]!, this.ends[at]!);
    return text === '' ? null : text;
  }

  /**
   * Reads the times of a row from its bytes when they raise no issue: a readable received_time, and a first_contact_time empty or readable
   * and not before it.
   */
  readBytes(buf: Uint8Array, starts: Int32Array, ends: Int32Array): boolean {
    const { receivedAt, contactAt } = this;
    const gaps = this.times.gaps;
    const created = this.receivedTimes.parse(buf, starts[receivedAt]!, ends[receivedAt]!);
    if (created !== created) return false;
    let contact = Number.NaN;
    if (contactAt >= 0 && ends[contactAt] !== starts[contactAt]) {
      contact = this.contactTimes.parse(buf, starts[contactAt]!, ends[contactAt]!);
      // Unreadable (or blank with spaces), or before arrival: a warning, which the text rules word.
      if (!(contact >= created)) return false;
    }
    // A wall-clock time in a DST gap: a warning, which the text rules word.
    if (this.times.gaps !== gaps) return false;
    this.createdAt = created;
    this.contactMs = contact;
    this.fields = null;
    this.buf = buf;
    this.starts = starts;
    this.ends = ends;
    return true;
  }

  /** The id of a row read by {@link readBytes}, when it raises no issue: not empty, not padded, and new. */
  claimId(line: number): boolean {
    const s = this.starts[this.idAt]!;
    const e = this.ends[this.idAt]!;
    if (e === s || !plainEdges(this.buf, s, e) || this.ids.addBytes(this.buf, s, e, line) !== 0) return false;
    this.file.beginRow();
    this.file.endRow();
    return true;
  }

  /** The id of the last row (decoded, for a row read from bytes: a plain number is written, which is cheaper than decoding). */
  idText(): string {
    if (this.fields !== null) return this.id;
    const s = this.starts[this.idAt]!;
    const e = this.ends[this.idAt]!;
    const value = plainNumberBytes(this.buf, s, e);
    return value >= 0 ? String(value) : this.decoder.decode(this.buf.subarray(s, e));
  }
}

/**
 * The instant of a required timestamp cell, or NaN after a `missing-value` or `unparseable-timestamp`
 * error (the rule of received_time and of a history row's changed_at). @internal
 */
export function requiredTimestamp(
  file: FileLog,
  reader: TimestampBytesReader,
  iso: ByteTimestampParser,
  text: string,
  place: { line: number; recordId: string; field: string },
): number {
  const at = isBlank(text) ? null : readTimestampText(reader, iso, text, file, place);
  if (at !== null) return at;
  const [code, message] = isBlank(text)
    ? [DATA_ISSUE_CODES.missingValue, csvMessages.missingValue(place.field)]
    : [DATA_ISSUE_CODES.unparseableTimestamp, csvMessages.unparseableTimestamp(place.field, text, true)];
  file.error(code, message, { ...place, value: text });
  return Number.NaN;
}

/** Empty or only spaces/tabs. @internal */
export function isBlank(text: string): boolean {
  return text === '' || text.trim() === '';
}

/** Whether the bytes start and end with printable ASCII (trimming the text would leave it as it is). @internal */
export function plainEdges(buf: Uint8Array, s: number, e: number): boolean {
  const first = buf[s]!;
  const last = buf[e - 1]!;
  return first > 0x20 && first < 0x7f && last > 0x20 && last < 0x7f;
}

/**
 * A timestamp of a row read as text, with a `dst-gap` warning naming the row when it is a wall-clock time
 * that does not exist in the zone (the clocks sprang forward over it): it is read moved forward by the
 * gap, as the lead model says, and the warning says so, so that a "contact before received" that follows
 * from it is understood. Null when the text is not a timestamp. @internal
 */
export function readTimestampText(
  reader: TimestampBytesReader,
  iso: ByteTimestampParser,
  text: string,
  file: FileLog,
  place: { line: number; recordId: string; field: string },
): number | null {
  const gaps = iso.gaps;
  const value = parseText(reader, text);
  if (value !== null && iso.gaps !== gaps) {
    const wall = new Date(iso.zone.toLocal(value)).toISOString().slice(0, 19).replace('T', ' ');
    file.warning(DATA_ISSUE_CODES.dstGap, csvMessages.dstGap(place.field, text.trim(), iso.zone.name, wall), { ...place, value: text });
  }
  return value;
}
