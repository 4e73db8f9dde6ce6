import { CONTACTED, INVALID, NEVER } from '../../response/slot-status.js';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE } from '../../time/civil.js';
import { getZone } from '../../time/zone.js';
import { csvMessages } from '../messages.js';
import type { DataIssue } from '../source.js';
import type { ByteCsvSink } from './byte-csv-reader.js';
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import { ByteTimestampParser } from './timestamp.js';
import type { CsvColumnMapping, ResolvedColumns } from './columns.js';
import { resolveColumns } from './columns.js';
import { FileLog } from './file-log.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import { isBlank } from './lead-row-reader.js';
import type { CsvRecord } from './parse-csv.js';
import type { TimestampParser } from './timestamp.js';
import { createTimestampParser } from './timestamp.js';
import { plainNumber } from './plain-number.js';

/** What a scan of a leads file for the heatmap needs to know, as plain data (it is sent to worker threads). @internal */
export interface ResponseScanConfig {
  /** The file's label in issues. */
  label: string;
  /** The field separator, one ASCII character. */
  delimiter: string;
  timeZone: string;
  bucketMinutes: number;
  /** Period filter: created in `[fromMs, toMs)` and at or before `asOfMs`, applied when `period` is true. */
  period: boolean;
  fromMs: number;
  toMs: number;
  /** The as-of instant (Infinity when none): a first contact after it is not a contact yet. */
  asOfMs: number;
  /** Team and locator filters (exact names), or null for none. */
  teams: string[] | null;
  locators: string[] | null;
  /** The columns, when the header was read elsewhere; otherwise the first record is the header. */
  columns?: ResolvedColumns<'leads'>;
  /** The column mapping, to read the header with. */
  mapping?: CsvColumnMapping;
}

/**
 * What a scan found in a piece of a file, in columns (sent back from worker threads without copying):
 * for every row with a lead id, in order, the id, its line, and how the row counts in the heatmap.
 * Duplicate ids are not decided here: only the whole file, read in order, can say which row came first.
 * @internal
 */
export interface ScanOutput {
  /** Data rows read (header excluded), and of those, rows rejected for a reason other than a duplicate id. */
  rows: number;
  rejected: number;
  /** Rows with a (non-empty) lead id. */
  keys: number;
  /** Per keyed row: the id's value when it is a plain number (digits, no leading zero, ≤ 15), else −1 − its index in the string ids. */
  idValue: Float64Array;
  /** Per keyed row: its line (as the reader numbered it). */
  keyLine: Uint32Array;
  /** Per keyed row: `cell × 4 + status` when it counts in the heatmap; −1 when accepted but filtered out; −2 when rejected. */
  keyCell: Int32Array;
  /** Per keyed row: response minutes, for contacted rows. */
  keyMinutes: Float64Array;
  /** The ids that are not plain numbers: FNV-1a hash, end offset in `strBytes` (each starts where the previous ends), UTF-8 bytes. */
  strings: number;
  strHash: Uint32Array;
  strEnd: Uint32Array;
  strBytes: Uint8Array;
  /** Issues found (lines as the reader numbered them), in line order. */
  issues: DataIssue[];
}

/** Keyed-row `keyCell` values that do not count. @internal */
export const FILTERED_OUT = -1;
/** @internal */
export const REJECTED = -2;

const QUOTE = 34;
const CR = 13;
const LF = 10;
const PLAIN_LOW = 0x21; // printable ASCII other than space: an id edge that trimming leaves alone
const PLAIN_HIGH = 0x7e;
const ZERO = 48;

/**
 * Reads leads-file rows for the heatmap with the rules and accounting of `readResponseRows` (and so of
 * `loadCsv`), except the duplicate-id rule, which the caller applies to {@link ScanOutput}'s ids in file
 * order. Ordinary rows never become strings: the id is read as a number (or hashed), the timestamps are
 * parsed from the bytes, and the row's cell and response minutes go straight into typed arrays. A row
 * with anything unusual (an empty or padded id, an unreadable or early first contact, a timestamp this
 * reader does not take, a wrong field count) is decoded and read by the same code as `LeadRowReader`.
 * @internal
 */
