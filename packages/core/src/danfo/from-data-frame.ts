import { setPath } from './flatten.js';
import { danfoMessages } from './messages.js';

/**
 * What {@link fromDataFrame} reads of a DataFrame: its column names, its rows of values and (optionally)
 * its dtypes. Every danfo.js `DataFrame` is one.
 *
 * @example
 * ```ts
 * const frame: DataFrameLike = { columns: ['day', 'total'], values: [['Monday', 93]], dtypes: ['string', 'int32'] };
 * fromDataFrame(frame); // [{ day: 'Monday', total: 93 }]
 * ```
 */
export interface DataFrameLike {
  /** The column names. */
  readonly columns: readonly string[];
  /** The rows, each an array of values in column order. */
  readonly values: readonly unknown[];
  /** The dtype of each column; `datetime` columns are read as `Date`s. */
  readonly dtypes?: readonly string[];
}

/**
 * Options of {@link fromDataFrame}.
 *
 * @example
 * ```ts
 * fromDataFrame(df, { unflatten: false }); // keep 'counts.stale' as a key
 * ```
 */
export interface FromDataFrameOptions {
  /** Nest dotted column names again (`counts.stale` → `{ counts: { stale } }`), as {@link toDataFrame} flattened them. Default `true`. */
  unflatten?: boolean;
  /** The separator of nested names. Default `"."`. */
  separator?: string;
}

/**
 * The rows of a danfo.js `DataFrame` as plain objects, one per row, keyed by column: the inverse of
 * {@link toDataFrame}, so `fromDataFrame(toDataFrame(rows))` deep-equals `rows` for every Panopticon
 * result (keys missing from a row come back as `null`).
 *
 * - Dotted column names are nested again (turn off with `unflatten: false`).
 * - Missing values come back as `null`: danfo's `NaN` and `undefined` both read as `null`.
 * - In a `datetime` column, `Date`s are returned as they are, and strings or epoch numbers (what danfo's
 *   `toDateTime` or a CSV reader leave) are turned into `Date`s.
 *
 * The type parameter is a promise you make, not a check: say `fromDataFrame<HeatmapCell>(df)` only for a
 * frame that holds those columns.
 *
 * @example
 * ```ts
 * import type { HeatmapCell } from '@panopticon/core';
 * import { fromDataFrame, toDataFrame } from '@panopticon/core/danfo';
 *
 * const df = toDataFrame(cells);
 * const busy = fromDataFrame<HeatmapCell>(df.query(df['total'].gt(10)));
 * ```
 */
export function fromDataFrame<T = Record<string, unknown>>(df: DataFrameLike, options: FromDataFrameOptions = {}): T[] {
  if (df === null || typeof df !== 'object' || !Array.isArray(df.columns) || !Array.isArray(df.values)) {
    throw new TypeError(danfoMessages.notADataFrame(df));
  }
  const separator = options.separator ?? '.';
  if (typeof separator !== 'string' || separator === '') throw new RangeError(danfoMessages.badSeparator(separator));
  const unflatten = options.unflatten ?? true;
  const columns = df.columns.map(String);
  const paths = columns.map((c) => (unflatten ? c.split(separator) : [c]));
  const dates = columns.map((_, i) => df.dtypes?.[i] === 'datetime');
  const plan = unflatten ? nestingPlan(paths) : undefined;
  const rows: T[] = [];
  for (const raw of df.values) {
    // A one-column frame may hold its values unwrapped.
    const cells = Array.isArray(raw) ? raw : [raw];
    const values = columns.map((_, i) => cellValue(cells[i], dates[i]!));
    const row: Record<string, unknown> = {};
    if (plan === undefined) {
      columns.forEach((c, i) => {
        row[c] = values[i];
      });
    } else {
      // A parent column (`current`) beside its children (`current.total`, …): the row holds null there when
      // the parent and all its children are null, else an object of the children.
      const nullParents = new Set(
        plan.parents.filter((p) => values[p] === null && plan.descendants.get(p)!.every((d) => values[d] === null)),
      );
      for (const i of plan.order) {
        if (plan.ancestors[i]!.some((a) => nullParents.has(a))) continue;
        if (plan.descendants.has(i)) {
          if (nullParents.has(i)) setPath(row, paths[i]!, null);
          continue;
        }
        setPath(row, paths[i]!, values[i]);
      }
    }
    rows.push(row as T);
  }
  return rows;
}

interface NestingPlan {
  /** Column indices in the order to set them: grouped by top-level key in order of first appearance, shallow first. */
  order: number[];
  /** Columns that are a prefix of other columns. */
  parents: number[];
  /** For each parent column, the columns nested under it. */
  descendants: Map<number, number[]>;
  /** For each column, the parent columns it is nested under. */
  ancestors: number[][];
}

function nestingPlan(paths: readonly (readonly string[])[]): NestingPlan {
  const groups = new Map<string, number[]>();
  paths.forEach((path, i) => {
    const key = path[0]!;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(i);
  });
  const order = [...groups.values()].flatMap((group) => group.sort((a, b) => paths[a]!.length - paths[b]!.length || a - b));
  const isPrefix = (p: readonly string[], q: readonly string[]) => p.length < q.length && p.every((s, k) => q[k] === s);
  const descendants = new Map<number, number[]>();
  const ancestors = paths.map(() => [] as number[]);
  paths.forEach((p, i) => {
    const under = paths.flatMap((q, j) => (isPrefix(p, q) ? [j] : []));
    if (under.length === 0) return;
    descendants.set(i, under);
    for (const j of under) ancestors[j]!.push(i);
  });
  return { order, parents: [...descendants.keys()], descendants, ancestors };
}

function cellValue(v: unknown, datetime: boolean): unknown {
  if (v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v))) return null;
  if (datetime && (typeof v === 'string' || typeof v === 'number')) {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  return v;
}
