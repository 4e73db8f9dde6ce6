/**
 * The q-quantile of numbers by linear interpolation between closest ranks (Hyndman & Fan type 7, the
 * default of pandas, NumPy and R), so figures agree with what an analyst computes elsewhere.
 * `sorted` must be ascending; returns null for an empty input.
 *
 * @example
 * ```ts
 * quantileSorted([1, 2, 3, 4], 0.9); // 3.7
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  if (q <= 0) return sorted[0]!;
  if (q >= 1) return sorted[n - 1]!;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  const b = sorted[Math.min(lo + 1, n - 1)]!;
  return a + (h - lo) * (b - a);
}

/**
 * The q-quantile (type 7) of unsorted numbers; the input is not modified. Null for an empty input.
 *
 * @example
 * ```ts
 * quantile([40, 10, 30, 20], 0.9); // 37
 * ```
 */
export function quantile(values: ArrayLike<number>, q: number): number | null {
  const sorted = Float64Array.from(values).sort();
  return quantileSorted(sorted, q);
}

/**
 * The median (type-7 0.5 quantile) of unsorted numbers, or null for an empty input.
 *
 * @example
 * ```ts
 * median([5, 1, 3, 2]); // 2.5
 * median([]); // null
 * ```
 */
export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}
