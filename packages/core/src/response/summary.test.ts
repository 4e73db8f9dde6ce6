import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantile } from '../stats/quantile.js';
import { arbLeads, ZONES } from './arbitraries.js';
import { aggregateBySlot } from './heatmap.js';
import { SLA_BANDS, summarizeResponses } from './summary.js';

const lead = (minutes: number | null, extra: { team?: string } = {}) => ({
  createdAt: new Date('2025-06-06T20:30:00Z'),
  firstContactAt: minutes === null ? null : new Date(Date.parse('2025-06-06T20:30:00Z') + minutes * 60_000),
  ...extra,
});

describe('summarizeResponses', () => {
  it('summarizes no leads as zeros and nulls', () => {
    expect(summarizeResponses([])).toEqual({
      total: 0,
      contacted: 0,
      neverContacted: 0,
      invalid: 0,
      withinSla: 0,
      pctWithinSla: null,
      medianMinutes: null,
      p90Minutes: null,
      bands: { '0-5': 0, '5-15': 0, '15-60': 0, '60+': 0, never: 0 },
    });
  });

  it('puts band edges in the lower band: 0 and 5 → 0-5, 15 → 5-15, 60 → 15-60, 60.5 → 60+', () => {
    const s = summarizeResponses([lead(0), lead(5), lead(5.01), lead(15), lead(15.5), lead(60), lead(60.5), lead(null), lead(-1)]);
    expect(s.bands).toEqual({ '0-5': 2, '5-15': 2, '15-60': 2, '60+': 1, never: 1 });
    expect(s).toMatchObject({ total: 9, contacted: 7, neverContacted: 1, invalid: 1, withinSla: 6 });
    expect(s.pctWithinSla).toBeCloseTo((6 / 9) * 100, 10);
    expect(s.medianMinutes).toBe(15);
  });

  it('uses the options: slaMinutes, filters and the business clock', () => {
    const leads = [lead(3900, { team: 'East' }), lead(10, { team: 'West' })]; // Friday 16:30 EDT + 3900 min = Monday 09:30
    expect(summarizeResponses(leads, { slaMinutes: 10 }).withinSla).toBe(1);
    expect(summarizeResponses(leads, { team: 'East' }).total).toBe(1);
    expect(summarizeResponses(leads, { team: 'East', clock: 'business', timeZone: 'America/New_York' })).toMatchObject({
      withinSla: 1,
      medianMinutes: 60,
      bands: { '15-60': 1 },
    });
    expect(() => summarizeResponses(leads, { clock: 'business' })).toThrow(/needs a timeZone/);
  });

  it('bands add up to total − invalid; figures agree with the heatmap over all slots (property)', () => {
    fc.assert(
      fc.property(arbLeads(), fc.constantFrom(...ZONES), fc.integer({ min: 0, max: 120 }), (leads, timeZone, slaMinutes) => {
        const s = summarizeResponses(leads, { slaMinutes });
        expect(SLA_BANDS.reduce((sum, b) => sum + s.bands[b], 0)).toBe(s.total - s.invalid);
        expect(s.bands.never).toBe(s.neverContacted);
        expect(s.contacted + s.neverContacted + s.invalid).toBe(s.total);
        const cells = aggregateBySlot(leads, { timeZone, slaMinutes });
        for (const key of ['total', 'contacted', 'withinSla', 'neverContacted', 'invalid'] as const) {
          expect(s[key]).toBe(cells.reduce((sum, c) => sum + c[key], 0));
        }
        const minutes = leads
          .filter((l) => l.firstContactAt && l.firstContactAt >= l.createdAt)
          .map((l) => (l.firstContactAt!.getTime() - l.createdAt.getTime()) / 60_000);
        expect(s.medianMinutes).toBe(quantile(minutes, 0.5));
        expect(s.p90Minutes).toBe(quantile(minutes, 0.9));
      }),
      { numRuns: 200 },
    );
  });
});