export class ResponseScanner implements ByteCsvSink {
  /** The reader of the piece in progress (see {@link startPiece}). */
  reader: ByteCsvReader;
  columns: ResolvedColumns<'leads'> | undefined;
  private width = 0;
  private idIndex = -1;
  private receivedIndex = -1;
  private contactIndex = -1;
  private teamIndex = -1;
  private locatorIndex = -1;
  private readonly bytesParser: ByteTimestampParser;
  private readonly parse: TimestampParser;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  private readonly encoder = new TextEncoder();
  private readonly measure: (createdMs: number, contactMs: number) => number;
  private readonly slots: number;
  private readonly bucketMs: number;
  private readonly delimiterCode: number;
  private readonly teamBytes: Uint8Array[] | null;
  private readonly locatorBytes: Uint8Array[] | null;
  private readonly teamSet: ReadonlySet<string> | null;
  private readonly locatorSet: ReadonlySet<string> | null;

  private issues: DataIssue[] = [];
  private readonly counts = { rows: 0, accepted: 0, rejected: 0 };
  private file: FileLog;
  private keys = 0;
  private idValue = new Float64Array(4096);
  private keyLine = new Uint32Array(4096);
  private keyCell = new Int32Array(4096);
  private keyMinutes = new Float64Array(4096);
  private strings = 0;
  private strHash = new Uint32Array(256);
  private strEnd = new Uint32Array(256);
  private strBytes = new Uint8Array(4096);
  private strUsed = 0;

  constructor(
    private readonly config: ResponseScanConfig,
    options: { boms?: number; measure?: (createdMs: number, contactMs: number) => number } = {},
  ) {
    const zone = getZone(config.timeZone);
    this.bytesParser = new ByteTimestampParser(zone);
    this.parse = createTimestampParser(config.timeZone);
    this.measure = options.measure ?? wallMinutes;
    this.slots = MINUTES_PER_DAY / config.bucketMinutes;
    this.bucketMs = config.bucketMinutes * MS_PER_MINUTE;
    this.delimiterCode = config.delimiter.charCodeAt(0);
    this.teamSet = config.teams === null ? null : new Set(config.teams);
    this.locatorSet = config.locators === null ? null : new Set(config.locators);
    this.teamBytes = config.teams === null ? null : config.teams.map((t) => this.encoder.encode(t));
    this.locatorBytes = config.locators === null ? null : config.locators.map((t) => this.encoder.encode(t));
    this.file = new FileLog(config.label, this.issues, this.counts);
    if (config.columns !== undefined) this.useColumns(config.columns);
    this.reader = new ByteCsvReader(this, { delimiter: config.delimiter, boms: options.boms ?? 0 });
  }

  /** Starts reading a new piece of the file (a byte range beginning on a line boundary), its first line numbered `line`. */
  startPiece(line = 1): ByteCsvReader {
    this.reader = new ByteCsvReader(this, { delimiter: this.config.delimiter, line });
    return this.reader;
  }

  /** Whether a header has been read (or was given). */
  get hasHeader(): boolean {
    return this.columns !== undefined;
  }

  /** Adds the warning for a file without a header row (call at the end of the input). */
  reportEmptyFile(): void {
    if (this.columns === undefined) this.file.warning(CSV_ISSUE_CODES.emptyFile, csvMessages.emptyFile(), {});
  }

