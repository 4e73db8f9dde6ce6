import { csvMessages } from '../messages.js';
import type { CsvColumnMapping, CsvFileKind, ResolvedColumns } from './columns.js';
import { resolveColumns } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import type { CsvRecord } from './record-parser.js';
import { byteChunks } from './csv-file-input.js';
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import { detectDateReadings, readingName } from './date-detection.js';
import type { DateFormat, DateReading } from './date-formats.js';
import type { CsvEncoding } from './input-encoding.js';
import { decodeToUtf8 } from './input-encoding.js';
import { timestampParser } from './timestamp.js';
import { getZone } from '../../time/zone.js';
import { concatBytes } from './csv-file-input.js';

/** Options shared by the readers of every CSV file. @internal */
export interface ReadCsvTableOptions {
  columns?: CsvColumnMapping;
  /** The field separator; default: detected from the header line. */
  delimiter?: string;
  /** The text encoding; default `auto`. */
  encoding?: CsvEncoding;
  /** How ambiguous dates are read; default `auto`. */
  dateFormat?: DateFormat;
  /** The zone naive timestamps are read in (to detect date formats); default UTC. */
  timeZone?: string;
  /** The reading of each timestamp column, decided before (a piece of a file): no detection, and no `date-format` info. */
  dates?: Readonly<Record<string, DateReading>>;
  /** Told, at the end, the number the next line would have and whether the input ended between records. */
  onEnd?: (nextLine: number, betweenRecords: boolean) => void;
  /** Told, once the header is read, how the file is read: what the other pieces of a file are then read with. */
  onFormat?: (format: CsvTableFormat) => void;
}

/** How a file is read, as detected from its head (or given): the forced format of the other pieces of a file. @internal */
export interface CsvTableFormat {
  delimiter: string;
  /** The encoding so far: `auto` while every byte was ASCII. */
  encoding: 'auto' | 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  dates: Record<string, DateReading>;
  /** The header's fields, and the line it is on. */
  headers: string[];
  line: number;
}

/** Handles one data row whose shape is sound: as many fields as the header, quoting intact. @internal */
export type RowVisitor = (fields: string[], line: number) => void;

/**
 * Handles a sound row the byte reader split, from its bytes (`buf[starts[i], ends[i])` is field `i`, without quotes), or returns false to
 * have it decoded and handed to the {@link RowVisitor} instead, which then does everything (a fast visitor handles only rows it can take
 * whole, issue-free). @internal
 */
export type FastRowVisitor = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, line: number) => boolean;

/** A row visitor with a fast path for rows read from bytes. @internal */
export interface TableVisitor {
  visit: RowVisitor;
  fast: FastRowVisitor;
}

let fastRows = true;
/**
 * Turns the fast row visitors off, so that every row is decoded and read by the text rules (tests compare the two readings, which must
 * agree). @internal
 */
export function setFastRowsForTesting(on: boolean): void {
  fastRows = on;
}

/** How much of a file is read ahead to detect its delimiter and date formats. */
const SNIFF_BYTES = 1 << 18;
/** How many rows the date formats are detected from. */
const SAMPLE_ROWS = 2000;
/** The bytes of the head read at a time while sampling it. */
const SAMPLE_PIECE = 1 << 14;

// A row quoted back in an issue is cut here: enough to recognize it, not a megabyte of broken quoting.
const MAX_VALUE_LENGTH = 200;

/**
 * Streams a CSV file with a header row: resolves the columns from the header (throwing a `CsvColumnError` when one is missing), rejects
 * rows whose quoting is broken or whose field count differs from the header's, and hands every other row to the visitor `begin` returns.
 * @internal
 */
