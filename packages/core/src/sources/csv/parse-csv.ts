import { csvMessages } from '../messages.js';

/**
 * A piece of CSV input: text, or UTF-8 bytes (split anywhere, even inside a character).
 *
 * @example
 * ```ts
 * const chunks: CsvChunk[] = ['lead_id,received_time\n', new TextEncoder().encode('1,2026-10-01 09:00\n')];
 * ```
 */
export type CsvChunk = string | Uint8Array;

/**
 * CSV input: the whole text, or its chunks in order (a file stream, a `fetch` body, a generator).
 *
 * @example
 * ```ts
 * const input: CsvInput = createReadStream('leads.csv');
 * for await (const record of parseCsv(input)) console.log(record.line, record.fields);
 * ```
 */
export type CsvInput = string | AsyncIterable<CsvChunk> | Iterable<CsvChunk>;

/**
 * What went wrong with a record's quoting. `unterminated-quote`: a quoted value never closed (the record
 * holds its first line; reading resumed on the next line). `malformed-quote`: text followed a closing
 * quote (`"abc"def`); the text was kept, appended to the value.
 *
 * @example
 * ```ts
 * const broken = parseCsvText('a\n"x\n').filter((r) => r.error === ('unterminated-quote' satisfies CsvRecordError));
 * ```
 */
export type CsvRecordError = 'unterminated-quote' | 'malformed-quote';

/**
 * One CSV record: its fields and the 1-based line on which it starts (a quoted value may span lines).
 *
 * @example
 * ```ts
 * const [header, ...rows]: CsvRecord[] = parseCsvText('id,name\n1,"Smith, J"\n');
 * ```
 */
export interface CsvRecord {
  /** The record's fields, unquoted. */
  fields: string[];
  /** The 1-based line on which the record starts. */
  line: number;
  /** Set when the record's quoting is broken; its fields are then a best guess. */
  error?: CsvRecordError;
  /** With `error`: the index of the field whose quoting is broken. */
  errorField?: number;
}

/**
 * Options of {@link parseCsv}, {@link parseCsvText} and {@link CsvParser}.
 *
 * @example
 * ```ts
 * parseCsvText('a;b\n1;2\n', { delimiter: ';' } satisfies ParseCsvOptions);
 * ```
 */
export interface ParseCsvOptions {
  /** The field separator, one character other than `"`, CR and LF. Default `,` (`;` and tab are common too). */
  delimiter?: string;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;

// Parser states.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Inside a quoted value, just after a quote: either the first of a doubled `""` or the closing quote. */
const QUOTE_SEEN = 3;

/**
 * A push parser for RFC 4180 CSV: feed it text chunks in order with {@link CsvParser.write}, then call
 * {@link CsvParser.end}; each call returns the records completed so far. It keeps only the record in
 * progress between chunks, so a file of any size streams through in constant memory (one record at a time).
 *
 * Accepted input beyond RFC 4180, because real exports contain it: LF and lone CR line ends as well as
 * CRLF, a UTF-8 byte-order mark, blank (empty or whitespace-only) lines, which are skipped but counted
 * in line numbers, a last line without a line end, and quotes inside unquoted values (`5" screen`, kept
 * literally). Broken quoting is reported on the record ({@link CsvRecord.error}), never thrown.
 *
 * Scans by char code, slicing each field once per chunk: no regular expression and no split per row.
 *
 * @example
 * ```ts
 * const parser = new CsvParser();
 * const records = [...parser.write('id,name\r\n1,"Smith, J'), ...parser.write('o"\r\n'), ...parser.end()];
 * // [{ fields: ['id', 'name'], line: 1 }, { fields: ['1', 'Smith, Jo'], line: 2 }]
 * ```
 */
export class CsvParser {
  private readonly delimiter: number;
  private fields: string[] = [];
  private field = '';
  private state = FIELD_START;
  /** The physical line the parser is on (1-based). */
  private line = 1;
  private recordLine = 1;
  /** Line on which the open quoted value started (to resume after an unterminated quote). */
  private quoteLine = 1;
  /** The last character read was a CR: an LF right after it ends the same line. */
  private previousCR = false;
  /** Whether the field in progress was quoted (a quoted empty line is a record, not a blank line). */
  private quoted = false;
  /** Index of the field with text after its closing quote, or -1. */
  private malformedField = -1;
  private started = false;

  constructor(options: ParseCsvOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    const code = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || code === QUOTE || code === CR || code === LF) {
      throw new RangeError(csvMessages.badDelimiter(delimiter));
    }
    this.delimiter = code;
  }

