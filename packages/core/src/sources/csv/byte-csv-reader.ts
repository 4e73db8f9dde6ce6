import { csvMessages } from '../messages.js';
import type { CsvRecord } from './record-parser.js';
import { RecordParser } from './record-parser.js';
import { concatBytes } from './csv-file-input.js';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;
const BOM0 = 0xef;
const BOM1 = 0xbb;
const BOM2 = 0xbf;
/** A line this long without a line feed means the file ends its lines with lone CRs: hand it all to the record parser. */
const MAX_CARRY = 1 << 20;

/** Where the reader hands its records: {@link fast} for a line it split itself, {@link record} for one the record parser read. @internal */
export interface ByteCsvSink {
  /**
   * A record on one line, split at the delimiter without making strings: field `i` is the bytes `buf[starts[i], ends[i])` (inside the
   * quotes for a quoted field, which then holds no quote and no line end).
   */
  fast(buf: Uint8Array, starts: Int32Array, ends: Int32Array, count: number, line: number, quoted: boolean): void;
  /** A record the {@link RecordParser} read (doubled quotes, quoted line ends, broken quoting, lone CRs). */
  record(record: CsvRecord): void;
}

/** Options of {@link ByteCsvReader}. @internal */
export interface ByteCsvReaderOptions {
  /** The field separator, one character other than a quote, CR or LF (checked: a `RangeError` otherwise). */
  delimiter: string;
  /**
   * Byte-order marks to skip at the very start: 2 for bytes as `byteChunks` gives them (a UTF-8 decoder drops one, then the CSV reader
   * another), 1 for text encoded to bytes, 0 for a piece of a file. Default 0.
   */
  boms?: number;
  /** The number of the first line. Default 1. */
  line?: number;
}

/** The CSV reader: UTF-8 bytes in, records out. @internal */
export class ByteCsvReader {
  /** The number of the line the next record starts on. */
  line: number;
  private readonly delimiter: number;
  private readonly delimiterBytes: Uint8Array;
  /**
   * A byte above {@link hi}, or strictly between {@link lo} and it, is none of delimiter, quote, CR and LF: the line splitter skips it with
   * two comparisons (the few other bytes that are none of them, a space or a tab, take the slower way).
   */
  private readonly lo: number;
  private readonly hi: number;
  private starts: Int32Array = new Int32Array(32);
  private ends: Int32Array = new Int32Array(32);
  /** An unfinished line from the previous write. */
  private carry: Uint8Array | null = null;
  /** The parser reading the current run of difficult lines, if any. */
  private parser: RecordParser | null = null;
  /** Lone-CR files (no line feeds) and multi-byte delimiters: everything goes through the parser. */
  private streaming = false;
  /** While streaming: the bytes of a character cut at the end of the last write. */
  private tail: Uint8Array | null = null;
  private boms: number;

  constructor(
    private readonly sink: ByteCsvSink,
    options: ByteCsvReaderOptions,
  ) {
    this.delimiterBytes = delimiterBytes(options.delimiter);
    this.delimiter = this.delimiterBytes.length === 1 ? this.delimiterBytes[0]! : -1;
    this.boms = options.boms ?? 0;
    this.line = options.line ?? 1;
    if (this.delimiter < 0) this.streaming = true;
    this.hi = Math.max(this.delimiter, QUOTE);
    this.lo = Math.max(Math.min(this.delimiter, QUOTE), CR);
  }