export async function* streamCsvTable<K extends CsvFileKind>(
  input: OpenedCsvInput,
  kind: K,
  file: FileLog,
  options: ReadCsvTableOptions,
  begin: (columns: ResolvedColumns<K>) => RowVisitor | TableVisitor,
): AsyncGenerator<void, void, undefined> {
  // The file's bytes as UTF-8 (from UTF-16 or Windows-1252 if need be), and its first bytes read ahead to
  // detect the delimiter and the date formats.
  let reader: ByteCsvReader | undefined;
  let encoding: CsvTableFormat['encoding'] = 'auto';
  const utf8 = decodeToUtf8(byteChunks(input.chunks), options.encoding ?? 'auto', {
    detected: (encoding, why, line) =>
      file.info(DATA_ISSUE_CODES.encodingDetected, csvMessages.encodingDetected(encoding, why), line === undefined ? {} : { line }),
    replaced: (count, encoding, line) => file.warning(DATA_ISSUE_CODES.replacedBytes, csvMessages.replacedBytes(count, encoding), { line }),
    line: () => reader?.line,
    mode: (mode) => {
      encoding = mode;
    },
  });
  const peeked = await peekHead(utf8, SNIFF_BYTES);
  const { rest } = peeked;
  // Excel's `sep=;` first line names the delimiter; the header is the line after it.
  const hint = delimiterHint(peeked.head);
  const head = hint === undefined ? peeked.head : peeked.head.subarray(hint.end);
  const firstLine = hint === undefined ? 1 : 2;
  const delimiter = options.delimiter ?? hint?.delimiter ?? detectDelimiter(head);
  if (hint !== undefined) {
    file.info(DATA_ISSUE_CODES.delimiterDetected, csvMessages.delimiterHinted(hint.delimiter, options.delimiter), { line: 1 });
  } else if (options.delimiter === undefined && delimiter !== ',') {
    file.info(DATA_ISSUE_CODES.delimiterDetected, csvMessages.delimiterDetected(delimiter), { line: 1 });
  }
  let columns: ResolvedColumns<K> | undefined;
  let visit: RowVisitor | undefined;
  let fast: FastRowVisitor | undefined;
  let idIndex = -1;

  const record = (record: CsvRecord): void => {
    const { fields, line } = record;
    if (columns === undefined || visit === undefined) {
      columns = resolveColumns(kind, fields, { columns: options.columns, file: input.label });
      for (const { header, column } of columns.duplicates) {
        file.warning(DATA_ISSUE_CODES.duplicateColumn, csvMessages.duplicateColumn(header, column), { line, field: header });
      }
      reportColumnReading(columns, file, line);
      if (options.dates === undefined) {
        const sample = sampleRecords(head.subarray(0, SNIFF_BYTES), delimiter, SAMPLE_ROWS + 1).slice(1);
        readDateFormats(kind, columns, sample, options, file, line);
      } else Object.assign(columns.dates, options.dates);
      options.onFormat?.({ delimiter, encoding, dates: { ...columns.dates } as Record<string, DateReading>, headers: fields, line });
      idIndex = (columns.index as Record<string, number>)['lead_id'] ?? -1;
      const visitor = begin(columns);
      if (typeof visitor === 'function') visit = visitor;
      else {
        visit = visitor.visit;
        fast = visitor.fast;
      }
      return;
    }
    if (record.error === undefined && fields.length === columns.width) {
      visit(fields, line);
      return;
    }
    file.beginRow();
    const recordId = idIndex >= 0 && idIndex < fields.length ? fields[idIndex]!.trim() : undefined;
    if (record.error !== undefined) {
      const at = record.errorField ?? fields.length - 1;
      const unterminated = record.error === 'unterminated-quote';
      file.error(
        unterminated ? DATA_ISSUE_CODES.unterminatedQuote : DATA_ISSUE_CODES.malformedQuote,
        unterminated ? csvMessages.unterminatedQuote() : csvMessages.malformedQuote(),
        { line, recordId, field: headerName(columns, at), value: clip(fields[at]!) },
      );
    } else {
      file.error(DATA_ISSUE_CODES.wrongFieldCount, csvMessages.wrongFieldCount(columns.width, fields.length), {
        line,
        recordId,
        value: clip(fields.join(delimiter)),
      });
    }
    file.endRow();
  };

  // Ordinary lines are split by byte (a visitor with a fast path reads them without making strings);
  // every other line comes as the record the reader parsed.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  reader = new ByteCsvReader(
    {
      fast(buf, starts, ends, count, line, quoted) {
        if (fast !== undefined && fastRows && count === columns!.width && fast(buf, starts, ends, line)) return;
        record({ fields: decodeFields(decoder, buf, starts, ends, count, quoted, delimiter), line });
      },
      record,
    },
    { delimiter, boms: 1, line: firstLine },
  );
  try {
    reader.write(head);
    yield;
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      reader.write(next.value);
      yield;
    }
  } finally {
    await rest.return?.(); // closes the file when the reading stops early
  }
  const betweenRecords = reader.betweenRecords;
  reader.end();
  options.onEnd?.(reader.line, betweenRecords);
  yield;
  if (columns === undefined) file.warning(DATA_ISSUE_CODES.emptyFile, csvMessages.emptyFile(), {});
}

