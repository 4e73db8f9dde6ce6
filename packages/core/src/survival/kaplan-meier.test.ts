import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  SurvivalCaseColumns,
  kaplanMeier,
  kaplanMeierMedianOfColumns,
  survivalAt,
  survivalQuantile,
  type SurvivalCase,
} from './kaplan-meier.js';
import { twoSidedZ } from './normal-quantile.js';

// Freireich et al. (1963), the 6-MP arm of the leukaemia remission trial: weeks in remission, "+" censored.
// The textbook Kaplan–Meier table (Kleinbaum & Klein, "Survival Analysis", table 2.1; Collett, table 2.3):
//   t   n  d   S(t)     Greenwood SE
//   6  21  3   0.8571   0.0764
//   7  17  1   0.8067   0.0869
//  10  15  1   0.7529   0.0963
//  13  12  1   0.6902   0.1068
//  16  11  1   0.6275   0.1141
//  22   7  1   0.5378   0.1282
//  23   6  1   0.4482   0.1346
const SIX_MP = '6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+';
const sixMp: SurvivalCase[] = SIX_MP.split(' ').map((t) => ({ duration: Number.parseInt(t, 10), event: !t.endsWith('+') }));
const TABLE: [t: number, n: number, d: number, s4: number, se4: number][] = [
  [6, 21, 3, 0.8571, 0.0764],
  [7, 17, 1, 0.8067, 0.0869],
  [10, 15, 1, 0.7529, 0.0963],
  [13, 12, 1, 0.6902, 0.1068],
  [16, 11, 1, 0.6275, 0.1141],
  [22, 7, 1, 0.5378, 0.1282],
  [23, 6, 1, 0.4482, 0.1346],
];

describe('kaplanMeier on the Freireich 6-MP data', () => {
  const curve = kaplanMeier(sixMp);
  const eventSteps = curve.steps.filter((s) => s.events > 0);

  it('has the textbook table: at risk, events, S(t) and Greenwood SE', () => {
    expect(eventSteps.map((s) => [s.time, s.atRisk, s.events])).toEqual(TABLE.map(([t, n, d]) => [t, n, d]));
    // Worked by hand, independently of the estimator: S = Π (1 − d/n), SE = S √Σ d/(n(n − d)).
    let s = 1;
    let sum = 0;
    TABLE.forEach(([, n, d, s4, se4], i) => {
      s *= (n - d) / n;
      sum += d / (n * (n - d));
      const step = eventSteps[i]!;
      expect(Math.abs(step.survival - s)).toBeLessThan(1e-9);
      expect(Math.abs(step.standardError! - s * Math.sqrt(sum))).toBeLessThan(1e-9);
      // and the published, rounded figures
      expect(step.survival).toBeCloseTo(s4, 4);
      expect(step.standardError!).toBeCloseTo(se4, 4);
      // the log-log band, by its formula
      const sigma = Math.sqrt(sum) / Math.abs(Math.log(s));
      expect(Math.abs(step.lower! - s ** Math.exp(1.959963984540054 * sigma))).toBeLessThan(1e-9);
      expect(Math.abs(step.upper! - s ** Math.exp(-1.959963984540054 * sigma))).toBeLessThan(1e-9);
    });
    // Exact fractions: S(23) = 18/21 · 16/17 · 14/15 · 11/12 · 10/11 · 6/7 · 5/6.
    expect(Math.abs(eventSteps[6]!.survival - (18 / 21) * (16 / 17) * (14 / 15) * (11 / 12) * (10 / 11) * (6 / 7) * (5 / 6))).toBeLessThan(
      1e-12,
    );
  });

  it('has R survfit(conf.type = "log-log")\'s band at t = 6 (0.620, 0.952) and median 23', () => {
    expect(eventSteps[0]!.lower!).toBeCloseTo(0.62, 3);
    expect(eventSteps[0]!.upper!).toBeCloseTo(0.952, 3);
    expect(curve.median).toBe(23);
    expect(survivalQuantile(curve, 0.75)).toBeNull(); // S never falls to 0.25: not extrapolated
    expect(survivalQuantile(curve, 0.25)).toBe(13);
  });

  it('lists censor-only times as steps, with the censorings at a tie still at risk', () => {
    const at10 = curve.steps.find((s) => s.time === 10)!;
    expect(at10).toMatchObject({ atRisk: 15, events: 1, censored: 1 });
    const at9 = curve.steps.find((s) => s.time === 9)!;
    expect(at9).toMatchObject({ atRisk: 16, events: 0, censored: 1 });
    expect(at9.survival).toBe(eventSteps[1]!.survival);
    expect(curve).toMatchObject({ cases: 21, events: 9, censored: 12, confidence: 0.95 });
  });
});

