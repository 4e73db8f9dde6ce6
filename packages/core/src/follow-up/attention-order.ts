/**
 * The order of the needs-attention list (`attention.ts`): most severe first, then most days first, then
 * lead id (code-unit order), equal ids in input order. Decided on numbers, before any row is made.
 *
 * @internal
 * @module
 */
import { compareStrings } from './timeline.js';

/**
 * The listed leads' positions (0 … n − 1, into `severity`, `days` and `ids`) in list order. `severity` is
 * 0 for the most severe reason; `days` are the days the row shows.
 *
 * The order is made by sorting one number per lead, without a comparator: severity, days and position
 * packed into an integer key (exact below 2⁵³), the position serving as the tie. Where the ids do not
 * arrive in code-unit order, each run of equal severity and days is then sorted by id, stably. Days that
 * are not integers, or a span of days too wide to pack, take {@link attentionOrderByComparator}: the same
 * order, by one comparison at a time.
 *
 * @internal
 */
export function attentionOrder(severity: ArrayLike<number>, days: ArrayLike<number>, ids: readonly string[]): Int32Array {
  const n = days.length;
  let minDays = Number.POSITIVE_INFINITY;
  let maxDays = Number.NEGATIVE_INFINITY;
  let integers = true;
  let idsAscending = true;
  for (let k = 0; k < n; k++) {
    const d = days[k]!;
    if (!Number.isSafeInteger(d)) integers = false;
    if (d < minDays) minDays = d;
    if (d > maxDays) maxDays = d;
    if (idsAscending && k > 0 && compareStrings(ids[k - 1]!, ids[k]!) > 0) idsAscending = false;
  }
  const span = maxDays - minDays + 1;
  // (severity · span + days from the most) · n + position: every key an integer below 2⁵³, so exact.
  if (n === 0 || !integers || 4 * span * n >= Number.MAX_SAFE_INTEGER) return attentionOrderByComparator(severity, days, ids);
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = (severity[k]! * span + (maxDays - days[k]!)) * n + k;
  keys.sort();
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[r] = keys[r]! % n;
  if (!idsAscending) sortRunsById(order, keys, n, ids);
  return order;
}

/** Sorts each run of `order` whose keys share severity and days (the same `key / n`) by id, stably. */
function sortRunsById(order: Int32Array, keys: Float64Array, n: number, ids: readonly string[]): void {
  const byId = (a: number, b: number) => compareStrings(ids[a]!, ids[b]!);
  for (let start = 0; start < n; ) {
    const group = Math.floor(keys[start]! / n);
    let end = start + 1;
    while (end < n && Math.floor(keys[end]! / n) === group) end++;
    // The run is in position order, and the sort is stable: equal ids keep their input order.
    if (end - start > 1) order.set(Array.from(order.subarray(start, end)).sort(byId), start);
    start = end;
  }
}

/**
 * {@link attentionOrder} by a comparator: the definition of the order, and what it falls back to.
 *
 * @internal
 */
export function attentionOrderByComparator(severity: ArrayLike<number>, days: ArrayLike<number>, ids: readonly string[]): Int32Array {
  const positions = Array.from({ length: days.length }, (_, k) => k);
  // A stable sort, so equal ids keep their input order.
  positions.sort((a, b) => severity[a]! - severity[b]! || days[b]! - days[a]! || compareStrings(ids[a]!, ids[b]!));
  return Int32Array.from(positions);
}