/** Detects the format of each timestamp column, states every one that is not ISO, and records them on `columns`. */
function readDateFormats<K extends CsvFileKind>(
  kind: K,
  columns: ResolvedColumns<K>,
  sample: string[][],
  options: ReadCsvTableOptions,
  file: FileLog,
  line: number,
): void {
  const iso = timestampParser(getZone(options.timeZone ?? 'UTC'));
  for (const detected of detectDateReadings(kind, columns, sample, options.dateFormat ?? 'auto', iso)) {
    (columns.dates as Record<string, DateReading>)[detected.column] = detected.reading;
    if (detected.why !== undefined) {
      file.info(DATA_ISSUE_CODES.dateFormat, csvMessages.dateFormat(detected.header, readingName(detected.reading), detected.why), {
        line,
        field: detected.header,
      });
    }
  }
}

/** {@link streamCsvTable} run to the end. @internal */
export async function readCsvTable<K extends CsvFileKind>(
  input: OpenedCsvInput,
  kind: K,
  file: FileLog,
  options: ReadCsvTableOptions,
  begin: (columns: ResolvedColumns<K>) => RowVisitor | TableVisitor,
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

/** The start of a file read ahead, and the rest of it. @internal */
export interface Peeked {
  /** The first bytes (at least `size` of them, unless the file is shorter), to be read first. */
  head: Uint8Array;
  /** The bytes after them. */
  rest: AsyncIterator<Uint8Array, void, undefined>;
}

/**
 * Reads ahead the first `size` bytes of a stream, so that the delimiter and the date formats can be
 * detected before the rows are read. The first piece is kept as it is when it is large enough (a file's
 * first 1 MiB); smaller pieces are copied together, since a file reader may reuse its buffers. @internal
 */
export async function peekHead(bytes: AsyncIterable<Uint8Array>, size: number): Promise<Peeked> {
  const rest = bytes[Symbol.asyncIterator]();
  let head: Uint8Array | null = null;
  while (head === null || head.length < size) {
    const next = await rest.next();
    if (next.done) break;
    head = head === null ? (next.value.length >= size ? next.value : next.value.slice()) : concatBytes(head, next.value);
  }
  return { head: head ?? new Uint8Array(0), rest };
}

const CANDIDATES = [',', ';', '\t', '|'];

/**
 * The delimiter a first line `sep=X` names (Excel writes it, and reads a file by it, when a file's separator is not the locale's), and
 * where the line after it starts; undefined when the file does not begin so (after a byte-order mark, if any). @internal
 */
export function delimiterHint(head: Uint8Array): { delimiter: string; end: number } | undefined {
  const at = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const lineFeed = head.indexOf(10, at);
  if (lineFeed < 0 || lineFeed - at > 12) return undefined;
  const line = new TextDecoder().decode(head.subarray(at, lineFeed)).replace(/\r$/, '');
  const match = /^sep=([^"\r\n])$/iu.exec(line);
  return match === null ? undefined : { delimiter: match[1]!, end: lineFeed + 1 };
}

/**
 * The delimiter of a file, from its header line: whichever of comma, semicolon, tab and pipe occurs most
 * often outside quotes (a comma when none does, or on a tie with it). @internal
 */
export function detectDelimiter(head: Uint8Array): string {
  const counts = [0, 0, 0, 0];
  const codes = CANDIDATES.map((c) => c.charCodeAt(0));
  let quoted = false;
  for (let i = 0; i < head.length; i++) {
    const c = head[i]!;
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) break;
    else if (!quoted) {
      const k = codes.indexOf(c);
      if (k >= 0) counts[k]!++;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if (counts[k]! > counts[best]!) best = k;
  return CANDIDATES[best]!;
}

/**
 * The first records of the head (at most `max`, the header first), as strings: the sample the date
 * formats are detected from. Only whole lines are read. @internal
 */
export function sampleRecords(head: Uint8Array, delimiter: string, max: number): string[][] {
  const records: string[][] = [];
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = new ByteCsvReader(
    {
      fast(buf, starts, ends, count, _line, quoted) {
        if (records.length < max) records.push(decodeFields(decoder, buf, starts, ends, count, quoted, delimiter));
      },
      record(record) {
        if (records.length < max && record.error === undefined) records.push(record.fields);
      },
    },
    { delimiter, boms: 1 },
  );
  const last = head.lastIndexOf(10);
  if (last >= 0) {
    // In pieces, stopping once the sample is full: a history file's head holds several times the rows sampled, and reading them all
    // cost milliseconds of not yet optimized code per file.
    for (let p = 0; p <= last && records.length < max; p += SAMPLE_PIECE)
      reader.write(head.subarray(p, Math.min(p + SAMPLE_PIECE, last + 1)));
  } else {
    reader.write(head);
    reader.end();
  }
  return records;
}