  /** Parses the next chunk of text; returns the records it completed. */
  write(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    this.parse(chunk, out);
    return out;
  }

  /**
   * Continues a file whose earlier lines were read elsewhere: the next record starts on `line`, and a
   * byte-order mark is no longer expected. Used by the byte-level reader, which hands the parser only the
   * lines it cannot split itself (quotes, lone CRs). @internal
   */
  continueAt(line: number): void {
    this.started = true;
    this.line = line;
    this.recordLine = line;
  }

  /** The line the next record starts on, and whether the parser stands between records (nothing pending). @internal */
  get nextLine(): number {
    return this.line;
  }

  /** @internal */
  get betweenRecords(): boolean {
    return this.state === FIELD_START && this.fields.length === 0 && this.field === '' && !this.quoted && !this.previousCR;
  }

  /** Ends the input: returns the last record (a final line without a line end) and any quoting error. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    // Cannot loop more than once (see recoverStrayQuote), but a loop costs nothing and is safe.
    while (this.state === QUOTED) this.recoverStrayQuote(out, '');
    if (this.state !== FIELD_START || this.fields.length > 0) this.endRecord(out);
    return out;
  }

  /**
   * A quoted value that never closes, or that "closes" with a quote followed by text after running over
   * line ends, almost always comes from a stray opening quote (`1,"Acme` … ) that swallowed the lines after
   * it. Report the record with the value's first line only, then read the rest again as CSV starting on
   * the next line, so that one stray quote costs one row instead of the rest of the file.
   *
   * Inside an open quoted value every quote was doubled (a lone one would have ended it), so doubling the
   * value's quotes again restores the raw text exactly; `suffix` is the raw text already consumed after the
   * value (the lone quote). Re-reading cannot recurse again: the restored text holds only even runs of
   * quotes, and an even run opening a value also closes it.
   */
  private recoverStrayQuote(out: CsvRecord[], suffix: string): void {
    const value = this.field;
    let cut = 0;
    while (cut < value.length && value.charCodeAt(cut) !== CR && value.charCodeAt(cut) !== LF) cut++;
    const errorField = this.fields.push(value.slice(0, cut)) - 1;
    out.push({ fields: this.fields, line: this.recordLine, error: 'unterminated-quote', errorField });
    const resumeLine = this.quoteLine + 1;
    this.reset();
    if (cut === value.length) return;
    const next = value.charCodeAt(cut) === CR && value.charCodeAt(cut + 1) === LF ? cut + 2 : cut + 1;
    this.line = resumeLine;
    this.recordLine = resumeLine;
    this.parse(value.slice(next).replaceAll('"', '""') + suffix, out);
  }

  private reset(): void {
    this.fields = [];
    this.field = '';
    this.state = FIELD_START;
    this.quoted = false;
    this.malformedField = -1;
    this.previousCR = false;
  }

  /** Completes the record in progress (skipping blank lines) and starts the next one on the next line. */
  private endRecord(out: CsvRecord[]): void {
    const fields = this.fields;
    fields.push(this.field);
    if (fields.length > 1 || this.quoted || !isBlank(fields[0]!)) {
      const errorField = this.malformedField;
      out.push(
        errorField < 0 ? { fields, line: this.recordLine } : { fields, line: this.recordLine, error: 'malformed-quote', errorField },
      );
    }
    this.fields = [];
    this.field = '';
    this.quoted = false;
    this.malformedField = -1;
    this.state = FIELD_START;
    this.line++;
    this.recordLine = this.line;
  }

