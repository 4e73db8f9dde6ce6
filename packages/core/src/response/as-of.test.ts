import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadColumnsOf } from '../model/lead-columns.js';
import type { Lead } from '../model/lead.js';
import { arbLeads, type TestLead, ZONES } from './arbitraries.js';
import { comparePeriods } from './compare.js';
import { aggregateBySlot } from './heatmap.js';
import { responseMinutes, responseStatus } from './response-time.js';
import { createSlotAggregator } from './slot-aggregator.js';
import { summarizeResponses } from './summary.js';

// Response figures as of an instant: leads created after `asOf` are not counted, and a first contact after
// `asOf` is not a contact yet (the lead is still waiting then). The oracle states that definition directly:
// the leads as they were known at `asOf`, measured with no as-of at all.
function asTheyWereAt(leads: readonly TestLead[], asOf: Date): TestLead[] {
  return leads
    .filter((lead) => lead.createdAt.getTime() <= asOf.getTime())
    .map((lead) => ({
      ...lead,
      firstContactAt: lead.firstContactAt !== null && lead.firstContactAt.getTime() > asOf.getTime() ? null : lead.firstContactAt,
    }));
}

const asOfArb = fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 2) }).map((ms) => new Date(ms));
const optionsArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  slotMinutes: fc.constantFrom(30, 60, 120),
  slaMinutes: fc.constantFrom(0, 15, 60),
  clock: fc.constantFrom('wall' as const, 'business' as const),
});

/** Leads laid out as core's columns (only what the response figures read is meaningful). */
function columnsOf(leads: readonly TestLead[]) {
  const full: Lead[] = leads.map((lead) => ({
    ...lead,
    id: String(lead.id),
    name: '',
    stage: 'New',
    appointmentAt: null,
    stageHistory: [],
  }));
  return leadColumnsOf(full);
}

describe('response figures as of an instant', () => {
  it('aggregateBySlot, createSlotAggregator and the summaries equal the same figures of the leads as they were at asOf', () => {
    fc.assert(
      fc.property(arbLeads(150), asOfArb, optionsArb, (leads, asOf, options) => {
        const then = asTheyWereAt(leads, asOf);
        const expected = aggregateBySlot(then, options);
        expect(aggregateBySlot(leads, { ...options, asOf })).toEqual(expected);

        const streaming = createSlotAggregator({ ...options, asOf });
        for (const lead of leads) {
          streaming.add(lead.createdAt.getTime(), lead.firstContactAt?.getTime() ?? null, lead.team, lead.locator);
        }
        expect(streaming.cells()).toEqual(expected);

        const summary = summarizeResponses(then, options);
        expect(summarizeResponses(leads, { ...options, asOf })).toEqual(summary);
        expect(summarizeResponses(columnsOf(leads), { ...options, asOf })).toEqual(summary);
      }),
      { numRuns: 150 },
    );
  });

  it('a past figure is reproducible: what happens after asOf (new leads, late first contacts) changes nothing', () => {
    fc.assert(
      fc.property(arbLeads(100), arbLeads(60), asOfArb, optionsArb, (leads, later, asOf, options) => {
        // The same leads known today: waiting leads got contacted after asOf, and new leads arrived after it.
        const asOfMs = asOf.getTime();
        const today = leads.map((lead, i) =>
          lead.firstContactAt === null && lead.createdAt.getTime() <= asOfMs
            ? { ...lead, firstContactAt: new Date(asOfMs + 1 + i * 60_000) }
            : lead,
        );
        const arrivals = later.map((lead) => ({
          ...lead,
          createdAt: new Date(asOfMs + 1 + (lead.createdAt.getTime() % 86_400_000)),
          firstContactAt: null,
        }));
        const known = [...today, ...arrivals];
        expect(aggregateBySlot(known, { ...options, asOf })).toEqual(aggregateBySlot(leads, { ...options, asOf }));
        expect(summarizeResponses(known, { ...options, asOf })).toEqual(summarizeResponses(leads, { ...options, asOf }));
      }),
      { numRuns: 100 },
    );
  });

  it('comparePeriods reads both periods as of asOf', () => {
    fc.assert(
      fc.property(arbLeads(120), asOfArb, optionsArb, (leads, asOf, options) => {
        const asOfMs = asOf.getTime();
        const periods = {
          current: { from: new Date(asOfMs - 28 * 86_400_000), to: new Date(asOfMs + 86_400_000) },
          previous: { from: new Date(asOfMs - 56 * 86_400_000), to: new Date(asOfMs - 28 * 86_400_000) },
        };
        expect(comparePeriods(leads, { ...options, ...periods, asOf })).toEqual(
          comparePeriods(asTheyWereAt(leads, asOf), { ...options, ...periods }),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('responseStatus and responseMinutes: a contact after asOf is not a contact yet; one at asOf is', () => {
    const lead = { createdAt: new Date('2026-10-05T13:00:00Z'), firstContactAt: new Date('2026-10-05T13:30:00Z') };
    expect(responseStatus(lead, { asOf: new Date('2026-10-05T13:29:59.999Z') })).toBe('never');
    expect(responseMinutes(lead, { asOf: new Date('2026-10-05T13:29:59.999Z') })).toBeNull();
    expect(responseStatus(lead, { asOf: new Date('2026-10-05T13:30:00Z') })).toBe('contacted');
    expect(responseMinutes(lead, { asOf: new Date('2026-10-05T13:30:00Z') })).toBe(30);
    expect(responseStatus(lead)).toBe('contacted');
    expect(() => responseStatus(lead, { asOf: new Date(Number.NaN) })).toThrow(/asOf must be a valid Date/);
    expect(() => aggregateBySlot([], { timeZone: 'UTC', asOf: new Date(Number.NaN) })).toThrow(/asOf must be a valid Date/);
  });
});
