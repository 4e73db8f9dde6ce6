/** What went wrong with a record's quoting. */
export type CsvRecordError = 'unterminated-quote' | 'malformed-quote';

/** One CSV record: its fields and the 1-based line on which it starts (a quoted value may span lines). */
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

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

// States.
const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
/** Inside a quoted value, just after a quote: either the first of a doubled `""` or the closing quote. */
const QUOTE_SEEN = 3;

/**
 * The whole CSV grammar over UTF-8 bytes, a push parser that keeps its state between pieces: the part of {@link ByteCsvReader} that reads
 * the lines its line splitter cannot take alone (doubled quotes, line ends inside quotes, text after a closing quote, lone CRs, a multi-
 * byte delimiter). @internal
 */
export class RecordParser {
  private fields: string[] = [];
  private field = '';
  private state = FIELD_START;
  /** The physical line the parser is on (1-based). */
  private line: number;
  private recordLine: number;
  /** Line on which the open quoted value started (to resume after an unterminated quote). */
  private quoteLine = 1;
  /** The last byte read was a CR: an LF right after it ends the same line. */
  private previousCR = false;
  /** Whether the field in progress was quoted (a quoted empty line is a record, not a blank line). */
  private quoted = false;
  /** Index of the field with text after its closing quote, or -1. */
  private malformedField = -1;
  private readonly d0: number;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  constructor(
    /** The delimiter's UTF-8 bytes (one character). */
    private readonly delimiter: Uint8Array,
    line: number,
    private readonly emit: (record: CsvRecord) => void,
  ) {
    this.d0 = delimiter[0]!;
    this.line = line;
    this.recordLine = line;
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** Whether the parser stands between records (nothing pending). */
  get betweenRecords(): boolean {
    return this.state === FIELD_START && this.fields.length === 0 && this.field === '' && !this.quoted && !this.previousCR;
  }

  /** Ends the input: the last record (a final line without a line end) and any quoting error. */
  end(): void {
    // Cannot loop more than once (see recoverStrayQuote), but a loop costs nothing and is safe.
    while (this.state === QUOTED) this.recoverStrayQuote('');
    if (this.state !== FIELD_START || this.fields.length > 0) this.endRecord();
  }

  /**
   * A quoted value that never closes, or that "closes" with a quote followed by text after running over line ends, almost always comes from
   * a stray opening quote (`1,"Acme` … ) that swallowed the lines after it.
   */
  private recoverStrayQuote(suffix: string): void {
    const value = this.field;
    let cut = 0;
    while (cut < value.length && value.charCodeAt(cut) !== CR && value.charCodeAt(cut) !== LF) cut++;
    const errorField = this.fields.push(value.slice(0, cut)) - 1;
    this.emit({ fields: this.fields, line: this.recordLine, error: 'unterminated-quote', errorField });
    const resumeLine = this.quoteLine + 1;
    this.reset();
    if (cut === value.length) return;
    const next = value.charCodeAt(cut) === CR && value.charCodeAt(cut + 1) === LF ? cut + 2 : cut + 1;
    this.line = resumeLine;
    this.recordLine = resumeLine;
    const again = new TextEncoder().encode(value.slice(next).replaceAll('"', '""') + suffix);
    this.write(again, 0, again.length);
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
  private endRecord(): void {
    const fields = this.fields;
    fields.push(this.field);
    if (fields.length > 1 || this.quoted || !isBlank(fields[0]!)) {
      const errorField = this.malformedField;
      this.emit(
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

  /** Whether the delimiter starts at `i` (a multi-byte one lies whole inside a piece: pieces end on character boundaries). */
  private delimiterAt(buf: Uint8Array, i: number, n: number): boolean {
    const d = this.delimiter;
    if (buf[i] !== this.d0) return false;
    if (d.length === 1) return true;
    if (i + d.length > n) return false;
    for (let k = 1; k < d.length; k++) if (buf[i + k] !== d[k]) return false;
    return true;
  }

  /** Text of `buf[i, j)` appended to the field in progress. */
  private append(buf: Uint8Array, i: number, j: number): void {
    if (j === i) return;
    const text = this.decoder.decode(buf.subarray(i, j));
    this.field = this.field === '' ? text : this.field + text;
  }

  /** Reads `buf[p, n)`, which ends on a character boundary. */
  write(buf: Uint8Array, p: number, n: number): void {
    const d0 = this.d0;
    let i = p;
    while (i < n) {
      const state = this.state;
      if (state === FIELD_START || state === UNQUOTED) {
        if (state === FIELD_START) {
          const c = buf[i]!;
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
          c = buf[j]!;
          if (c === LF || c === CR || (c === d0 && this.delimiterAt(buf, j, n))) break;
          j++;
        }
        this.append(buf, i, j);
        if (j === n) return;
        if (c === LF || c === CR) {
          i = j + 1;
          this.endRecord();
          this.previousCR = c === CR;
        } else {
          i = j + this.delimiter.length;
          this.fields.push(this.field);
          this.field = '';
          this.quoted = false;
          this.state = FIELD_START;
        }
      } else if (state === QUOTED) {
        // Copy up to the next quote, counting line ends inside the value for line numbers.
        let j = i;
        let previousCR = this.previousCR;
        let line = this.line;
        while (j < n) {
          const c = buf[j]!;
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
        this.append(buf, i, j);
        if (j === n) return;
        this.previousCR = false;
        this.state = QUOTE_SEEN;
        i = j + 1;
      } else {
        // QUOTE_SEEN
        const c = buf[i]!;
        if (c === QUOTE) {
          this.field += '"';
          this.state = QUOTED;
          i++;
        } else if (this.delimiterAt(buf, i, n)) {
          this.fields.push(this.field);
          this.field = '';
          this.quoted = false;
          this.state = FIELD_START;
          i += this.delimiter.length;
        } else if (c === LF || c === CR) {
          this.endRecord();
          this.previousCR = c === CR;
          i++;
        } else if (this.line > this.quoteLine) {
          this.recoverStrayQuote('"'); // then reads on from the text after the quote
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
