import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { TEST_PIPELINE, appointedLead, leadsArb, optionsArb, permute } from './arbitraries.js';
import { needsAttention } from './attention.js';
import { conversion } from './conversion.js';
import { locatorScorecard } from './scorecard.js';
import { followUpStatus } from './status.js';
import { FOLLOW_UP_STATUSES } from './statuses.js';

const asOf = new Date('2025-04-30T00:00:00Z');
const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
const lead = (id: string, locator: string | null, appointment: string | null, ...entries: [string, string][]): Lead =>
  appointedLead(id, appointment, entries, { locator });

describe('locatorScorecard', () => {
  const leads = [
    lead('a1', 'ana', '2025-03-10T00:00:00Z', ['Follow-Up', '2025-03-12T00:00:00Z'], ['Green/Delivered', '2025-03-20T00:00:00Z']),
    lead('a2', 'ana', '2025-03-10T00:00:00Z', ['Follow-Up', '2025-03-16T00:00:00Z']),
    lead('a3', 'ana', null),
    lead('b1', 'bo', '2025-04-01T00:00:00Z'),
    lead('b2', 'bo', '2025-04-20T00:00:00Z'),
    lead('u1', null, '2025-04-28T00:00:00Z'),
  ];

  it('gives per locator the status counts, needs-attention count, conversion and median days to progress', () => {
    const rows = locatorScorecard(leads, options);
    expect(rows.map((r) => r.locator)).toEqual(['bo', 'ana', '(unassigned)']);
    const zero = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0]));
    expect(rows[1]).toEqual({
      locator: 'ana',
      leads: 3,
      appointed: 2,
      counts: { ...zero, won: 1, progressed: 1, 'no-appointment': 1 },
      needsAttention: 1, // a2: stalled in Follow-Up since 03-16
      conversionRate: 0.5,
      medianDaysToProgress: 4,
    });
    expect(rows[0]).toMatchObject({
      leads: 2,
      appointed: 2,
      counts: { ...zero, 'at-risk': 2 },
      needsAttention: 2,
      conversionRate: 0,
      medianDaysToProgress: null,
    });
    expect(rows[2]).toMatchObject({ counts: { ...zero, awaiting: 1 }, needsAttention: 0 });
    expect(locatorScorecard(leads, { ...options, includeStalled: false }).map((r) => [r.locator, r.needsAttention])).toEqual([
      ['bo', 2],
      ['ana', 0],
      ['(unassigned)', 0],
    ]);
  });

  it('is empty for no leads', () => {
    expect(locatorScorecard([], options)).toEqual([]);
  });

  it('adds up to the folder’s own figures, sorted by needs attention then locator, whatever the input order', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer(), (ls, o, seed) => {
        const rows = locatorScorecard(ls, o);
        const existing = ls.filter((l) => l.createdAt <= o.asOf);
        expect(rows.reduce((n, r) => n + r.leads, 0)).toBe(existing.length);
        expect(rows.reduce((n, r) => n + r.needsAttention, 0)).toBe(needsAttention(ls, o).length);
        for (const r of rows) {
          const mine = existing.filter((l) => (l.locator ?? '(unassigned)') === r.locator);
          for (const s of FOLLOW_UP_STATUSES) expect(r.counts[s]).toBe(mine.filter((l) => followUpStatus(l, o) === s).length);
          expect(r.leads).toBe(mine.length);
          const c = conversion(mine, o);
          expect([r.appointed, r.conversionRate]).toEqual([c.appointed, c.rate]);
        }
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          const unassigned = (r: typeof a) => Number(r.locator === '(unassigned)');
          const order = b.needsAttention - a.needsAttention || unassigned(a) - unassigned(b) || (a.locator < b.locator ? -1 : 1);
          expect(order).toBeLessThan(0);
        }
        expect(locatorScorecard(permute(ls, seed), o)).toEqual(rows);
      }),
    );
  });
});
