import { describe, expect, test } from 'vitest';
import { formatZohoDateTime, parseOffset, parseZohoDateTime } from './datetime.js';

describe('parseZohoDateTime', () => {
  test('a +05:30 offset is exact, whatever the zone argument', () => {
    expect(parseZohoDateTime('2024-01-15T10:30:00+05:30', 'America/New_York')?.toISOString()).toBe('2024-01-15T05:00:00.000Z');
  });
  test('negative offsets, Z, compact offsets and milliseconds', () => {
    expect(parseZohoDateTime('2024-03-05T11:22:33-07:00', 'UTC')?.toISOString()).toBe('2024-03-05T18:22:33.000Z');
    expect(parseZohoDateTime('2024-03-05T11:22:33Z', 'Asia/Tokyo')?.toISOString()).toBe('2024-03-05T11:22:33.000Z');
    expect(parseZohoDateTime('2024-03-05T11:22:33+0545', 'UTC')?.toISOString()).toBe('2024-03-05T05:37:33.000Z');
    expect(parseZohoDateTime('2024-03-05T11:22:33.250+00:00', 'UTC')?.toISOString()).toBe('2024-03-05T11:22:33.250Z');
  });
  test('a value without an offset is wall-clock time in the zone (half-hour zone)', () => {
    expect(parseZohoDateTime('2024-07-01T09:00:00', 'Asia/Kolkata')?.toISOString()).toBe('2024-07-01T03:30:00.000Z');
  });
  test('a date alone is the start of that day in the zone', () => {
    expect(parseZohoDateTime('2024-07-01', 'America/New_York')?.toISOString()).toBe('2024-07-01T04:00:00.000Z');
  });
  test('spring-forward gap in America/New_York moves forward by the gap', () => {
    expect(parseZohoDateTime('2024-03-10T02:30:00', 'America/New_York')?.toISOString()).toBe('2024-03-10T07:30:00.000Z');
  });
  test('not a date-time: null', () => {
    // Empty, words, no such day, no such hour, no such month, an offset beyond ±18:00.
    const bad = ['', 'next Tuesday', '2025-02-30T10:00:00+05:30', '2025-02-28T25:00:00+05:30', '2024-13-01', '2024-01-01T10:00:00+19:00'];
    for (const text of bad) expect(parseZohoDateTime(text, 'UTC'), text).toBeNull();
  });
});

describe('formatZohoDateTime', () => {
  test('Zoho shape: offset, no milliseconds, never Z', () => {
    expect(formatZohoDateTime(Date.UTC(2024, 0, 15, 5, 0, 0, 999), 330)).toBe('2024-01-15T10:30:00+05:30');
    expect(formatZohoDateTime(new Date('2024-01-15T05:00:00Z'))).toBe('2024-01-15T05:00:00+00:00');
    expect(formatZohoDateTime(new Date('2024-01-15T05:00:00Z'), -420)).toBe('2024-01-14T22:00:00-07:00');
  });
  test('round trip', () => {
    const t = Date.UTC(2026, 10, 21, 5, 44, 32);
    expect(parseZohoDateTime(formatZohoDateTime(t, 345), 'UTC')?.getTime()).toBe(t);
  });
  test('parseOffset', () => {
    expect(parseOffset('+05:30')).toBe(330);
    expect(parseOffset('-0700')).toBe(-420);
    expect(() => parseOffset('IST')).toThrow(RangeError);
  });
});
