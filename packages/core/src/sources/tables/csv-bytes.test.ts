import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvBytesWriter } from './csv-bytes.js';
import type { CellKind } from './csv-cells.js';
import { cellText, csvLine } from './csv-cells.js';

const kind = fc.constantFrom<CellKind>('instant', 'wall', 'date', 'value');
const value = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }), // lone surrogates too
  fc.constantFrom('a,b', 'q"x', 'l\nm', 'p|q', ''),
  fc.integer({ min: -62_200_000_000_000, max: 253_500_000_000_000 }), // around the years 0000 and 9999
  // Days 4,096 apart, which share a slot of the writer's day cache.
  fc.tuple(fc.integer({ min: -2, max: 2 }), fc.integer({ min: 0, max: 86_399_999 })).map(([k, t]) => (20_000 + k * 4096) * 86_400_000 + t),
  fc.double({ noNaN: false }),
  fc.bigInt(),
  fc.boolean(),
  // Byte strings (a binary column's values, which cellText decodes): ASCII with the characters that need quotes, long, malformed UTF-8.
  fc.string({ maxLength: 8 }).map((s) => new TextEncoder().encode(s)),
  fc.string({ minLength: 30, maxLength: 40 }).map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 6 }),
);

describe('CsvBytesWriter', () => {
  it('writes exactly the UTF-8 of csvLine over cellText, for any values, kinds and delimiters', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.tuple(value, kind), { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
        fc.constantFrom(',', ';', '\t', '|', '::'),
        (rows, delimiter) => {
          const writer = new CsvBytesWriter(delimiter);
          let text = '';
          for (const row of rows) {
            for (const [v, k] of row) writer.cell(v, k);
            writer.line();
            text += csvLine(
              row.map(([v, k]) => cellText(v, k)),
              delimiter,
            );
          }
          expect(writer.size).toBe(new TextEncoder().encode(text).length);
          expect(writer.take()).toEqual(new TextEncoder().encode(text));
          expect(writer.size).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });
});
