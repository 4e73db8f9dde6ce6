import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CsvChunk } from './csv-file-input.js';
import type { CsvRecord } from './record-parser.js';
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import { TextChunkEncoder, byteChunks } from './csv-file-input.js';
import type { CsvInput } from './csv-file-input.js';

// The tokenizer read record by record, from text or chunks: a helper of the grammar tests, not part of the
// package (loaders read through read-csv-table.ts).
/**
 * Options of {@link parseCsv}, {@link parseCsvText} and {@link CsvParser}.
 *
 * @example
 * ```ts
 * parseCsvText('a;b\n1;2\n', { delimiter: ';' } satisfies ParseCsvOptions);
 * ```
 */
interface ParseCsvOptions {
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
class CsvParser {
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
async function* parseCsvBatches(input: CsvInput, options: ParseCsvOptions = {}): AsyncGenerator<CsvRecord[], void, undefined> {
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
async function* parseCsv(input: CsvInput, options: ParseCsvOptions = {}): AsyncGenerator<CsvRecord, void, undefined> {
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
function parseCsvText(text: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const parser = new CsvParser(options);
  const records = parser.write(text);
  for (const record of parser.end()) records.push(record);
  return records;
}

async function collect(input: Parameters<typeof parseCsv>[0], delimiter?: string): Promise<CsvRecord[]> {
  const out: CsvRecord[] = [];
  for await (const record of parseCsv(input, delimiter === undefined ? {} : { delimiter })) out.push(record);
  return out;
}

/** Splits text (or its UTF-8 bytes) at the given cut points, as a stream would. */
function split<T extends string | Uint8Array>(whole: T, cuts: number[]): T[] {
  const points = [...new Set(cuts.map((c) => c % (whole.length + 1)))].sort((a, b) => a - b);
  const parts: T[] = [];
  let from = 0;
  for (const p of [...points, whole.length]) {
    parts.push(whole.slice(from, p) as T);
    from = p;
  }
  return parts;
}

async function* slowly(chunks: CsvChunk[]): AsyncGenerator<CsvChunk> {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

const records = (...rows: [number, string[]][]) => rows.map(([line, fields]) => ({ fields, line }));
/** The header `id,name`, then a record `1,"Acme` whose quote never closes. */
const acmeUnterminated = [
  { fields: ['id', 'name'], line: 1 },
  { fields: ['1', 'Acme'], line: 2, error: 'unterminated-quote', errorField: 1 },
];

describe('parseCsv', () => {
  it('reads fields and records with their starting lines', () => {
    expect(parseCsvText('a,b,c\n1,2,3\n')).toEqual(records([1, ['a', 'b', 'c']], [2, ['1', '2', '3']]));
  });

  it('reads quoted fields with embedded delimiters, doubled quotes and line ends', () => {
    const text = 'id,note\r\n1,"Smith, J"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n4,"three\nmore\nlines"\r\n5,x\r\n';
    expect(parseCsvText(text)).toEqual(
      records(
        [1, ['id', 'note']],
        [2, ['1', 'Smith, J']],
        [3, ['2', 'say "hi"']],
        [4, ['3', 'two\r\nlines']],
        [6, ['4', 'three\nmore\nlines']],
        [9, ['5', 'x']],
      ),
    );
  });

  it('accepts CRLF, LF and lone CR line ends, mixed', () => {
    expect(parseCsvText('a\r\nb\nc\rd')).toEqual(records([1, ['a']], [2, ['b']], [3, ['c']], [4, ['d']]));
  });

  it('skips a UTF-8 byte-order mark, in text and in bytes', async () => {
    expect(parseCsvText('\uFEFFlead_id\n1')).toEqual(records([1, ['lead_id']], [2, ['1']]));
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('lead_id\n1')]);
    expect(await collect([bytes.slice(0, 1), bytes.slice(1, 2), bytes.slice(2)])).toEqual(records([1, ['lead_id']], [2, ['1']]));
  });

  it('skips blank and whitespace-only lines but keeps counting lines', () => {
    expect(parseCsvText('\n\na,b\r\n\r\n  \n\t\n1,2\n\n')).toEqual(records([3, ['a', 'b']], [7, ['1', '2']]));
  });

  it('keeps a record of one quoted empty field (not a blank line) and a row of empty fields', () => {
    expect(parseCsvText('x\n""\n,\n')).toEqual(records([1, ['x']], [2, ['']], [3, ['', '']]));
  });

  it('reads a last line without a line end, and a trailing delimiter as an empty field', () => {
    expect(parseCsvText('a,b\n1,')).toEqual(records([1, ['a', 'b']], [2, ['1', '']]));
    expect(parseCsvText('a,b\n1,"x"')).toEqual(records([1, ['a', 'b']], [2, ['1', 'x']]));
  });

  it('reads Unicode, including characters split across byte chunks', async () => {
    const text = 'name,city\nJosé Müller,"Zürich, 東京"\n😀 Smile,Ōsaka\n';
    const expected = records([1, ['name', 'city']], [2, ['José Müller', 'Zürich, 東京']], [3, ['😀 Smile', 'Ōsaka']]);
    expect(parseCsvText(text)).toEqual(expected);
    const bytes = new TextEncoder().encode(text);
    expect(await collect([...bytes].map((b) => new Uint8Array([b])))).toEqual(expected);
  });

  it('keeps a quote inside an unquoted value literally', () => {
    expect(parseCsvText('a,b\n5" screen,ok\n')).toEqual(records([1, ['a', 'b']], [2, ['5" screen', 'ok']]));
  });

  it('reports an unterminated quote on its record and resumes reading on the next line', () => {
    expect(parseCsvText('id,name\n1,"Acme\n2,Beta\n3,Gamma\n')).toEqual([
      ...acmeUnterminated,
      ...records([3, ['2', 'Beta']], [4, ['3', 'Gamma']]),
    ]);
    expect(parseCsvText('id,name\n1,"Acme')).toEqual(acmeUnterminated);
  });

  it('treats a stray opening quote that swallowed lines up to a later quoted value as unterminated', () => {
    expect(parseCsvText('id,name\n1,"Acme\n2,Beta\n3,"Gamma, Inc"\n4,Delta\n')).toEqual([
      ...acmeUnterminated,
      ...records([3, ['2', 'Beta']], [4, ['3', 'Gamma, Inc']], [5, ['4', 'Delta']]),
    ]);
  });

  it('reports text after a closing quote as a malformed quote and keeps the text', () => {
    expect(parseCsvText('a,b\n"abc"def,2\n')).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['abcdef', '2'], line: 2, error: 'malformed-quote', errorField: 0 },
    ]);
  });

