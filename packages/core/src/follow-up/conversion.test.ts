import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { TEST_PIPELINE, appointedLead, instantArb, leadsArb, optionsArb, permute } from './arbitraries.js';
import { conversion } from './conversion.js';

const asOf = new Date('2025-04-30T00:00:00Z');
const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
const lead = (id: string, appointment: string | null, ...entries: [string, string][]): Lead => appointedLead(id, appointment, entries);

describe('conversion', () => {
  const leads = [
    lead('won', '2025-03-10T00:00:00Z', ['Green - Approved', '2025-03-12T00:00:00Z'], ['Green/Delivered', '2025-03-20T00:00:00Z']),
    lead('won-then-lost', '2025-03-10T00:00:00Z', ['Green/Delivered', '2025-03-20T00:00:00Z'], ['Lost', '2025-03-25T00:00:00Z']),
    lead('lost', '2025-03-11T00:00:00Z', ['Lost', '2025-03-20T00:00:00Z']),
    lead('green', '2025-03-12T00:00:00Z', ['Green - Approved', '2025-03-20T00:00:00Z']),
    lead('open', '2025-04-01T00:00:00Z'),
    lead('won-after-asOf', '2025-04-01T00:00:00Z', ['Green/Delivered', '2025-05-20T00:00:00Z']),
    lead('no-appointment', null, ['Green/Delivered', '2025-03-20T00:00:00Z']),
    { ...lead('created-later', '2025-03-10T00:00:00Z'), createdAt: new Date('2025-05-01T00:00:00Z') },
  ];

  it('counts won (ever, by asOf), lost, open and reached-green among appointed leads', () => {
    expect(conversion(leads, options)).toEqual({ appointed: 6, won: 2, reachedGreen: 3, lost: 1, open: 3, rate: 2 / 6 });
  });

  it('takes appointments in [from, to)', () => {
    const march = conversion(leads, { ...options, from: new Date('2025-03-10T00:00:00Z'), to: new Date('2025-03-12T00:00:00Z') });
    expect(march).toEqual({ appointed: 3, won: 2, reachedGreen: 2, lost: 1, open: 0, rate: 2 / 3 });
  });

  it('has a null rate and zero counts when nothing was appointed', () => {
    expect(conversion([], options)).toEqual({ appointed: 0, won: 0, reachedGreen: 0, lost: 0, open: 0, rate: null });
  });

  it('won + lost + open = appointed, won ≤ reachedGreen ≤ appointed, whatever the input order', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.option(instantArb()), fc.option(instantArb()), fc.integer(), (ls, o, from, to, seed) => {
        const opts = { ...o, from: from ?? undefined, to: to ?? undefined };
        const c = conversion(ls, opts);
        expect(c.won + c.lost + c.open).toBe(c.appointed);
        expect(c.won).toBeLessThanOrEqual(c.reachedGreen);
        expect(c.reachedGreen).toBeLessThanOrEqual(c.appointed);
        const inPeriod = ls.filter(
          (l) => l.appointmentAt && l.createdAt <= o.asOf && (!from || l.appointmentAt >= from) && (!to || l.appointmentAt < to),
        );
        expect(c.appointed).toBe(inPeriod.length);
        expect(c.rate).toBe(c.appointed === 0 ? null : c.won / c.appointed);
        expect(conversion(permute(ls, seed), opts)).toEqual(c);
      }),
    );
  });
});
