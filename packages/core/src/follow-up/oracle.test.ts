import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { instantArb, leadsArb, optionsArb, permute } from './arbitraries.js';
import { needsAttention } from './attention.js';
import { columnarLeadsOf } from './columnar-leads.js';
import { conversion } from './conversion.js';
import { greenToDelivery } from './green-to-delivery.js';
import { timeToIntervention } from './intervention.js';
import { kpis } from './kpis.js';
import {
  oracleConversion,
  oracleFollowUp,
  oracleGreenToDelivery,
  oracleKpis,
  oracleNeedsAttention,
  oracleScorecard,
  oracleTimeToIntervention,
} from './oracle/metrics.test-helper.js';
import { locatorScorecard } from './scorecard.js';
import { followUp, followUpStatus } from './status.js';

/**
 * Some leads with their histories out of time order (the model promises ascending histories; the
 * metrics sort them anyway, stably): `shuffle` picks which.
 */
function unsorted(leads: readonly Lead[], shuffle: number): Lead[] {
  return leads.map((lead, i) =>
    (shuffle >> (i % 8)) & 1
      ? {
          ...lead,
          stageHistory: permute(lead.stageHistory, shuffle + i),
          ownerHistory: lead.ownerHistory && permute(lead.ownerHistory, shuffle - i),
        }
      : lead,
  );
}

const casesArb = fc.record({
  leads: leadsArb(30),
  options: optionsArb,
  includeStalled: fc.boolean(),
  shuffle: fc.nat(255),
  period: fc.tuple(fc.option(instantArb(), { nil: undefined }), fc.option(instantArb(), { nil: undefined })),
});

// The product judges leads once, over columns (judge.ts); the oracle is the rules written again over
// Lead objects (oracle/). Both ways into the product are held to it: the object functions, and the
// columnar ones on leads laid out with columnarLeadsOf (loadCsvColumnar's layout is held to
// columnarLeadsOf's in columnar.test.ts).
describe('the follow-up judge against its oracle (property)', () => {
  it('followUp and followUpStatus equal the oracle for every lead', () => {
    fc.assert(
      fc.property(casesArb, ({ leads, options, shuffle }) => {
        for (const lead of unsorted(leads, shuffle)) {
          const expected = oracleFollowUp(lead, options);
          expect(followUp(lead, options)).toEqual(expected);
          expect(followUpStatus(lead, options)).toBe(expected.status);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('needsAttention and kpis equal the oracle, through the object and the columnar functions', () => {
    fc.assert(
      fc.property(casesArb, ({ leads, options, includeStalled, shuffle }) => {
        const data = unsorted(leads, shuffle);
        const o = { ...options, includeStalled };
        const rows = oracleNeedsAttention(data, o);
        const figures = oracleKpis(data, o);
        expect(needsAttention(data, o)).toEqual(rows);
        expect(kpis(data, o)).toEqual(figures);
        const columns = columnarLeadsOf(data);
        expect(needsAttention(columns, o)).toEqual(rows);
        expect(kpis(columns, o)).toEqual(figures);
      }),
      { numRuns: 300 },
    );
  });

  it('conversion, greenToDelivery, timeToIntervention and locatorScorecard equal the oracle', () => {
    fc.assert(
      fc.property(casesArb, ({ leads, options, includeStalled, shuffle, period: [from, to] }) => {
        const data = unsorted(leads, shuffle);
        const o = { ...options, includeStalled };
        const inPeriod = { ...options, ...(from ? { from } : {}), ...(to ? { to } : {}) };
        expect(conversion(data, inPeriod)).toEqual(oracleConversion(data, inPeriod));
        expect(greenToDelivery(data, options)).toEqual(oracleGreenToDelivery(data, options));
        expect(timeToIntervention(data, options)).toEqual(oracleTimeToIntervention(data, options));
        expect(locatorScorecard(data, o)).toEqual(oracleScorecard(data, o));
      }),
      { numRuns: 300 },
    );
  });
});
