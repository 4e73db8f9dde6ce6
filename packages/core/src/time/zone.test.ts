import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getZone } from './zone.js';
import { instantFromWallClock, localDayNumber, zonedParts, endOfLocalDay } from './wall-clock.js';
import { formatDayNumber } from './civil.js';

// UTC under two names; offsets of half and three quarters of an hour; daylight saving time in the north, and
// in the south (Lord Howe shifts by half an hour, Chatham sits at +12:45, São Paulo dropped DST in 2019).
const FIXED_ZONES = ['UTC', 'Etc/UTC', 'Asia/Kolkata', 'Asia/Kathmandu'];
const NORTHERN_DST_ZONES = ['America/New_York', 'Europe/London', 'Europe/Berlin'];
const SOUTHERN_DST_ZONES = ['Australia/Lord_Howe', 'Pacific/Chatham', 'America/Sao_Paulo', 'America/Santiago'];
const ZONES = [...FIXED_ZONES, ...NORTHERN_DST_ZONES, ...SOUTHERN_DST_ZONES];

/** The offset as Intl reports it, computed the slow way, for comparison. */
function intlParts(epochMs: number, timeZone: string) {
  const f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
    weekday: 'short',
  });
  const p = Object.fromEntries(f.formatToParts(epochMs).map((x) => [x.type, x.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday!);
  return { year: +p.year!, month: +p.month!, day: +p.day!, hour: +p.hour! % 24, minute: +p.minute!, second: +p.second!, weekday };
}

describe('zonedParts', () => {
  it('agrees with Intl for any instant 1990–2060 in zones with DST, half-hour and 45-minute offsets', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        const { millisecond, ...parts } = zonedParts(ms, tz);
        expect(parts).toEqual(intlParts(ms, tz));
        expect(millisecond).toBe(((ms % 1000) + 1000) % 1000);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the spring-forward gap in America/New_York: 01:59:59 EST is followed by 03:00 EDT', () => {
    const before = Date.parse('2025-03-09T06:59:59Z');
    expect(zonedParts(before, 'America/New_York')).toMatchObject({ hour: 1, minute: 59, second: 59 });
    expect(zonedParts(before + 1000, 'America/New_York')).toMatchObject({ hour: 3, minute: 0, second: 0 });
  });

  it('reads the fall-back overlap in America/New_York: 01:30 occurs twice', () => {
    expect(zonedParts(Date.parse('2025-11-02T05:30:00Z'), 'America/New_York')).toMatchObject({ hour: 1, minute: 30 });
    expect(zonedParts(Date.parse('2025-11-02T06:30:00Z'), 'America/New_York')).toMatchObject({ hour: 1, minute: 30 });
  });

  it('reads Asia/Kathmandu (+05:45) and Asia/Kolkata (+05:30)', () => {
    expect(zonedParts(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kathmandu')).toMatchObject({ hour: 5, minute: 45 });
    expect(zonedParts(Date.parse('2025-06-01T00:00:00Z'), 'Asia/Kolkata')).toMatchObject({ hour: 5, minute: 30 });
  });

  it('reads Australia/Lord_Howe, whose DST shift is half an hour', () => {
    // Standard +10:30; summer +11:00 from the first Sunday of October 02:00.
    expect(getZone('Australia/Lord_Howe').offsetAt(Date.parse('2025-07-01T00:00:00Z'))).toBe(630 * 60_000);
    expect(getZone('Australia/Lord_Howe').offsetAt(Date.parse('2025-12-01T00:00:00Z'))).toBe(660 * 60_000);
  });

  it('rejects an unknown zone with a message naming it', () => {
    expect(() => zonedParts(0, 'Mars/Olympus_Mons')).toThrow(/Unknown time zone "Mars\/Olympus_Mons"/);
  });
});

describe('instantFromWallClock', () => {
  it('round-trips every wall-clock time that exists exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), fc.constantFrom(...ZONES), (ms, tz) => {
        const p = zonedParts(ms, tz);
        const back = instantFromWallClock(p, tz).getTime();
        // Either the same instant, or the earlier of two instants with the same wall-clock reading.
        expect(back <= ms).toBe(true);
        expect(zonedParts(back, tz)).toEqual(p);
      }),
      { numRuns: 3000 },
    );
  });

  it('moves a time in the spring-forward gap forward by the gap (America/New_York 02:30 → 03:30 EDT)', () => {
    const t = instantFromWallClock({ year: 2025, month: 3, day: 9, hour: 2, minute: 30 }, 'America/New_York');
    expect(t.toISOString()).toBe('2025-03-09T07:30:00.000Z');
  });

  it('takes the earlier instant in the fall-back overlap (America/New_York 01:30 → EDT)', () => {
    const t = instantFromWallClock({ year: 2025, month: 11, day: 2, hour: 1, minute: 30 }, 'America/New_York');
    expect(t.toISOString()).toBe('2025-11-02T05:30:00.000Z');
  });

  it('takes the earlier instant in the Europe/London overlap and shifts its gap', () => {
    expect(instantFromWallClock({ year: 2025, month: 10, day: 26, hour: 1, minute: 15 }, 'Europe/London').toISOString()).toBe(
      '2025-10-26T00:15:00.000Z',
    );
    expect(instantFromWallClock({ year: 2025, month: 3, day: 30, hour: 1, minute: 15 }, 'Europe/London').toISOString()).toBe(
      '2025-03-30T01:15:00.000Z',
    );
  });

  it('handles the half-hour gap of Australia/Lord_Howe (02:00 → 02:30)', () => {
    const t = instantFromWallClock({ year: 2025, month: 10, day: 5, hour: 2, minute: 10 }, 'Australia/Lord_Howe');
    expect(zonedParts(t, 'Australia/Lord_Howe')).toMatchObject({ hour: 2, minute: 40 });
  });
});

describe('local days', () => {
  it('ends a day at its last millisecond even when the next midnight is skipped (America/Santiago)', () => {
    // Chile springs forward at local midnight: 2025-09-07 00:00 does not exist.
    const end = endOfLocalDay(localDayNumber(Date.parse('2025-09-06T15:00:00Z'), 'America/Santiago'), 'America/Santiago');
    expect(formatDayNumber(localDayNumber(end, 'America/Santiago'))).toBe('2025-09-06');
    expect(formatDayNumber(localDayNumber(end.getTime() + 1, 'America/Santiago'))).toBe('2025-09-07');
  });
});
