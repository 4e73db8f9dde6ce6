import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_MS, history, leadsArb, makeLead, optionsArb, TEST_PIPELINE } from '../follow-up/arbitraries.js';
import { stageVisits } from '../follow-up/stage-visits.js';
import { followUp } from '../follow-up/status.js';
import { MS_PER_DAY } from '../time/civil.js';
import { appointmentProgressSurvival } from './appointment-progress.js';
import { kaplanMeier, type SurvivalCase } from './kaplan-meier.js';
import { stageSurvival } from './stage-survival.js';

describe('stageSurvival', () => {
  it('per stage, the curve of its visits: closed = event, the open visit censored at asOf', () => {
    fc.assert(
      fc.property(leadsArb(20), optionsArb, (leads, options) => {
        const rows = stageSurvival(leads, { asOf: options.asOf, pipeline: TEST_PIPELINE });
        const oracle = new Map<string, SurvivalCase[]>();
        for (const lead of leads) {
          for (const v of stageVisits(lead, { asOf: options.asOf })) {
            oracle.set(v.stage, [...(oracle.get(v.stage) ?? []), { duration: v.durationMs / MS_PER_DAY, event: !v.open }]);
          }
        }
        for (const stage of TEST_PIPELINE.stages) expect(rows.some((r) => r.stage === stage.name)).toBe(true);
        for (const r of rows) expect(r.curve).toEqual(kaplanMeier(oracle.get(r.stage) ?? []));
      }),
      { numRuns: 60 },
    );
  });

  it('a named case: two closed visits of 2 and 4 days and one open for 1 day so far', () => {
    const asOf = new Date('2025-01-20T00:00:00Z');
    const leads = [
      makeLead({ id: 'a', stageHistory: history(['New', '2025-01-01T00:00:00Z'], ['Contacted', '2025-01-03T00:00:00Z']) }),
      makeLead({ id: 'b', stageHistory: history(['New', '2025-01-10T00:00:00Z'], ['Contacted', '2025-01-14T00:00:00Z']) }),
      makeLead({ id: 'c', stageHistory: history(['New', '2025-01-19T00:00:00Z']) }),
    ];
    const neu = stageSurvival(leads, { asOf, pipeline: TEST_PIPELINE }).find((r) => r.stage === 'New')!;
    expect(neu.curve.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival])).toEqual([
      [1, 3, 0, 1, 1],
      [2, 2, 1, 0, 0.5],
      [4, 1, 1, 0, 0],
    ]);
    expect(neu.curve.median).toBe(2);
  });
});

describe('appointmentProgressSurvival', () => {
  it("uses the follow-up judge's progress: event at first progress, still waiting censored, closed-before left out", () => {
    fc.assert(
      fc.property(leadsArb(20), optionsArb, (leads, options) => {
        const s = appointmentProgressSurvival(leads, options);
        const cases: SurvivalCase[] = [];
        let appointed = 0;
        let closed = 0;
        for (const lead of leads) {
          const appointment = lead.appointmentAt?.getTime();
          if (appointment === undefined || appointment > options.asOf.getTime()) continue;
          if (lead.createdAt.getTime() > options.asOf.getTime()) continue;
          appointed++;
          const f = followUp(lead, options);
          if (f.progressAt === null && (f.category === 'won' || f.category === 'lost')) {
            closed++;
            continue;
          }
          const end = f.progressAt === null ? options.asOf.getTime() : f.progressAt.getTime();
          cases.push({ duration: (end - appointment) / MS_PER_DAY, event: f.progressAt !== null });
        }
        expect(s.appointed).toBe(appointed);
        expect(s.closedWithoutProgress).toBe(closed);
        expect(s.curve).toEqual(kaplanMeier(cases));
      }),
      { numRuns: 60 },
    );
  });

  it('groups by appointment month in the zone', () => {
    const asOf = new Date(BASE_MS + 90 * MS_PER_DAY);
    const leads = [
      makeLead({ id: 'a', appointmentAt: new Date('2025-01-31T23:30:00Z'), stageHistory: history(['New', '2025-01-01T00:00:00Z']) }),
      makeLead({ id: 'b', appointmentAt: new Date('2025-02-10T12:00:00Z'), stageHistory: history(['New', '2025-01-01T00:00:00Z']) }),
    ];
    const s = appointmentProgressSurvival(leads, { asOf, timeZone: 'Asia/Kathmandu', pipeline: TEST_PIPELINE, by: 'period' });
    // 23:30 UTC on 31 January is 05:15 on 1 February in Kathmandu.
    expect(s.groups.map((g) => [g.group, g.curve.cases, g.curve.censored])).toEqual([['2025-02', 2, 2]]);
  });
});
