import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attentionOrder, attentionOrderByComparator } from './attention-order.js';

/** Listed leads: severities, days (few distinct values, so that ties are common) and ids (duplicates too). */
const listArb = (daysArb: fc.Arbitrary<number>) =>
  fc
    .array(
      fc.record({ severity: fc.integer({ min: 0, max: 3 }), days: daysArb, id: fc.constantFrom('a', 'b', 'B', 'c', 'aa', '10', '9') }),
      {
        maxLength: 60,
      },
    )
    .chain((rows) =>
      // Ids in code-unit order (as most exports list them) or as drawn.
      fc.boolean().map((sortIds) => {
        const ids = rows.map((r) => r.id);
        if (sortIds) ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        return { severity: rows.map((r) => r.severity), days: Float64Array.from(rows, (r) => r.days), ids };
      }),
    );

const same = ({ severity, days, ids }: { severity: number[]; days: Float64Array; ids: string[] }) => {
  expect(Array.from(attentionOrder(severity, days, ids))).toEqual(Array.from(attentionOrderByComparator(severity, days, ids)));
};

describe('attentionOrder (property: the packed keys give the comparator order)', () => {
  it('for integer days with many ties, negative ones included', () => {
    fc.assert(fc.property(listArb(fc.integer({ min: -3, max: 5 })), same), { numRuns: 500 });
  });

  it('for days far apart, and where the span is too wide to pack (the comparator path)', () => {
    const wide = fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(-1e8, 1e8, Number.MAX_SAFE_INTEGER - 1, 2 ** 40));
    fc.assert(fc.property(listArb(wide), same), { numRuns: 300 });
  });

  it('for days that are not integers (the comparator path)', () => {
    fc.assert(fc.property(listArb(fc.constantFrom(0, 1, 1.5, 2)), same), { numRuns: 300 });
  });

  it('orders most severe first, then most days, then id', () => {
    const order = attentionOrder([3, 0, 0, 1, 0], Float64Array.of(9, 2, 5, 40, 5), ['e', 'd', 'c', 'b', 'a']);
    expect(Array.from(order)).toEqual([4, 2, 1, 3, 0]);
  });
});
