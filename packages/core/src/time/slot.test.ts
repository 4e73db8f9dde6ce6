import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertSlotMinutes, slotLabel, slotOf, slotsPerDay } from './slot.js';
import { zonedParts } from './wall-clock.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Asia/Kathmandu', 'Australia/Lord_Howe', 'Pacific/Chatham'];
/** Any instant from 1990 to 2060, in epoch milliseconds. */
const instantArb = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) });
const DIVISORS = [
  1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24, 30, 32, 36, 40, 45, 48, 60, 72, 80, 90, 96, 120, 144, 160, 180, 240, 288, 360, 480,
  720, 1440,
];

describe('assertSlotMinutes', () => {
  it('accepts exactly the positive divisors of 1440', () => {
    expect(DIVISORS).toHaveLength(36); // 1440 = 2⁵ · 3² · 5 has 6 · 3 · 2 divisors
    for (let n = -5; n <= 1500; n++) {
      if (DIVISORS.includes(n)) expect(() => assertSlotMinutes(n)).not.toThrow();
      else expect(() => assertSlotMinutes(n)).toThrow(RangeError);
    }
  });

  it('names the bad value: 7, 0, 2.5, NaN', () => {
    expect(() => assertSlotMinutes(7)).toThrow(/got 7\./);
    expect(() => assertSlotMinutes(0)).toThrow(/got 0\./);
    expect(() => assertSlotMinutes(2.5)).toThrow(/got 2\.5\./);
    expect(() => assertSlotMinutes(Number.NaN)).toThrow(/got NaN\./);
  });
});

describe('slotsPerDay', () => {
  it('divides the day: 48 half hours, 24 hours, 96 quarter hours', () => {
    expect(slotsPerDay(30)).toBe(48);
    expect(slotsPerDay(60)).toBe(24);
    expect(slotsPerDay(15)).toBe(96);
    expect(slotsPerDay(1440)).toBe(1);
  });

  it('slots tile the day exactly for every valid size', () => {
    for (const b of DIVISORS) expect(slotsPerDay(b) * b).toBe(1440);
  });
});

describe('slotLabel', () => {
  it('labels the start of each slot as HH:MM', () => {
    expect(slotLabel(0, 30)).toBe('00:00');
    expect(slotLabel(17, 30)).toBe('08:30');
    expect(slotLabel(47, 30)).toBe('23:30');
    expect(slotLabel(23, 60)).toBe('23:00');
    expect(slotLabel(3)).toBe('01:30');
  });

  it('rejects an index outside the day, naming it', () => {
    expect(() => slotLabel(48, 30)).toThrow(/got 48\./);
    expect(() => slotLabel(-1, 30)).toThrow(/got -1\./);
    expect(() => slotLabel(1, 7)).toThrow(/got 7\./);
  });
});

