import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from '../stats/quantile.js';
import { slotOf } from '../time/slot.js';
import { arbLeads, ZONES } from './arbitraries.js';
import { filterLeads } from './filter.js';
import { aggregateBySlot } from './heatmap.js';
import { SlotAccumulator, createSlotAggregator } from './slot-aggregator.js';

const NY = 'America/New_York';
const ms = (iso: string) => Date.parse(iso);

describe('createSlotAggregator', () => {
  it('gives no cells before anything is added', () => {
    const heatmap = createSlotAggregator({ timeZone: NY });
    expect(heatmap.cells()).toEqual([]);
    expect(heatmap.count).toBe(0);
  });

  it('places a lead by its wall-clock arrival, counts never-contacted and invalid leads in the total only', () => {
    const heatmap = createSlotAggregator({ timeZone: NY });
    heatmap.add(ms('2025-06-02T12:44:00Z'), ms('2025-06-02T12:56:00Z'));
    heatmap.add(ms('2025-06-02T12:45:00Z'), null);
    heatmap.add(ms('2025-06-02T12:46:00Z'), ms('2025-06-02T12:40:00Z'));
    expect(heatmap.count).toBe(3);
    expect(heatmap.cells()).toEqual([
      {
        day: 'Monday',
        weekday: 0,
        slot: '08:30',
        slotIndex: 17,
        total: 3,
        contacted: 1,
        withinSla: 1,
        pctWithinSla: (1 / 3) * 100,
        neverContacted: 1,
        invalid: 1,
        medianMinutes: 12,
        p90Minutes: 12,
      },
    ]);
  });

  it('applies the filters of aggregateBySlot, and skips an arrival that is not a finite number', () => {
    const heatmap = createSlotAggregator({ timeZone: NY, team: 'East', from: new Date('2025-06-01T00:00:00Z') });
    heatmap.add(ms('2025-06-02T12:44:00Z'), null, 'East');
    heatmap.add(ms('2025-06-02T12:44:00Z'), null, 'West');
    heatmap.add(ms('2025-06-02T12:44:00Z'), null);
    heatmap.add(ms('2025-05-02T12:44:00Z'), null, 'East');
    heatmap.add(Number.NaN, null, 'East');
    expect(heatmap.count).toBe(1);
  });

  it('rejects the options aggregateBySlot rejects, with its messages', () => {
    expect(() => createSlotAggregator({ timeZone: NY, slotMinutes: 7 })).toThrow(/slotMinutes .* got 7\./);
    expect(() => createSlotAggregator({ timeZone: NY, slaMinutes: -5 })).toThrow(/slaMinutes .* got -5\./);
    expect(() => createSlotAggregator({ timeZone: 'New York' })).toThrow(/"New York"/);
    expect(() => createSlotAggregator({ timeZone: NY, to: new Date('x') })).toThrow(/to must be a valid Date/);
  });

  it('fed in any order equals aggregateBySlot and a lead-by-lead count (property)', () => {
    fc.assert(
      fc.property(
        arbLeads().chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        fc.constantFrom(...ZONES),
        fc.constantFrom(15, 30, 60),
        fc.integer({ min: 0, max: 120 }),
        fc.record({
          team: fc.option(fc.constantFrom('East', ['East', 'West']), { nil: undefined }),
          locator: fc.option(fc.constantFrom('Ana', ['Ana', 'Bo']), { nil: undefined }),
          from: fc.option(fc.constant(new Date(Date.UTC(2024, 6, 1))), { nil: undefined }),
        }),
        fc.constantFrom<'wall' | 'business'>('wall', 'wall', 'business'),
        ([leads, shuffled], timeZone, slotMinutes, slaMinutes, filters, clock) => {
          const options = { timeZone, slotMinutes, slaMinutes, clock, ...filters };
          const heatmap = createSlotAggregator(options);
          for (const l of shuffled) heatmap.add(l.createdAt.getTime(), l.firstContactAt?.getTime() ?? null, l.team, l.locator);
          const cells = heatmap.cells();
          expect(cells).toEqual(aggregateBySlot(leads, options));

          // The reference: each kept lead placed by slotOf, its minutes counted by hand (wall clock).
          const kept = filterLeads(leads, filters);
          expect(heatmap.count).toBe(kept.length);
          if (clock === 'business') return;
          const groups = new Map<string, { total: number; minutes: number[] }>();
          for (const l of kept) {
            const s = slotOf(l.createdAt, timeZone, slotMinutes);
            const key = `${s.weekday} ${s.slotIndex}`;
            const g = groups.get(key) ?? { total: 0, minutes: [] };
            g.total++;
            if (l.firstContactAt && l.firstContactAt >= l.createdAt)
              g.minutes.push((l.firstContactAt.getTime() - l.createdAt.getTime()) / 60_000);
            groups.set(key, g);
          }
          expect(cells).toHaveLength(groups.size);
          for (const c of cells) {
            const g = groups.get(`${c.weekday} ${c.slotIndex}`)!;
            expect(c.total).toBe(g.total);
            expect(c.contacted).toBe(g.minutes.length);
            expect(c.withinSla).toBe(g.minutes.filter((m) => m <= slaMinutes).length);
            expect(c.medianMinutes).toBe(quantile(g.minutes, 0.5));
            expect(c.p90Minutes).toBe(quantile(g.minutes, 0.9));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('SlotAccumulator', () => {
  it('gives the same cells whether its minutes are whole milliseconds, widened to minutes, or absorbed from another (property)', () => {
    const minutesArb = fc.oneof(
      fc.integer({ min: 0, max: 100_000_000 }).map((ms) => ms / 60_000), // whole milliseconds
      fc.double({ min: 0, max: 1e6, noNaN: true }), // business minutes or any other value
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), minutesArb), { maxLength: 120 }), fc.nat(), (rows, cut) => {
        const one = new SlotAccumulator(360, 60);
        for (const [cell, minutes] of rows) one.add(cell, 0, minutes);
        const [a, b] = [new SlotAccumulator(360, 60), new SlotAccumulator(360, 60)];
        const k = rows.length === 0 ? 0 : cut % rows.length;
        for (const [i, [cell, minutes]] of rows.entries()) (i < k ? a : b).add(cell, 0, minutes);
        a.absorb(b.counts());
        // The reference: each cell's type-7 median and p90 of the minutes as given.
        const expected = [0, 1, 2, 3].flatMap((cell) => {
          const values = rows.filter(([c]) => c === cell).map(([, m]) => m);
          if (values.length === 0) return [];
          const sorted = [...values].sort((x, y) => x - y);
          return [[cell, quantile(sorted, 0.5), quantile(sorted, 0.9)]];
        });
        for (const accumulator of [one, a]) {
          expect(accumulator.cells().map((c) => [c.slotIndex, c.medianMinutes, c.p90Minutes])).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});
