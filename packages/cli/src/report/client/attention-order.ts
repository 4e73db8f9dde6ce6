/**
 * The sort orders of the needs-attention table, one per column heading (`data-sort` in page.ts). Rows are
 * compared by their index in the JSON block; ties and equal values keep that order (the order of
 * `panopticon attention`), and rows without a value (no locator, no appointment) go last either way.
 *
 * @module
 */
import { ATTENTION, type AttentionTuple } from '../page-data.js';
import { collator } from './dom.js';

/** A column heading's `data-sort` key. */
export type AttentionSortKey = 'reason' | 'days' | 'locator' | 'name' | 'stage' | 'appt';

/** Compares rows `a` and `b` (indexes into the rows) in direction `dir` (1 ascending, -1 descending). */
export type RowOrder = (a: number, b: number, dir: 1 | -1) => number;

/** The direction of a column's first click: most days first, everything else A to Z. */
export function firstDirection(key: AttentionSortKey): 1 | -1 {
  return key === 'days' ? -1 : 1;
}

export function isAttentionSortKey(key: string | null): key is AttentionSortKey {
  return key === 'reason' || key === 'days' || key === 'locator' || key === 'name' || key === 'stage' || key === 'appt';
}

/** The order of every column over `rows`; reasons rank as `reasonOrder` lists them (most severe first). */
export function attentionOrders(rows: readonly AttentionTuple[], reasonOrder: readonly string[]): Record<AttentionSortKey, RowOrder> {
  const rank: Record<string, number> = {};
  reasonOrder.forEach((r, i) => {
    rank[r] = i;
  });
  function by<V extends string | number>(value: (r: AttentionTuple) => V | null, compare: (a: V, b: V) => number): RowOrder {
    return (a, b, dir) => {
      const va = value(rows[a]!);
      const vb = value(rows[b]!);
      if (va === vb) return a - b;
      if (va === null) return 1;
      if (vb === null) return -1;
      const c = compare(va, vb);
      return c === 0 ? a - b : c * dir;
    };
  }
  const numeric = (a: number, b: number) => a - b;
  const text = (a: string, b: string) => collator.compare(a, b);
  // Appointments are "YYYY-MM-DD HH:MM": in time order as plain strings.
  const code = (a: string, b: string) => (a < b ? -1 : 1);
  return {
    reason: by((r) => rank[r[ATTENTION.reason]]!, numeric),
    days: by((r) => r[ATTENTION.days], numeric),
    locator: by((r) => r[ATTENTION.locator], text),
    name: by((r) => r[ATTENTION.name], text),
    stage: by((r) => r[ATTENTION.stage], text),
    appt: by((r) => r[ATTENTION.appointment], code),
  };
}
