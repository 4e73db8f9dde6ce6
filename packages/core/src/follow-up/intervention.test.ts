import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead, OwnerChange } from '../model/lead.js';
import { daysBetween } from '../time/days.js';
import { TEST_PIPELINE, appointedLead, leadsArb, optionsArb, permute } from './arbitraries.js';
import { timeToIntervention } from './intervention.js';
import { followUp } from './status.js';

const asOf = new Date('2025-04-30T00:00:00Z');
const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
const owners = (...entries: [string | null, string][]): OwnerChange[] => entries.map(([locator, at]) => ({ locator, at: new Date(at) }));
const lead = (id: string, fields: Partial<Lead> = {}, ...entries: [string, string][]): Lead =>
  appointedLead(id, '2025-03-10T12:00:00Z', entries, fields);

describe('timeToIntervention', () => {
  const leads = [
    lead('stage-10', {}, ['Follow-Up', '2025-03-20T09:00:00Z']),
    lead('moved-early', {}, ['Follow-Up', '2025-03-12T09:00:00Z']),
    lead(
      'owner-12',
      { ownerHistory: owners(['ana', '2025-03-01T00:00:00Z'], ['ana', '2025-03-15T00:00:00Z'], ['bo', '2025-03-22T00:00:00Z']) },
      ['Lost', '2025-04-10T00:00:00Z'],
    ),
    lead('first-owner-entry', { ownerHistory: owners(['bo', '2025-03-15T00:00:00Z']) }),
    lead('too-recent', { appointmentAt: new Date('2025-04-25T00:00:00Z') }),
    lead('no-appointment', { appointmentAt: null }),
  ];

  it('measures appointment → first stage or locator change for leads that went warnAfterDays without progress', () => {
    const t = timeToIntervention(leads, options);
    expect(t.rows).toEqual([
      {
        leadId: 'first-owner-entry',
        locator: 'ana',
        appointmentAt: new Date('2025-03-10T12:00:00Z'),
        interventionAt: null,
        days: null,
        kind: null,
      },
      {
        leadId: 'owner-12',
        locator: 'ana',
        appointmentAt: new Date('2025-03-10T12:00:00Z'),
        interventionAt: new Date('2025-03-22T00:00:00Z'),
        days: 12,
        kind: 'owner',
      },
      {
        leadId: 'stage-10',
        locator: 'ana',
        appointmentAt: new Date('2025-03-10T12:00:00Z'),
        interventionAt: new Date('2025-03-20T09:00:00Z'),
        days: 10,
        kind: 'stage',
      },
    ]);
    expect({ ...t, rows: undefined }).toEqual({ rows: undefined, intervened: 2, pending: 1, medianDays: 11, meanDays: 11 });
  });

  it('ignores changes after asOf: the lead is pending then', () => {
    const t = timeToIntervention(leads, { ...options, asOf: new Date('2025-03-19T00:00:00Z') });
    expect(t.rows.map((r) => [r.leadId, r.kind])).toEqual([
      ['first-owner-entry', null],
      ['owner-12', null],
      ['stage-10', null],
    ]);
  });

  it('is empty for no leads', () => {
    expect(timeToIntervention([], options)).toEqual({ rows: [], intervened: 0, pending: 0, medianDays: null, meanDays: null });
  });

  it('lists exactly the leads that went warnAfterDays without progress; interventions fall after the appointment, by asOf', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer(), (ls, o, seed) => {
        const t = timeToIntervention(ls, o);
        expect(t.intervened + t.pending).toBe(t.rows.length);
        const warn = TEST_PIPELINE.warnAfterDays;
        const days = (a: Date, b: Date) => daysBetween(a, b, { timeZone: o.timeZone, dayCount: o.dayCount });
        const expected = ls
          .filter((l) => {
            if (!l.appointmentAt || l.createdAt > o.asOf || l.appointmentAt > o.asOf || days(l.appointmentAt, o.asOf) < warn) return false;
            const progressAt = followUp(l, o).progressAt;
            return progressAt === null || days(l.appointmentAt, progressAt) >= warn;
          })
          .map((l) => l.id)
          .sort();
        expect(t.rows.map((r) => r.leadId).sort()).toEqual(expected);
        for (const r of t.rows) {
          if (r.interventionAt === null) {
            expect([r.days, r.kind]).toEqual([null, null]);
            continue;
          }
          expect(r.interventionAt.getTime()).toBeGreaterThan(r.appointmentAt.getTime());
          expect(r.interventionAt.getTime()).toBeLessThanOrEqual(o.asOf.getTime());
          expect(r.days).toBe(days(r.appointmentAt, r.interventionAt));
          if (r.kind === 'stage') expect(r.days).toBeGreaterThanOrEqual(warn);
        }
        expect(timeToIntervention(permute(ls, seed), o)).toEqual(t);
      }),
    );
  });
});
