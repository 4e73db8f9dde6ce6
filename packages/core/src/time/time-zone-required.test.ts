import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BASE_MS, leadsArb, TEST_PIPELINE } from '../follow-up/arbitraries.js';
import * as core from '../index.js';
import { createSlotAggregator } from '../response/slot-aggregator.js';
import { businessMinutesBetween } from './business-hours.js';
import { calendarDaysBetween } from './days.js';
import { getZone } from './zone.js';

// A timeZone left undefined (plain JavaScript, a notebook, a config value) must never mean the host's zone:
// every zoned function throws, naming the value, even on empty input.
const MISSING: unknown[] = [undefined, null, '', '   ', 42];
const asOf = new Date(BASE_MS + 200 * 86_400_000);

const APPOINTED: core.Lead = {
  id: 'appointed',
  name: 'A',
  locator: 'Ana',
  stage: 'Appointment Set',
  createdAt: new Date(BASE_MS),
  firstContactAt: null,
  appointmentAt: new Date(BASE_MS + 86_400_000),
  stageHistory: [],
};
// Functions of durations only (time in stage, snapshots, heatmapGrid) take no zone and are not listed.
type Call = (timeZone: unknown, leads: core.Lead[]) => unknown;
const follow = (timeZone: unknown) => ({ asOf, timeZone: timeZone as string, pipeline: TEST_PIPELINE });
const ZONED: Record<string, Call> = {
  getZone: (tz) => getZone(tz as string),
  assertTimeZone: (tz) => core.assertTimeZone(tz as string),
  zonedParts: (tz) => core.zonedParts(0, tz as string),
  localDayNumber: (tz) => core.localDayNumber(0, tz as string),
  startOfLocalDay: (tz) => core.startOfLocalDay(0, tz as string),
  endOfLocalDay: (tz) => core.endOfLocalDay(0, tz as string),
  instantFromWallClock: (tz) => core.instantFromWallClock({ year: 2026, month: 1, day: 1 }, tz as string),
  calendarDaysBetween: (tz) => calendarDaysBetween(new Date(0), new Date(1), tz as string),
  daysBetween: (tz) => core.daysBetween(new Date(0), new Date(1), { timeZone: tz as string }),
  slotOf: (tz) => core.slotOf(0, tz as string),
  businessMinutesBetween: (tz) => businessMinutesBetween(new Date(0), new Date(1), { timeZone: tz as string }),
  aggregateBySlot: (tz, leads) => core.aggregateBySlot(leads, { timeZone: tz as string }),
  createSlotAggregator: (tz) => createSlotAggregator({ timeZone: tz as string }),
  comparePeriods: (tz, leads) =>
    core.comparePeriods(leads, {
      timeZone: tz as string,
      current: { from: new Date(BASE_MS), to: asOf },
      previous: { from: new Date(BASE_MS - 86_400_000), to: new Date(BASE_MS) },
    }),
  'summarizeResponses (business clock)': (tz, leads) => core.summarizeResponses(leads, { clock: 'business', timeZone: tz as string }),
  followUpStatus: (tz, leads) => [...leads, APPOINTED].map((lead) => core.followUpStatus(lead, follow(tz))),
  needsAttention: (tz, leads) => core.needsAttention(leads, follow(tz)),
  kpis: (tz, leads) => core.kpis(leads, follow(tz)),
  conversion: (tz, leads) => core.conversion(leads, follow(tz)),
  greenToDelivery: (tz, leads) => core.greenToDelivery(leads, follow(tz)),
  timeToIntervention: (tz, leads) => core.timeToIntervention(leads, follow(tz)),
  locatorScorecard: (tz, leads) => core.locatorScorecard(leads, follow(tz)),
  pipelineTrend: (tz, leads) => core.pipelineTrend(leads, { ...follow(tz), from: new Date(BASE_MS), to: asOf }),
  followUp: (tz, leads) => [...leads, APPOINTED].map((lead) => core.followUp(lead, follow(tz))),
  attentionChanges: (tz, leads) => core.attentionChanges(leads, [], follow(tz)),
  speedToLead: (tz, leads) => core.speedToLead(leads, follow(tz)),
  cohortFunnel: (tz, leads) => core.cohortFunnel(leads, follow(tz)),
  appointmentProgressSurvival: (tz, leads) => core.appointmentProgressSurvival(leads, follow(tz)),
  routingDelaySurvival: (tz, leads) => core.routingDelaySurvival(leads, { asOf, timeZone: tz as string }),
  'responseMinutes (business clock)': (tz) =>
    core.responseMinutes({ createdAt: new Date(BASE_MS), firstContactAt: null }, { clock: 'business', timeZone: tz as string }),
  // Grouping by period or arrival reads dates in the zone (the other groupings and the plain curves take none).
  'firstContactSurvival by period': (tz, leads) => core.firstContactSurvival(leads, { asOf, by: 'period', timeZone: tz as string }),
  'firstContactSurvival by arrival': (tz, leads) => core.firstContactSurvival(leads, { asOf, by: 'arrival', timeZone: tz as string }),
  'stageSurvival by period': (tz, leads) =>
    core.stageSurvival(leads, { asOf, pipeline: TEST_PIPELINE, by: 'period', timeZone: tz as string }),
  parseLeads: (tz) => core.parseLeads([], { timeZone: tz as string }),
};

