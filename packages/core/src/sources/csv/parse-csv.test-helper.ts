// The tokenizer read record by record, from text or chunks: a helper of the grammar tests, not part of the
// package (loaders read through read-csv-table.ts).
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import { TextChunkEncoder, byteChunks } from './csv-file-input.js';
import type { CsvInput } from './csv-file-input.js';
import type { CsvRecord } from './record-parser.js';

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

/**
 * A push parser for RFC 4180 CSV text: feed it text chunks in order with {@link CsvParser.write}, then call
 * {@link CsvParser.end}; each call returns the records completed so far. It keeps only the line in
 * progress between chunks, so a file of any size streams through in constant memory.
 *
 * The text is encoded to UTF-8 and read by the one CSV reader of the library, which also reads files as
 * bytes. Accepted input beyond RFC 4180, because real exports contain it: LF and lone CR line ends as
 * well as CRLF, a UTF-8 byte-order mark, blank (empty or whitespace-only) lines, which are skipped but
 * counted in line numbers, a last line without a line end, and quotes inside unquoted values (`5" screen`,
 * kept literally). Broken quoting is reported on the record ({@link CsvRecord.error}), never thrown.
 *
 * @example
 * ```ts
 * const parser = new CsvParser();
 * const records = [...parser.write('id,name\r\n1,"Smith, J'), ...parser.write('o"\r\n'), ...parser.end()];
 * // [{ fields: ['id', 'name'], line: 1 }, { fields: ['1', 'Smith, Jo'], line: 2 }]
 * ```
 */
export class CsvParser {
  private readonly reader: ByteCsvReader;
  private readonly records: CsvRecord[] = [];
  private readonly encoder = new TextChunkEncoder();

  constructor(options: ParseCsvOptions = {}) {
    this.reader = recordReader(this.records, options.delimiter ?? ',');
  }

  /** Parses the next chunk of text; returns the records it completed. */
  write(chunk: string): CsvRecord[] {
    this.reader.write(this.encoder.encode(chunk));
    return this.records.splice(0);
  }

  /** Ends the input: returns the last record (a final line without a line end) and any quoting error. */
  end(): CsvRecord[] {
    this.reader.write(this.encoder.flush());
    this.reader.end();
    return this.records.splice(0);
  }
}

/** A reader whose records, as strings, go to `records`; one byte-order mark is skipped (two for bytes from {@link byteChunks}). */
function recordReader(records: CsvRecord[], delimiter: string): ByteCsvReader {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  return new ByteCsvReader(
    {
      fast: (buf, starts, ends, count, line, quoted) =>
        records.push({ fields: decodeFields(decoder, buf, starts, ends, count, quoted, delimiter), line }),
      record: (record) => records.push(record),
    },
    { delimiter, boms: 1 },
  );
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
  const records: CsvRecord[] = [];
  const reader = recordReader(records, options.delimiter ?? ',');
  for await (const bytes of byteChunks(input)) {
    reader.write(bytes);
    if (records.length > 0) yield records.splice(0);
  }
  reader.end();
  if (records.length > 0) yield records;
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
