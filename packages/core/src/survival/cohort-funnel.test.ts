import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { history, leadsArb, makeLead, optionsArb, TEST_PIPELINE } from '../follow-up/arbitraries.js';
import { conversion } from '../follow-up/conversion.js';
import { cohortFunnel, FUNNEL_STEPS } from './cohort-funnel.js';

describe('cohortFunnel', () => {
  it('counts the appointed, green and won leads as the conversion figure does, and never more at a later step', () => {
    fc.assert(
      fc.property(leadsArb(25), optionsArb, (leads, options) => {
        const funnels = cohortFunnel(leads, options);
        const due = leads.filter((l) => l.appointmentAt !== null && l.appointmentAt.getTime() <= options.asOf.getTime());
        const c = conversion(due, options);
        const total = (step: number) => funnels.reduce((n, f) => n + f.steps[step]!.reached, 0);
        expect(total(0)).toBe(c.appointed);
        expect(total(2)).toBe(c.reachedGreen);
        expect(total(4)).toBe(c.won);
        for (const f of funnels) {
          expect(f.steps.map((s) => s.step)).toEqual([...FUNNEL_STEPS]);
          for (let s = 1; s < f.steps.length; s++) expect(f.steps[s]!.reached).toBeLessThanOrEqual(f.steps[s - 1]!.reached);
        }
        expect(funnels.filter((f) => f.baseline).length).toBe(funnels.length === 0 ? 0 : 1);
      }),
      { numRuns: 80 },
    );
  });

  it('a named cohort: shares, step-to-step conversion, and medians with open leads censored', () => {
    const asOf = new Date('2025-03-31T00:00:00Z');
    const leads = [
      makeLead({
        id: 'a',
        appointmentAt: new Date('2025-02-03T12:00:00Z'),
        stageHistory: history(
          ['Appointment Set', '2025-01-20T00:00:00Z'],
          ['Follow-Up', '2025-02-05T12:00:00Z'],
          ['Green - Approved', '2025-02-10T12:00:00Z'],
          ['Green/Delivered', '2025-02-20T12:00:00Z'],
        ),
      }),
      makeLead({
        id: 'b',
        appointmentAt: new Date('2025-02-10T12:00:00Z'),
        stageHistory: history(['Appointment Set', '2025-01-25T00:00:00Z'], ['Lost', '2025-02-14T12:00:00Z']),
      }),
      makeLead({
        id: 'c',
        appointmentAt: new Date('2025-02-20T12:00:00Z'),
        stageHistory: history(['Appointment Set', '2025-02-01T00:00:00Z']),
      }),
    ];
    const [feb] = cohortFunnel(leads, { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE });
    expect(feb!.cohort).toBe('2025-02');
    expect(feb!.baseline).toBe(true);
    expect(feb!.steps.map((s) => [s.step, s.reached, s.fromPrevious])).toEqual([
      ['appointed', 3, null],
      ['progressed', 2, 2 / 3],
      ['green', 1, 0.5],
      ['delivery', 1, 1],
      ['won', 1, 1],
    ]);
    // progressed: a after 2 days, b after 4 (its loss is its progress); c still waiting (censored at 38.5 days).
    expect(feb!.steps[1]!.medianDays).toBe(4);
    // won: a after 17 days; c open (censored); b lost without winning, left out: S = 1/2 at 17 days.
    expect(feb!.steps[4]!.medianDays).toBe(17);
  });
});
