import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getZone } from '../../time/zone.js';
import { ByteTimestampParser, createTimestampParser, parseTimestamp } from './timestamp.js';

const ZONES = ['UTC', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham'];

function parseBytes(parser: ByteTimestampParser, text: string): number | null {
  // Inside a larger buffer, as a field of a row: the parser must not read past its end.
  const bytes = new TextEncoder().encode(`9,${text},7`);
  const value = parser.parse(bytes, 2, bytes.length - 2);
  return Number.isNaN(value) ? null : value;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
/** Timestamps in every accepted form, near DST changes too, with now and then a broken character. */
const timestampArb = fc
  .record({
    year: fc.constantFrom(1969, 2000, 2024, 2025, 2026),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 24 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 })),
    fraction: fc.option(fc.stringMatching(/^[.,][0-9]{0,10}$/)),
    separator: fc.constantFrom(' ', 'T', 't', 'x'),
    form: fc.constantFrom('date', 'minutes', 'full'),
    offset: fc.constantFrom('', '', '', 'Z', 'z', '+05:30', '-0800', '+01', ' +02:00', '+24:00', '-03:7'),
    padding: fc.constantFrom('', ' ', '\t', '  '),
    mutation: fc.option(fc.tuple(fc.nat(), fc.constantFrom('', 'a', ':', '-', '9', ' '))),
  })
  .map((t) => {
    let text = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)}`;
    if (t.form !== 'date') {
      text += `${t.separator}${pad(t.hour)}:${pad(t.minute)}`;
      if (t.form === 'full' && t.second !== null) text += `:${pad(t.second)}${t.fraction ?? ''}`;
      text += t.offset;
    }
    if (t.mutation !== null) {
      const at = t.mutation[0] % (text.length + 1);
      text = text.slice(0, at) + t.mutation[1] + text.slice(at + 1);
    }
    return t.padding + text + t.padding;
  });

describe('ByteTimestampParser', () => {
  it("reads a timestamp inside a row's bytes as parseTimestamp reads the text, never past the field (property)", () => {
    fc.assert(
      fc.property(timestampArb, fc.constantFrom(...ZONES), (text, timeZone) => {
        const parser = new ByteTimestampParser(getZone(timeZone));
        const expected = parseTimestamp(text, timeZone);
        const actual = parseBytes(parser, text);
        expect(actual).toBe(expected);
        expect(createTimestampParser(timeZone)(text)).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads `YYYY-MM-DD HH:MM:SS[.mmm]` (its fixed-position path) as the general reading reads it with a T (property)', () => {
    const fixed = fc
      .record({
        year: fc.integer({ min: 0, max: 9999 }),
        month: fc.integer({ min: 0, max: 13 }),
        day: fc.integer({ min: 0, max: 32 }),
        hour: fc.integer({ min: 0, max: 24 }),
        minute: fc.integer({ min: 0, max: 60 }),
        second: fc.integer({ min: 0, max: 60 }),
        millis: fc.option(fc.integer({ min: 0, max: 999 })),
        mutation: fc.option(fc.tuple(fc.nat(), fc.constantFrom('a', ':', '-', '.', '/', '9', ' ', '\u0000'))),
      })
      .map((t) => {
        let text = `${pad(t.year, 4)}-${pad(t.month)}-${pad(t.day)} ${pad(t.hour)}:${pad(t.minute)}:${pad(t.second)}`;
        if (t.millis !== null) text += `.${pad(t.millis, 3)}`;
        if (t.mutation !== null) {
          // Anywhere but the separator the general reading is asked to read instead.
          const at = t.mutation[0] % text.length;
          if (at !== 10) text = text.slice(0, at) + t.mutation[1] + text.slice(at + 1);
        }
        return text;
      });
    fc.assert(
      fc.property(fixed, fc.constantFrom(...ZONES), (text, timeZone) => {
        const parser = new ByteTimestampParser(getZone(timeZone));
        const general = new ByteTimestampParser(getZone(timeZone));
        expect(text[10]).toBe(' ');
        expect(parseBytes(parser, text)).toBe(parseBytes(general, `${text.slice(0, 10)}T${text.slice(11)}`));
        expect(parser.gaps).toBe(general.gaps);
      }),
      {
        numRuns: 3000,
        examples: [
          ['2025-03-09 02:30:00.250', 'America/New_York'],
          ['2025-11-02 01:30:59.999', 'America/New_York'],
        ],
      },
    );
  });

  it('America/New_York spring-forward gap and fall-back overlap, as parseTimestamp reads them', () => {
    const parser = new ByteTimestampParser(getZone('America/New_York'));
    for (const text of [
      '2025-03-09 02:30',
      '2025-03-09 01:59:59',
      '2025-03-09 03:00',
      '2025-11-02 01:30',
      '2025-11-02 02:00',
      '2025-03-09',
    ]) {
      expect(parseBytes(parser, text)).toBe(parseTimestamp(text, 'America/New_York'));
    }
    expect(parseBytes(parser, '2025-03-09 02:30')).toBe(Date.UTC(2025, 2, 9, 7, 30));
  });

  it('agrees with parseTimestamp every 10 minutes across the DST days of several zones', () => {
    const days: [string, number, number, number][] = [
      ['America/New_York', 2025, 2, 9],
      ['America/New_York', 2025, 10, 2],
      ['Europe/London', 2025, 2, 30],
      ['Australia/Lord_Howe', 2025, 3, 6], // a half-hour change
      ['Pacific/Chatham', 2025, 8, 28],
    ];
    for (const [timeZone, year, month, day] of days) {
      const parser = new ByteTimestampParser(getZone(timeZone));
      for (let minutes = -2 * 1440; minutes <= 2 * 1440; minutes += 10) {
        const text = new Date(Date.UTC(year, month, day) + minutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
        const expected = parseTimestamp(text, timeZone);
        expect(parseBytes(parser, text)).toBe(expected);
        expect(expected).not.toBeNull();
      }
    }
  });

  it('rejects what parseTimestamp rejects', () => {
    const parser = new ByteTimestampParser(getZone('UTC'));
    for (const text of ['', '2025-02-30', '2025-1-01', '2025-01-01 24:00', '2025-01-01T10:00+5', '2025-01-01 10:00:00.', 'soon']) {
      expect(parseBytes(parser, text)).toBeNull();
      expect(parseTimestamp(text, 'UTC')).toBeNull();
    }
  });
});
