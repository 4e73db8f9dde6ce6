/**
 * Type-7 quantiles of a `Float64Array` by selection instead of sorting: O(n) per call, which is what keeps
 * the heatmap's per-cell medians and p90s cheap on a million rows (a full sort costs several times more).
 * Reorders `values` in place. Internal to the response folder; agrees with `quantile` from `stats/`.
 */
export function selectQuantiles(values: Float64Array, qs: readonly number[]): (number | null)[] {
  const n = values.length;
  const out: (number | null)[] = qs.map(() => null);
  if (n === 0) return out;
  // Largest q first: each selection leaves everything left of its index smaller, so the next (smaller)
  // one only searches that prefix, and the element just after an index is the minimum of what follows it.
  const order = qs.map((_, i) => i).sort((x, y) => qs[y]! - qs[x]!);
  let bound = n; // values[bound] is in its sorted place and nothing after it is smaller
  let afterBound = Infinity; // the smallest value after `bound`
  for (const i of order) {
    const q = Math.min(1, Math.max(0, qs[i]!));
    const h = (n - 1) * q;
    const k = Math.floor(h);
    // The (k+1)-th smallest, needed to interpolate: the minimum of values[k+1 …], of which only the part
    // below `bound` is unordered.
    let next = afterBound;
    if (k < bound) {
      select(values, k, 0, bound - 1);
      next = bound < n ? values[bound]! : Infinity;
      for (let j = k + 1; j < bound; j++) if (values[j]! < next) next = values[j]!;
    }
    const a = values[k]!;
    out[i] = h > k ? a + (h - k) * (next - a) : a;
    bound = k;
    afterBound = next;
  }
  return out;
}

/**
 * Floyd–Rivest selection: rearranges `a[left … right]` so that `a[k]` is the value a sort would put there,
 * with smaller-or-equal values before it and greater-or-equal after (as in d3-array's `quickselect`).
 */
function select(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(a, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k]!;
    let i = left;
    let j = right;
    swap(a, left, k);
    if (a[right]! > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i]! < t) i++;
      while (a[j]! > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}
