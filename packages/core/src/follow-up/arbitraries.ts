/**
 * Test helpers of the follow-up metrics: a small fixed pipeline, a lead builder for named examples, and
 * fast-check arbitraries of leads and options. Not part of the package surface (not re-exported).
 *
 * @internal
 * @module
 */
import fc from 'fast-check';
import type { Lead, OwnerChange, StageChange } from '../model/lead.js';
import type { Pipeline } from '../model/pipeline.js';
import { parsePipeline } from '../model/pipeline.js';
import type { FollowUpOptions } from './options.js';

/** A small pipeline with every category, two green stages and one stage with its own `staleAfterDays`. */
export const TEST_PIPELINE: Pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Contacted', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Follow-Up', category: 'open', staleAfterDays: 5 },
    { name: 'Green - Approved', category: 'green' },
    { name: 'Green - Survey', category: 'green' },
    { name: 'Delivery Requested', category: 'delivery' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
  staleAfterDays: 30,
  warnAfterDays: 7,
  greenStuckAfterDays: 14,
});

/** Stages that appear in generated data: the pipeline's, and one it does not list (counts as open). */
export const DATA_STAGES = [...TEST_PIPELINE.stages.map((s) => s.name), 'Mystery'] as const;

/** Zones with DST both ways, a 45-minute offset and a 30-minute DST shift. */
export const TEST_ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Pacific/Chatham', 'Australia/Lord_Howe'];

const HOUR = 3_600_000;
/** 2025-01-01T00:00Z: generated instants fall in the following months, across several DST changes. */
export const BASE_MS = Date.UTC(2025, 0, 1);

/** A lead for named examples: the given fields over harmless defaults. */
export function makeLead(fields: Partial<Lead> & { id: string }): Lead {
  return {
    name: `Lead ${fields.id}`,
    locator: 'ana',
    team: null,
    stage: 'New',
    createdAt: new Date('2025-01-01T00:00:00Z'),
    firstContactAt: null,
    appointmentAt: null,
    stageHistory: [],
    ...fields,
  };
}

/**
 * A lead created on 2025-03-01 (UTC) and in "Appointment Set" from then, its appointment at `appointment`
 * (an ISO instant, or null), the `entries` after that its history; `fields` override the rest.
 */
export function appointedLead(id: string, appointment: string | null, entries: [string, string][] = [], fields: Partial<Lead> = {}): Lead {
  return makeLead({
    id,
    createdAt: new Date('2025-03-01T00:00:00Z'),
    appointmentAt: appointment === null ? null : new Date(appointment),
    stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z'], ...entries),
    ...fields,
  });
}

/** A history from `[stage, ISO instant]` pairs. */
export function history(...entries: [string, string][]): StageChange[] {
  return entries.map(([stage, at]) => ({ stage, at: new Date(at) }));
}

/** Instants on an hour grid (so that entries often share an instant), sometimes off it by some minutes. */
export const instantArb = (maxHours = 24 * 150): fc.Arbitrary<Date> =>
  fc
    .tuple(fc.integer({ min: 0, max: maxHours }), fc.constantFrom(0, 0, 0, 17, 45))
    .map(([h, m]) => new Date(BASE_MS + h * HOUR + m * 60_000));

/** Ascending entries from `start`: steps of 0 (same instant), a few hours, or days. */
function ascending<T>(value: fc.Arbitrary<T>, maxLength: number) {
  return (start: number) =>
    fc
      .array(fc.tuple(value, fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 13, max: 24 * 20 }))), {
        maxLength,
      })
      .map((steps) => {
        let t = start;
        return steps.map(([v, step], i) => {
          if (i > 0) t += step * HOUR;
          return [v, new Date(t)] as const;
        });
      });
}

/** A lead without id; `leadsArb` numbers them. Its history is ascending and may start before creation. */
export const leadArb: fc.Arbitrary<Omit<Lead, 'id'>> = instantArb(24 * 60).chain((createdAt) => {
  const c = createdAt.getTime();
  return fc.record({
    name: fc.constantFrom('Acme Vending', 'Blue Café', 'Gym 24'),
    locator: fc.constantFrom('ana', 'bo', 'cy', null),
    team: fc.constantFrom('north', 'south', null),
    stage: fc.constantFrom(...DATA_STAGES),
    createdAt: fc.constant(createdAt),
    firstContactAt: fc.constant(null),
    appointmentAt: fc.option(
      fc.integer({ min: -24, max: 24 * 45 }).map((h) => new Date(c + h * HOUR)),
      { nil: null, freq: 4 },
    ),
    stageHistory: fc
      .oneof(fc.constant(0), fc.constant(0), fc.integer({ min: -48, max: 24 * 10 }))
      .chain((offset) => ascending(fc.constantFrom(...DATA_STAGES), 8)(c + offset * HOUR))
      .map((entries): StageChange[] => entries.map(([stage, at]) => ({ stage, at }))),
    ownerHistory: fc.option(
      fc
        .integer({ min: 0, max: 24 * 10 })
        .chain((offset) => ascending(fc.constantFrom('ana', 'bo', 'cy', null), 4)(c + offset * HOUR))
        .map((entries): OwnerChange[] => entries.map(([locator, at]) => ({ locator, at }))),
      { nil: undefined },
    ),
  });
});

/** Leads with unique ids. */
export const leadsArb = (maxLength = 25): fc.Arbitrary<Lead[]> =>
  fc.array(leadArb, { maxLength }).map((leads) => leads.map((l, i) => ({ id: `L${String(i).padStart(3, '0')}`, ...l })));

/** Options over the test pipeline, in a DST zone or a 45-minute zone, calendar or business days. */
export const optionsArb: fc.Arbitrary<FollowUpOptions> = fc.record({
  asOf: instantArb(),
  timeZone: fc.constantFrom(...TEST_ZONES),
  pipeline: fc.constant(TEST_PIPELINE),
  dayCount: fc.constantFrom('calendar' as const, 'business' as const),
});

/** A deterministic permutation of `items` (Fisher–Yates driven by a seeded linear congruential generator). */
export function permute<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
