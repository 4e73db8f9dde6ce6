import { describe, expect, it } from 'vitest';
import { WEEKDAY_NAMES } from '../../model/schedule.js';
import { parseWeekday } from './read-schedule-file.js';

describe('parseWeekday', () => {
  it('reads full names, three-letter names and ISO numbers 1–7 (1 = Monday) as 0 = Monday … 6 = Sunday', () => {
    WEEKDAY_NAMES.forEach((name, day) => {
      expect(parseWeekday(name)).toBe(day);
      expect(parseWeekday(name.toUpperCase())).toBe(day);
      expect(parseWeekday(` ${name.slice(0, 3).toLowerCase()} `)).toBe(day);
      expect(parseWeekday(String(day + 1))).toBe(day);
    });
  });

  it('gives null for anything else', () => {
    for (const text of ['', '0', '8', 'Mo', 'Mond', 'Funday', '1.0']) expect(parseWeekday(text), text).toBeNull();
  });
});
