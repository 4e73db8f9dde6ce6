import { twoSidedZ } from './normal-quantile.js';

/**
 * A proportion with its Wilson score interval ({@link wilsonInterval}).
 *
 * @example
 * ```ts
 * const { rate, lower, upper }: WilsonInterval = wilsonInterval(12, 40);
 * ```
 */
export interface WilsonInterval {
  /** `successes / trials`. */
  rate: number;
  lower: number;
  upper: number;
}

/**
 * The Wilson score interval of a proportion (Wilson 1927), which stays inside [0, 1] and keeps its coverage
 * for small counts and rates near 0 or 1, where the textbook ± 1.96 · √(p(1 − p)/n) does not.
 * `null` for no trials: there is no rate to give. Level 0.95 by default.
 *
 * @example
 * ```ts
 * wilsonInterval(7, 10); // { rate: 0.7, lower: 0.3968…, upper: 0.8922… }
 * wilsonInterval(0, 0); // null
 * ```
 */
export function wilsonInterval(successes: number, trials: number, confidence = 0.95): WilsonInterval | null {
  const z = twoSidedZ(confidence);
  if (trials === 0) return null;
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return { rate: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