  it('reads other delimiters and rejects impossible ones', () => {
    expect(parseCsvText('a;b\n"x;y";2', { delimiter: ';' })).toEqual(records([1, ['a', 'b']], [2, ['x;y', '2']]));
    expect(parseCsvText('a\tb\n1\t2', { delimiter: '\t' })).toEqual(records([1, ['a', 'b']], [2, ['1', '2']]));
    expect(parseCsvText('a§b\r\n"x§""y"""§2§', { delimiter: '§' })).toEqual(records([1, ['a', 'b']], [2, ['x§"y"', '2', '']]));
    expect(() => new CsvParser({ delimiter: '"' })).toThrow(RangeError);
    expect(() => new CsvParser({ delimiter: ';;' })).toThrow(/one character/);
  });

  it('gives nothing for empty input', async () => {
    expect(parseCsvText('')).toEqual([]);
    expect(await collect([])).toEqual([]);
    expect(await collect(['', new Uint8Array()])).toEqual([]);
  });

  it('splits quotes and CRLF across chunk borders like one chunk', async () => {
    const text = 'a,"b""c"\r\n"d\r\ne",f\r\n';
    const whole = parseCsvText(text);
    for (let cut = 0; cut <= text.length; cut++) {
      expect(await collect([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
    expect(await collect(text.split(''))).toEqual(whole);
  });

  it('streams: the first records arrive before the input is read to the end', async () => {
    let produced = 0;
    async function* rows(): AsyncGenerator<string> {
      yield 'lead_id,received_time\n';
      for (let i = 0; i < 1000; i++) {
        produced++;
        yield `${i},2025-01-01\n`;
      }
    }
    let seen = 0;
    for await (const record of parseCsv(rows())) {
      if (record.line === 3) {
        seen = produced;
        break;
      }
    }
    expect(seen).toBeLessThan(5);
  });

  it('yields a batch per chunk', async () => {
    const batches: number[] = [];
    for await (const batch of parseCsvBatches(['a\nb\n', 'c\n', 'd'])) batches.push(batch.length);
    expect(batches).toEqual([2, 1, 1]);
  });
});

// ---- properties --------------------------------------------------------------------------------------

/** Field text drawn from characters that matter to CSV, plus multi-unit Unicode. */
const fieldArb = fc
  .array(fc.constantFrom('a', 'b', ' ', ',', '"', '\r', '\n', '\r\n', 'é', '😀', '東', ';'), { maxLength: 6 })
  .map((parts) => parts.join(''));

const tableArb = fc.array(fc.array(fieldArb, { minLength: 1, maxLength: 4 }), { maxLength: 8 });

/** Writes records as CSV, quoting where needed (and sometimes where not), with mixed line ends and blank lines. */
function serialize(
  rows: string[][],
  style: { quoteAll: boolean[]; lineEnds: string[]; blank: boolean[]; bom: boolean; finalEnd: boolean },
): { text: string; expected: CsvRecord[] } {
  let text = style.bom ? '\uFEFF' : '';
  let line = 1;
  const expected: CsvRecord[] = [];
  const countLines = (s: string) => s.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n').length - 1;
  rows.forEach((fields, r) => {
    const end = style.lineEnds[r % style.lineEnds.length]!;
    if (style.blank[r % style.blank.length]) {
      // After a lone CR an LF would join it as one CRLF line end, not make a blank line.
      text += text.endsWith('\r') && end === '\n' ? '\r\n' : end;
      line++;
    }
    const written = fields.map((f, i) => {
      const needs = /[",\r\n]/.test(f) || (fields.length === 1 && f.trim() === '') || f.startsWith('"');
      return needs || style.quoteAll[(r + i) % style.quoteAll.length] ? `"${f.replaceAll('"', '""')}"` : f;
    });
    const body = written.join(',');
    expected.push({ fields, line });
    text += body;
    line += countLines(body);
    if (r < rows.length - 1 || style.finalEnd) {
      text += end;
      line++;
    }
  });
  return { text, expected };
}

const styleArb = fc.record({
  quoteAll: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
  lineEnds: fc.array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 3 }),
  blank: fc.array(fc.boolean(), { minLength: 1, maxLength: 4 }),
  bom: fc.boolean(),
  finalEnd: fc.boolean(),
});

describe('parseCsv properties', () => {
  it('reads back what was written, with the line each record starts on', () => {
    fc.assert(
      fc.property(tableArb, styleArb, (rows, style) => {
        const { text, expected } = serialize(rows, style);
        expect(parseCsvText(text)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the one-chunk result for any split into text chunks (valid CSV)', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, fc.array(fc.nat(), { maxLength: 12 }), async (rows, style, cuts) => {
        const { text } = serialize(rows, style);
        expect(await collect(slowly(split(text, cuts)))).toEqual(parseCsvText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the one-chunk result for any split into byte chunks (valid CSV, split inside characters)', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb, styleArb, fc.array(fc.nat(), { maxLength: 12 }), async (rows, style, cuts) => {
        const { text } = serialize(rows, style);
        const bytes = new TextEncoder().encode(text);
        expect(await collect(slowly(split(bytes, cuts)))).toEqual(parseCsvText(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the one-chunk result for any split of arbitrary text, broken quoting included, and never throws', async () => {
    const junkArb = fc.array(fc.constantFrom('a', ',', '"', '""', '\r', '\n', '\r\n', ' ', '😀'), { maxLength: 40 }).map((p) => p.join(''));
    await fc.assert(
      fc.asyncProperty(junkArb, fc.array(fc.nat(), { maxLength: 10 }), async (text, cuts) => {
        const whole = parseCsvText(text);
        expect(await collect(split(text, cuts))).toEqual(whole);
        // Line numbers never go backwards and never pass the number of lines.
        const lines = text.replace(/\r\n/g, '\n').replace(/\r/g, '\n').split('\n').length;
        for (let i = 0; i < whole.length; i++) {
          expect(whole[i]!.line).toBeLessThanOrEqual(lines);
          if (i > 0) expect(whole[i]!.line).toBeGreaterThan(whole[i - 1]!.line);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
