import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MS_PER_DAY, daysFromCivil } from './civil.js';
import { DayOffsets } from './day-offsets.js';
import { constantOffset, getZone } from './zone.js';
import { EDGE_ZONES } from './zones.test-helper.js';

// The edge zones, and a day skipped (Apia, 2011-12-30).
const ZONES = [...EDGE_ZONES, 'Pacific/Apia'];

/** What a day's offset is by definition: the one constant offset over the day and a day either side, or NaN. */
const oneDay = (timeZone: string, day: number): number => constantOffset(getZone(timeZone), (day - 1) * MS_PER_DAY, (day + 2) * MS_PER_DAY);

describe('DayOffsets', () => {
  it('gives every day the offset the zone holds over it and a day either side, whatever order days are asked in', () => {
    const arbDay = fc.integer({ min: daysFromCivil(1965, 1, 1), max: daysFromCivil(2045, 1, 1) });
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.array(arbDay, { minLength: 1, maxLength: 60 }), (timeZone, days) => {
        const offsets = new DayOffsets(getZone(timeZone));
        for (const day of days) expect(offsets.offsetOfDay(day)).toBe(oneDay(timeZone, day));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees day by day across whole years, transitions and the skipped day included', () => {
    for (const timeZone of ZONES) {
      const offsets = new DayOffsets(getZone(timeZone));
      const first = daysFromCivil(2010, 1, 1);
      const last = daysFromCivil(2013, 1, 1);
      const got: number[] = [];
      const expected: number[] = [];
      for (let day = first; day < last; day++) {
        got.push(offsets.offsetOfDay(day));
        expected.push(oneDay(timeZone, day));
      }
      expect(got).toEqual(expected);
      if (timeZone !== 'UTC' && timeZone !== 'Asia/Kolkata' && timeZone !== 'Asia/Kathmandu') expect(got.some(Number.isNaN)).toBe(true);
    }
  });

  it('answers days centuries apart, beyond what its table spans, as it answers any other', () => {
    for (const timeZone of ['America/New_York', 'Europe/London']) {
      const offsets = new DayOffsets(getZone(timeZone));
      const near = [daysFromCivil(2025, 3, 9), daysFromCivil(2025, 7, 1), daysFromCivil(2026, 11, 1)];
      const far = [daysFromCivil(1850, 6, 1), daysFromCivil(2300, 3, 10), daysFromCivil(1790, 1, 1)];
      for (const day of [...near, ...far, ...near, ...far]) expect(offsets.offsetOfDay(day)).toBe(oneDay(timeZone, day));
    }
  });
});
