// Test helper: options of the response statements (zone, slot, SLA, team and locator filters, period,
// as-of) for the property tests that compare them with core on DuckDB and on PostgreSQL.
import fc from 'fast-check';
import { ZONES } from '../../core/src/response/arbitraries.js';

export const optionsArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  slotMinutes: fc.constantFrom(15, 30, 60, 45, 1440),
  slaMinutes: fc.constantFrom(0, 5, 15, 60, 37.5),
  team: fc.option(fc.constantFrom<string | string[]>('East', ['East', 'West'], []), { nil: undefined }),
  locator: fc.option(fc.constantFrom<string | string[]>('Ana', ['Bo', 'Cy']), { nil: undefined }),
  asOf: fc.option(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) }).map((ms) => new Date(ms)),
    { nil: undefined },
  ),
  from: fc.option(
    fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2025, 0, 1) }).map((ms) => new Date(ms)),
    { nil: undefined },
  ),
});
