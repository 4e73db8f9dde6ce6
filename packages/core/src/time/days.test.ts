import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_BUSINESS_CALENDAR } from '../model/schedule.js';
import { MS_PER_DAY, daysFromCivil, formatDayNumber, weekdayOfDayNumber } from './civil.js';
import { businessDaysBetween, calendarDaysBetween, dayCounter, dayCounterTo, daysBetween, holidaySet, isBusinessDay } from './days.js';
import { instantFromWallClock, localDayNumber, zonedParts } from './wall-clock.js';
import { getZone } from './zone.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'America/Santiago'];
const NY = 'America/New_York';
const LONDON = 'Europe/London';

const at = (iso: string, timeZone: string): Date => {
  const [date, time = '00:00'] = iso.split('T') as [string, string?];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantFromWallClock({ year, month, day, hour, minute }, timeZone);
};

const arbInstant = fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2045, 0, 1) }).map((ms) => new Date(ms));

const arbCalendar: fc.Arbitrary<BusinessCalendar> = fc.record({
  weeklyHours: fc.array(
    fc.boolean().map((on) => (on ? [{ start: '09:00', end: '17:00' }] : [])),
    { minLength: 7, maxLength: 7 },
  ),
  holidays: fc.array(fc.integer({ min: daysFromCivil(1995, 1, 1), max: daysFromCivil(2045, 1, 1) }).map(formatDayNumber), {
    maxLength: 30,
  }),
});

/** Business days in (a, b] counted one day at a time. */
function bruteBusinessDays(a: number, b: number, calendar: BusinessCalendar): number {
  const holidays = new Set(calendar.holidays);
  let n = 0;
  for (let d = Math.min(a, b) + 1; d <= Math.max(a, b); d++) {
    if (calendar.weeklyHours[weekdayOfDayNumber(d)]!.length > 0 && !holidays.has(formatDayNumber(d))) n++;
  }
  return b >= a ? n : 0 - n;
}

describe('calendarDaysBetween', () => {
  it('counts dates, not 24-hour periods: 23:59 → 00:01 is one day', () => {
    expect(calendarDaysBetween(at('2025-06-09T23:59', NY), at('2025-06-10T00:01', NY), NY)).toBe(1);
    expect(calendarDaysBetween(at('2025-06-09T00:01', NY), at('2025-06-09T23:59', NY), NY)).toBe(0);
  });

  it('spring-forward in America/New_York: 24 hours after Saturday 23:30 EST is Monday 00:30 EDT, two days later', () => {
    const from = at('2025-03-08T23:30', NY);
    expect(calendarDaysBetween(from, new Date(from.getTime() + 24 * 3_600_000), NY)).toBe(2);
    // The 23-hour Sunday is still one calendar day.
    expect(calendarDaysBetween(at('2025-03-09T00:00', NY), at('2025-03-10T00:00', NY), NY)).toBe(1);
  });

  it('fall-back in America/New_York: 24 hours after Saturday 23:30 EDT is Sunday 22:30 EST, one day later', () => {
    const from = at('2025-11-01T23:30', NY);
    expect(calendarDaysBetween(from, new Date(from.getTime() + 24 * 3_600_000), NY)).toBe(1);
  });

  it('Europe/London: the 25-hour Sunday 2025-10-26 and the 23-hour Sunday 2025-03-30 are each one day', () => {
    expect(calendarDaysBetween(at('2025-10-26T00:00', LONDON), at('2025-10-26T23:59', LONDON), LONDON)).toBe(0);
    expect(calendarDaysBetween(at('2025-10-25T23:30', LONDON), at('2025-10-27T00:30', LONDON), LONDON)).toBe(2);
    expect(calendarDaysBetween(at('2025-03-29T23:30', LONDON), at('2025-03-30T23:30', LONDON), LONDON)).toBe(1);
  });

  it('reads dates in the zone given: the same two instants are 0 days apart in New York and 1 in UTC', () => {
    const a = new Date('2025-06-06T20:00:00Z'); // Friday 16:00 EDT
    const b = new Date('2025-06-07T02:00:00Z'); // Friday 22:00 EDT, Saturday in UTC
    expect(calendarDaysBetween(a, b, NY)).toBe(0);
    expect(calendarDaysBetween(a, b, 'UTC')).toBe(1);
  });

  it('is negative when to is on an earlier date', () => {
    expect(calendarDaysBetween(at('2025-06-10T08:00', NY), at('2025-06-03T20:00', NY), NY)).toBe(-7);
  });

  it('equals the difference of the wall-clock dates (property)', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, fc.constantFrom(...ZONES), (a, b, tz) => {
        const pa = zonedParts(a, tz);
        const pb = zonedParts(b, tz);
        expect(calendarDaysBetween(a, b, tz)).toBe(daysFromCivil(pb.year, pb.month, pb.day) - daysFromCivil(pa.year, pa.month, pa.day));
      }),
      { numRuns: 1000 },
    );
  });

  it('is antisymmetric and additive (property)', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, arbInstant, fc.constantFrom(...ZONES), (a, b, c, tz) => {
        expect(calendarDaysBetween(a, b, tz)).toBe(0 - calendarDaysBetween(b, a, tz));
        expect(calendarDaysBetween(a, b, tz) + calendarDaysBetween(b, c, tz)).toBe(calendarDaysBetween(a, c, tz));
      }),
      { numRuns: 500 },
    );
  });
});

