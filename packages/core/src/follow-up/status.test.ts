import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { findStage, stageCategory } from '../model/pipeline.js';
import { daysBetween } from '../time/days.js';
import { TEST_PIPELINE, history, leadArb, makeLead, optionsArb } from './arbitraries.js';
import type { FollowUpOptions } from './options.js';
import { stageAt } from './stage-at.js';
import type { FollowUp } from './status.js';
import { followUp, followUpStatus } from './status.js';
import type { FollowUpStatus } from './statuses.js';
import { FOLLOW_UP_STATUSES } from './statuses.js';

const pipeline = TEST_PIPELINE;
const opts = (asOf: string, timeZone = 'UTC', more: Partial<FollowUpOptions> = {}): FollowUpOptions => ({
  asOf: new Date(asOf),
  timeZone,
  pipeline,
  ...more,
});
const full = (l: Omit<Lead, 'id'>): Lead => ({ id: 'x', ...l });

/**
 * The definitions of docs/metrics.md (follow-up status) written the slow, obvious way over distinct history instants (no visit
 * merging), to pin followUp's fast single pass.
 */
function reference(lead: Lead, o: FollowUpOptions): FollowUp {
  const asOfMs = o.asOf.getTime();
  const days = (from: Date) => daysBetween(from, o.asOf, { timeZone: o.timeZone, dayCount: o.dayCount, calendar: o.calendar });
  const h = lead.stageHistory;
  const instants = [...new Set(h.map((e) => e.at.getTime()))].filter((t) => t <= asOfMs).sort((a, b) => a - b);
  const stageAtT = (t: number) => h.filter((e) => e.at.getTime() <= t).at(-1)?.stage;
  const stageBefore = (t: number) => h.filter((e) => e.at.getTime() < t).at(-1)?.stage;
  const stage = stageAt(lead, o.asOf);
  const category = stage === null ? null : stageCategory(pipeline, stage);
  const appt = lead.appointmentAt?.getTime() ?? null;
  const progress = instants.find((t) => appt !== null && t > appt && stageBefore(t) !== undefined && stageBefore(t) !== stageAtT(t));
  // Since when a condition has held without a break (back to creation for the first recorded stage).
  const heldSince = (holds: (t: number) => boolean): Date => {
    if (instants.length === 0) return lead.createdAt;
    let k = instants.length - 1;
    while (k > 0 && holds(instants[k - 1]!)) k--;
    return k === 0 ? new Date(Math.min(lead.createdAt.getTime(), instants[0]!)) : new Date(instants[k]!);
  };
  const exists = asOfMs >= lead.createdAt.getTime();
  const daysInStage = exists ? days(heldSince((t) => stageAtT(t) === stage)) : null;
  const daysInGreen = exists && category === 'green' ? days(heldSince((t) => stageCategory(pipeline, stageAtT(t)!) === 'green')) : null;
  const daysSinceAppointment = lead.appointmentAt ? days(lead.appointmentAt) : null;
  const status = firstMatchingStatus(lead, o, category, progress !== undefined, daysSinceAppointment);
  const limit = stage === null ? undefined : findStage(pipeline, stage)?.staleAfterDays;
  return {
    status,
    stage,
    category,
    daysSinceAppointment,
    progressAt: progress === undefined ? null : new Date(progress),
    daysInStage,
    daysInGreen,
    stalled: status === 'progressed' && category === 'open' && limit !== undefined && daysInStage! >= limit,
    stuckInGreen: daysInGreen !== null && daysInGreen >= (o.greenStuckAfterDays ?? pipeline.greenStuckAfterDays),
  };
}

/** The status rules as a list of predicates in DESIGN order; the first that holds wins. */
function firstMatchingStatus(
  lead: Lead,
  o: FollowUpOptions,
  category: string | null,
  progressed: boolean,
  days: number | null,
): FollowUpStatus {
  const rules: [FollowUpStatus, () => boolean][] = [
    ['no-appointment', () => lead.appointmentAt === null],
    ['won', () => category === 'won'],
    ['lost', () => category === 'lost'],
    ['upcoming', () => lead.appointmentAt! > o.asOf],
    ['progressed', () => progressed],
    ['stale', () => days! >= (o.staleAfterDays ?? pipeline.staleAfterDays)],
    ['at-risk', () => days! >= (o.warnAfterDays ?? pipeline.warnAfterDays)],
    ['awaiting', () => true],
  ];
  expect(rules.map(([s]) => s)).toEqual([...FOLLOW_UP_STATUSES]);
  return rules.find(([, holds]) => holds())![0];
}