  /** Reads the complete lines of the next bytes; an unfinished last line waits for the next write. */
  write(chunk: Uint8Array): void {
    if (this.streaming) {
      this.stream(chunk, false);
      return;
    }
    let p = 0;
    if (this.carry !== null) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.carry = concatBytes(this.carry, chunk);
        if (this.carry.length > MAX_CARRY) this.startStreaming();
        return;
      }
      const joined = concatBytes(this.carry, chunk.subarray(0, lf + 1));
      this.carry = null;
      this.linesAfterBoms(joined, 0, joined.length);
      p = lf + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last < p) {
      if (p < chunk.length) {
        this.carry = chunk.slice(p);
        if (this.carry.length > MAX_CARRY) this.startStreaming();
      }
      return;
    }
    this.linesAfterBoms(chunk, p, last + 1);
    if (last + 1 < chunk.length) this.carry = chunk.slice(last + 1);
  }

  /** Whether the bytes so far end between two records (no unfinished line, no quoted value open). */
  get betweenRecords(): boolean {
    return this.carry === null && this.parser === null && !this.streaming;
  }

  /** Ends the input: reads an unfinished last line and closes any quoted value left open. */
  end(): void {
    if (this.streaming) {
      this.stream(new Uint8Array(0), true);
    } else if (this.carry !== null) {
      const rest = this.carry;
      this.carry = null;
      this.linesAfterBoms(rest, 0, rest.length);
    }
    if (this.parser !== null) {
      this.parser.end();
      this.line = this.parser.nextLine;
      this.parser = null;
    }
  }

  private startStreaming(): void {
    this.streaming = true;
    const rest = this.carry!;
    this.carry = null;
    this.stream(rest, false);
  }

  /** Hands bytes to the parser, up to the last whole character (the rest waits for the next bytes). */
  private stream(chunk: Uint8Array, last: boolean): void {
    const buf = this.tail === null ? chunk : concatBytes(this.tail, chunk);
    this.tail = null;
    if (this.boms > 0 && buf.length < 3 && !last) {
      this.tail = buf.slice();
      return;
    }
    const from = this.boms > 0 ? this.skipBoms(buf, 0) : 0;
    let cut = buf.length;
    if (!last) {
      // Back to the start of the last character, unless it is whole.
      let k = cut;
      while (k > from && (buf[k - 1]! & 0xc0) === 0x80) k--;
      if (k > from && buf[k - 1]! >= 0xc0 && cut - (k - 1) < sequenceLength(buf[k - 1]!)) cut = k - 1;
    }
    if (cut < buf.length) this.tail = buf.slice(cut);
    this.slow(buf, from, cut);
  }

  /** Skips the byte-order marks still expected at `p`; returns the new position. */
  private skipBoms(buf: Uint8Array, p: number): number {
    while (this.boms > 0) {
      if (buf.length - p < 3 || buf[p] !== BOM0 || buf[p + 1] !== BOM1 || buf[p + 2] !== BOM2) {
        this.boms = 0;
        break;
      }
      p += 3;
      this.boms--;
    }
    return p;
  }

  /** Bytes for the parser, opening it at the current line if needed. */
  private slow(buf: Uint8Array, p: number, end: number): void {
    if (this.parser === null) this.parser = new RecordParser(this.delimiterBytes, this.line, (record) => this.sink.record(record));
    this.parser.write(buf, p, end);
  }

  /** Doubles the room for field offsets. */
  private widen(): [Int32Array, Int32Array] {
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    return [this.starts, this.ends];
  }

  /**
   * {@link lines} after the byte-order marks still expected. Not in `lines`: a branch taken only by the first call of each reader, before
   * the engine records what a function does, was compiled into `lines` as never taken, and threw the compiled `lines` away at the start of
   * every file after the first.
   */
  private linesAfterBoms(buf: Uint8Array, p: number, end: number): void {
    this.lines(buf, this.boms > 0 ? this.skipBoms(buf, p) : p, end);
  }

  /** Reads the lines of `buf[p, end)`: every one ends with a line feed, except at the end of the input. */
  private lines(buf: Uint8Array, p: number, end: number): void {
    const delimiter = this.delimiter;
    const sink = this.sink;
    const { lo, hi } = this;
    while (p < end) {
      if (this.parser !== null) {
        // A run of difficult lines: the parser reads whole lines until it stands between records.
        let q = buf.indexOf(LF, p);
        q = q < 0 || q >= end ? end : q + 1;
        const parser = this.parser;
        parser.write(buf, p, q);
        p = q;
        if (parser.betweenRecords) {
          this.line = parser.nextLine;
          this.parser = null;
        }
        continue;
      }

      let starts = this.starts;
      let ends = this.ends;
      let count = 0;
      let quoted = false;
      let difficult = false;
      let i = p;
      let fieldEnd = -1;
      starts[0] = p;
      // One pass over the line's bytes: delimiters split fields; a quote opening a field starts a quoted
      // value read to its closing quote; a line feed (or CR LF) ends the line. The inner loop skips the
      // bytes that are none of these four at a time, by two comparisons a byte (see `lo`); past the end of
      // `buf` a read gives undefined, which stops it.
      for (;;) {
        let c: number;
        for (;;) {
          c = buf[i]!;
          if (!(c > hi || (c > lo && c < hi))) break;
          c = buf[i + 1]!;
          if (!(c > hi || (c > lo && c < hi))) {
            i += 1;
            break;
          }
          c = buf[i + 2]!;
          if (!(c > hi || (c > lo && c < hi))) {
            i += 2;
            break;
          }
          c = buf[i + 3]!;
          if (!(c > hi || (c > lo && c < hi))) {
            i += 3;
            break;
          }
          i += 4;
        }
        if (i >= end) {
          i = end;
          break;
        }
        if (c === delimiter) {
          ends[count] = i;
          if (++count === starts.length) [starts, ends] = this.widen();
          starts[count] = ++i;
          continue;
        }
        if (c === LF) {
          fieldEnd = i;
          break;
        }
        if (c === QUOTE) {
          if (i !== starts[count]) {
            i++; // a quote inside an unquoted value is kept as it is
            continue;
          }
          // A quoted value: simple when it closes on this line, holds no quote, and a delimiter or the line end follows.
          let j = i + 1;
          while (j < end) {
            const d = buf[j]!;
            if (d === QUOTE || d === LF || d === CR) break;
            j++;
          }
          const after = j + 1 < end ? buf[j + 1]! : -1;
          if (j >= end || buf[j] !== QUOTE || !(after === delimiter || after === LF || after === CR || j + 1 === end)) {
            difficult = true;
            break;
          }
          quoted = true;
          starts[count] = i + 1;
          ends[count] = j;
          i = j + 1;
          if (i === end || buf[i] !== delimiter) {
            // The value ends the line.
            if (i < end && buf[i] === CR) {
              if (i + 1 >= end || buf[i + 1] !== LF) {
                difficult = true;
                break;
              }
              i++;
            }
            fieldEnd = -2; // already set
            break;
          }
          // buf[i] is the delimiter after the value.
          if (++count === starts.length) [starts, ends] = this.widen();
          starts[count] = ++i;
          continue;
        }
        if (c === CR) {
          if (i + 1 < end && buf[i + 1] === LF) {
            fieldEnd = i;
            i++;
            break;
          }
          difficult = true;
          break;
        }
        i++; // a space, a tab or a control character
      }
      if (difficult) {
        this.slow(buf, p, p); // opens the parser at this line; the loop hands it the line
        continue;
      }
      if (fieldEnd === -1) fieldEnd = i; // the input's last line, without a line end
      if (fieldEnd !== -2) ends[count] = fieldEnd;
      count++;
      const next = i < end ? i + 1 : end;
      if (count === 1 && !quoted && isBlankBytes(buf, starts[0]!, ends[0]!)) {
        this.line++;
        p = next;
        continue;
      }
      sink.fast(buf, starts, ends, count, this.line, quoted);
      this.line++;
      p = next;
    }
  }
}

/** The fields of a record the reader split, as strings. @internal */
export function decodeFields(
  decoder: TextDecoder,
  buf: Uint8Array,
  starts: Int32Array,
  ends: Int32Array,
  count: number,
  quoted: boolean,
  delimiter: string,
): string[] {
  if (!quoted) return decoder.decode(buf.subarray(starts[0]!, ends[count - 1]!)).split(delimiter);
  const fields: string[] = [];
  for (let f = 0; f < count; f++) fields.push(decoder.decode(buf.subarray(starts[f]!, ends[f]!)));
  return fields;
}

/** The UTF-8 bytes of a delimiter, or a `RangeError` when it is not one character other than a quote, CR or LF. @internal */
export function delimiterBytes(delimiter: string): Uint8Array {
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code === QUOTE || code === CR || code === LF) throw new RangeError(csvMessages.badDelimiter(delimiter));
  return new TextEncoder().encode(delimiter);
}

/** The length of the UTF-8 sequence a lead byte starts. */
function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

function isBlankBytes(buf: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = buf[i];
    if (c !== SPACE && c !== TAB) return false;
  }
  return true;
}

function grow(a: Int32Array) {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}
