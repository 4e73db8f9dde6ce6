import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { history, leadsArb, makeLead, optionsArb, TEST_PIPELINE } from '../follow-up/arbitraries.js';
import { conversion } from '../follow-up/conversion.js';
import { responseMinutes, responseStatus } from '../response/response-time.js';
import { SPEED_BANDS, speedToLead } from './speed-to-lead.js';
import { wilsonInterval } from './wilson.js';

const HOUR = 3_600_000;

describe('wilsonInterval', () => {
  it('matches the published example 7/10 → [0.3968, 0.8922] and stays in [0, 1]', () => {
    const w = wilsonInterval(7, 10)!;
    expect(w.rate).toBe(0.7);
    expect(w.lower).toBeCloseTo(0.3968, 4);
    expect(w.upper).toBeCloseTo(0.8922, 4);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const k = Math.round(share * n);
        const { rate, lower, upper } = wilsonInterval(k, n)!;
        expect(lower).toBeGreaterThanOrEqual(0);
        expect(upper).toBeLessThanOrEqual(1);
        expect(lower).toBeLessThanOrEqual(rate + 1e-12);
        expect(upper).toBeGreaterThanOrEqual(rate - 1e-12);
      }),
    );
    expect(wilsonInterval(0, 0)).toBeNull();
  });
});

describe('speedToLead', () => {
  const withContacts = (contactHours: (number | null)[]) =>
    leadsArb(20).map((leads) =>
      leads.map((l, i) => {
        const h = contactHours[i % contactHours.length]!;
        return { ...l, firstContactAt: h === null ? null : new Date(l.createdAt.getTime() + h * HOUR) };
      }),
    );
  const leadsWithContacts = fc
    .array(fc.oneof(fc.constant(null), fc.double({ min: -1, max: 50, noNaN: true })), { minLength: 1, maxLength: 10 })
    .chain(withContacts);

  it('puts each lead in its band by response minutes and counts converted, lost and open from the judge', () => {
    fc.assert(
      fc.property(leadsWithContacts, optionsArb, fc.constantFrom('won' as const, 'green' as const), (leads, options, convertedAt) => {
        const s = speedToLead(leads, { ...options, convertedAt });
        const expected = new Map(SPEED_BANDS.map((b) => [b, { leads: 0, converted: 0, notConverted: 0, open: 0 }]));
        let invalid = 0;
        for (const lead of leads) {
          if (lead.createdAt.getTime() > options.asOf.getTime()) continue;
          const status = responseStatus(lead, options);
          if (status === 'invalid') {
            invalid++;
            continue;
          }
          const m = status === 'never' ? null : responseMinutes(lead, options)!;
          const band = m === null ? 'never' : m <= 5 ? '0-5' : m <= 15 ? '5-15' : m <= 60 ? '15-60' : m <= 1440 ? '60-1440' : '1440+';
          // The lead's outcome through the public conversion figure (the same judge), one lead at a time.
          const c = conversion([{ ...lead, appointmentAt: lead.createdAt }], options);
          const everWon = c.won === 1;
          const reachedGreen = c.reachedGreen === 1;
          const t = expected.get(band)!;
          t.leads++;
          if (convertedAt === 'won' ? everWon : reachedGreen) t.converted++;
          else if (c.lost === 1) t.notConverted++;
          else t.open++;
        }
        expect(s.invalid).toBe(invalid);
        for (const row of s.rows) {
          expect(row).toMatchObject(expected.get(row.band)!);
          expect(row.conversion).toEqual(wilsonInterval(row.converted, row.converted + row.notConverted));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports open leads as open, not as failures', () => {
    const asOf = new Date('2025-02-01T00:00:00Z');
    const created = new Date('2025-01-10T00:00:00Z');
    const lead = (id: string, stage: string, contactMin: number) =>
      makeLead({
        id,
        createdAt: created,
        firstContactAt: new Date(created.getTime() + contactMin * 60_000),
        stageHistory: history(['New', '2025-01-10T00:00:00Z'], [stage, '2025-01-20T00:00:00Z']),
      });
    const s = speedToLead([lead('a', 'Green/Delivered', 3), lead('b', 'Lost', 4), lead('c', 'Follow-Up', 2)], {
      asOf,
      timeZone: 'UTC',
      pipeline: TEST_PIPELINE,
    });
    expect(s.rows[0]).toMatchObject({ band: '0-5', leads: 3, converted: 1, notConverted: 1, open: 1, decided: 2 });
    expect(s.rows[0]!.conversion!.rate).toBe(0.5);
    expect(s.rows[5]).toMatchObject({ band: 'never', leads: 0, conversion: null });
  });
});