describe('kaplanMeier: definitions', () => {
  const arbCases = fc.array(fc.record({ duration: fc.integer({ min: 0, max: 40 }).map((d) => d / 2), event: fc.boolean() }), {
    maxLength: 60,
  });

  it('without censoring equals 1 − the empirical CDF', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 }), (ds) => {
        const curve = kaplanMeier(ds.map((duration) => ({ duration, event: true })));
        for (let t = -1; t <= 31; t += 0.5) {
          const ecdf = ds.filter((d) => d <= t).length / ds.length;
          expect(Math.abs(survivalAt(curve, t) - (1 - ecdf))).toBeLessThan(1e-12);
        }
      }),
    );
  });

  it('is non-increasing, within [0, 1], and its bands contain it', () => {
    fc.assert(
      fc.property(arbCases, (cases) => {
        let previous = 1;
        for (const s of kaplanMeier(cases).steps) {
          expect(s.survival).toBeLessThanOrEqual(previous);
          expect(s.survival).toBeGreaterThanOrEqual(0);
          if (s.lower !== null) expect(s.lower).toBeLessThanOrEqual(s.survival + 1e-12);
          if (s.upper !== null) expect(s.upper).toBeGreaterThanOrEqual(s.survival - 1e-12);
          previous = s.survival;
        }
      }),
    );
  });

  it('adding a censored case never lowers the curve before its time', () => {
    fc.assert(
      fc.property(arbCases, fc.integer({ min: 0, max: 40 }), (cases, c) => {
        const censoredAt = c / 2;
        const before = kaplanMeier(cases);
        const after = kaplanMeier([...cases, { duration: censoredAt, event: false }]);
        for (let t = 0; t < censoredAt; t += 0.25) expect(survivalAt(after, t)).toBeGreaterThanOrEqual(survivalAt(before, t) - 1e-12);
      }),
    );
  });

  it('counts at risk as the cases with duration ≥ t, and every case once', () => {
    fc.assert(
      fc.property(arbCases, (cases) => {
        const curve = kaplanMeier(cases);
        for (const s of curve.steps) expect(s.atRisk).toBe(cases.filter((c) => c.duration >= s.time).length);
        expect(curve.steps.reduce((n, s) => n + s.events + s.censored, 0)).toBe(cases.length);
      }),
    );
  });

  it('the quantile is the first event time at or below 1 − q, or null', () => {
    fc.assert(
      fc.property(arbCases, fc.double({ min: 0.01, max: 1, noNaN: true }), (cases, q) => {
        const curve = kaplanMeier(cases);
        const t = survivalQuantile(curve, q);
        const reached = curve.steps.filter((s) => s.events > 0 && s.survival <= 1 - q + 1e-12);
        expect(t).toBe(reached[0]?.time ?? null);
      }),
    );
  });

  it('an empty input is an empty curve with no median', () => {
    expect(kaplanMeier([])).toEqual({ cases: 0, events: 0, censored: 0, confidence: 0.95, steps: [], median: null });
  });

  it('when every case at risk ends, S = 0 and the band is undefined (null), not invented', () => {
    const curve = kaplanMeier([
      { duration: 1, event: true },
      { duration: 2, event: true },
    ]);
    expect(curve.steps[1]).toMatchObject({ survival: 0, standardError: null, lower: null, upper: null });
    expect(curve.median).toBe(1);
  });

  it("the median without the curve is the curve's median (kaplanMeier the oracle), ties and censor-only times included", () => {
    const columnsOf = (cases: readonly SurvivalCase[]) => {
      const columns = new SurvivalCaseColumns(1);
      for (const c of cases) columns.add(c.duration, c.event);
      return columns;
    };
    const arbWide = fc.array(fc.record({ duration: fc.double({ min: 0, max: 1e6, noNaN: true }), event: fc.boolean() }), { maxLength: 60 });
    fc.assert(
      fc.property(fc.oneof(arbCases, arbWide), (cases) => {
        expect(kaplanMeierMedianOfColumns(columnsOf(cases))).toBe(kaplanMeier(cases).median);
      }),
      { numRuns: 300 },
    );
    expect(kaplanMeierMedianOfColumns(columnsOf(sixMp))).toBe(23);
    expect(() =>
      kaplanMeierMedianOfColumns(
        columnsOf([
          { duration: 1, event: true },
          { duration: -1, event: true },
        ]),
      ),
    ).toThrow(/case 1: duration .* got -1/);
  });

  it('names a bad duration, confidence or q', () => {
    expect(() => kaplanMeier([{ duration: -1, event: true }])).toThrow(/case 0: duration .* got -1/);
    expect(() => kaplanMeier([{ duration: Number.NaN, event: true }])).toThrow(/got NaN/);
    expect(() => kaplanMeier([], { confidence: 95 })).toThrow(/confidence .* got 95/);
    expect(() => survivalQuantile({ steps: [] }, 1.5)).toThrow(/q must be .* got 1.5/);
  });

  it('uses z = 1.959963984540054 for 95 % and 1.644853626951 for 90 %', () => {
    expect(twoSidedZ(0.95)).toBeCloseTo(1.959963984540054, 12);
    expect(twoSidedZ(0.9)).toBeCloseTo(1.6448536269514722, 12);
    expect(twoSidedZ(0.99)).toBeCloseTo(2.5758293035489004, 12);
  });
});