  /**
   * Everything found since the last call; the scanner starts over, reusing its buffers. With `copy`, the
   * arrays are standalone (to transfer to another thread); without, they are views of the scanner's
   * buffers, valid until it reads on (for a caller that merges them at once).
   */
  take(copy = false): ScanOutput {
    const keys = this.keys;
    const strings = this.strings;
    const used = this.strUsed;
    const out: ScanOutput = {
      rows: this.counts.rows,
      rejected: this.counts.rejected,
      keys,
      idValue: copy ? this.idValue.slice(0, keys) : this.idValue.subarray(0, keys),
      keyLine: copy ? this.keyLine.slice(0, keys) : this.keyLine.subarray(0, keys),
      keyCell: copy ? this.keyCell.slice(0, keys) : this.keyCell.subarray(0, keys),
      keyMinutes: copy ? this.keyMinutes.slice(0, keys) : this.keyMinutes.subarray(0, keys),
      strings,
      strHash: copy ? this.strHash.slice(0, strings) : this.strHash.subarray(0, strings),
      strEnd: copy ? this.strEnd.slice(0, strings) : this.strEnd.subarray(0, strings),
      strBytes: copy ? this.strBytes.slice(0, used) : this.strBytes.subarray(0, used),
      issues: this.issues,
    };
    this.keys = 0;
    this.strings = 0;
    this.strUsed = 0;
    this.counts.rows = this.counts.accepted = this.counts.rejected = 0;
    this.issues = [];
    this.file = new FileLog(this.config.label, this.issues, this.counts);
    return out;
  }

  private useColumns(columns: ResolvedColumns<'leads'>): void {
    this.columns = columns;
    this.width = columns.width;
    this.idIndex = columns.index.lead_id;
    this.receivedIndex = columns.index.received_time;
    this.contactIndex = columns.index.first_contact_time;
    this.teamIndex = columns.index.team;
    this.locatorIndex = columns.index.locator;
  }

  private header(fields: string[], line: number): void {
    const columns = resolveColumns('leads', fields, { columns: this.config.mapping, file: this.config.label });
    for (const { header, column } of columns.duplicates) {
      this.file.warning(CSV_ISSUE_CODES.duplicateColumn, csvMessages.duplicateColumn(header, column), { line, field: header });
    }
    this.useColumns(columns);
  }

  // ---- ByteCsvSink ----

  /**
   * The common row of an export, read in one pass without splitting it first: a plain-number id,
   * `YYYY-MM-DD HH:MM:SS` times (or an empty first contact, not before arrival), other fields skipped to
   * the next delimiter. Anything else (and any team or locator filter) leaves the line to {@link fast}.
   */
  line(buf: Uint8Array, p: number, end: number, line: number): number {
    if (this.columns === undefined || this.teamBytes !== null || this.locatorBytes !== null) return -1;
    const width = this.width;
    const delimiter = this.delimiterCode;
    const parser = this.bytesParser;
    let i = p;
    let id = -1;
    let created = Number.NaN;
    let local = 0;
    let contact = -1;
    for (let f = 0; f < width; f++) {
      if (f === this.idIndex) {
        const s = i;
        let value = 0;
        let c = buf[i]!;
        while (c >= ZERO && c <= ZERO + 9) {
          value = value * 10 + (c - ZERO);
          c = buf[++i]!;
        }
        const n = i - s;
        if (n === 0 || n > 15 || (n > 1 && buf[s] === ZERO)) return -1;
        id = value;
      } else if (f === this.receivedIndex) {
        if (i + 19 > end) return -1;
        created = parser.parseCommon(buf, i);
        if (created !== created) return -1;
        local = parser.local;
        i += 19;
      } else if (f === this.contactIndex && buf[i] !== delimiter && buf[i] !== LF && buf[i] !== CR) {
        if (i + 19 > end) return -1;
        contact = parser.parseCommon(buf, i);
        if (contact !== contact) return -1;
        i += 19;
      } else {
        // Any other field: skip to the delimiter or the line end; a quote or a lone CR needs the reader.
        for (;;) {
          let c = buf[i]!;
          while (c > QUOTE && c !== delimiter) c = buf[++i]!;
          if (c === delimiter || c === LF || i >= end) break;
          if (c === CR) {
            if (buf[i + 1] === LF) break;
            return -1;
          }
          if (c === QUOTE) return -1;
          i++;
        }
      }
      // After each field: the delimiter, or after the last one the line end.
      const c = buf[i];
      if (f < width - 1) {
        if (c !== delimiter) return -1;
        i++;
      } else if (c === LF) i++;
      else if (c === CR && buf[i + 1] === LF) i += 2;
      else return -1;
    }
    if (contact >= 0 && !(contact >= created)) return -1;

    this.counts.rows++;
    this.counts.accepted++;
    const k = this.addKey(id, EMPTY, 0, 0, line);
    if (this.config.period && !(created >= this.config.fromMs && created < this.config.toMs && created <= this.config.asOfMs)) {
      this.keyCell[k] = FILTERED_OUT;
      return i;
    }
    const cell = this.cellOf(local);
    if (contact >= 0 && contact <= this.config.asOfMs) {
      this.keyCell[k] = cell * 4 + CONTACTED;
      this.keyMinutes[k] = this.measure(created, contact);
    } else this.keyCell[k] = cell * 4 + NEVER;
    return i;
  }

