import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pad2, parseDayNumber } from '../../time/civil.js';
import { instantFromWallClock, startOfLocalDay, zonedParts } from '../../time/wall-clock.js';
import { EDGE_ZONES } from '../../time/zones.test-helper.js';
import { createTimestampParser, parseTimestamp } from './timestamp.js';

const pad = (n: number, width: number) => String(n).padStart(width, '0');

describe('parseTimestamp', () => {
  it('reads the accepted forms', () => {
    const utc = (...a: [number, number, number, number?, number?, number?, number?]) =>
      Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0, a[6] ?? 0);
    expect(parseTimestamp('2025-01-15', 'UTC')).toBe(utc(2025, 1, 15));
    expect(parseTimestamp('2025-01-15 09:30', 'UTC')).toBe(utc(2025, 1, 15, 9, 30));
    expect(parseTimestamp('2025-01-15 09:30:45', 'UTC')).toBe(utc(2025, 1, 15, 9, 30, 45));
    expect(parseTimestamp('2025-01-15T09:30:45.123', 'UTC')).toBe(utc(2025, 1, 15, 9, 30, 45, 123));
    expect(parseTimestamp('2025-01-15t09:30:45.1', 'UTC')).toBe(utc(2025, 1, 15, 9, 30, 45, 100));
    expect(parseTimestamp('2025-01-15 09:30:45,123456789', 'UTC')).toBe(utc(2025, 1, 15, 9, 30, 45, 123));
    expect(parseTimestamp('  2025-01-15 09:30  ', 'UTC')).toBe(utc(2025, 1, 15, 9, 30));
  });

  it('reads Z and ±HH:MM, ±HHMM, ±HH offsets exactly, whatever the zone', () => {
    const at = Date.UTC(2025, 0, 15, 4, 0);
    for (const tz of ['UTC', 'America/New_York', 'Pacific/Chatham']) {
      expect(parseTimestamp('2025-01-15T04:00:00Z', tz)).toBe(at);
      expect(parseTimestamp('2025-01-15T04:00z', tz)).toBe(at);
      expect(parseTimestamp('2025-01-15T09:30:00+05:30', tz)).toBe(at);
      expect(parseTimestamp('2025-01-15 09:30+0530', tz)).toBe(at);
      expect(parseTimestamp('2025-01-14 23:00:00-05', tz)).toBe(at);
      expect(parseTimestamp('2025-01-14 23:00:00 -05:00', tz)).toBe(at);
    }
  });

  it('reads a naive time as wall-clock time in the zone (half-hour and 45-minute offsets)', () => {
    expect(parseTimestamp('2025-01-15 09:30', 'Asia/Kolkata')).toBe(Date.UTC(2025, 0, 15, 4, 0));
    expect(parseTimestamp('2025-01-15 09:30', 'Asia/Kathmandu')).toBe(Date.UTC(2025, 0, 15, 3, 45));
    // Chatham in January is on daylight time, UTC+13:45.
    expect(parseTimestamp('2025-01-15 13:45', 'Pacific/Chatham')).toBe(Date.UTC(2025, 0, 15, 0, 0));
  });

  it('spring-forward gap in America/New_York: 02:30 does not exist and moves forward to 03:30 EDT', () => {
    expect(parseTimestamp('2025-03-09 02:30', 'America/New_York')).toBe(Date.UTC(2025, 2, 9, 7, 30));
  });

  it('fall-back overlap in America/New_York: 01:30 happens twice and means the earlier (EDT) instant', () => {
    expect(parseTimestamp('2025-11-02 01:30', 'America/New_York')).toBe(Date.UTC(2025, 10, 2, 5, 30));
  });

  it('reads a date alone as the start of that day in the zone, even when midnight is skipped', () => {
    expect(parseTimestamp('2025-03-10', 'America/New_York')).toBe(Date.UTC(2025, 2, 10, 4));
    // Santiago skipped 2024-09-08 00:00–01:00: the day starts at 01:00 local (UTC−3).
    expect(parseTimestamp('2024-09-08', 'America/Santiago')).toBe(Date.UTC(2024, 8, 8, 4));
    expect(parseTimestamp('2024-09-08', 'America/Santiago')).toBe(
      startOfLocalDay(parseDayNumber('2024-09-08'), 'America/Santiago').getTime(),
    );
  });

  it('rejects impossible dates, times and offsets', () => {
    for (const text of [
      '2025-13-01',
      '2025-00-10',
      '2025-02-30',
      '2023-02-29',
      '2025-04-31',
      '2025-01-00',
      '2025-01-15 25:00',
      '2025-01-15 24:00',
      '2025-01-15 12:60',
      '2025-01-15 12:00:60',
      '2025-01-15T12:00+24:00',
      '2025-01-15T12:00+05:60',
    ]) {
      expect(parseTimestamp(text, 'UTC'), text).toBeNull();
    }
    expect(parseTimestamp('2024-02-29', 'UTC')).toBe(Date.UTC(2024, 1, 29));
  });

  it('rejects text in other shapes', () => {
    for (const text of [
      '',
      '   ',
      'not a date',
      '2025/01/15',
      '15-01-2025',
      '01/15/2025 09:30',
      '2025-1-15',
      '2025-01-15 9:30',
      '2025-01-15 09',
      '2025-01-15 09:30:',
      '2025-01-15 09:30:5',
      '2025-01-15 09:30:00.',
      '2025-01-15 09:30:00.1234567890',
      '2025-01-15X09:30',
      '2025-01-15 09:30Q',
      '2025-01-15 09:30+5',
      '2025-01-15 09:30+05:3',
      '2025-01-15 09:30+05:300',
      '2025-01-15 09:30Z junk',
      '2025-01-15Z',
      '+2025-01-15',
      '2025-01-15  09:30',
    ]) {
      expect(parseTimestamp(text, 'UTC'), text).toBeNull();
    }
  });

  it('throws a RangeError for an unknown time zone', () => {
    expect(() => createTimestampParser('Mars/Olympus')).toThrow(RangeError);
  });
});