describe('businessDaysBetween', () => {
  it('Friday → Monday is 1 business day; Friday → Saturday or Sunday is 0', () => {
    expect(businessDaysBetween(at('2025-06-06T16:00', NY), at('2025-06-09T09:00', NY), NY)).toBe(1);
    expect(businessDaysBetween(at('2025-06-06T16:00', NY), at('2025-06-07T09:00', NY), NY)).toBe(0);
    expect(businessDaysBetween(at('2025-06-06T16:00', NY), at('2025-06-08T09:00', NY), NY)).toBe(0);
  });

  it('Monday → Friday of the same week is 4; Monday → next Monday is 5', () => {
    expect(businessDaysBetween(at('2025-06-09T09:00', NY), at('2025-06-13T09:00', NY), NY)).toBe(4);
    expect(businessDaysBetween(at('2025-06-09T09:00', NY), at('2025-06-16T09:00', NY), NY)).toBe(5);
  });

  it('the same date is 0 whatever the times', () => {
    expect(businessDaysBetween(at('2025-06-09T00:00', NY), at('2025-06-09T23:59', NY), NY)).toBe(0);
  });

  it('skips holidays on working days and ignores holidays on days off', () => {
    const calendar = { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-06-09', '2025-06-07'] }; // Monday, Saturday
    expect(businessDaysBetween(at('2025-06-06T12:00', NY), at('2025-06-09T12:00', NY), NY, calendar)).toBe(0);
    expect(businessDaysBetween(at('2025-06-06T12:00', NY), at('2025-06-10T12:00', NY), NY, calendar)).toBe(1);
    expect(businessDaysBetween(at('2025-06-02T12:00', NY), at('2025-06-16T12:00', NY), NY, calendar)).toBe(9);
  });

  it('is negative for a backwards span: Monday → the Friday before is −1', () => {
    expect(businessDaysBetween(at('2025-06-09T09:00', NY), at('2025-06-06T16:00', NY), NY)).toBe(-1);
  });

  it('counts across the New York spring-forward weekend like any other', () => {
    expect(businessDaysBetween(at('2025-03-07T17:00', NY), at('2025-03-10T08:00', NY), NY)).toBe(1);
  });

  it('a backwards span without business days is 0, not -0', () => {
    expect(Object.is(businessDaysBetween(at('2025-06-08T09:00', NY), at('2025-06-07T09:00', NY), NY), 0)).toBe(true);
  });

  it('counts a calendar with no working days as 0', () => {
    const closed: BusinessCalendar = { weeklyHours: [[], [], [], [], [], [], []], holidays: [] };
    expect(businessDaysBetween(at('2025-01-01T00:00', NY), at('2026-01-01T00:00', NY), NY, closed)).toBe(0);
  });

  it('agrees with a day-by-day count for random calendars (property)', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, fc.constantFrom(...ZONES), arbCalendar, (a, b, tz, calendar) => {
        const da = localDayNumber(a, tz);
        const db = localDayNumber(b, tz);
        fc.pre(Math.abs(db - da) < 3000);
        expect(businessDaysBetween(a, b, tz, calendar)).toBe(bruteBusinessDays(da, db, calendar));
      }),
      { numRuns: 300 },
    );
  });

  it('is never more than the calendar days, in magnitude and sign (property)', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, fc.constantFrom(...ZONES), arbCalendar, (a, b, tz, calendar) => {
        const business = businessDaysBetween(a, b, tz, calendar);
        const calendarDays = calendarDaysBetween(a, b, tz);
        expect(Math.abs(business)).toBeLessThanOrEqual(Math.abs(calendarDays));
        expect(business === 0 || Math.sign(business) === Math.sign(calendarDays)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('is antisymmetric and additive (property)', () => {
    fc.assert(
      fc.property(arbInstant, arbInstant, arbInstant, fc.constantFrom(...ZONES), arbCalendar, (a, b, c, tz, calendar) => {
        expect(businessDaysBetween(a, b, tz, calendar)).toBe(0 - businessDaysBetween(b, a, tz, calendar));
        expect(businessDaysBetween(a, b, tz, calendar) + businessDaysBetween(b, c, tz, calendar)).toBe(
          businessDaysBetween(a, c, tz, calendar),
        );
      }),
      { numRuns: 500 },
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days by default and business days when asked', () => {
    const from = at('2025-06-06T16:00', NY);
    const to = at('2025-06-09T09:00', NY);
    expect(daysBetween(from, to, { timeZone: NY })).toBe(3);
    expect(daysBetween(from, to, { timeZone: NY, dayCount: 'calendar' })).toBe(3);
    expect(daysBetween(from, to, { timeZone: NY, dayCount: 'business' })).toBe(1);
    expect(
      daysBetween(from, to, { timeZone: NY, dayCount: 'business', calendar: { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-06-09'] } }),
    ).toBe(0);
  });
});

describe('isBusinessDay and holidaySet', () => {
  it('a working weekday that is not a holiday', () => {
    const monday = daysFromCivil(2025, 6, 9);
    expect(isBusinessDay(monday)).toBe(true);
    expect(isBusinessDay(monday + 5)).toBe(false); // Saturday
    expect(isBusinessDay(monday, { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-06-09'] })).toBe(false);
  });

  it('holidaySet reads valid dates as day numbers, drops invalid ones, and is cached per calendar', () => {
    const calendar = { ...DEFAULT_BUSINESS_CALENDAR, holidays: ['2025-12-25', '2025-02-30', 'Christmas'] };
    const set = holidaySet(calendar);
    expect([...set]).toEqual([daysFromCivil(2025, 12, 25)]);
    expect(holidaySet(calendar)).toBe(set);
  });
});

describe('dayCounter and dayCounterTo (property: the kept day of the instant counted to changes no count)', () => {
  // Instants within three days of one of the zone's offset changes, as well as anywhere, and an invalid
  // one: each must be counted exactly as daysBetween counts it.
  const transitions = (tz: string): number[] => {
    const zone = getZone(tz);
    const found: number[] = [];
    for (let t = Date.UTC(1996, 0, 1); t < Date.UTC(2044, 0, 1); t += MS_PER_DAY) {
      if (zone.offsetAt(t) !== zone.offsetAt(t + MS_PER_DAY)) found.push(t);
    }
    return found;
  };
  const msArb = (tz: string) => {
    const changes = transitions(tz);
    const near = fc
      .tuple(fc.integer({ min: 0, max: Math.max(0, changes.length - 1) }), fc.integer({ min: -3 * 1440, max: 4 * 1440 }))
      .map(([k, minutes]) => (changes[k] ?? Date.UTC(2026, 2, 8)) + minutes * 60_000);
    return fc.oneof(
      near,
      arbInstant.map((d) => d.getTime()),
      fc.constant(Number.NaN),
    );
  };
  const optionsArb = fc.record({
    timeZone: fc.constantFrom(...ZONES),
    dayCount: fc.constantFrom('calendar' as const, 'business' as const),
    calendar: arbCalendar,
  });

  /** The value, or that it throws (an invalid instant outside UTC does, either way). */
  const outcome = (f: () => number): number | string => {
    try {
      return f();
    } catch (error) {
      return `throws ${(error as Error).name}`;
    }
  };

  it('dayCounter and dayCounterTo equal daysBetween, to the same instant again and again and to others', () => {
    fc.assert(
      fc.property(
        optionsArb.chain((options) => {
          const ms = msArb(options.timeZone);
          return fc.tuple(fc.constant(options), ms, fc.array(fc.tuple(ms, fc.boolean(), ms), { maxLength: 40 }));
        }),
        ([options, asOf, pairs]) => {
          const count = dayCounter(options);
          // Made on first use, and used again: reading the date of an invalid asOf throws outside UTC.
          let countToAsOf: ((fromMs: number) => number) | undefined;
          for (const [from, toAsOf, other] of pairs) {
            const to = toAsOf ? asOf : other;
            expect(outcome(() => count(from, to))).toBe(outcome(() => daysBetween(new Date(from), new Date(to), options)));
            if (toAsOf)
              expect(outcome(() => (countToAsOf ??= dayCounterTo(options, asOf))(from))).toBe(
                outcome(() => daysBetween(new Date(from), new Date(asOf), options)),
              );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