  fast(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number, quoted: boolean): void {
    if (this.columns === undefined || count !== this.width) {
      this.record({ fields: decodeFields(this.decoder, buf, starts, ends, count, quoted, this.config.delimiter), line });
      return;
    }
    // The id: a plain number, or plain ASCII to hash; anything else (empty, padded, non-ASCII) is read as text.
    const s = starts[this.idIndex]!;
    const e = ends[this.idIndex]!;
    if (e === s) return this.textRow(buf, starts, ends, count, line, quoted);
    const first = buf[s]!;
    const last = buf[e - 1]!;
    if (first < PLAIN_LOW || first > PLAIN_HIGH || last < PLAIN_LOW || last > PLAIN_HIGH) {
      return this.textRow(buf, starts, ends, count, line, quoted);
    }
    let value = -1;
    if (e - s <= 15 && (first !== ZERO || e - s === 1)) {
      value = 0;
      for (let i = s; i < e; i++) {
        const d = buf[i]! - ZERO;
        if (d < 0 || d > 9) {
          value = -1;
          break;
        }
        value = value * 10 + d;
      }
    }
    if (value < 0) {
      for (let i = s; i < e; i++) if (buf[i]! > PLAIN_HIGH) return this.textRow(buf, starts, ends, count, line, quoted);
    }

    const parser = this.bytesParser;
    const created = parser.parse(buf, starts[this.receivedIndex]!, ends[this.receivedIndex]!);
    if (created !== created) return this.textRow(buf, starts, ends, count, line, quoted);
    const local = parser.local;
    let contact = -1;
    let contacted = false;
    if (this.contactIndex >= 0) {
      const cs = starts[this.contactIndex]!;
      const ce = ends[this.contactIndex]!;
      if (ce > cs) {
        contact = parser.parse(buf, cs, ce);
        // Unreadable (or blank with spaces), or before arrival: a warning, which the text reader words.
        if (!(contact >= created)) return this.textRow(buf, starts, ends, count, line, quoted);
        contacted = true;
      }
    }

    // Accepted, with no issue.
    this.counts.rows++;
    this.counts.accepted++;
    const k = this.addKey(value, buf, s, e, line);
    if (this.config.period && !(created >= this.config.fromMs && created < this.config.toMs && created <= this.config.asOfMs)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    if (this.teamBytes !== null && !this.matches(buf, this.teamIndex, starts, ends, this.teamBytes, this.teamSet!)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    if (this.locatorBytes !== null && !this.matches(buf, this.locatorIndex, starts, ends, this.locatorBytes, this.locatorSet!)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    const cell = this.cellOf(local);
    if (contacted && contact <= this.config.asOfMs) {
      this.keyCell[k] = cell * 4 + CONTACTED;
      this.keyMinutes[k] = this.measure(created, contact);
    } else this.keyCell[k] = cell * 4 + NEVER;
  }

  record(record: CsvRecord): void {
    const { fields, line } = record;
    if (this.columns === undefined) {
      this.header(fields, line);
      return;
    }
    if (record.error === undefined && fields.length === this.width) {
      this.readRow(fields, line);
      return;
    }
    // Rows of the wrong shape: one error each, as streamCsvTable reports them.
    const file = this.file;
    file.beginRow();
    const recordId = this.idIndex < fields.length ? fields[this.idIndex]!.trim() : undefined;
    if (record.error !== undefined) {
      const at = record.errorField ?? fields.length - 1;
      const unterminated = record.error === 'unterminated-quote';
      file.error(
        unterminated ? CSV_ISSUE_CODES.unterminatedQuote : CSV_ISSUE_CODES.malformedQuote,
        unterminated ? csvMessages.unterminatedQuote() : csvMessages.malformedQuote(),
        { line, recordId, field: this.columns.headers[at], value: clip(fields[at]!) },
      );
    } else {
      file.error(CSV_ISSUE_CODES.wrongFieldCount, csvMessages.wrongFieldCount(this.width, fields.length), {
        line,
        recordId,
        value: clip(fields.join(this.config.delimiter)),
      });
    }
    file.endRow();
  }

  // ---- rows read as text ----

  private textRow(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number, quoted: boolean): void {
    this.readRow(decodeFields(this.decoder, buf, starts, ends, count, quoted, this.config.delimiter), line);
  }

  /** The rules of `LeadRowReader.read` (but the duplicate check) for a row of the right shape. */
  private readRow(fields: string[], line: number): void {
    const { index, name } = this.columns!;
    const file = this.file;
    file.beginRow();
    const rawId = fields[index.lead_id]!;
    const id = rawId.trim();
    let k = -1;
    if (id === '') {
      file.error(CSV_ISSUE_CODES.missingValue, csvMessages.missingValue(name.lead_id), { line, field: name.lead_id, value: rawId });
    } else k = this.addTextKey(id, line);

    const received = fields[index.received_time]!;
    let created = Number.NaN;
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
      } else created = at;
    }

    let contact: number | null = null;
    const contactIndex = index.first_contact_time;
    if (contactIndex >= 0) {
      const text = fields[contactIndex]!;
      if (!isBlank(text)) {
        contact = this.parse(text);
        if (contact === null) {
          const field = name.first_contact_time;
          file.warning(CSV_ISSUE_CODES.unparseableTimestamp, csvMessages.unparseableTimestamp(field, text, false), {
            line,
            recordId: id,
            field,
            value: text,
          });
        }
      }
    }
    if (contact !== null && contact < created) {
      file.warning(CSV_ISSUE_CODES.contactBeforeCreated, csvMessages.contactBeforeCreated(fields[contactIndex]!.trim(), received.trim()), {
        line,
        recordId: id,
        field: name.first_contact_time,
        value: fields[contactIndex]!,
      });
    }
    const accepted = file.endRow();
    if (k < 0) return;
    if (!accepted) {
      this.keyCell[k] = REJECTED;
      return;
    }
    const config = this.config;
    if (config.period && !(created >= config.fromMs && created < config.toMs && created <= config.asOfMs)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    if (this.teamSet !== null && !this.teamSet.has(textField(fields, this.teamIndex)!)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    if (this.locatorSet !== null && !this.locatorSet.has(textField(fields, this.locatorIndex)!)) {
      this.keyCell[k] = FILTERED_OUT;
      return;
    }
    const cell = this.cellOf(this.bytesParser.zone.toLocal(created));
    if (contact === null || contact > config.asOfMs) this.keyCell[k] = cell * 4 + NEVER;
    else if (!(contact >= created)) this.keyCell[k] = cell * 4 + INVALID;
    else {
      this.keyCell[k] = cell * 4 + CONTACTED;
      this.keyMinutes[k] = this.measure(created, contact);
    }
  }

  // ---- helpers ----

  private cellOf(local: number): number {
    const dayNumber = Math.floor(local / MS_PER_DAY);
    // Weekday 0 = Monday: day 0 (1970-01-01) was a Thursday.
    const weekday = (((dayNumber + 3) % 7) + 7) % 7;
    return weekday * this.slots + Math.floor((local - dayNumber * MS_PER_DAY) / this.bucketMs);
  }

  /** Whether the text column at `index` is one of the names (trimmed, as `LeadRowReader.text` reads it). */
  private matches(
    buf: Uint8Array,
    index: number,
    starts: Int32Array,
    ends: Int32Array,
    names: Uint8Array[],
    set: ReadonlySet<string>,
  ): boolean {
    if (index < 0) return false; // no such column: the value is null, never a name
    const s = starts[index]!;
    const e = ends[index]!;
    if (e === s) return false;
    let plain = buf[s]! >= PLAIN_LOW && buf[e - 1]! >= PLAIN_LOW;
    for (let i = s; plain && i < e; i++) if (buf[i]! > PLAIN_HIGH) plain = false;
    if (!plain) {
      const text = this.decoder.decode(buf.subarray(s, e)).trim();
      return text !== '' && set.has(text);
    }
    outer: for (const name of names) {
      if (name.length !== e - s) continue;
      for (let i = 0; i < name.length; i++) if (name[i] !== buf[s + i]) continue outer;
      return true;
    }
    return false;
  }

  /** Records a keyed row: `value` ≥ 0 for a plain number, else the id is the ASCII bytes `buf[s, e)`. */
  private addKey(value: number, buf: Uint8Array, s: number, e: number, line: number): number {
    const k = this.keys;
    if (k === this.idValue.length) this.growKeys();
    this.keys = k + 1;
    this.keyLine[k] = line;
    this.idValue[k] = value >= 0 ? value : -1 - this.addString(buf, s, e);
    return k;
  }

  private addTextKey(id: string, line: number): number {
    const value = plainNumber(id);
    if (value >= 0) return this.addKey(value, EMPTY, 0, 0, line);
    const bytes = this.encoder.encode(id);
    return this.addKey(-1, bytes, 0, bytes.length, line);
  }

  private addString(buf: Uint8Array, s: number, e: number): number {
    const n = this.strings;
    if (n === this.strHash.length) {
      this.strHash = growU32(this.strHash);
      this.strEnd = growU32(this.strEnd);
    }
    const length = e - s;
    while (this.strUsed + length > this.strBytes.length) {
      const bigger = new Uint8Array(this.strBytes.length * 2);
      bigger.set(this.strBytes);
      this.strBytes = bigger;
    }
    const bytes = this.strBytes;
    let used = this.strUsed;
    let h = 0x811c9dc5;
    for (let i = s; i < e; i++) {
      const b = buf[i]!;
      bytes[used++] = b;
      h = Math.imul(h ^ b, 0x01000193);
    }
    this.strUsed = used;
    this.strHash[n] = h >>> 0;
    this.strEnd[n] = used;
    this.strings = n + 1;
    return n;
  }

  private growKeys(): void {
    const n = this.idValue.length * 2;
    const idValue = new Float64Array(n);
    idValue.set(this.idValue);
    this.idValue = idValue;
    const keyLine = new Uint32Array(n);
    keyLine.set(this.keyLine);
    this.keyLine = keyLine;
    const keyCell = new Int32Array(n);
    keyCell.set(this.keyCell);
    this.keyCell = keyCell;
    const keyMinutes = new Float64Array(n);
    keyMinutes.set(this.keyMinutes);
    this.keyMinutes = keyMinutes;
  }
}

const EMPTY = new Uint8Array(0);

/** An optional text column, trimmed; null when absent or empty (as `LeadRowReader.text`). */
function textField(fields: string[], index: number): string | null {
  if (index < 0) return null;
  const text = fields[index]!.trim();
  return text === '' ? null : text;
}

function wallMinutes(createdMs: number, contactMs: number): number {
  return (contactMs - createdMs) / MS_PER_MINUTE;
}

function growU32(a: Uint32Array) {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

// A row quoted back in an issue is cut here (as streamCsvTable does).
const MAX_VALUE_LENGTH = 200;
function clip(text: string): string {
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH)}…` : text;
}
