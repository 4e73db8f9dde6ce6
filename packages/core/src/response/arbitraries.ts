/**
 * Test helpers of the response-time metrics: fast-check arbitraries of leads. Not part of the package
 * surface (not re-exported).
 *
 * @internal
 */
import fc from 'fast-check';

/** A lead as the response metrics read it, with an id for readable counterexamples. */
export interface TestLead {
  id: number;
  createdAt: Date;
  firstContactAt: Date | null;
  team: string | null;
  locator: string | null;
}

/** Leads created 2024–2025 (both DST changes of the common zones), contacted after 0–10 h, never, or (invalid) before creation. */
export const arbLead: fc.Arbitrary<TestLead> = fc
  .record({
    created: fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }),
    contact: fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: 0, max: 600 * 60_000 }) },
      { weight: 2, arbitrary: fc.integer({ min: 0, max: 120 }).map((m) => m * 60_000) }, // whole minutes: hit the SLA edge
      { weight: 2, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.integer({ min: -600 * 60_000, max: -1 }) },
    ),
    team: fc.constantFrom('East', 'West', null),
    locator: fc.constantFrom('Ana', 'Bo', 'Cy', null),
  })
  .map(({ created, contact, team, locator }) => ({
    id: 0,
    createdAt: new Date(created),
    firstContactAt: contact === null ? null : new Date(created + contact),
    team,
    locator,
  }));

/** Up to `maxLength` leads from {@link arbLead}, numbered by position. */
export const arbLeads = (maxLength = 300): fc.Arbitrary<TestLead[]> =>
  fc.array(arbLead, { maxLength }).map((ls) => ls.map((l, i) => ({ ...l, id: i })));

/** Zones with DST (both hemispheres), half-hour and 45-minute offsets, and UTC. */
export const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe'];
