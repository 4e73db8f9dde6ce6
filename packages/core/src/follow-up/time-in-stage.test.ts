import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PIPELINE, history, instantArb, leadsArb, makeLead, permute } from './arbitraries.js';
import { stageVisits } from './stage-visits.js';
import { timeInStage } from './time-in-stage.js';

describe('timeInStage', () => {
  const asOf = new Date('2025-03-20T00:00:00Z');
  const leads = [
    makeLead({
      id: 'a',
      stageHistory: history(['New', '2025-03-01T00:00:00Z'], ['Contacted', '2025-03-02T00:00:00Z'], ['Mystery', '2025-03-05T00:00:00Z']),
    }),
    makeLead({
      id: 'b',
      stageHistory: history(['New', '2025-03-01T00:00:00Z'], ['Contacted', '2025-03-04T00:00:00Z'], ['Lost', '2025-03-05T00:00:00Z']),
    }),
    makeLead({ id: 'c', stageHistory: history(['New', '2025-03-10T00:00:00Z']) }),
  ];

  it('gives every pipeline stage in order, then unknown stages, with stats over closed visits', () => {
    const rows = timeInStage(leads, { asOf, pipeline: TEST_PIPELINE });
    expect(rows.map((r) => r.stage)).toEqual([...TEST_PIPELINE.stages.map((s) => s.name), 'Mystery']);
    expect(rows[0]).toEqual({ stage: 'New', category: 'open', visits: 3, openVisits: 1, medianDays: 2, p90Days: 2.8, meanDays: 2 });
    expect(rows[1]).toMatchObject({ stage: 'Contacted', visits: 2, openVisits: 0, medianDays: 2, meanDays: 2 });
    expect(rows.find((r) => r.stage === 'Mystery')).toMatchObject({ category: 'open', visits: 1, openVisits: 1, medianDays: null });
    expect(rows.find((r) => r.stage === 'Green - Approved')).toMatchObject({ visits: 0, medianDays: null, p90Days: null, meanDays: null });
  });

  it('measures open visits to asOf with includeOpenVisits', () => {
    const rows = timeInStage(leads, { asOf, pipeline: TEST_PIPELINE, includeOpenVisits: true });
    expect(rows[0]).toMatchObject({ visits: 3, medianDays: 3, meanDays: (1 + 3 + 10) / 3 });
  });

  it('gives zero rows for every pipeline stage when there are no leads', () => {
    const rows = timeInStage([], { asOf, pipeline: TEST_PIPELINE });
    expect(rows).toHaveLength(TEST_PIPELINE.stages.length);
    expect(rows.every((r) => r.visits === 0 && r.medianDays === null)).toBe(true);
  });

  it('counts exactly the visits of stageVisits, and does not depend on input order', () => {
    fc.assert(
      fc.property(leadsArb(), instantArb(), fc.integer(), fc.boolean(), (ls, asOf, seed, includeOpenVisits) => {
        const rows = timeInStage(ls, { asOf, pipeline: TEST_PIPELINE, includeOpenVisits });
        const visits = ls.flatMap((l) => stageVisits(l, { asOf }));
        expect(rows.reduce((n, r) => n + r.visits, 0)).toBe(visits.length);
        expect(rows.reduce((n, r) => n + r.openVisits, 0)).toBe(visits.filter((v) => v.open).length);
        expect(timeInStage(permute(ls, seed), { asOf, pipeline: TEST_PIPELINE, includeOpenVisits })).toEqual(rows);
      }),
    );
  });
});
