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
