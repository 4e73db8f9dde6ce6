import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { HEAD_BYTES, contentKindOf, nameInsideGzip } from './content-kind.js';
import { XLSX, zipOf } from '../../../test/fixtures/zip-archives.js';
import { toArrow, toParquet } from './tables.test-helper.js';

const table = { columns: [{ name: 'lead_id', type: 'string' as const }], rows: [['1']] };
const ascii = (text: string) => new TextEncoder().encode(text);
const utf16 = (text: string, le: boolean) => {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[le ? 2 * i : 2 * i + 1] = code & 0xff;
    out[le ? 2 * i + 1 : 2 * i] = code >> 8;
  }
  return out;
};

describe('contentKindOf', () => {
  it('tells each magic number', () => {
    expect(contentKindOf(gzipSync('lead_id\n1\n'))).toBe('gzip');
    expect(contentKindOf(zipOf(XLSX))).toBe('zip');
    expect(contentKindOf(toParquet(table))).toBe('parquet');
    expect(contentKindOf(toArrow(table, 'file'))).toBe('arrow');
    expect(contentKindOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toBe('xls');
    expect(contentKindOf(ascii('%PDF-1.7\n%\u00e2\u00e3\n'))).toBe('pdf');
  });

  it('reads text as text: empty, ASCII, UTF-8 with a mark, UTF-16 with and without its mark', () => {
    expect(contentKindOf(new Uint8Array(0))).toBe('text');
    expect(contentKindOf(ascii('lead_id,received_time\n1,2026-01-01 09:00\n'))).toBe('text');
    expect(contentKindOf(ascii('\ufeffId,Créé\n'))).toBe('text');
    for (const le of [true, false]) {
      expect(contentKindOf(utf16('\ufefflead_id,received_time\n1,x\n', le))).toBe('text');
      expect(contentKindOf(utf16('lead_id,received_time\n1,x\n', le))).toBe('text');
    }
    // A shorter head than a magic number is text, not an error.
    expect(contentKindOf(new Uint8Array([0x50, 0x4b]))).toBe('text');
  });

  it('calls NUL bytes on both sides of a byte pair binary', () => {
    expect(contentKindOf(new Uint8Array([0x41, 0, 0, 0x42, 0x43, 0x44]))).toBe('binary');
    expect(contentKindOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe('binary'); // PNG
  });

  it('property: CSV text without NUL in UTF-8, or in UTF-16 either way round without a mark, is text', () => {
    const field = fc.string({ unit: 'grapheme', maxLength: 12 }).map((f) => f.replace(/\0/g, ' '));
    const csv = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(csv, fc.constantFrom('utf-8', 'utf-16le', 'utf-16be'), (rows, as) => {
        const text = `lead_id,name\n${rows.map((row) => row.join(',')).join('\n')}`;
        // The bound the heuristic states: UTF-16 code units U+xx00 (a NUL on the other side) fewer than a quarter of the ASCII ones.
        const units = [...text].flatMap((c) => (c.length === 2 ? [c.charCodeAt(0), c.charCodeAt(1)] : [c.charCodeAt(0)]));
        const other = units.filter((u) => u > 0xff && (u & 0xff) === 0).length;
        fc.pre(as === 'utf-8' || other * 4 <= units.filter((u) => u < 0x100).length);
        const bytes = as === 'utf-8' ? ascii(text) : utf16(text, as === 'utf-16le');
        expect(contentKindOf(bytes.subarray(0, HEAD_BYTES))).toBe('text');
      }),
      { numRuns: 300 },
    );
    // CJK names beside ASCII times, with characters U+xx00 (一, the ideographic space) that put a NUL on the other side.
    const cjk = 'lead_id,name,received_time\n1,\u4e00\u4e01\u3000\u4e00,2026-01-05 09:00\n2,\u5e73\u4e00,2026-01-05 10:00\n';
    for (const le of [true, false]) expect(contentKindOf(utf16(cjk, le))).toBe('text');
  });

  it('names what a gzip file holds', () => {
    expect(nameInsideGzip('exports/leads.csv.gz')).toBe('exports/leads.csv');
    expect(nameInsideGzip('x.PARQUET.GZIP')).toBe('x.PARQUET');
    expect(nameInsideGzip('leads.csv')).toBe('leads.csv');
  });
});
