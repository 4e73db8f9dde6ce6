import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth } from '../../time/civil.js';
import { zonedParts } from '../../time/wall-clock.js';
import { getZone } from '../../time/zone.js';
import { EDGE_ZONES } from '../../time/zones.test-helper.js';
import { FormattedTimestampParser } from './date-formats.js';
import { parseText, timestampParser } from './timestamp.js';
import type { ZonedParts } from '../../time/wall-clock.js';

// Dates naming the month in English, as CRM report exports write them, read exactly as the ISO text of the same wall time.

const FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A wall-clock time to the second. */
type Wall = Pick<ZonedParts, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>;

/** The month's name: full, three letters, or `Sept`, in the given case. */
type Name = 'full' | 'short' | 'sept';
type Case = 'title' | 'upper' | 'lower';
function monthName(month: number, name: Name, letters: Case): string {
  const full = FULL[month - 1]!;
  const text = name === 'full' ? full : name === 'sept' && month === 9 ? 'Sept' : full.slice(0, 3);
  return letters === 'upper' ? text.toUpperCase() : letters === 'lower' ? text.toLowerCase() : text;
}

/** The shapes of the date part. */
const SHAPES = {
  'Mon DD, YYYY': (w: Wall, m: string) => `${m} ${pad(w.day)}, ${w.year}`,
  'Month D YYYY': (w: Wall, m: string) => `${m} ${w.day} ${w.year}`,
  'Mon D, YYYY': (w: Wall, m: string) => `${m} ${w.day}, ${w.year}`,
  'DD-Mon-YYYY': (w: Wall, m: string) => `${pad(w.day)}-${m}-${w.year}`,
  'D Month YYYY': (w: Wall, m: string) => `${w.day} ${m} ${w.year}`,
  'DD Mon YYYY': (w: Wall, m: string) => `${pad(w.day)} ${m} ${w.year}`,
};
type Shape = keyof typeof SHAPES;

/** The time part: none, 24-hour, or 12-hour with AM/PM (either case), seconds or not, after a space or a comma. */
interface Clock {
  kind: 'none' | '24' | '12';
  seconds: boolean;
  lower: boolean;
  comma: boolean;
}
function timeText(w: Wall, c: Clock): string {
  if (c.kind === 'none') return '';
  const seconds = c.seconds ? `:${pad(w.second)}` : '';
  const lead = c.comma ? ', ' : ' ';
  if (c.kind === '24') return `${lead}${pad(w.hour)}:${pad(w.minute)}${seconds}`;
  const meridiem = w.hour < 12 ? 'AM' : 'PM';
  return `${lead}${pad(w.hour % 12 === 0 ? 12 : w.hour % 12)}:${pad(w.minute)}${seconds} ${c.lower ? meridiem.toLowerCase() : meridiem}`;
}

/** The ISO text of the same wall time, to the precision the month-name text gives. */
function isoText(w: Wall, c: Clock): string {
  const date = `${w.year}-${pad(w.month)}-${pad(w.day)}`;
  if (c.kind === 'none') return date;
  return `${date} ${pad(w.hour)}:${pad(w.minute)}${c.seconds ? `:${pad(w.second)}` : ''}`;
}

const clockArb = fc.record({
  kind: fc.constantFrom<Clock['kind']>('none', '24', '12'),
  seconds: fc.boolean(),
  lower: fc.boolean(),
  comma: fc.boolean(),
});
const writingArb = fc.record({
  shape: fc.constantFrom(...(Object.keys(SHAPES) as Shape[])),
  name: fc.constantFrom<Name>('full', 'short', 'sept'),
  letters: fc.constantFrom<Case>('title', 'upper', 'lower'),
  clock: clockArb,
});

function monthNameParser(zone: string) {
  const iso = timestampParser(getZone(zone));
  return { iso, named: new FormattedTimestampParser('month-name', iso) };
}