describe('a missing timeZone is an error, never the host zone', () => {
  for (const [name, call] of Object.entries(ZONED)) {
    it(`${name} throws a RangeError naming the missing value, on any leads (empty included)`, () => {
      fc.assert(
        fc.property(leadsArb(6), fc.constantFrom(...MISSING), (leads, timeZone) => {
          expect(() => call(timeZone, leads)).toThrow(/timeZone is required|clock: 'business' needs a timeZone/);
        }),
        { numRuns: 25 },
      );
    });
  }

  it('an unknown zone name is named in the error', () => {
    expect(() => core.aggregateBySlot([], { timeZone: 'EST5' })).toThrow(/Unknown time zone "EST5"/);
  });
});

// The same computation in processes with different host zones (TZ unset included) gives the same answer:
// run against the built package, as a consumer would.
const dist = fileURLToPath(new URL('../../dist/index.js', import.meta.url));
describe('answers do not depend on the host zone', () => {
  const script = `
    import * as core from ${JSON.stringify(dist)};
    const lead = { id: '1', name: 'A', locator: 'Ana', stage: 'Appointment Set', createdAt: new Date('2026-10-01T03:00:00Z'),
      firstContactAt: new Date('2026-10-01T03:20:00Z'), appointmentAt: new Date('2026-10-23T02:30:00Z'), stageHistory: [] };
    const pipeline = core.parsePipeline({ stages: [{ name: 'Appointment Set', category: 'open' }, { name: 'Won', category: 'won' }] });
    const asOf = new Date('2026-10-30T04:00:00Z');
    const out = { status: core.followUpStatus(lead, { asOf, timeZone: 'America/New_York', pipeline }),
      cells: core.aggregateBySlot([lead], { timeZone: 'America/New_York' }).map((c) => c.day + ' ' + c.slot) };
    let missing = 'no error';
    try { core.followUpStatus(lead, { asOf, pipeline }); } catch (e) { missing = e.message; }
    console.log(JSON.stringify({ out, missing }));`;
  const run = (tz: string | undefined) => {
    const env = { ...process.env };
    if (tz === undefined) delete env.TZ;
    else env.TZ = tz;
    return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { env, encoding: 'utf8' }));
  };

  it('TZ unset, UTC, Asia/Tokyo and Pacific/Chatham agree, and a missing zone throws in each', () => {
    expect(existsSync(dist), `${dist} is built by npm test before vitest runs`).toBe(true);
    const unset = run(undefined);
    expect(unset.out.status).toBe('at-risk');
    expect(unset.out.cells).toEqual(['Wednesday 23:00']);
    expect(unset.missing).toMatch(/timeZone is required/);
    for (const tz of ['UTC', 'Asia/Tokyo', 'Pacific/Chatham']) expect(run(tz)).toEqual(unset);
  });
});