describe('followUp', () => {
  it('agrees with the slow reference of every definition (status, progress, days, stalled, stuck)', () => {
    fc.assert(
      fc.property(leadArb, optionsArb, (l, o) => {
        expect(followUp(full(l), o)).toEqual(reference(full(l), o));
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with the reference under other thresholds', () => {
    fc.assert(
      fc.property(
        leadArb,
        optionsArb,
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (l, o, warn, extra, green) => {
          const o2 = { ...o, warnAfterDays: warn, staleAfterDays: warn + extra, greenStuckAfterDays: green };
          expect(followUp(full(l), o2)).toEqual(reference(full(l), o2));
        },
      ),
    );
  });

  it('followUpStatus is followUp’s status', () => {
    fc.assert(
      fc.property(leadArb, optionsArb, (l, o) => {
        expect(followUpStatus(full(l), o)).toBe(followUp(full(l), o).status);
      }),
    );
  });

  it('a stale lead stays stale at any later asOf while its history is unchanged', () => {
    fc.assert(
      fc.property(leadArb, optionsArb, fc.integer({ min: 0, max: 200 * 86_400_000 }), (l, o, later) => {
        const lead = full(l);
        const asOf2 = new Date(o.asOf.getTime() + later);
        fc.pre(lead.createdAt <= o.asOf && followUpStatus(lead, o) === 'stale');
        fc.pre(!lead.stageHistory.some((e) => e.at > o.asOf && e.at <= asOf2));
        expect(followUpStatus(lead, { ...o, asOf: asOf2 })).toBe('stale');
      }),
      { numRuns: 200 },
    );
  });

  it('raising staleAfterDays never makes a lead stale that was not', () => {
    fc.assert(
      fc.property(leadArb, optionsArb, fc.integer({ min: 7, max: 40 }), fc.integer({ min: 0, max: 30 }), (l, o, low, raise) => {
        const before = followUpStatus(full(l), { ...o, staleAfterDays: low });
        const after = followUpStatus(full(l), { ...o, staleAfterDays: low + raise });
        if (after === 'stale') expect(before).toBe('stale');
      }),
    );
  });

  it('business days never exceed calendar days', () => {
    fc.assert(
      fc.property(leadArb, optionsArb, (l, o) => {
        const cal = followUp(full(l), { ...o, dayCount: 'calendar' });
        const bus = followUp(full(l), { ...o, dayCount: 'business' });
        expect(Math.abs(bus.daysSinceAppointment ?? 0)).toBeLessThanOrEqual(Math.abs(cal.daysSinceAppointment ?? 0));
        expect(bus.daysInStage ?? 0).toBeLessThanOrEqual(cal.daysInStage ?? 0);
        expect(bus.daysInGreen ?? 0).toBeLessThanOrEqual(cal.daysInGreen ?? 0);
      }),
    );
  });

  it('ignores history after asOf (entries later than asOf and than the first entry)', () => {
    fc.assert(
      fc.property(
        leadArb,
        optionsArb,
        fc.array(fc.tuple(fc.constantFrom('Lost', 'Green/Delivered', 'Follow-Up'), fc.integer({ min: 1, max: 1e10 }))),
        (l, o, extra) => {
          const lead = full(l);
          const first = lead.stageHistory[0];
          fc.pre(first !== undefined);
          const after = Math.max(o.asOf.getTime(), first.at.getTime());
          const added = extra.map(([stage, ms]) => ({ stage, at: new Date(after + ms) }));
          const more = { ...lead, stageHistory: [...lead.stageHistory, ...added].sort((a, b) => a.at.getTime() - b.at.getTime()) };
          expect(followUp(more, o)).toEqual(followUp(lead, o));
        },
      ),
    );
  });
});

describe('followUpStatus: named cases', () => {
  const appointed = (fields: Partial<Lead>) =>
    makeLead({
      id: 'a',
      stage: 'Appointment Set',
      createdAt: new Date('2025-03-01T12:00:00Z'),
      appointmentAt: new Date('2025-03-10T15:00:00Z'),
      stageHistory: history(['New', '2025-03-01T12:00:00Z'], ['Appointment Set', '2025-03-02T12:00:00Z']),
      ...fields,
    });
  /** An appointed lead whose stage history is these `[stage, at]` entries. */
  const through = (...entries: Parameters<typeof history>) => appointed({ stageHistory: history(...entries) });

  it('no-appointment without an appointment, even when won', () => {
    expect(
      followUpStatus(appointed({ appointmentAt: null, stage: 'Green/Delivered', stageHistory: [] }), opts('2025-04-01T00:00:00Z')),
    ).toBe('no-appointment');
  });

  it('won and lost (the stage at asOf) come before upcoming', () => {
    const won = through(['New', '2025-03-01T12:00:00Z'], ['Green/Delivered', '2025-03-05T00:00:00Z']);
    expect(followUpStatus(won, opts('2025-03-06T00:00:00Z'))).toBe('won');
    const lost = through(['Lost', '2025-03-01T12:00:00Z']);
    expect(followUpStatus(lost, opts('2025-03-06T00:00:00Z'))).toBe('lost');
  });

  it('upcoming before the appointment; awaiting, at-risk (7 days), stale (30 days) after it', () => {
    const lead = appointed({});
    expect(followUpStatus(lead, opts('2025-03-10T14:59:59Z'))).toBe('upcoming');
    expect(followUp(lead, opts('2025-03-09T00:00:00Z')).daysSinceAppointment).toBe(-1);
    expect(followUpStatus(lead, opts('2025-03-10T15:00:00Z'))).toBe('awaiting');
    expect(followUpStatus(lead, opts('2025-03-16T23:59:59Z'))).toBe('awaiting');
    expect(followUpStatus(lead, opts('2025-03-17T00:00:00Z'))).toBe('at-risk');
    expect(followUpStatus(lead, opts('2025-04-09T00:00:00Z'))).toBe('stale');
    expect(followUpStatus(lead, opts('2025-04-09T00:00:00Z', 'UTC', { staleAfterDays: 31 }))).toBe('at-risk');
  });

  it('progress is a change to a different stage after the appointment; a repeat of the stage is not', () => {
    const repeat = through(
      ['New', '2025-03-01T12:00:00Z'],
      ['Appointment Set', '2025-03-02T12:00:00Z'],
      ['Appointment Set', '2025-03-12T00:00:00Z'],
    );
    expect(followUp(repeat, opts('2025-03-20T00:00:00Z'))).toMatchObject({ status: 'at-risk', progressAt: null });
    const moved = through(
      ['New', '2025-03-01T12:00:00Z'],
      ['Appointment Set', '2025-03-02T12:00:00Z'],
      ['Follow-Up', '2025-03-12T00:00:00Z'],
    );
    expect(followUp(moved, opts('2025-03-20T00:00:00Z'))).toMatchObject({
      status: 'progressed',
      progressAt: new Date('2025-03-12T00:00:00Z'),
    });
    // A change at the appointment instant itself is not after it; a change after asOf is ignored.
    const atAppointment = through(['New', '2025-03-01T12:00:00Z'], ['Follow-Up', '2025-03-10T15:00:00Z']);
    expect(followUpStatus(atAppointment, opts('2025-03-20T00:00:00Z'))).toBe('at-risk');
    expect(followUpStatus(moved, opts('2025-03-11T23:59:59Z'))).toBe('awaiting');
  });

  it('stalled: progressed into a stage with its own staleAfterDays (Follow-Up: 5) and held that long', () => {
    const lead = through(['New', '2025-03-01T12:00:00Z'], ['Follow-Up', '2025-03-11T09:00:00Z']);
    expect(followUp(lead, opts('2025-03-15T23:00:00Z'))).toMatchObject({ status: 'progressed', daysInStage: 4, stalled: false });
    expect(followUp(lead, opts('2025-03-16T00:00:00Z'))).toMatchObject({ status: 'progressed', daysInStage: 5, stalled: true });
  });

  it('stuck in green: 14 days in green, counted across two green stages', () => {
    const lead = through(
      ['New', '2025-03-01T12:00:00Z'],
      ['Green - Approved', '2025-03-11T00:00:00Z'],
      ['Green - Survey', '2025-03-20T00:00:00Z'],
    );
    expect(followUp(lead, opts('2025-03-24T12:00:00Z'))).toMatchObject({ daysInStage: 4, daysInGreen: 13, stuckInGreen: false });
    expect(followUp(lead, opts('2025-03-25T00:00:00Z'))).toMatchObject({ daysInStage: 5, daysInGreen: 14, stuckInGreen: true });
    const delivered = { ...lead, stageHistory: [...lead.stageHistory, ...history(['Delivery Requested', '2025-03-22T00:00:00Z'])] };
    expect(followUp(delivered, opts('2025-04-25T00:00:00Z'))).toMatchObject({
      category: 'delivery',
      stuckInGreen: false,
      daysInGreen: null,
    });
  });

  it('a lead created after asOf has no stage and is upcoming', () => {
    expect(followUp(appointed({}), opts('2025-02-01T00:00:00Z'))).toMatchObject({
      status: 'upcoming',
      stage: null,
      category: null,
      daysInStage: null,
    });
  });

  it('counts wall-clock days across the spring-forward gap in America/New_York', () => {
    // 01:30 EST on 2025-03-09, the night the clocks jump from 02:00 to 03:00.
    const lead = appointed({ appointmentAt: new Date('2025-03-09T06:30:00Z') });
    const ny = (iso: string) => followUp(lead, opts(iso, 'America/New_York'));
    // 23:59 EDT on 03-15: six dates later, although 6 d 21.5 h have passed.
    expect(ny('2025-03-16T03:59:00Z')).toMatchObject({ daysSinceAppointment: 6, status: 'awaiting' });
    // 00:00 EDT on 03-16: the seventh date, only 6 d 21.5 h after the appointment (a 24-hour clock would say 6).
    expect(ny('2025-03-16T04:00:00Z')).toMatchObject({ daysSinceAppointment: 7, status: 'at-risk' });
    // The same instants read in UTC fall on other dates.
    expect(followUp(lead, opts('2025-03-16T03:59:00Z', 'UTC')).daysSinceAppointment).toBe(7);
  });

  it('counts days in Asia/Kathmandu (+05:45): the date turns at 18:15 UTC', () => {
    const lead = appointed({
      createdAt: new Date('2025-05-20T00:00:00Z'),
      stageHistory: [],
      appointmentAt: new Date('2025-06-01T18:20:00Z'),
    });
    const ktm = (iso: string) => followUp(lead, opts(iso, 'Asia/Kathmandu'));
    expect(ktm('2025-06-08T18:14:59Z')).toMatchObject({ daysSinceAppointment: 6, status: 'awaiting' });
    expect(ktm('2025-06-08T18:15:00Z')).toMatchObject({ daysSinceAppointment: 7, status: 'at-risk' });
    expect(followUp(lead, opts('2025-06-08T18:14:59Z', 'UTC')).daysSinceAppointment).toBe(7);
  });

  it('counts business days with dayCount: business (Mon–Fri)', () => {
    // Friday 2025-03-07 → Monday 2025-03-17: 10 calendar days, 6 business days.
    const lead = appointed({ appointmentAt: new Date('2025-03-07T15:00:00Z') });
    expect(followUp(lead, opts('2025-03-17T15:00:00Z', 'America/New_York'))).toMatchObject({ daysSinceAppointment: 10, status: 'at-risk' });
    expect(followUp(lead, opts('2025-03-17T15:00:00Z', 'America/New_York', { dayCount: 'business' }))).toMatchObject({
      daysSinceAppointment: 6,
      status: 'awaiting',
    });
    const holiday = {
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ start: '09:00', end: '17:00' }] : [])),
      holidays: ['2025-03-17'],
    };
    expect(
      followUp(lead, opts('2025-03-18T15:00:00Z', 'America/New_York', { dayCount: 'business', calendar: holiday })).daysSinceAppointment,
    ).toBe(6);
  });

  it('rejects bad options with messages that name the value', () => {
    const lead = appointed({});
    expect(() => followUp(lead, opts('nope'))).toThrow(/asOf must be a valid Date; got Invalid Date/);
    expect(() => followUp(lead, opts('2025-03-20T00:00:00Z', 'Mars/Olympus'))).toThrow(/Mars\/Olympus/);
    expect(() => followUp(lead, opts('2025-03-20T00:00:00Z', 'UTC', { warnAfterDays: 1.5 }))).toThrow(
      /warnAfterDays must be a whole number of days, zero or more; got 1.5/,
    );
    expect(() => followUp(lead, opts('2025-03-20T00:00:00Z', 'UTC', { dayCount: 'weekly' as never }))).toThrow(
      /dayCount must be 'calendar' or 'business'; got "weekly"/,
    );
  });
});
