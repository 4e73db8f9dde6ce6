import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_BUSINESS_CALENDAR, toMinutes } from '../model/schedule.js';
import { businessMinutesBetween } from './business-hours.js';
import { formatDayNumber, formatMinuteOfDay } from './civil.js';
import { instantFromWallClock, zonedParts } from './wall-clock.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago'];
const NY = 'America/New_York';

/** Counts minute by minute: a minute counts when the wall clock at its start reads inside the hours. */
function bruteForce(startMs: number, endMs: number, timeZone: string, calendar: BusinessCalendar): number {
  const holidays = new Set(calendar.holidays);
  let minutes = 0;
  for (let t = startMs; t < endMs; t += 60_000) {
    const p = zonedParts(t, timeZone);
    const iso = `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
    if (holidays.has(iso)) continue;
    const m = p.hour * 60 + p.minute;
    if (calendar.weeklyHours[p.weekday]!.some((h) => m >= toMinutes(h.start) && m < toMinutes(h.end))) minutes++;
  }
  return minutes;
}

const wall = (iso: string, timeZone: string): Date => {
  const [date, time = '00:00'] = iso.split('T') as [string, string?];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantFromWallClock({ year, month, day, hour, minute }, timeZone);
};

const arbInterval = fc
  .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 1, max: 96 }))
  .map(([a, len]) => ({ start: formatMinuteOfDay(a * 15), end: formatMinuteOfDay(Math.min(1440, (a + len) * 15)) }))
  .filter((h) => toMinutes(h.end) > toMinutes(h.start));

const arbCalendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  weeklyHours: fc.array(fc.array(arbInterval, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
  holidays: fc.array(fc.integer({ min: 20_000, max: 20_030 }).map(formatDayNumber), { maxLength: 6 }),
});

// 2024-10-04 … 2024-11-05 in day numbers: spans the northern and southern autumn/spring DST changes.
const arbStart = fc.integer({ min: 20_000 * 1440, max: 20_030 * 1440 }).map((m) => m * 60_000);

describe('businessMinutesBetween', () => {
  it('DESIGN example: Friday 16:30 → Monday 09:30 under Monday–Friday 09:00–17:00 is 60 minutes', () => {
    expect(businessMinutesBetween(wall('2025-06-06T16:30', NY), wall('2025-06-09T09:30', NY), { timeZone: NY })).toBe(60);
  });

  it('defaults to Monday–Friday 09:00–17:00 and counts fractions of a minute', () => {
    const start = wall('2025-06-09T09:00', NY);
    expect(businessMinutesBetween(start, new Date(start.getTime() + 90_000), { timeZone: NY })).toBe(1.5);
    expect(businessMinutesBetween(start, wall('2025-06-16T09:00', NY), { timeZone: NY })).toBe(5 * 8 * 60);
  });

  it('is 0 when end is at or before start, and for a span outside business hours', () => {
    const a = wall('2025-06-09T10:00', NY);
    const b = wall('2025-06-09T11:00', NY);
    expect(businessMinutesBetween(b, a, { timeZone: NY })).toBe(0);
    expect(businessMinutesBetween(a, a, { timeZone: NY })).toBe(0);
    expect(businessMinutesBetween(wall('2025-06-07T08:00', NY), wall('2025-06-08T20:00', NY), { timeZone: NY })).toBe(0);
  });

  it('skips holidays', () => {
    const calendar = { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-07-04'] };
    // Thursday 16:00 → Monday 10:00 across Independence Day (Friday): 60 + 60.
    expect(businessMinutesBetween(wall('2025-07-03T16:00', NY), wall('2025-07-07T10:00', NY), { timeZone: NY, calendar })).toBe(120);
  });

  it('spring-forward in America/New_York: hours 00:00–04:00 on Sunday 2025-03-09 hold 180 minutes', () => {
    const calendar: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], [{ start: '00:00', end: '04:00' }]], holidays: [] };
    const whole = businessMinutesBetween(wall('2025-03-08T12:00', NY), wall('2025-03-10T12:00', NY), { timeZone: NY, calendar });
    expect(whole).toBe(180);
    // Same hours a week later, without a change: 240.
    expect(businessMinutesBetween(wall('2025-03-15T12:00', NY), wall('2025-03-17T12:00', NY), { timeZone: NY, calendar })).toBe(240);
  });

  it('fall-back in America/New_York: hours 00:00–04:00 on Sunday 2025-11-02 hold 300 minutes (01:00–02:00 twice)', () => {
    const calendar: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], [{ start: '00:00', end: '04:00' }]], holidays: [] };
    expect(businessMinutesBetween(wall('2025-11-01T12:00', NY), wall('2025-11-03T12:00', NY), { timeZone: NY, calendar })).toBe(300);
  });

  it('an interval that starts inside the spring-forward gap counts from the first minute the clock shows', () => {
    const calendar: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], [{ start: '02:30', end: '04:00' }]], holidays: [] };
    // Clock reads 03:00–04:00 EDT inside the hours: 60 minutes.
    expect(businessMinutesBetween(wall('2025-03-09T00:00', NY), wall('2025-03-09T12:00', NY), { timeZone: NY, calendar })).toBe(60);
  });

  it('Europe/London spring-forward (2025-03-30 01:00 → 02:00) with Sunday hours 00:00–03:00: 120 minutes', () => {
    const calendar: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], [{ start: '00:00', end: '03:00' }]], holidays: [] };
    const tz = 'Europe/London';
    expect(businessMinutesBetween(wall('2025-03-29T00:00', tz), wall('2025-03-31T00:00', tz), { timeZone: tz, calendar })).toBe(120);
  });

  it('Australia/Lord_Howe half-hour spring-forward (2025-10-05 02:00 → 02:30) with Sunday hours 00:00–04:00: 210 minutes', () => {
    const calendar: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], [{ start: '00:00', end: '04:00' }]], holidays: [] };
    const tz = 'Australia/Lord_Howe';
    expect(businessMinutesBetween(wall('2025-10-04T00:00', tz), wall('2025-10-06T00:00', tz), { timeZone: tz, calendar })).toBe(210);
  });

  it('an end of 24:00 runs to midnight, and overlapping intervals count once', () => {
    const calendar: BusinessCalendar = {
      weeklyHours: [
        [
          { start: '20:00', end: '24:00' },
          { start: '22:00', end: '23:00' },
          { start: '21:00', end: '24:00' },
        ],
        [],
        [],
        [],
        [],
        [],
        [],
      ],
      holidays: [],
    };
    expect(businessMinutesBetween(wall('2025-06-09T00:00', NY), wall('2025-06-10T12:00', NY), { timeZone: NY, calendar })).toBe(240);
  });

  it('counts a whole year in a few steps: 2025 in New York under Monday–Friday 09–17 is 261 working days × 480', () => {
    expect(businessMinutesBetween(wall('2025-01-01T00:00', NY), wall('2026-01-01T00:00', NY), { timeZone: NY })).toBe(261 * 480);
  });

  it('reads the zone given, never the process zone', () => {
    const utcMonday9 = new Date('2025-06-09T09:00:00Z');
    expect(businessMinutesBetween(utcMonday9, new Date('2025-06-09T10:00:00Z'), { timeZone: 'UTC' })).toBe(60);
    expect(businessMinutesBetween(utcMonday9, new Date('2025-06-09T10:00:00Z'), { timeZone: 'Asia/Tokyo' })).toBe(0); // 18:00 JST
  });

  it('rejects an invalid date and an unknown zone, naming them', () => {
    expect(() => businessMinutesBetween(new Date(Number.NaN), new Date(0), { timeZone: 'UTC' })).toThrow(
      /start must be a valid Date.*Invalid Date/,
    );
    expect(() => businessMinutesBetween(new Date(0), new Date(1), { timeZone: 'Nowhere/Land' })).toThrow(/"Nowhere\/Land"/);
  });

  it('agrees with a minute-by-minute count of the wall clock for random calendars, zones and spans around DST changes', () => {
    fc.assert(
      fc.property(arbStart, fc.integer({ min: 0, max: 4 * 1440 }), fc.constantFrom(...ZONES), arbCalendar, (s, minutes, tz, calendar) => {
        const e = s + minutes * 60_000;
        expect(businessMinutesBetween(s, e, { timeZone: tz, calendar })).toBe(bruteForce(s, e, tz, calendar));
      }),
      { numRuns: 300 },
    );
  });

  it('never exceeds the wall-clock minutes of the span', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: -1e9, max: 1e10 }),
        fc.constantFrom(...ZONES),
        arbCalendar,
        (s, span, tz, calendar) => {
          const b = businessMinutesBetween(s, s + span, { timeZone: tz, calendar });
          expect(b).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(Math.max(0, span) / 60_000);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('is additive over any split point: f(a, m) + f(m, b) = f(a, b)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }),
        fc.integer({ min: 0, max: 3e9 }),
        fc.integer({ min: 0, max: 3e9 }),
        fc.constantFrom(...ZONES),
        arbCalendar,
        (a, x, y, tz, calendar) => {
          const [m, b] = [a + Math.min(x, y), a + Math.max(x, y)];
          const o = { timeZone: tz, calendar };
          expect(businessMinutesBetween(a, m, o) + businessMinutesBetween(m, b, o)).toBeCloseTo(businessMinutesBetween(a, b, o), 6);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
