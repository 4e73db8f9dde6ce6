import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TEST_PIPELINE, history, leadsArb, makeLead, optionsArb, permute } from './arbitraries.js';
import { needsAttention } from './attention.js';
import { conversion } from './conversion.js';
import { greenToDelivery } from './green-to-delivery.js';
import { timeToIntervention } from './intervention.js';
import { kpis } from './kpis.js';
import { followUp } from './status.js';

describe('kpis', () => {
  const asOf = new Date('2025-04-30T00:00:00Z');
  const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };

  it('is all zeros and nulls for no leads', () => {
    const zeros =
      'leads appointed upcoming awaiting atRisk stale stalled stuckInGreen progressed won lost needsAttention pendingIntervention';
    const nulls = 'conversionRate medianDaysToIntervention medianGreenToDeliveryDays';
    expect(kpis([], options)).toEqual({
      asOf,
      ...Object.fromEntries(zeros.split(' ').map((key) => [key, 0])),
      ...Object.fromEntries(nulls.split(' ').map((key) => [key, null])),
    });
  });

  it('counts a small book', () => {
    const leads = [
      makeLead({
        id: 'a',
        createdAt: new Date('2025-03-01T00:00:00Z'),
        appointmentAt: new Date('2025-04-20T00:00:00Z'),
        stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z']),
      }),
      makeLead({
        id: 'b',
        createdAt: new Date('2025-03-01T00:00:00Z'),
        appointmentAt: new Date('2025-03-01T00:00:00Z'),
        stageHistory: history(
          ['Appointment Set', '2025-03-01T00:00:00Z'],
          ['Green - Approved', '2025-03-10T00:00:00Z'],
          ['Green/Delivered', '2025-03-16T00:00:00Z'],
        ),
      }),
      makeLead({ id: 'c', createdAt: new Date('2025-03-01T00:00:00Z'), appointmentAt: new Date('2025-05-20T00:00:00Z') }),
      makeLead({ id: 'd', createdAt: new Date('2025-05-01T00:00:00Z'), appointmentAt: new Date('2025-05-20T00:00:00Z') }),
    ];
    expect(kpis(leads, options)).toMatchObject({
      leads: 3,
      appointed: 3,
      atRisk: 1,
      won: 1,
      upcoming: 1,
      needsAttention: 1,
      conversionRate: 1 / 3,
      medianDaysToIntervention: 9,
      pendingIntervention: 1,
      medianGreenToDeliveryDays: 6,
    });
  });

  it('agrees with followUp, needsAttention, conversion, timeToIntervention and greenToDelivery, whatever the input order', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.boolean(), fc.integer(), (ls, o, includeStalled, seed) => {
        const k = kpis(ls, { ...o, includeStalled });
        const existing = ls.filter((l) => l.createdAt <= o.asOf);
        const f = existing.map((l) => followUp(l, o));
        const count = (p: (x: (typeof f)[number]) => boolean) => f.filter(p).length;
        const intervention = timeToIntervention(ls, o);
        expect(k).toEqual({
          asOf: o.asOf,
          leads: existing.length,
          appointed: existing.filter((l) => l.appointmentAt !== null).length,
          upcoming: count((x) => x.status === 'upcoming'),
          awaiting: count((x) => x.status === 'awaiting'),
          atRisk: count((x) => x.status === 'at-risk'),
          stale: count((x) => x.status === 'stale'),
          stalled: count((x) => x.stalled),
          stuckInGreen: count((x) => x.stuckInGreen),
          progressed: count((x) => x.status === 'progressed'),
          won: count((x) => x.status === 'won'),
          lost: count((x) => x.status === 'lost'),
          needsAttention: needsAttention(ls, { ...o, includeStalled }).length,
          conversionRate: conversion(ls, o).rate,
          medianDaysToIntervention: intervention.medianDays,
          pendingIntervention: intervention.pending,
          medianGreenToDeliveryDays: greenToDelivery(ls, o).medianDays,
        });
        expect(kpis(permute(ls, seed), { ...o, includeStalled })).toEqual(k);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores history after asOf: stage and owner entries later than asOf (and than the first entry) change nothing', () => {
    fc.assert(
      fc.property(
        leadsArb(),
        optionsArb,
        fc.array(
          fc.tuple(
            fc.nat(),
            fc.constantFrom('Lost', 'Green - Approved', 'Green/Delivered', 'Follow-Up'),
            fc.integer({ min: 1, max: 1e10 }),
          ),
        ),
        (ls, o, extra) => {
          const more = ls.map((l, i) => {
            const added = extra.filter(([n]) => ls.length > 0 && n % ls.length === i);
            const first = l.stageHistory[0];
            if (added.length === 0 || !first) return l;
            const after = Math.max(o.asOf.getTime(), first.at.getTime());
            const byTime = (a: { at: Date }, b: { at: Date }) => a.at.getTime() - b.at.getTime();
            return {
              ...l,
              stageHistory: [...l.stageHistory, ...added.map(([, stage, ms]) => ({ stage, at: new Date(after + ms) }))].sort(byTime),
              ownerHistory: [
                ...(l.ownerHistory ?? []),
                ...added.map(([, , ms]) => ({ locator: 'zed', at: new Date(o.asOf.getTime() + ms) })),
              ].sort(byTime),
            };
          });
          expect(kpis(more, o)).toEqual(kpis(ls, o));
          expect(needsAttention(more, o)).toEqual(needsAttention(ls, o));
          expect(timeToIntervention(more, o)).toEqual(timeToIntervention(ls, o));
          expect(greenToDelivery(more, o)).toEqual(greenToDelivery(ls, o));
        },
      ),
      { numRuns: 200 },
    );
  });
});
