import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { history, instantArb, leadArb, makeLead } from './arbitraries.js';
import { stageAt } from './stage-at.js';
import { stageVisits } from './stage-visits.js';

const DAY = 86_400_000;

describe('stageVisits', () => {
  const lead = makeLead({
    id: '1',
    createdAt: new Date('2025-03-01T00:00:00Z'),
    stageHistory: history(
      ['New', '2025-03-01T00:00:00Z'],
      ['New', '2025-03-02T00:00:00Z'],
      ['Contacted', '2025-03-03T00:00:00Z'],
      ['Lost', '2025-03-04T00:00:00Z'],
      ['Follow-Up', '2025-03-04T00:00:00Z'],
      ['Green - Approved', '2025-03-10T00:00:00Z'],
    ),
  });

  it('splits the history into contiguous visits, merging repeats and entries sharing an instant', () => {
    expect(stageVisits(lead, { asOf: new Date('2025-03-06T00:00:00Z') })).toEqual([
      {
        stage: 'New',
        enteredAt: new Date('2025-03-01T00:00:00Z'),
        exitedAt: new Date('2025-03-03T00:00:00Z'),
        durationMs: 2 * DAY,
        open: false,
      },
      {
        stage: 'Contacted',
        enteredAt: new Date('2025-03-03T00:00:00Z'),
        exitedAt: new Date('2025-03-04T00:00:00Z'),
        durationMs: DAY,
        open: false,
      },
      { stage: 'Follow-Up', enteredAt: new Date('2025-03-04T00:00:00Z'), exitedAt: null, durationMs: 2 * DAY, open: true },
    ]);
  });

  it('has no visits without history, or before the first entry', () => {
    expect(stageVisits(makeLead({ id: '2' }), { asOf: new Date('2025-06-01T00:00:00Z') })).toEqual([]);
    expect(stageVisits(lead, { asOf: new Date('2025-02-01T00:00:00Z') })).toEqual([]);
  });

  it('rejects an invalid asOf with a message naming it', () => {
    expect(() => stageVisits(lead, { asOf: new Date(Number.NaN) })).toThrow(/asOf must be a valid Date; got Invalid Date/);
  });

  it('visits are contiguous, change stage each time, and their durations add up to asOf − first entry', () => {
    fc.assert(
      fc.property(leadArb, instantArb(), (l, asOf) => {
        const full = { id: 'x', ...l };
        const visits = stageVisits(full, { asOf });
        const first = full.stageHistory[0];
        if (!first || first.at > asOf) return void expect(visits).toEqual([]);
        expect(visits[0]!.enteredAt).toEqual(first.at);
        let total = 0;
        visits.forEach((v, i) => {
          const next = visits[i + 1];
          expect(v.exitedAt).toEqual(next ? next.enteredAt : null);
          expect(v.open).toBe(next === undefined);
          if (next) expect(next.stage).not.toBe(v.stage);
          expect(v.durationMs).toBeGreaterThanOrEqual(0);
          expect(v.enteredAt.getTime()).toBeLessThanOrEqual(asOf.getTime());
          total += v.durationMs;
        });
        expect(total).toBe(asOf.getTime() - first.at.getTime());
      }),
    );
  });

  it('agrees with stageAt: a visit’s stage holds from its entry until its exit', () => {
    fc.assert(
      fc.property(leadArb, instantArb(), (l, asOf) => {
        const full = { id: 'x', ...l, createdAt: new Date(0) }; // existence does not matter to visits
        for (const v of stageVisits(full, { asOf })) {
          expect(stageAt(full, v.enteredAt)).toBe(v.stage);
          const end = v.exitedAt ?? asOf;
          if (end > v.enteredAt) expect(stageAt(full, new Date(end.getTime() - 1))).toBe(v.stage);
        }
      }),
    );
  });

  it('ignores history after asOf', () => {
    fc.assert(
      fc.property(
        leadArb,
        instantArb(),
        fc.array(fc.tuple(fc.constantFrom('New', 'Lost'), fc.integer({ min: 1, max: 1e9 }))),
        (l, asOf, extra) => {
          const full = { id: 'x', ...l };
          const added = extra.map(([stage, ms]) => ({ stage, at: new Date(asOf.getTime() + ms) }));
          const more = { ...full, stageHistory: [...full.stageHistory, ...added] };
          expect(stageVisits(more, { asOf })).toEqual(stageVisits(full, { asOf }));
        },
      ),
    );
  });
});
