/**
 * The first index whose value is ≥ `x` in an ascending array (its length when none), by binary search: how
 * many values are below `x`.
 *
 * @internal
 */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
