import fc from 'fast-check';
import { DataFrame } from 'danfojs-node';
import { describe, expect, it } from 'vitest';
import { fromDataFrame } from './from-data-frame.js';
import { toDataFrame } from './to-data-frame.js';

describe('fromDataFrame', () => {
  it('returns one plain object per row, nesting dotted names again', () => {
    const df = new DataFrame({ locator: ['Ana'], 'counts.stale': [2], 'counts.won': [1] });
    expect(fromDataFrame(df)).toEqual([{ locator: 'Ana', counts: { stale: 2, won: 1 } }]);
    expect(fromDataFrame(df, { unflatten: false })).toEqual([{ locator: 'Ana', 'counts.stale': 2, 'counts.won': 1 }]);
  });

  it('reads missing values (NaN, undefined) as null', () => {
    const df = new DataFrame({ a: [1, Number.NaN], b: ['x', undefined] }, { dtypes: ['float32', 'string'] });
    expect(fromDataFrame(df)).toEqual([
      { a: 1, b: 'x' },
      { a: null, b: null },
    ]);
  });

  it('turns ISO strings and epoch numbers of a datetime column into Dates', () => {
    const df = new DataFrame({ at: ['2026-10-31T12:00:00Z', 0] }, { dtypes: ['datetime'] });
    expect(fromDataFrame(df)).toEqual([{ at: new Date('2026-10-31T12:00:00Z') }, { at: new Date(0) }]);
  });

  it('gives no rows for an empty frame, and rejects what is not a frame', () => {
    expect(fromDataFrame(toDataFrame([]))).toEqual([]);
    expect(fromDataFrame(toDataFrame([], { columns: ['a'] }))).toEqual([]);
    expect(() => fromDataFrame([] as never)).toThrow(/danfo.js DataFrame/);
  });

  it('keeps a null parent null next to rows whose nested values are set', () => {
    const rows = [
      { id: 'a', current: null },
      { id: 'b', current: { total: 3, pct: null } },
    ];
    expect(fromDataFrame(toDataFrame(rows))).toEqual(rows);
  });

  it('round-trips any rows of primitives, Dates and nested objects (property)', () => {
    const leaf = fc.oneof(
      fc.string({ maxLength: 8 }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
      fc.boolean(),
      fc.constant(null),
      fc.date({ noInvalidDate: true }),
    );
    const nested = fc.oneof(fc.constant(null), fc.record({ x: leaf, y: leaf }));
    // Each key holds leaves or nested objects (as in Panopticon rows); every row has every key.
    const shape = fc.uniqueArray(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.boolean()), {
      minLength: 1,
      maxLength: 4,
      selector: ([k]) => k,
    });
    const arb = shape.chain((keys) =>
      fc.array(fc.record(Object.fromEntries(keys.map(([k, isNested]) => [k, isNested ? nested : leaf]))), { maxLength: 12 }),
    );
    fc.assert(
      fc.property(arb, (rows) => {
        expect(fromDataFrame(toDataFrame(rows))).toEqual(rows.map((row) => expected(row, rows)));
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * The one case a round trip cannot tell apart: a nested object whose values are all null, under a key
 * that is null in another row, shares its columns with that null and reads back as null.
 */
function expected(row: Record<string, unknown>, rows: readonly Record<string, unknown>[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...row };
  for (const [k, v] of Object.entries(row)) {
    const allNull = v !== null && typeof v === 'object' && !(v instanceof Date) && Object.values(v).every((x) => x === null);
    if (allNull && rows.some((r) => r[k] === null)) out[k] = null;
  }
  return out;
}
