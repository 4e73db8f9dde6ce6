import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatRate, formatRateChange, ratePercent, ratio } from './rate.js';

describe('the one rate format', () => {
  it('prints a ratio as a percentage with one decimal and a spaced %; no data as the placeholder', () => {
    expect(formatRate(0.642)).toBe('64.2 %');
    expect(formatRate(ratio(9, 12))).toBe('75.0 %');
    expect(formatRate(ratio(1, 0))).toBe('—');
    expect(formatRate(null, '–')).toBe('–');
    expect(formatRate(Number.NaN)).toBe('—');
    expect(ratePercent(-0.00001)).toBe('0.0');
  });

  it('is the ratio times 100, rounded to one decimal, for any ratio in [0, 1]', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 1, max: 10_000 }), (a, b) => {
        const part = Math.min(a, b);
        const text = ratePercent(ratio(part, b))!;
        expect(Math.abs(Number(text) - (part / b) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(text).toMatch(/^\d{1,3}\.\d$/);
      }),
    );
  });

  it('prints a change in points with its sign, ±0 when it rounds to zero, null without both sides', () => {
    expect(formatRateChange(0.5, 0.25)).toBe('+25.0 pts');
    expect(formatRateChange(0.25, 0.255)).toBe('−0.5 pts');
    expect(formatRateChange(0.3, 0.3004)).toBe('±0 pts');
    expect(formatRateChange(null, 0.3)).toBeNull();
  });
});