describe('parseTimestamp properties', () => {
  it('round trip: the wall-clock reading of any instant parses back to that reading (instantFromWallClock)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.constantFrom(...EDGE_ZONES),
        fc.constantFrom(' ', 'T'),
        (ms, tz, separator) => {
          const p = zonedParts(ms, tz);
          const text = `${pad(p.year, 4)}-${pad2(p.month)}-${pad2(p.day)}${separator}${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}.${pad(p.millisecond, 3)}`;
          const parsed = parseTimestamp(text, tz);
          expect(parsed).toBe(instantFromWallClock(p, tz).getTime());
          // The reading is the instant itself unless the wall-clock time occurs twice (then the earlier).
          expect(parsed! <= ms).toBe(true);
          expect(zonedParts(parsed!, tz)).toEqual(p);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('any valid wall-clock time parses to instantFromWallClock of it, with or without seconds', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 1970, max: 2080 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
        }),
        fc.constantFrom(...EDGE_ZONES),
        (wall, tz) => {
          const text = `${wall.year}-${pad2(wall.month)}-${pad2(wall.day)} ${pad2(wall.hour)}:${pad2(wall.minute)}`;
          expect(parseTimestamp(text, tz)).toBe(instantFromWallClock(wall, tz).getTime());
          expect(parseTimestamp(`${text}:00`, tz)).toBe(instantFromWallClock(wall, tz).getTime());
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a timestamp with an offset is exact in every form, whatever the zone', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }),
        fc.constantFrom(...EDGE_ZONES),
        fc.constantFrom('colon', 'compact'),
        (ms, offsetMinutes, tz, form) => {
          const p = zonedParts(ms + offsetMinutes * 60_000, 'UTC');
          const abs = Math.abs(offsetMinutes);
          const offset = (offsetMinutes < 0 ? '-' : '+') + pad2(Math.floor(abs / 60)) + (form === 'colon' ? ':' : '') + pad2(abs % 60);
          const text = `${pad(p.year, 4)}-${pad2(p.month)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}.${pad(p.millisecond, 3)}${offset}`;
          expect(parseTimestamp(text, tz)).toBe(ms);
          if (offsetMinutes === 0) expect(parseTimestamp(`${text.slice(0, -offset.length)}Z`, tz)).toBe(ms);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('the same text gives the same instant through createTimestampParser', () => {
    const parse = createTimestampParser('America/New_York');
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        expect(parse(text)).toBe(parseTimestamp(text, 'America/New_York'));
      }),
    );
  });
});
