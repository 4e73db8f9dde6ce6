import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../model/schedule.js';
import { businessMinutesBetween } from '../time/business-hours.js';
import { responseMinutes, responseStatus } from './response-time.js';

const NY = 'America/New_York';
const lead = (createdAt: string, firstContactAt: string | null) => ({
  createdAt: new Date(createdAt),
  firstContactAt: firstContactAt === null ? null : new Date(firstContactAt),
});

describe('responseMinutes', () => {
  it('is firstContactAt − createdAt in minutes, fractional', () => {
    expect(responseMinutes(lead('2025-06-06T20:30:00Z', '2025-06-06T20:42:30Z'))).toBe(12.5);
    expect(responseMinutes(lead('2025-06-06T20:30:00Z', '2025-06-06T20:30:00Z'))).toBe(0);
  });

  it('is null when the lead was never contacted', () => {
    expect(responseMinutes(lead('2025-06-06T20:30:00Z', null))).toBeNull();
    expect(responseMinutes(lead('2025-06-06T20:30:00Z', null), { clock: 'business', timeZone: NY })).toBeNull();
  });

  it('is negative when the first contact is before creation, under either clock', () => {
    const l = lead('2025-06-07T12:00:00Z', '2025-06-07T11:00:00Z'); // a Saturday: no business minutes either way
    expect(responseMinutes(l)).toBe(-60);
    expect(responseMinutes(l, { clock: 'business', timeZone: NY })).toBe(-60);
  });

  it('throws, naming the field, for a date that is not a valid instant (no figure from NaN)', () => {
    expect(() => responseMinutes({ createdAt: new Date(Number.NaN), firstContactAt: new Date(0) })).toThrow(
      /createdAt must be a valid Date; got Invalid Date/,
    );
  });

  it('business clock, DESIGN example: Friday 16:30 → Monday 09:30 New York time is 60 minutes', () => {
    // 16:30 EDT = 20:30Z; 09:30 EDT = 13:30Z.
    const l = lead('2025-06-06T20:30:00Z', '2025-06-09T13:30:00Z');
    expect(responseMinutes(l)).toBe(3900);
    expect(responseMinutes(l, { clock: 'business', timeZone: NY })).toBe(60);
  });

  it('business clock uses the calendar given, holidays included', () => {
    const calendar: BusinessCalendar = {
      weeklyHours: [0, 1, 2, 3, 4, 5, 6].map(() => [{ start: '08:00', end: '20:00' }]),
      holidays: ['2025-06-07'],
    };
    // Friday 16:30 → Sunday 09:30 EDT: 3.5 h on Friday, Saturday a holiday, 1.5 h on Sunday.
    expect(responseMinutes(lead('2025-06-06T20:30:00Z', '2025-06-08T13:30:00Z'), { clock: 'business', timeZone: NY, calendar })).toBe(300);
  });

  it('business minutes never exceed wall minutes (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        fc.integer({ min: 0, max: 30 * 86_400_000 }),
        (c, d) => {
          const l = { createdAt: new Date(c), firstContactAt: new Date(c + d) };
          const business = responseMinutes(l, { clock: 'business', timeZone: NY })!;
          expect(business).toBe(businessMinutesBetween(c, c + d, { timeZone: NY }));
          expect(business).toBeLessThanOrEqual(responseMinutes(l)!);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('rejects the business clock without a time zone, an unknown clock, and an unknown zone, with clear messages', () => {
    const l = lead('2025-06-06T20:30:00Z', '2025-06-09T13:30:00Z');
    expect(() => responseMinutes(l, { clock: 'business' })).toThrow(/clock: 'business' needs a timeZone/);
    expect(() => responseMinutes(l, { clock: 'minutes' as never })).toThrow(/clock must be 'wall' or 'business'; got "minutes"/);
    expect(() => responseMinutes(l, { clock: 'business', timeZone: 'Eastern' })).toThrow(/"Eastern"/);
  });
});

describe('responseStatus', () => {
  it('never, contacted (including at the same instant), invalid', () => {
    expect(responseStatus(lead('2025-06-06T20:30:00Z', null))).toBe('never');
    expect(responseStatus(lead('2025-06-06T20:30:00Z', '2025-06-06T20:30:00Z'))).toBe('contacted');
    expect(responseStatus(lead('2025-06-06T20:30:00Z', '2025-06-06T21:30:00Z'))).toBe('contacted');
    expect(responseStatus(lead('2025-06-06T20:30:00Z', '2025-06-06T20:29:59Z'))).toBe('invalid');
    expect(() => responseStatus({ createdAt: new Date(0), firstContactAt: new Date(Number.NaN) })).toThrow(
      /firstContactAt must be a valid Date; got Invalid Date/,
    );
  });

  it('agrees with the sign of responseMinutes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2e12 }), fc.option(fc.integer({ min: -1e9, max: 1e9 })), (c, d) => {
        const l = { createdAt: new Date(c), firstContactAt: d === null ? null : new Date(c + d) };
        const m = responseMinutes(l);
        const status = responseStatus(l);
        expect(status).toBe(m === null ? 'never' : m < 0 ? 'invalid' : 'contacted');
      }),
    );
  });
});
