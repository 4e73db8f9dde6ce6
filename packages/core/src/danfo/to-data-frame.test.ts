import { describe, expect, it } from 'vitest';
import { toDataFrame } from './to-data-frame.js';

describe('toDataFrame', () => {
  it('makes one row per object and one column per key, in order of first appearance', () => {
    const df = toDataFrame([
      { a: 1, b: 'x' },
      { b: 'y', c: true },
    ]);
    expect(df.columns).toEqual(['a', 'b', 'c']);
    expect(df.shape).toEqual([2, 3]);
    // A key missing from a row reads as null there.
    expect(df.values).toEqual([
      [1, 'x', null],
      [null, 'y', true],
    ]);
  });

  it('flattens nested plain objects with dotted names, and keeps Dates and arrays as values', () => {
    const at = new Date('2026-10-31T12:00:00Z');
    const df = toDataFrame([{ locator: 'Ana', counts: { stale: 2, 'at-risk': 1 }, at, reps: ['Ana', 'Ben'] }]);
    expect(df.columns).toEqual(['locator', 'counts.stale', 'counts.at-risk', 'at', 'reps']);
    expect(df.values).toEqual([['Ana', 2, 1, at, ['Ana', 'Ben']]]);
    expect((df.values as unknown[][])[0]![3]).toBeInstanceOf(Date);
  });

  it('sets dtypes from the JavaScript values, never from text: ids stay strings, Dates are datetime', () => {
    const df = toDataFrame([
      { id: '100042', n: 3, x: 1.5, ok: true, at: null, nothing: null, mixed: 1 },
      { id: '100043', n: null, x: 2, ok: null, at: new Date(0), nothing: null, mixed: 'one' },
    ]);
    expect(df.dtypes).toEqual(['string', 'int32', 'float32', 'boolean', 'datetime', 'float32', 'string']);
    expect(df['id'].values).toEqual(['100042', '100043']);
  });

  it('keeps full double precision behind the float32 label', () => {
    const df = toDataFrame([{ pct: 58.333333333333336 }, { pct: 1e-9 }]);
    expect(df.values).toEqual([[58.333333333333336], [1e-9]]);
  });

  it('takes the columns option as a selection and order', () => {
    const df = toDataFrame([{ a: 1, b: { c: 2 } }], { columns: ['b.c', 'a', 'z'] });
    expect(df.columns).toEqual(['b.c', 'a', 'z']);
    expect(df.values).toEqual([[2, 1, null]]);
  });

  it('gives an empty frame for no rows (with the listed columns, if any)', () => {
    expect(toDataFrame([]).shape).toEqual([0, 0]);
    const df = toDataFrame([], { columns: ['day', 'total'] });
    expect(df.shape).toEqual([0, 2]);
    expect(df.columns).toEqual(['day', 'total']);
  });

  it('rejects what is not an array of objects, saying what to pass', () => {
    expect(() => toDataFrame({ leads: 1 } as unknown as object[])).toThrow(/pass \[result\]/);
    expect(() => toDataFrame([1] as unknown as object[])).toThrow(/row 0 is number 1/);
    expect(() => toDataFrame([{}], { separator: '' })).toThrow(/separator/);
  });
});
