import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { slotOf } from '../time/slot.js';
import { kaplanMeier, type SurvivalCase } from './kaplan-meier.js';
import { routingDelaySurvival } from './routing-delay.js';

const AS_OF = new Date('2025-03-01T00:00:00Z');
const MIN = 60_000;

const arbLeads = fc.array(
  fc.record({
    created: fc.integer({ min: Date.UTC(2025, 1, 1), max: Date.UTC(2025, 2, 2) }),
    assign: fc.option(fc.integer({ min: -30, max: 600 }), { nil: null }),
    contact: fc.option(fc.integer({ min: -30, max: 900 }), { nil: null }),
  }),
  { maxLength: 60 },
);

const asLeads = (raw: { created: number; assign: number | null; contact: number | null }[]): Lead[] =>
  raw.map((r, i) => ({
    id: String(i),
    name: 'x',
    locator: null,
    stage: 'New',
    createdAt: new Date(r.created),
    assignedAt: r.assign === null ? null : new Date(r.created + r.assign * MIN),
    firstContactAt: r.contact === null ? null : new Date(r.created + r.contact * MIN),
    appointmentAt: null,
    stageHistory: [],
  }));

describe('routingDelaySurvival', () => {
  it('splits time to first contact into created → assigned and assigned → contact, open cases censored (oracle)', () => {
    fc.assert(
      fc.property(arbLeads, (raw) => {
        const leads = asLeads(raw);
        const r = routingDelaySurvival(leads, { asOf: AS_OF, timeZone: 'UTC' });
        const asOf = AS_OF.getTime();
        const routing: SurvivalCase[] = [];
        const rep: SurvivalCase[] = [];
        let unknown = 0;
        let invalid = 0;
        let early = 0;
        for (const lead of leads) {
          const c = lead.createdAt.getTime();
          if (c > asOf) continue;
          const contact = lead.firstContactAt && lead.firstContactAt.getTime() <= asOf ? lead.firstContactAt.getTime() : null;
          const assign = lead.assignedAt?.getTime() ?? null;
          if ((contact !== null && contact < c) || (assign !== null && assign < c)) invalid++;
          else if (assign === null) unknown++;
          else if (assign > asOf) routing.push({ duration: (asOf - c) / MIN, event: false });
          else {
            routing.push({ duration: (assign - c) / MIN, event: true });
            if (contact !== null && contact < assign) early++;
            else
              rep.push(
                contact === null ? { duration: (asOf - assign) / MIN, event: false } : { duration: (contact - assign) / MIN, event: true },
              );
          }
        }
        expect(r.routing).toEqual(kaplanMeier(routing));
        expect(r.rep).toEqual(kaplanMeier(rep));
        expect([r.unknownAssignment, r.invalid, r.contactedBeforeAssignment]).toEqual([unknown, invalid, early]);
        expect(r.cells.reduce((n, cell) => n + cell.leads, 0)).toBe(routing.length);
        expect(r.cells.reduce((n, cell) => n + cell.unknownAssignment, 0)).toBe(unknown);
      }),
      { numRuns: 80 },
    );
  });

  it('a named case: a slot slow because of routing, not of the reps', () => {
    const created = Date.UTC(2025, 1, 3, 18, 10); // Monday 18:10 UTC
    const leads = asLeads([
      { created, assign: 120, contact: 125 },
      { created: created + 5 * MIN, assign: 90, contact: 96 },
      { created: created + 10 * MIN, assign: null, contact: 20 },
    ]);
    const r = routingDelaySurvival(leads, { asOf: AS_OF, timeZone: 'UTC', slotMinutes: 60 });
    expect(slotOf(created, 'UTC', 60).slotIndex).toBe(18);
    expect(r.cells).toEqual([
      { day: 'Monday', weekday: 0, slot: '18:00', slotIndex: 18, leads: 2, routingMedian: 90, repMedian: 5, unknownAssignment: 1 },
    ]);
  });
});
