import { describe, expect, it } from 'vitest';
import { parseTimeOfDay } from './read-schedule-file.js';

describe('parseTimeOfDay', () => {
  it('normalizes H:MM, HH:MM and HH:MM:00 to HH:MM', () => {
    expect(parseTimeOfDay('9:00')).toBe('09:00');
    expect(parseTimeOfDay(' 09:05 ')).toBe('09:05');
    expect(parseTimeOfDay('17:30:00')).toBe('17:30');
    expect(parseTimeOfDay('00:00')).toBe('00:00');
    expect(parseTimeOfDay('24:00')).toBe('24:00');
  });

  it('gives null for impossible or malformed times', () => {
    for (const text of ['', '9', '900', '25:00', '24:30', '12:60', '12:5', '12:30:15', 'ab:cd', '123:00', '-1:00']) {
      expect(parseTimeOfDay(text), text).toBeNull();
    }
  });
});