  private parse(chunk: string, out: CsvRecord[]): void {
    const n = chunk.length;
    const delimiter = this.delimiter;
    let i = 0;
    if (!this.started) {
      if (n === 0) return;
      this.started = true;
      if (chunk.charCodeAt(0) === BOM) i = 1;
    }
    while (i < n) {
      const state = this.state;
      if (state === FIELD_START || state === UNQUOTED) {
        if (state === FIELD_START) {
          const c = chunk.charCodeAt(i);
          if (this.previousCR) {
            this.previousCR = false;
            // The LF of a CRLF whose CR ended the previous record.
            if (c === LF) {
              i++;
              continue;
            }
          }
          if (c === QUOTE) {
            this.state = QUOTED;
            this.quoted = true;
            this.quoteLine = this.line;
            i++;
            continue;
          }
          this.state = UNQUOTED;
        }
        let j = i;
        let c = 0;
        while (j < n) {
          c = chunk.charCodeAt(j);
          if (c === delimiter || c === LF || c === CR) break;
          j++;
        }
        if (j > i) this.field = this.field === '' ? chunk.slice(i, j) : this.field + chunk.slice(i, j);
        if (j === n) return;
        i = j + 1;
        if (c === delimiter) {
          this.fields.push(this.field);
          this.field = '';
          this.quoted = false;
          this.state = FIELD_START;
        } else {
          this.endRecord(out);
          this.previousCR = c === CR;
        }
      } else if (state === QUOTED) {
        // Copy up to the next quote, counting line ends inside the value for line numbers.
        let j = i;
        let previousCR = this.previousCR;
        let line = this.line;
        while (j < n) {
          const c = chunk.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === LF) {
            if (!previousCR) line++;
            previousCR = false;
          } else if (c === CR) {
            line++;
            previousCR = true;
          } else previousCR = false;
          j++;
        }
        this.line = line;
        this.previousCR = previousCR;
        if (j > i) this.field = this.field === '' ? chunk.slice(i, j) : this.field + chunk.slice(i, j);
        if (j === n) return;
        this.previousCR = false;
        this.state = QUOTE_SEEN;
        i = j + 1;
      } else {
        // QUOTE_SEEN
        const c = chunk.charCodeAt(i);
        if (c === QUOTE) {
          this.field += '"';
          this.state = QUOTED;
          i++;
        } else if (c === delimiter) {
          this.fields.push(this.field);
          this.field = '';
          this.quoted = false;
          this.state = FIELD_START;
          i++;
        } else if (c === LF || c === CR) {
          this.endRecord(out);
          this.previousCR = c === CR;
          i++;
        } else if (this.line > this.quoteLine) {
          this.recoverStrayQuote(out, '"');
        } else {
          // `"abc"def`: keep the text, flag the record, go on as an unquoted value.
          if (this.malformedField < 0) this.malformedField = this.fields.length;
          this.state = UNQUOTED;
        }
      }
    }
  }
}

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

/**
 * The text of CSV input, chunk by chunk: byte chunks are decoded as UTF-8 by one streaming `TextDecoder`,
 * so a character split across chunks is decoded whole.
 */
async function* decodeCsvChunks(input: CsvInput): AsyncGenerator<string, void, undefined> {
  if (typeof input === 'string') {
    yield input;
    return;
  }
  let decoder: TextDecoder | undefined;
  for await (const chunk of input as AsyncIterable<CsvChunk>) {
    if (typeof chunk === 'string') {
      yield chunk;
    } else {
      decoder ??= new TextDecoder('utf-8');
      const text = decoder.decode(chunk, { stream: true });
      if (text !== '') yield text;
    }
  }
  if (decoder) {
    const rest = decoder.decode();
    if (rest !== '') yield rest;
  }
}

/**
 * The records of CSV input, in batches (one per input chunk): the fast way to stream a large file, with
 * one `await` per chunk instead of one per record.
 *
 * @example
 * ```ts
 * for await (const batch of parseCsvBatches(createReadStream('leads.csv'))) rows += batch.length;
 * ```
 */
export async function* parseCsvBatches(input: CsvInput, options: ParseCsvOptions = {}): AsyncGenerator<CsvRecord[], void, undefined> {
  const parser = new CsvParser(options);
  for await (const text of decodeCsvChunks(input)) {
    const records = parser.write(text);
    if (records.length > 0) yield records;
  }
  const last = parser.end();
  if (last.length > 0) yield last;
}

/**
 * The records of CSV input, one by one, each with the line it starts on. Streams: it reads the next chunk
 * only when the records of the previous one are consumed. See {@link CsvParser} for what it accepts.
 *
 * @example
 * ```ts
 * for await (const { fields, line } of parseCsv('a,b\n"x, y",2\n')) console.log(line, fields);
 * // 1 ['a', 'b']
 * // 2 ['x, y', '2']
 * ```
 */
export async function* parseCsv(input: CsvInput, options: ParseCsvOptions = {}): AsyncGenerator<CsvRecord, void, undefined> {
  for await (const batch of parseCsvBatches(input, options)) yield* batch;
}

/**
 * All records of a CSV text, at once (synchronous).
 *
 * @example
 * ```ts
 * parseCsvText('\uFEFFa;b\r\n\r\n1;2', { delimiter: ';' });
 * // [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 3 }]
 * ```
 */
export function parseCsvText(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const parser = new CsvParser(options);
  const records = parser.write(text);
  for (const record of parser.end()) records.push(record);
  return records;
}
