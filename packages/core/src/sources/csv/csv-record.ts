// The shapes of CSV input and of one record as the tokenizer reads it.

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
