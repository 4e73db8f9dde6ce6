import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { TEST_PIPELINE, appointedLead, history, leadsArb, optionsArb } from './arbitraries.js';
import { attentionChanges, type AttentionEntry } from './attention-changes.js';
import { needsAttention } from './attention.js';
import { ATTENTION_REASONS } from './reasons.js';
import { followUp } from './status.js';

const DAY = 86_400_000;
const monday = new Date('2025-04-28T12:00:00Z');
const tuesday = new Date('2025-04-29T12:00:00Z');
const options = { timeZone: 'UTC', pipeline: TEST_PIPELINE };
const appointed = (id: string, appointment: string, fields: Partial<Lead> = {}) => appointedLead(id, appointment, [], fields);

describe('attentionChanges', () => {
  // As of Monday: 'turns-stale' is at risk (29 days), the others at risk or stale; by Tuesday some moved.
  const leads = [
    appointed('turns-stale', '2025-03-30T10:00:00Z'),
    appointed('still-risk', '2025-04-18T10:00:00Z'),
    appointed('won', '2025-04-10T10:00:00Z', {
      stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z'], ['Green/Delivered', '2025-04-29T09:00:00Z']),
    }),
    appointed('lost', '2025-04-10T10:00:00Z', {
      stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z'], ['Lost', '2025-04-29T09:00:00Z']),
    }),
    appointed('moved', '2025-04-10T10:00:00Z', {
      stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z'], ['Contacted', '2025-04-29T09:00:00Z']),
    }),
    appointed('new-risk', '2025-04-22T10:00:00Z'),
  ];

  it('compares the list as of Monday with the list as of Tuesday', () => {
    const before = needsAttention(leads, { ...options, asOf: monday });
    expect(before.map((r) => [r.leadId, r.reason])).toEqual([
      ['turns-stale', 'at-risk'],
      ['lost', 'at-risk'],
      ['moved', 'at-risk'],
      ['won', 'at-risk'],
      ['still-risk', 'at-risk'],
    ]);
    const c = attentionChanges(leads, before, { ...options, asOf: tuesday });
    expect(c.added.map((r) => r.leadId)).toEqual(['new-risk']);
    expect(c.worse.map((w) => [w.row.leadId, w.before.reason, w.row.reason])).toEqual([['turns-stale', 'at-risk', 'stale']]);
    expect(c.unchanged.map((u) => u.row.leadId)).toEqual(['still-risk']);
    expect(c.better).toEqual([]);
    expect(c.resolved.map((r) => [r.before.leadId, r.why, r.stage])).toEqual([
      ['lost', 'lost', 'Lost'],
      ['moved', 'progressed', 'Contacted'],
      ['won', 'won', 'Green/Delivered'],
    ]);
  });

  it('says a lead that left the data was removed, and one given to someone else was reassigned (for its old locator)', () => {
    const before: AttentionEntry[] = [
      { leadId: 'gone', reason: 'stale', locator: 'ana' },
      { leadId: 'still-risk', reason: 'at-risk', locator: 'ana' },
    ];
    const moved = leads.map((l) => (l.id === 'still-risk' ? { ...l, locator: 'bo' } : l));
    const forAna = attentionChanges(moved, before, { ...options, asOf: tuesday, locator: 'ana' });
    expect(forAna.resolved.map((r) => [r.before.leadId, r.why, r.locator])).toEqual([
      ['gone', 'removed', null],
      ['still-risk', 'reassigned', 'bo'],
    ]);
    const forBo = attentionChanges(moved, before, { ...options, asOf: tuesday, locator: 'bo' });
    expect(forBo.added.map((r) => r.leadId)).toEqual(['still-risk']);
    expect(forBo.resolved).toEqual([]);
  });

  it('says a lead whose appointment moved later was rescheduled', () => {
    const before: AttentionEntry[] = [{ leadId: 'still-risk', reason: 'at-risk', locator: 'ana' }];
    const later = leads.map((l) => (l.id === 'still-risk' ? { ...l, appointmentAt: new Date('2025-05-02T10:00:00Z') } : l));
    const c = attentionChanges(later, before, { ...options, asOf: tuesday });
    expect(c.resolved.map((r) => [r.why, r.status])).toEqual([['rescheduled', 'upcoming']]);
  });

  // Some leads were someone else's when the earlier list was made (they have been reassigned since).
  const reassignSome = (rows: AttentionEntry[], seed: number): AttentionEntry[] =>
    rows.map((r, i) => ((i + seed) % 3 === 0 ? { ...r, locator: r.locator === 'ana' ? 'bo' : 'ana' } : r));
  const scopeArb = fc.option(fc.constantFrom<string | null>('ana', 'bo', 'cy', null), { nil: undefined });

  it('puts every lead of the list now in one class, and every earlier lead in one class (property)', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer({ min: 0, max: 20 }), scopeArb, fc.nat(), (ls, o, daysBack, locator, seed) => {
        const before = reassignSome(needsAttention(ls, { ...o, asOf: new Date(o.asOf.getTime() - daysBack * DAY) }), seed);
        const c = attentionChanges(ls, before, { ...o, locator });
        const inScope = (l: string | null) => locator === undefined || l === locator;
        // The list now is needsAttention's, restricted to the scope.
        expect(c.current).toEqual(needsAttention(ls, o).filter((r) => inScope(r.locator)));
        const nowIds = [...c.added.map((r) => r.leadId), ...[...c.worse, ...c.better, ...c.unchanged].map((x) => x.row.leadId)];
        expect(nowIds.sort()).toEqual(c.current.map((r) => r.leadId).sort());
        const earlierIds = [
          ...[...c.worse, ...c.better, ...c.unchanged].map((x) => x.before.leadId),
          ...c.resolved.map((r) => r.before.leadId),
        ];
        expect(earlierIds.sort()).toEqual(
          before
            .filter((r) => inScope(r.locator))
            .map((r) => r.leadId)
            .sort(),
        );
        for (const w of c.worse) expect(ATTENTION_REASONS.indexOf(w.row.reason)).toBeLessThan(ATTENTION_REASONS.indexOf(w.before.reason));
        for (const b of c.better)
          expect(ATTENTION_REASONS.indexOf(b.row.reason)).toBeGreaterThan(ATTENTION_REASONS.indexOf(b.before.reason));
        for (const u of c.unchanged) expect(u.row.reason).toBe(u.before.reason);
      }),
    );
  });

  it('gives a why for each lead that left that agrees with the judge (property)', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer({ min: 0, max: 20 }), scopeArb, fc.nat(), (ls, o, daysBack, locator, seed) => {
        const before = reassignSome(needsAttention(ls, { ...o, asOf: new Date(o.asOf.getTime() - daysBack * DAY) }), seed);
        const everyone = needsAttention(ls, o);
        const c = attentionChanges(ls, before, { ...o, locator });
        for (const r of c.resolved) {
          const lead = ls.find((l) => l.id === r.before.leadId)!;
          const f = followUp(lead, o);
          if (lead.createdAt.getTime() > o.asOf.getTime()) {
            expect(r.why).toBe('removed');
            continue;
          }
          expect(r.status).toBe(f.status);
          expect(r.stage).toBe(f.stage);
          const elsewhere = everyone.find((row) => row.leadId === lead.id);
          if (elsewhere) {
            expect(r.why).toBe('reassigned');
            expect(elsewhere.locator).not.toBe(locator);
          } else if (f.status === 'won' || f.status === 'lost') expect(r.why).toBe(f.status);
          else expect(['progressed', 'rescheduled']).toContain(r.why);
          if (r.why === 'rescheduled') expect(['upcoming', 'awaiting', 'no-appointment']).toContain(f.status);
        }
      }),
    );
  });

  it('reports the whole list as new with nothing before, and nothing new when compared with itself (property)', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, scopeArb, (ls, o, locator) => {
        const first = attentionChanges(ls, [], { ...o, locator });
        expect(first.added).toEqual(first.current);
        expect([...first.worse, ...first.better, ...first.unchanged, ...first.resolved]).toEqual([]);
        const again = attentionChanges(ls, first.current, { ...o, locator });
        expect(again.unchanged.map((u) => u.row)).toEqual(first.current);
        expect([...again.added, ...again.worse, ...again.better, ...again.resolved]).toEqual([]);
      }),
    );
  });

  it('gives each locator the new leads of the whole list that are theirs (property)', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer({ min: 0, max: 20 }), (ls, o, daysBack) => {
        const before = needsAttention(ls, { ...o, asOf: new Date(o.asOf.getTime() - daysBack * DAY) });
        const whole = attentionChanges(ls, before, o);
        for (const locator of ['ana', 'bo', 'cy', null]) {
          const theirs = attentionChanges(ls, before, { ...o, locator });
          // Locators come from the lead, not the instant: a lead new to everyone is new to its locator.
          expect(theirs.added.map((r) => r.leadId)).toEqual(whole.added.filter((r) => r.locator === locator).map((r) => r.leadId));
        }
      }),
    );
  });
});
