import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PIPELINE, TEST_ZONES, history, instantArb, leadsArb, makeLead, permute } from './arbitraries.js';
import { pipelineSnapshot } from './pipeline-snapshot.js';
import { pipelineTrend } from './pipeline-trend.js';

const pipeline = TEST_PIPELINE;

describe('pipelineTrend', () => {
  const leads = [
    makeLead({
      id: 'a',
      createdAt: new Date('2025-03-08T12:00:00Z'),
      stageHistory: history(['New', '2025-03-08T12:00:00Z'], ['Contacted', '2025-03-10T03:30:00Z'], ['Lost', '2025-03-20T00:00:00Z']),
    }),
  ];

  it('snapshots the end of each day in the time zone (spring-forward in America/New_York)', () => {
    const rows = pipelineTrend(leads, {
      from: new Date('2025-03-08T17:00:00Z'),
      to: new Date('2025-03-10T17:00:00Z'),
      timeZone: 'America/New_York',
      pipeline,
    });
    const nonZero = rows.filter((r) => r.count > 0);
    expect(nonZero.map((r) => [r.date, r.at.toISOString(), r.stage])).toEqual([
      ['2025-03-08', '2025-03-09T04:59:59.999Z', 'New'],
      // 2025-03-09 has 23 hours: its end is 03:59:59.999 UTC (EDT); 03:30 UTC on 03-10 is still the 9th locally.
      ['2025-03-09', '2025-03-10T03:59:59.999Z', 'Contacted'],
      ['2025-03-10', '2025-03-11T03:59:59.999Z', 'Contacted'],
    ]);
    expect(rows).toHaveLength(3 * pipeline.stages.length);
  });

  it('steps by weeks from from’s date, ending on to’s date', () => {
    const rows = pipelineTrend(leads, {
      from: new Date('2025-03-01T12:00:00Z'),
      to: new Date('2025-03-20T12:00:00Z'),
      every: 'week',
      timeZone: 'UTC',
      pipeline,
    });
    expect([...new Set(rows.map((r) => r.date))]).toEqual(['2025-03-01', '2025-03-08', '2025-03-15', '2025-03-20']);
    expect(rows.filter((r) => r.count > 0).map((r) => [r.date, r.stage])).toEqual([
      ['2025-03-08', 'New'],
      ['2025-03-15', 'Contacted'],
      ['2025-03-20', 'Lost'],
    ]);
  });

  it('gives no rows when from is after to, and zero rows per stage and date for no leads', () => {
    expect(
      pipelineTrend(leads, { from: new Date('2025-03-02T00:00:00Z'), to: new Date('2025-03-01T00:00:00Z'), timeZone: 'UTC', pipeline }),
    ).toEqual([]);
    const empty = pipelineTrend([], {
      from: new Date('2025-03-01T00:00:00Z'),
      to: new Date('2025-03-02T00:00:00Z'),
      timeZone: 'UTC',
      pipeline,
    });
    expect(empty).toHaveLength(2 * pipeline.stages.length);
    expect(empty.every((r) => r.count === 0)).toBe(true);
  });

  it('rejects an unknown step', () => {
    expect(() =>
      pipelineTrend(leads, {
        from: new Date('2025-03-01T00:00:00Z'),
        to: new Date('2025-03-02T00:00:00Z'),
        every: 'month' as never,
        timeZone: 'UTC',
        pipeline,
      }),
    ).toThrow(/every must be 'day' or 'week'; got "month"/);
  });

  it('equals pipelineSnapshot at the end of each date, whatever the input order', () => {
    fc.assert(
      fc.property(
        leadsArb(),
        instantArb(),
        fc.integer({ min: 0, max: 40 }),
        fc.constantFrom('day' as const, 'week' as const),
        fc.constantFrom(...TEST_ZONES),
        fc.integer(),
        (ls, from, spanDays, every, timeZone, seed) => {
          const to = new Date(from.getTime() + spanDays * 86_400_000);
          const rows = pipelineTrend(ls, { from, to, every, timeZone, pipeline });
          const dates = [...new Set(rows.map((r) => r.date))];
          for (const date of dates) {
            const point = rows.filter((r) => r.date === date);
            const snapshot = pipelineSnapshot(ls, { at: point[0]!.at, pipeline });
            // The trend lists an unknown stage on every date once it holds a lead on any; the snapshot only where it does.
            expect(
              point
                .filter((r) => r.count > 0 || pipeline.stages.some((s) => s.name === r.stage))
                .map(({ stage, category, count }) => ({ stage, category, count })),
            ).toEqual(snapshot.filter((r) => r.count > 0 || pipeline.stages.some((s) => s.name === r.stage)));
          }
          expect(pipelineTrend(permute(ls, seed), { from, to, every, timeZone, pipeline })).toEqual(rows);
        },
      ),
      { numRuns: 200 },
    );
  });
});
