import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../csv/timestamp.js';
import { cellText, csvLine } from './csv-cells.js';

describe('cellText', () => {
  it('writes each kind of value as the CSV cell of the same table', () => {
    expect(cellText(null, 'value')).toBe('');
    expect(cellText(undefined, 'instant')).toBe('');
    expect(cellText(' text ', 'instant')).toBe(' text '); // text stays text, for the timestamp parser
    expect(cellText(12345678901234567890n, 'value')).toBe('12345678901234567890');
    expect(cellText(1.5, 'value')).toBe('1.5');
    expect(cellText(true, 'value')).toBe('true');
    expect(cellText(new TextEncoder().encode('Zoë'), 'value')).toBe('Zoë');
    expect(cellText({ a: 1n, b: [1] }, 'value')).toBe('{"a":"1","b":[1]}');
    expect(cellText(new Date(Date.UTC(2025, 0, 6, 9)), 'value')).toBe('2025-01-06T09:00:00.000Z');
  });

  it('writes typed times in forms the CSV timestamp parser reads as the instant, the wall-clock time, or the day', () => {
    const ms = Date.UTC(2025, 6, 6, 9, 30, 15, 250);
    expect(parseTimestamp(cellText(ms, 'instant'), 'Asia/Tokyo')).toBe(ms);
    expect(parseTimestamp(cellText(ms + 0.9, 'wall'), 'UTC')).toBe(ms); // sub-millisecond truncated, as CSV reads fractions
    expect(parseTimestamp(cellText(ms, 'wall'), 'America/New_York')).toBe(ms + 4 * 3_600_000);
    expect(cellText(ms, 'date')).toBe('2025-07-06');
    expect(cellText(Number.NaN, 'instant')).toBe('NaN');
    expect(parseTimestamp(cellText(8.64e15 + 1, 'instant'), 'UTC')).toBeNull(); // past a Date's range: unreadable, reported as such
  });
});

describe('csvLine', () => {
  it('quotes a cell holding a quote, a line break or any delimiter the reader may detect, and the one given', () => {
    expect(csvLine(['a', 'b,c', 'd"e', 'f\ng', 'h;i', 'j\tk', 'l|m', 'n'], ',')).toBe('a,"b,c","d""e","f\ng","h;i","j\tk","l|m",n\n');
    expect(csvLine(['a:b', 'c'], ':')).toBe('"a:b":c\n');
  });
});

describe('typed times as text', () => {
  it('match the ISO text of the instant, for any day of the years 0000–9999 (the civil calendar)', () => {
    const days = [-719_528, -1, 0, 59, 60, 365, 10_957, 11_016, 11_017, 20_000, 2_932_896];
    for (const day of days) {
      for (const ms of [0, 1, 999, 3_599_999, 86_399_999]) {
        const t = day * 86_400_000 + ms;
        const iso = new Date(t).toISOString();
        expect(cellText(t, 'instant')).toBe(iso);
        expect(cellText(t, 'wall')).toBe(iso.slice(0, -1).replace('T', ' '));
        expect(cellText(t, 'date')).toBe(iso.slice(0, 10));
      }
    }
    expect(cellText(Date.UTC(10_000, 0, 1), 'instant')).toBe('+010000-01-01T00:00:00.000Z');
    expect(cellText(-719_529 * 86_400_000, 'date')).toBe('-000001-12-31T00:00:00.000Z');
  });
});
