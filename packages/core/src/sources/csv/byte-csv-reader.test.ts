import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ByteCsvSink } from './byte-csv-reader.js';
import { ByteCsvReader, decodeFields } from './byte-csv-reader.js';
import type { CsvRecord } from './record-parser.js';
import { RecordParser } from './record-parser.js';

/** Every record the reader gives for `bytes` cut at `cuts`, as strings. */
function readBytes(bytes: Uint8Array, delimiter: string, cuts: number[], boms = 1): { records: CsvRecord[]; fast: number } {
  const records: CsvRecord[] = [];
  let fast = 0;
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const sink: ByteCsvSink = {
    fast(buf, starts, ends, count, line, quoted) {
      fast++;
      records.push({ fields: decodeFields(decoder, buf, starts, ends, count, quoted, delimiter), line });
    },
    record(record) {
      records.push(record);
    },
  };
  const reader = new ByteCsvReader(sink, { delimiter, boms });
  let from = 0;
  for (const cut of [...cuts].map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
    reader.write(bytes.slice(from, cut));
    from = cut;
  }
  reader.write(bytes.slice(from));
  reader.end();
  return { records, fast };
}

const encode = (text: string) => new TextEncoder().encode(text);

/** The records of the whole grammar ({@link RecordParser} alone, in one piece, after one byte-order mark). */
function parseWhole(text: string, delimiter = ','): CsvRecord[] {
  const records: CsvRecord[] = [];
  const parser = new RecordParser(encode(delimiter), 1, (r) => records.push(r));
  const bytes = encode(text.startsWith('\uFEFF') ? text.slice(1) : text);
  parser.write(bytes, 0, bytes.length);
  parser.end();
  return records;
}

describe('ByteCsvReader', () => {
  it("splits ordinary lines itself and hands quotes that need the parser to it, giving the parser's records", () => {
    const text = 'id,name\r\n1,"Smith, J"\n2,"say ""hi"""\n\n  \n3,"two\nlines"\n4,5" screen\n"5",x\n';
    const { records, fast } = readBytes(encode(text), ',', []);
    expect(records).toEqual(parseWhole(text));
    expect(fast).toBe(4); // the header, 1 ("Smith, J" is a simple quoted value), 4 and 5
  });

  it('numbers lines like the parser across blank lines, CRLF and quoted line ends', () => {
    const text = '\n\na,b\r\n\r\n"x\r\ny",2\r\n3,4';
    expect(readBytes(encode(text), ',', [3, 9]).records).toEqual(parseWhole(text));
  });

  it('reads lone-CR line ends through the parser', () => {
    const text = 'a,b\r1,2\r3,4';
    expect(readBytes(encode(text), ',', []).records).toEqual(parseWhole(text));
  });

  it('skips a byte-order mark at the start only', () => {
    const text = '\uFEFFa,b\n\uFEFF1,2\n';
    expect(readBytes(encode(text), ',', []).records).toEqual(parseWhole(text));
  });

  it('reports broken quoting as the parser does, resuming on the next line', () => {
    const text = 'a,b\n1,"open\n2,3\n4,"x"y\n5,6\n';
    expect(readBytes(encode(text), ',', [5]).records).toEqual(parseWhole(text));
  });

  it("gives the parser's records for any text, any delimiter and any cuts (property)", () => {
    const piece = fc.constantFrom(
      '§',
      'a',
      'b',
      '1',
      ' ',
      '\t',
      ',',
      ';',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      'é',
      '😀',
      '\uFEFF',
      'x"y',
      '|',
      '!',
      '#',
      '\x01',
      '\x0b',
      '~',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }),
        // Delimiters below, between and above the quote and the line ends (the splitter's skip compares bytes with them).
        fc.constantFrom(',', ';', '\t', '§', '|', ' ', '!', '#', '\x01', '~'),
        fc.array(fc.nat(), { maxLength: 6 }),
        (pieces, delimiter, cuts) => {
          const text = pieces.join('');
          expect(readBytes(encode(text), delimiter, cuts).records).toEqual(parseWhole(text, delimiter));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
