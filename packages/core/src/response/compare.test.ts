import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbLeads, ZONES } from './arbitraries.js';
import { compareHeatmaps, comparePeriods } from './compare.js';
import { aggregateBySlot } from './heatmap.js';

const lead = (iso: string, minutes: number | null) => ({
  createdAt: new Date(iso),
  firstContactAt: minutes === null ? null : new Date(Date.parse(iso) + minutes * 60_000),
});

// Two Mondays 09:00–09:30 UTC a week apart, and a Tuesday slot only in the first week.
const previousWeek = [lead('2025-06-02T09:05:00Z', 10), lead('2025-06-02T09:10:00Z', 120), lead('2025-06-03T14:00:00Z', 5)];
const currentWeek = [
  lead('2025-06-09T09:05:00Z', 10),
  lead('2025-06-09T09:10:00Z', 20),
  lead('2025-06-09T09:15:00Z', null),
  lead('2025-06-13T17:00:00Z', 1),
];

describe('compareHeatmaps', () => {
  it('pairs slots of the two periods, with deltas, over the union of slots', () => {
    const rows = compareHeatmaps(aggregateBySlot(currentWeek, { timeZone: 'UTC' }), aggregateBySlot(previousWeek, { timeZone: 'UTC' }));
    expect(rows.map((r) => `${r.day} ${r.slot}`)).toEqual(['Monday 09:00', 'Tuesday 14:00', 'Friday 17:00']);
    const [monday, tuesday, friday] = rows;
    expect(monday).toMatchObject({
      current: { total: 3, withinSla: 2 },
      previous: { total: 2, withinSla: 1, pctWithinSla: 50 },
      deltaTotal: 1,
    });
    expect(monday!.deltaPct).toBeCloseTo(200 / 3 - 50, 10);
    expect(tuesday).toMatchObject({
      current: { total: 0, withinSla: 0, pctWithinSla: null },
      previous: { total: 1, pctWithinSla: 100 },
      deltaTotal: -1,
      deltaPct: null,
    });
    expect(friday).toMatchObject({
      current: { total: 1, pctWithinSla: 100 },
      previous: { total: 0, pctWithinSla: null },
      deltaTotal: 1,
      deltaPct: null,
    });
  });

  it('gives no rows for two empty heatmaps', () => {
    expect(compareHeatmaps([], [])).toEqual([]);
  });

  it('rejects heatmaps built with different slot lengths', () => {
    const a = aggregateBySlot([lead('2025-06-02T09:05:00Z', 1)], { timeZone: 'UTC', slotMinutes: 30 }); // slotIndex 18 = 09:00
    const b = aggregateBySlot([lead('2025-06-02T18:05:00Z', 1)], { timeZone: 'UTC', slotMinutes: 60 }); // slotIndex 18 = 18:00
    expect(() => compareHeatmaps(a, b)).toThrow(/"09:00" vs "18:00"/);
  });

  it('a heatmap compared with itself has zero deltas; swapping sides negates them (property)', () => {
    fc.assert(
      fc.property(arbLeads(150), arbLeads(150), fc.constantFrom(...ZONES), (x, y, timeZone) => {
        const a = aggregateBySlot(x, { timeZone });
        const b = aggregateBySlot(y, { timeZone });
        for (const r of compareHeatmaps(a, a)) {
          expect(r.deltaTotal).toBe(0);
          expect(r.deltaPct).toBe(0);
        }
        const ab = compareHeatmaps(a, b);
        const ba = compareHeatmaps(b, a);
        expect(ab.map((r) => r.deltaTotal)).toEqual(ba.map((r) => 0 - r.deltaTotal));
        expect(ab.map((r) => r.deltaPct)).toEqual(ba.map((r) => (r.deltaPct === null ? null : 0 - r.deltaPct)));
        expect(ab.reduce((s, r) => s + r.deltaTotal, 0)).toBe(a.reduce((s, c) => s + c.total, 0) - b.reduce((s, c) => s + c.total, 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('comparePeriods', () => {
  it('aggregates each period of one lead list and compares them', () => {
    const rows = comparePeriods([...previousWeek, ...currentWeek], {
      timeZone: 'UTC',
      current: { from: new Date('2025-06-09T00:00:00Z'), to: new Date('2025-06-16T00:00:00Z') },
      previous: { from: new Date('2025-06-02T00:00:00Z'), to: new Date('2025-06-09T00:00:00Z') },
    });
    expect(rows).toEqual(
      compareHeatmaps(aggregateBySlot(currentWeek, { timeZone: 'UTC' }), aggregateBySlot(previousWeek, { timeZone: 'UTC' })),
    );
  });

  it('passes the other options through to both periods', () => {
    const rows = comparePeriods([...previousWeek, ...currentWeek], {
      timeZone: 'UTC',
      slotMinutes: 60,
      slaMinutes: 5,
      current: { from: new Date('2025-06-09T00:00:00Z'), to: new Date('2025-06-16T00:00:00Z') },
      previous: { from: new Date('2025-06-02T00:00:00Z'), to: new Date('2025-06-09T00:00:00Z') },
    });
    expect(rows[0]).toMatchObject({ slot: '09:00', current: { withinSla: 0 }, previous: { withinSla: 0 } });
    expect(() =>
      comparePeriods([], {
        timeZone: 'UTC',
        slotMinutes: 7,
        current: { from: new Date(0), to: new Date(1) },
        previous: { from: new Date(0), to: new Date(1) },
      }),
    ).toThrow(/got 7\./);
  });
});
