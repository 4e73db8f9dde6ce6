import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { responseMinutes, responseStatus } from '../response/response-time.js';
import { arbLeads, ZONES } from '../response/arbitraries.js';
import { firstContactSurvival, medianMinutesToFirstContact } from './first-contact.js';
import { kaplanMeier, type SurvivalCase } from './kaplan-meier.js';

const AS_OF = new Date('2025-06-01T00:00:00Z');

/** The oracle: the cases straight from the response module's public definitions, one lead at a time. */
function oracleCases(leads: readonly Lead[], options: { asOf: Date; clock?: 'wall' | 'business'; timeZone?: string }): SurvivalCase[] {
  const cases: SurvivalCase[] = [];
  for (const lead of leads) {
    if (lead.createdAt.getTime() > options.asOf.getTime()) continue;
    const status = responseStatus(lead, options);
    if (status === 'invalid') continue;
    if (status === 'contacted') cases.push({ duration: responseMinutes(lead, options)!, event: true });
    else cases.push({ duration: responseMinutes({ createdAt: lead.createdAt, firstContactAt: options.asOf }, options)!, event: false });
  }
  return cases;
}

const asLeads = (ls: { id: number; createdAt: Date; firstContactAt: Date | null; team: string | null }[]): Lead[] =>
  ls.map((l) => ({ ...l, id: String(l.id), name: 'x', locator: null, stage: 'New', appointmentAt: null, stageHistory: [] }));

describe('firstContactSurvival', () => {
  it('is the Kaplan–Meier curve of the response definitions (wall and business clock, never-contacted censored at asOf)', () => {
    fc.assert(
      fc.property(
        arbLeads(80),
        fc.constantFrom('wall' as const, 'business' as const),
        fc.constantFrom(...ZONES),
        (raw, clock, timeZone) => {
          const leads = asLeads(raw);
          const options = { asOf: AS_OF, clock, timeZone };
          const s = firstContactSurvival(leads, options);
          expect(s.curve).toEqual(kaplanMeier(oracleCases(leads, options)));
          const inScope = leads.filter((l) => l.createdAt.getTime() <= AS_OF.getTime());
          expect(s.leads).toBe(inScope.length);
          expect(s.invalid).toBe(inScope.filter((l) => responseStatus(l, options) === 'invalid').length);
          expect(s.curve.cases + s.invalid).toBe(s.leads);
          // The median alone (what kpis prints) is the curve's.
          expect(medianMinutesToFirstContact(leads, options)).toBe(s.curve.median);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('by team: each group is the curve of its own leads, and the groups hold every case', () => {
    fc.assert(
      fc.property(arbLeads(60), (raw) => {
        const leads = asLeads(raw);
        const s = firstContactSurvival(leads, { asOf: AS_OF, by: 'team' });
        for (const g of s.groups) {
          const own = leads.filter((l) => (l.team ?? '(none)') === g.group);
          expect(g.curve).toEqual(kaplanMeier(oracleCases(own, { asOf: AS_OF })));
        }
        expect(s.groups.reduce((n, g) => n + g.curve.cases, 0)).toBe(s.curve.cases);
      }),
      { numRuns: 40 },
    );
  });

  it('a lead contacted after asOf is still waiting: censored at asOf, not an event', () => {
    const created = new Date('2025-05-31T23:00:00Z');
    const s = firstContactSurvival(asLeads([{ id: 1, createdAt: created, firstContactAt: new Date('2025-06-01T01:00:00Z'), team: null }]), {
      asOf: AS_OF,
    });
    expect(s.curve.steps).toMatchObject([{ time: 60, atRisk: 1, events: 0, censored: 1, survival: 1 }]);
    expect(s.curve.median).toBeNull();
  });

  it('groups by arrival (business hours vs evenings/weekends) and by week in the zone', () => {
    const at = (iso: string) => new Date(iso);
    const leads = asLeads([
      { id: 1, createdAt: at('2025-05-27T14:00:00Z'), firstContactAt: at('2025-05-27T14:10:00Z'), team: null }, // Tue 10:00 New York
      { id: 2, createdAt: at('2025-05-27T23:30:00Z'), firstContactAt: null, team: null }, // Tue 19:30
      { id: 3, createdAt: at('2025-05-31T15:00:00Z'), firstContactAt: at('2025-05-31T16:00:00Z'), team: null }, // Saturday
    ]);
    const byArrival = firstContactSurvival(leads, { asOf: AS_OF, by: 'arrival', timeZone: 'America/New_York' });
    expect(byArrival.groups.map((g) => [g.group, g.curve.cases])).toEqual([
      ['business hours', 1],
      ['evenings/weekends', 2],
    ]);
    const byWeek = firstContactSurvival(leads, { asOf: AS_OF, by: 'period', periodUnit: 'week', timeZone: 'America/New_York' });
    expect(byWeek.groups.map((g) => [g.group, g.curve.cases])).toEqual([['2025-05-26', 3]]);
  });

  it('names what is missing or wrong', () => {
    expect(() => firstContactSurvival([], { asOf: AS_OF, by: 'period' })).toThrow(/timeZone is required to group by period/);
    expect(() => firstContactSurvival([], { asOf: AS_OF, by: 'colour' as 'team' })).toThrow(/by must be .* got "colour"/);
    expect(() => firstContactSurvival([], { asOf: new Date(Number.NaN) })).toThrow(/asOf/);
    expect(() => firstContactSurvival([], { asOf: AS_OF, clock: 'business' })).toThrow(/timeZone/);
  });
});
