import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PIPELINE, history, instantArb, leadsArb, makeLead, permute } from './arbitraries.js';
import { pipelineSnapshot } from './pipeline-snapshot.js';
import { stageAt } from './stage-at.js';

describe('pipelineSnapshot', () => {
  const leads = [
    makeLead({
      id: 'a',
      createdAt: new Date('2025-03-01T00:00:00Z'),
      stageHistory: history(['New', '2025-03-01T00:00:00Z'], ['Lost', '2025-03-05T00:00:00Z']),
    }),
    makeLead({ id: 'b', createdAt: new Date('2025-03-02T00:00:00Z'), stage: 'Mystery' }),
    makeLead({ id: 'c', createdAt: new Date('2025-03-10T00:00:00Z'), stageHistory: history(['New', '2025-03-10T00:00:00Z']) }),
  ];

  it('counts leads per stage at the instant, every pipeline stage in order, unknown stages last', () => {
    const rows = pipelineSnapshot(leads, { at: new Date('2025-03-04T00:00:00Z'), pipeline: TEST_PIPELINE });
    expect(rows.map((r) => r.stage)).toEqual([...TEST_PIPELINE.stages.map((s) => s.name), 'Mystery']);
    expect(rows.filter((r) => r.count > 0)).toEqual([
      { stage: 'New', category: 'open', count: 1 },
      { stage: 'Mystery', category: 'open', count: 1 },
    ]);
    const later = pipelineSnapshot(leads, { at: new Date('2025-03-10T00:00:00Z'), pipeline: TEST_PIPELINE });
    expect(later.filter((r) => r.count > 0).map((r) => [r.stage, r.count])).toEqual([
      ['New', 1],
      ['Lost', 1],
      ['Mystery', 1],
    ]);
  });

  it('gives every pipeline stage with zero for no leads', () => {
    const rows = pipelineSnapshot([], { at: new Date('2025-03-04T00:00:00Z'), pipeline: TEST_PIPELINE });
    expect(rows).toHaveLength(TEST_PIPELINE.stages.length);
    expect(rows.every((r) => r.count === 0)).toBe(true);
  });

  it('counts add up to the leads that existed at the instant, each in its stageAt stage, whatever the order', () => {
    fc.assert(
      fc.property(leadsArb(), instantArb(), fc.integer(), (ls, at, seed) => {
        const rows = pipelineSnapshot(ls, { at, pipeline: TEST_PIPELINE });
        expect(rows.reduce((n, r) => n + r.count, 0)).toBe(ls.filter((l) => l.createdAt <= at).length);
        for (const r of rows) expect(r.count).toBe(ls.filter((l) => stageAt(l, at) === r.stage).length);
        expect(pipelineSnapshot(permute(ls, seed), { at, pipeline: TEST_PIPELINE })).toEqual(rows);
      }),
    );
  });
});
