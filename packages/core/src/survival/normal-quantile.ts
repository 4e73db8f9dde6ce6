/**
 * The standard normal distribution's quantile, for the two-sided confidence levels of the survival
 * bands and the Wilson intervals. The CDF is the series erf(x) = 2/√π · e^(−x²) · Σ 2ⁿ x^(2n+1) / (1·3·…·(2n+1)),
 * whose terms are all positive (no cancellation), and the quantile is found by bisection to the last bit.
 *
 * @internal
 * @module
 */
import { survivalMessages } from './messages.js';

/** Φ(x) for 0 ≤ x ≤ 10 (the only range the two-sided levels below need). */
function normalCdfNonNegative(x: number): number {
  const y = x / Math.SQRT2;
  let term = y;
  let sum = y;
  for (let n = 1; n < 500 && term > sum * 1e-17; n++) {
    term *= (2 * y * y) / (2 * n + 1);
    sum += term;
  }
  const erf = (2 / Math.sqrt(Math.PI)) * Math.exp(-y * y) * sum;
  return 0.5 + 0.5 * Math.min(1, erf);
}

/**
 * The z of a two-sided confidence level: Φ(z) = (1 + level) / 2, so 0.95 → 1.959963984540054.
 * Throws a `RangeError` naming a level that is not strictly between 0 and 1.
 *
 * @internal
 */
export function twoSidedZ(level: number): number {
  if (typeof level !== 'number' || !(level > 0 && level < 1)) throw new RangeError(survivalMessages.invalidConfidence(level));
  const target = (1 + level) / 2;
  let lo = 0;
  let hi = 10;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (mid === lo || mid === hi) break;
    if (normalCdfNonNegative(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