describe('slotOf', () => {
  it('floors the wall-clock time to its slot: the slot start is within one slot before the wall clock', () => {
    fc.assert(
      fc.property(instantArb, fc.constantFrom(...ZONES), fc.constantFrom(...DIVISORS), (ms, tz, slotLength) => {
        const p = zonedParts(ms, tz);
        const wallMinute = p.hour * 60 + p.minute;
        const s = slotOf(ms, tz, slotLength);
        expect(s.weekday).toBe(p.weekday);
        expect(s.minuteOfDay).toBe(s.slotIndex * slotLength);
        expect(s.minuteOfDay).toBeLessThanOrEqual(wallMinute);
        expect(wallMinute - s.minuteOfDay).toBeLessThan(slotLength);
        expect(s.slotIndex).toBeGreaterThanOrEqual(0);
        expect(s.slotIndex).toBeLessThan(1440 / slotLength);
      }),
      { numRuns: 3000 },
    );
  });

  it('takes a Date or epoch milliseconds alike, with 30-minute slots by default', () => {
    const ms = Date.parse('2025-06-02T12:44:00Z');
    expect(slotOf(new Date(ms), 'America/New_York')).toEqual(slotOf(ms, 'America/New_York', 30));
    // Monday 08:44 EDT → 08:30.
    expect(slotOf(ms, 'America/New_York')).toEqual({ weekday: 0, slotIndex: 17, minuteOfDay: 510 });
  });

  it('America/New_York spring-forward: 01:59 EST then 03:00 EDT, no 02:xx slot that day', () => {
    const before = Date.parse('2025-03-09T06:59:00Z');
    expect(slotOf(before, 'America/New_York', 30)).toEqual({ weekday: 6, slotIndex: 3, minuteOfDay: 90 });
    expect(slotOf(before + 60_000, 'America/New_York', 30)).toEqual({ weekday: 6, slotIndex: 6, minuteOfDay: 180 });
  });

  it('America/New_York fall-back: both 01:30s (EDT and EST) land in the 01:30 slot', () => {
    expect(slotOf(Date.parse('2025-11-02T05:40:00Z'), 'America/New_York').slotIndex).toBe(3);
    expect(slotOf(Date.parse('2025-11-02T06:40:00Z'), 'America/New_York').slotIndex).toBe(3);
    expect(slotOf(Date.parse('2025-11-02T06:40:00Z'), 'America/New_York').weekday).toBe(6);
  });

  it('Europe/London: BST in summer, GMT in winter', () => {
    expect(slotOf(Date.parse('2025-07-01T08:15:00Z'), 'Europe/London', 60)).toEqual({ weekday: 1, slotIndex: 9, minuteOfDay: 540 });
    expect(slotOf(Date.parse('2025-01-07T08:15:00Z'), 'Europe/London', 60)).toEqual({ weekday: 1, slotIndex: 8, minuteOfDay: 480 });
    // Spring forward 2025-03-30: 00:59 GMT → 02:00 BST.
    expect(slotOf(Date.parse('2025-03-30T01:00:00Z'), 'Europe/London', 30).minuteOfDay).toBe(120);
  });

  it('Asia/Kolkata (+05:30): 00:00 UTC is 05:30, a slot boundary for 30 but not 60 minutes', () => {
    expect(slotOf(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kolkata', 30)).toEqual({ weekday: 6, slotIndex: 11, minuteOfDay: 330 });
    expect(slotOf(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kolkata', 60)).toEqual({ weekday: 6, slotIndex: 5, minuteOfDay: 300 });
  });

  it('Asia/Kathmandu (+05:45): 00:00 UTC is 05:45, floored to 05:30 and to 05:45 with 15-minute slots', () => {
    expect(slotOf(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kathmandu', 30).minuteOfDay).toBe(330);
    expect(slotOf(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kathmandu', 15).minuteOfDay).toBe(345);
  });

  it('Australia/Lord_Howe half-hour DST: 01:59 then 02:30 on 2025-10-05', () => {
    // Standard +10:30 until 2025-10-04T15:30Z (02:00 local), then +11:00.
    const before = Date.parse('2025-10-04T15:29:00Z');
    expect(slotOf(before, 'Australia/Lord_Howe', 30)).toEqual({ weekday: 6, slotIndex: 3, minuteOfDay: 90 });
    expect(slotOf(before + 60_000, 'Australia/Lord_Howe', 30)).toEqual({ weekday: 6, slotIndex: 5, minuteOfDay: 150 });
  });

  it('reads the zone given, never the process zone (tests run in Pacific/Chatham)', () => {
    expect(slotOf(Date.parse('2025-06-02T00:10:00Z'), 'UTC')).toEqual({ weekday: 0, slotIndex: 0, minuteOfDay: 0 });
  });

  it('rejects an invalid slot length and an invalid date, naming them', () => {
    expect(() => slotOf(0, 'UTC', 7)).toThrow(/got 7\./);
    expect(() => slotOf(new Date(Number.NaN), 'UTC')).toThrow(/got Invalid Date\./);
  });
});
