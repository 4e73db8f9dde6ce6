import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { quantile } from '../stats/quantile.js';
import { slotOf } from '../time/slot.js';
import { arbLeads, ZONES } from './arbitraries.js';
import type { HeatmapCell } from './heatmap.js';
import { aggregateBySlot, heatmapGrid } from './heatmap.js';
import { filterLeads } from './filter.js';

const NY = 'America/New_York';
const at = (iso: string, minutesLater: number | null = 10) => {
  const createdAt = new Date(iso);
  return { createdAt, firstContactAt: minutesLater === null ? null : new Date(createdAt.getTime() + minutesLater * 60_000) };
};
const counts = (c: HeatmapCell) => [c.total, c.contacted, c.withinSla, c.neverContacted, c.invalid];

describe('aggregateBySlot', () => {
  it('returns no cells for no leads', () => {
    expect(aggregateBySlot([], { timeZone: NY })).toEqual([]);
  });

  it('places a lead by its wall-clock arrival in the zone, floored: Monday 08:44 EDT → Monday 08:30', () => {
    const cells = aggregateBySlot([at('2025-06-02T12:44:00Z', 12)], { timeZone: NY });
    expect(cells).toEqual([
      {
        day: 'Monday',
        weekday: 0,
        slot: '08:30',
        slotIndex: 17,
        total: 1,
        contacted: 1,
        withinSla: 1,
        pctWithinSla: 100,
        neverContacted: 0,
        invalid: 0,
        medianMinutes: 12,
        p90Minutes: 12,
      },
    ]);
    // The same instant in UTC is Monday 12:30.
    expect(aggregateBySlot([at('2025-06-02T12:44:00Z')], { timeZone: 'UTC' })[0]).toMatchObject({ slot: '12:30', weekday: 0 });
  });

  it('counts never-contacted and invalid leads in the total only; pct is within / total', () => {
    const leads = [
      at('2025-06-02T12:31:00Z', 5),
      at('2025-06-02T12:32:00Z', 90),
      at('2025-06-02T12:33:00Z', null),
      at('2025-06-02T12:34:00Z', -3), // contacted before it arrived
    ];
    const [cell] = aggregateBySlot(leads, { timeZone: NY });
    expect(cell).toMatchObject({ total: 4, contacted: 2, withinSla: 1, neverContacted: 1, invalid: 1, pctWithinSla: 25 });
    expect(cell!.medianMinutes).toBe(47.5);
    expect(cell!.p90Minutes).toBeCloseTo(81.5, 10);
  });

  it('a cell of only never-contacted leads has pct 0 and no quantiles', () => {
    expect(aggregateBySlot([at('2025-06-02T12:31:00Z', null)], { timeZone: NY })[0]).toMatchObject({
      total: 1,
      contacted: 0,
      pctWithinSla: 0,
      medianMinutes: null,
      p90Minutes: null,
    });
  });

  it('within SLA means at most slaMinutes: exactly 60 is within, 60 minutes and 1 second is not', () => {
    const leads = [at('2025-06-02T12:31:00Z', 60), at('2025-06-02T12:31:00Z', 60 + 1 / 60)];
    expect(aggregateBySlot(leads, { timeZone: NY })[0]!.withinSla).toBe(1);
    expect(aggregateBySlot(leads, { timeZone: NY, slaMinutes: 61 })[0]!.withinSla).toBe(2);
    expect(aggregateBySlot(leads, { timeZone: NY, slaMinutes: 0 })[0]!.withinSla).toBe(0);
  });

  it('business clock: Friday 16:30 answered Monday 09:30 (New York) is 60 business minutes, within a 60-minute SLA', () => {
    const lead = { createdAt: new Date('2025-06-06T20:30:00Z'), firstContactAt: new Date('2025-06-09T13:30:00Z') };
    expect(aggregateBySlot([lead], { timeZone: NY })[0]).toMatchObject({ day: 'Friday', slot: '16:30', withinSla: 0, medianMinutes: 3900 });
    expect(aggregateBySlot([lead], { timeZone: NY, clock: 'business' })[0]).toMatchObject({ withinSla: 1, medianMinutes: 60 });
  });

  it('America/New_York fall-back: leads at 01:40 EDT and 01:40 EST both land in Sunday 01:30', () => {
    const cells = aggregateBySlot([at('2025-11-02T05:40:00Z'), at('2025-11-02T06:40:00Z')], { timeZone: NY });
    expect(cells).toHaveLength(1);
    expect(cells[0]).toMatchObject({ day: 'Sunday', slot: '01:30', total: 2 });
  });

  it('America/New_York spring-forward: 01:59 EST and one minute later 03:00 EDT are different slots', () => {
    const cells = aggregateBySlot([at('2025-03-09T06:59:00Z'), at('2025-03-09T07:00:00Z')], { timeZone: NY });
    expect(cells.map((c) => `${c.day} ${c.slot}`)).toEqual(['Sunday 01:30', 'Sunday 03:00']);
  });

  it('Asia/Kathmandu (+05:45) with 15-minute slots: 00:00 UTC is the 05:45 slot', () => {
    expect(aggregateBySlot([at('2025-06-01T00:00:00Z')], { timeZone: 'Asia/Kathmandu', slotMinutes: 15 })[0]!.slot).toBe('05:45');
  });

  it('applies the filters of filterLeads', () => {
    const leads = [
      { ...at('2025-06-02T12:31:00Z'), team: 'East', locator: 'Ana' },
      { ...at('2025-06-03T12:31:00Z'), team: 'West', locator: 'Ana' },
      { ...at('2025-06-04T12:31:00Z'), team: 'East', locator: 'Bo' },
    ];
    expect(aggregateBySlot(leads, { timeZone: NY, team: 'East' }).map((c) => c.day)).toEqual(['Monday', 'Wednesday']);
    expect(aggregateBySlot(leads, { timeZone: NY, locator: ['Bo'] }).map((c) => c.day)).toEqual(['Wednesday']);
    expect(
      aggregateBySlot(leads, { timeZone: NY, from: new Date('2025-06-03T00:00:00Z'), to: new Date('2025-06-04T00:00:00Z') }).map(
        (c) => c.day,
      ),
    ).toEqual(['Tuesday']);
  });

  it('takes full Lead objects as well as plain objects', () => {
    const lead: Lead = {
      id: '1',
      name: 'Acme',
      locator: 'Ana',
      stage: 'New',
      createdAt: new Date('2025-06-02T12:31:00Z'),
      firstContactAt: null,
      appointmentAt: null,
      stageHistory: [],
    };
    expect(aggregateBySlot([lead], { timeZone: NY })[0]!.neverContacted).toBe(1);
  });

  it('throws, naming the field, for a lead whose createdAt is not a valid date (no slot is made up)', () => {
    expect(() => aggregateBySlot([{ createdAt: new Date(Number.NaN), firstContactAt: null }], { timeZone: NY })).toThrow(
      /createdAt must be a valid Date; got Invalid Date/,
    );
  });

  it('rejects an invalid slot length, SLA or zone, naming the value', () => {
    expect(() => aggregateBySlot([], { timeZone: NY, slotMinutes: 7 })).toThrow(/slotMinutes .* got 7\./);
    expect(() => aggregateBySlot([], { timeZone: NY, slaMinutes: -5 })).toThrow(/slaMinutes .* got -5\./);
    expect(() => aggregateBySlot([], { timeZone: 'New York' })).toThrow(/"New York"/);
    expect(() => aggregateBySlot([], { timeZone: NY, clock: 'business', calendar: undefined, from: new Date('x') })).toThrow(
      /from must be a valid Date/,
    );
  });

  it('cell totals add up to the filtered leads; withinSla ≤ contacted ≤ total; pct in [0, 100] (property)', () => {
    fc.assert(
      fc.property(
        arbLeads(),
        fc.constantFrom(...ZONES),
        fc.constantFrom(15, 30, 60),
        fc.record({
          team: fc.option(fc.constantFrom('East', ['East', 'West']), { nil: undefined }),
          from: fc.option(fc.constant(new Date(Date.UTC(2024, 6, 1))), { nil: undefined }),
        }),
        (leads, timeZone, slotMinutes, filters) => {
          const cells = aggregateBySlot(leads, { timeZone, slotMinutes, ...filters });
          expect(cells.reduce((s, c) => s + c.total, 0)).toBe(filterLeads(leads, filters).length);
          for (const c of cells) {
            expect(c.total).toBeGreaterThan(0);
            expect(c.withinSla).toBeLessThanOrEqual(c.contacted);
            expect(c.contacted + c.neverContacted + c.invalid).toBe(c.total);
            expect(c.pctWithinSla).toBe((c.withinSla / c.total) * 100);
            expect(c.pctWithinSla).toBeGreaterThanOrEqual(0);
            expect(c.pctWithinSla).toBeLessThanOrEqual(100);
            expect(c.medianMinutes === null).toBe(c.contacted === 0);
            if (c.medianMinutes !== null) expect(c.medianMinutes).toBeLessThanOrEqual(c.p90Minutes!);
          }
          // Sorted by weekday, then slot, each slot once.
          const keys = cells.map((c) => c.weekday * 10_000 + c.slotIndex);
          expect(keys).toEqual([...new Set(keys)].sort((a, b) => a - b));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with a lead-by-lead count through slotOf, quantiles included (property)', () => {
    fc.assert(
      fc.property(arbLeads(), fc.constantFrom(...ZONES), fc.integer({ min: 1, max: 120 }), (leads, timeZone, slaMinutes) => {
        const groups = new Map<string, number[][]>();
        for (const l of leads) {
          const s = slotOf(l.createdAt, timeZone, 30);
          const key = `${s.weekday} ${s.slotIndex}`;
          const g = groups.get(key) ?? [[], []];
          g[0]!.push(1);
          if (l.firstContactAt && l.firstContactAt >= l.createdAt)
            g[1]!.push((l.firstContactAt.getTime() - l.createdAt.getTime()) / 60_000);
          groups.set(key, g);
        }
        const cells = aggregateBySlot(leads, { timeZone, slaMinutes });
        expect(cells).toHaveLength(groups.size);
        for (const c of cells) {
          const [all, minutes] = groups.get(`${c.weekday} ${c.slotIndex}`)!;
          expect(c.total).toBe(all!.length);
          expect(c.contacted).toBe(minutes!.length);
          expect(c.withinSla).toBe(minutes!.filter((m) => m <= slaMinutes).length);
          expect(c.medianMinutes).toBe(quantile(minutes!, 0.5));
          expect(c.p90Minutes).toBe(quantile(minutes!, 0.9));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('shuffling the input changes nothing (property)', () => {
    fc.assert(
      fc.property(
        arbLeads().chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        fc.constantFrom(...ZONES),
        ([leads, shuffled], timeZone) => {
          expect(aggregateBySlot(shuffled, { timeZone })).toEqual(aggregateBySlot(leads, { timeZone }));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('60-minute cells hold the counts of their two merged 30-minute cells (property)', () => {
    fc.assert(
      fc.property(arbLeads(), fc.constantFrom(...ZONES), (leads, timeZone) => {
        const hourly = heatmapGrid(aggregateBySlot(leads, { timeZone, slotMinutes: 60 }), { slotMinutes: 60 });
        const half = heatmapGrid(aggregateBySlot(leads, { timeZone, slotMinutes: 30 }), { slotMinutes: 30 });
        hourly.forEach((h, i) => {
          const merged = counts(half[2 * i]!).map((v, k) => v + counts(half[2 * i + 1]!)[k]!);
          expect(counts(h)).toEqual(merged);
        });
      }),
      { numRuns: 200 },
    );
  });
});

describe('heatmapGrid', () => {
  it('is the full 7 × slots grid, Monday 00:00 first, with empty cells around the given ones', () => {
    const cells = aggregateBySlot([at('2025-06-02T12:44:00Z')], { timeZone: NY });
    const grid = heatmapGrid(cells);
    expect(grid).toHaveLength(7 * 48);
    // An empty cell: every count 0, every figure of its response times null.
    const counts = { total: 0, contacted: 0, withinSla: 0, neverContacted: 0, invalid: 0 };
    const figures = { pctWithinSla: null, medianMinutes: null, p90Minutes: null };
    expect(grid[0]).toEqual({ day: 'Monday', weekday: 0, slot: '00:00', slotIndex: 0, ...counts, ...figures });
    expect(grid[17]).toEqual(cells[0]);
    expect(grid[7 * 48 - 1]).toMatchObject({ day: 'Sunday', slot: '23:30' });
    expect(grid.filter((c) => c.total > 0)).toEqual(cells);
  });

  it('gives an empty grid for no cells, sized by the slot', () => {
    expect(heatmapGrid([], { slotMinutes: 60 })).toHaveLength(168);
    expect(heatmapGrid([], { slotMinutes: 60 }).every((c) => c.total === 0 && c.pctWithinSla === null)).toBe(true);
  });

  it('rejects cells built with another slot length, and an invalid slot length', () => {
    const cells = aggregateBySlot([at('2025-06-02T12:44:00Z')], { timeZone: NY, slotMinutes: 15 }); // 08:30 → slotIndex 34
    expect(() => heatmapGrid(cells, { slotMinutes: 30 })).toThrow(/08:30.*17:00|17:00.*08:30/);
    expect(() => heatmapGrid(cells, { slotMinutes: 60 })).toThrow(/slotIndex .* got 34\./);
    expect(() => heatmapGrid([], { slotMinutes: 7 })).toThrow(/got 7\./);
  });
});