describe('dates naming the month', () => {
  it('read random instants, written in every shape, zone and clock, as the ISO text of the same wall time', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EDGE_ZONES, 'America/Chicago'),
        // 1971–2069: four-digit years.
        fc.integer({ min: 31_536_000, max: 3_155_760_000 }).map((s) => s * 1000),
        writingArb,
        (zone, instant, { shape, name, letters, clock }) => {
          const w = zonedParts(instant, zone);
          const text = SHAPES[shape](w, monthName(w.month, name, letters)) + timeText(w, clock);
          const { iso, named } = monthNameParser(zone);
          const expected = parseText(iso, isoText(w, clock));
          expect(expected).not.toBeNull();
          expect(parseText(named, text), text).toBe(expected);
          if (clock.kind !== 'none' && clock.seconds) {
            // Written from an instant, the wall time exists; a repeated one is the earlier instant, as ISO reads it.
            expect(parseText(named, text)! <= instant).toBe(true);
          }
        },
      ),
      { numRuns: 600 },
    );
  });

  it('move a wall time in a spring-forward gap forward and count it, as ISO does', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Chicago'),
        fc.record({
          year: fc.integer({ min: 1990, max: 2040 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 31 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
        }),
        writingArb,
        (zone, fields, { shape, name, letters, clock }) => {
          const w = { ...fields, day: Math.min(fields.day, daysInMonth(fields.year, fields.month)) };
          const text = SHAPES[shape](w, monthName(w.month, name, letters)) + timeText(w, clock);
          const { iso, named } = monthNameParser(zone);
          const gaps = iso.gaps;
          const expected = parseText(iso, isoText(w, clock));
          const isoGaps = iso.gaps - gaps;
          expect(parseText(named, text), text).toBe(expected);
          expect(iso.gaps - gaps - isoGaps).toBe(isoGaps);
        },
      ),
      { numRuns: 400 },
    );
    const { iso, named } = monthNameParser('America/New_York');
    const gaps = iso.gaps;
    expect(parseText(named, 'Mar 08, 2026 02:30 AM')).toBe(Date.UTC(2026, 2, 8, 7, 30));
    expect(iso.gaps - gaps).toBe(1);
  });

  it('reads the shapes of real exports', () => {
    const { named } = monthNameParser('America/Chicago');
    const chicago = (h: number, mi: number, s = 0) => Date.UTC(2026, 5, 4, h + 5, mi, s);
    expect(parseText(named, 'Jun 04, 2026 04:03 PM')).toBe(chicago(16, 3));
    expect(parseText(named, 'June 4, 2026 4:03 PM')).toBe(chicago(16, 3));
    expect(parseText(named, '04-Jun-2026 16:03')).toBe(chicago(16, 3));
    expect(parseText(named, '4 Jun 2026')).toBe(chicago(0, 0));
    expect(parseText(named, '04 June 2026 04:03:00 PM')).toBe(chicago(16, 3));
    expect(parseText(named, 'Jun 4, 2026')).toBe(chicago(0, 0));
    expect(parseText(named, '  jun 4, 2026, 4:03:09 p.m. ')).toBe(chicago(16, 3, 9));
    expect(parseText(named, '4-JUN-26 16:03')).toBe(chicago(16, 3));
    expect(parseText(named, 'Sept 30, 2026')).toBe(Date.UTC(2026, 8, 30, 5));
    // ISO values are read in every column.
    expect(parseText(named, '2026-06-04 16:03')).toBe(chicago(16, 3));
  });

  it('refuses what is not a date naming the month', () => {
    const { named } = monthNameParser('UTC');
    for (const text of [
      'Jun 31, 2026', // no such day
      'Feb 29, 2025',
      'Juni 4, 2026', // not an English name
      'Ju 4, 2026',
      'Septem 4, 2026',
      'Jun 4, 2026 13:00 PM', // no 13 o'clock on a 12-hour clock
      'Jun 4, 2026 24:00',
      'Jun 4, 2026 4:3 PM',
      '4-Jun 2026', // one separator throughout
      '4/Jun/2026',
      'Jun 004, 2026',
      'Jun 4, 202',
      'Jun 4, 20261',
      'Jun 4,2026',
      'Jun 4, 2026 at 4:03 PM',
      'Jun 2026',
      '4 June',
      'TBD',
      '6/4/2026',
      '',
    ]) {
      expect(parseText(named, text), text).toBeNull();
    }
  });

  it('reads only the value, not the bytes after it', () => {
    const { named } = monthNameParser('UTC');
    const bytes = new TextEncoder().encode('Jun 4,2026 16:03|4 Jun 2026,"x"');
    // `Jun 4` ends at 5; what follows is the next field.
    expect(named.parse(bytes, 0, 5)).toBeNaN();
    expect(named.parse(bytes, 17, 27)).toBe(Date.UTC(2026, 5, 4));
    expect(named.parse(bytes, 17, 22)).toBeNaN();
  });
});
