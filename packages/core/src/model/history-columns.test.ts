import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HistoryColumnsBuilder } from './history-columns.js';

describe('HistoryColumnsBuilder', () => {
  it('groups rows per lead and sorts each lead by time, stable, whether the rows come grouped or not, across pieces of any size (property)', () => {
    const rowArb = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 5 }), fc.constantFrom('New', 'Won', null));
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 80 }), fc.boolean(), fc.integer({ min: 1, max: 9 }), (raw, grouped, pieceRows) => {
        const rows = grouped ? [...raw].sort((a, b) => a[0] - b[0]) : raw;
        const builder = new HistoryColumnsBuilder(pieceRows);
        for (const [lead, at, value] of rows) builder.push(lead, at * 60_000, value);
        const columns = builder.finish(7);
        for (let lead = 0; lead < 7; lead++) {
          const expected = rows
            .filter((row) => row[0] === lead)
            .sort((a, b) => a[1] - b[1])
            .map(([, at, value]) => [at * 60_000, value]);
          const actual = [];
          for (let r = columns.offsets[lead]!; r < columns.offsets[lead + 1]!; r++) {
            const code = columns.code[r]!;
            actual.push([columns.at[r]!, code < 0 ? null : columns.values[code]!]);
          }
          expect(actual).toEqual(expected);
        }
        expect(columns.offsets[7]).toBe(rows.length);
      }),
      { numRuns: 300 },
    );
  });
});
