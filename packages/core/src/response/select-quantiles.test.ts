import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from '../stats/quantile.js';
import { selectQuantiles } from './select-quantiles.js';

describe('selectQuantiles', () => {
  it('agrees with the sorting type-7 quantile for any values and quantiles', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.integer({ min: 0, max: 5 })), {
          maxLength: 2000,
        }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        (values, qs) => {
          const got = selectQuantiles(Float64Array.from(values), qs);
          qs.forEach((q, i) => {
            const want = quantile(values, q);
            if (want === null) expect(got[i]).toBeNull();
            else expect(got[i]).toBeCloseTo(want, 9);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('median and p90 of 1…10 are 5.5 and 9.1, as pandas gives', () => {
    const [m, p90] = selectQuantiles(Float64Array.from([7, 3, 10, 1, 9, 2, 8, 4, 6, 5]), [0.5, 0.9]);
    expect(m).toBe(5.5);
    expect(p90).toBeCloseTo(9.1, 12);
  });

  it('returns nulls for no values and the value itself for one', () => {
    expect(selectQuantiles(new Float64Array(0), [0.5, 0.9])).toEqual([null, null]);
    expect(selectQuantiles(Float64Array.of(4), [0.5, 0.9])).toEqual([4, 4]);
    expect(selectQuantiles(Float64Array.of(1, 0), [0.5, 0.5])).toEqual([0.5, 0.5]);
  });

  it('handles large inputs with many ties (selection above 600 elements)', () => {
    const values = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 97);
    const [m, p90] = selectQuantiles(Float64Array.from(values), [0.5, 0.9]);
    expect(m).toBe(quantile(values, 0.5));
    expect(p90).toBe(quantile(values, 0.9));
  });
});
