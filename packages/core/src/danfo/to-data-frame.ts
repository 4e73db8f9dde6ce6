import { DataFrame } from 'danfojs-node';
import { flattenRow } from './flatten.js';
import { danfoMessages } from './messages.js';

/**
 * The danfo.js column types {@link toDataFrame} assigns.
 *
 * @example
 * ```ts
 * const df = toDataFrame(cells);
 * const dtypes = df.dtypes as DanfoDtype[]; // ['string', 'int32', 'string', …]
 * ```
 */
export type DanfoDtype = 'string' | 'int32' | 'float32' | 'boolean' | 'datetime';

/**
 * Options of {@link toDataFrame}.
 *
 * @example
 * ```ts
 * toDataFrame(scorecard, { columns: ['locator', 'counts.stale', 'conversionRate'] });
 * ```
 */
export interface ToDataFrameOptions {
  /**
   * The columns, in this order (flattened names such as `"counts.stale"`); columns not listed are left out,
   * and a listed column no row has is all `null`. Default: every column, in the order of first appearance.
   */
  columns?: readonly string[];
  /** Joins the keys of nested objects into column names. Default `"."`. */
  separator?: string;
}

/**
 * Turns any tabular Panopticon result (an array of plain objects: heatmap cells, scorecard rows,
 * needs-attention rows, trend rows, …) into a danfo.js `DataFrame`, one row per object.
 *
 * - **Columns** are the union of the rows' keys, in order of first appearance; a key missing from a row
 *   reads as `null` there. Nested plain objects are flattened with dotted names: a scorecard's
 *   `counts: { stale: 2, … }` becomes the columns `counts.stale`, … ({@link fromDataFrame} nests them again).
 * - **Dates stay `Date` objects**, in a column of dtype `datetime`, so danfo's `.dt` accessors work and
 *   nothing is converted to a time zone. They are instants: read wall-clock parts in your zone with
 *   `zonedParts` from `@panopticon/core`, not with `.dt` (which uses the process's zone).
 * - **dtypes are set from the JavaScript values**, never guessed from text: strings are `string` (so
 *   ids like `"100042"` stay strings), whole numbers within 32 bits `int32`, other numbers `float32`
 *   (a label: values keep full double precision), booleans `boolean`, `Date`s `datetime`. `null` is a
 *   missing value of any column; a column of mixed kinds is `string`, one of only nulls `float32`.
 * - Arrays (such as a coverage cell's `repNames`) are kept as one value per cell.
 *
 * Lives in the `@panopticon/core/danfo` subpath, the only part of Panopticon that loads `danfojs-node`
 * (an optional peer dependency: `npm install danfojs-node`). Importing `@panopticon/core` never loads it.
 *
 * @param rows The rows, as a Panopticon function returns them. Not modified.
 * @example
 * ```ts
 * import { aggregateBySlot } from '@panopticon/core';
 * import { toDataFrame } from '@panopticon/core/danfo';
 *
 * const df = toDataFrame(aggregateBySlot(leads, { timeZone: 'America/New_York' }));
 * df.groupby(['day']).agg({ total: 'sum', withinSla: 'sum' }).print();
 * ```
 */
export function toDataFrame(rows: readonly object[], options: ToDataFrameOptions = {}): DataFrame {
  if (!Array.isArray(rows)) throw new TypeError(danfoMessages.notRows(rows));
  const separator = options.separator ?? '.';
  if (typeof separator !== 'string' || separator === '') throw new RangeError(danfoMessages.badSeparator(separator));
  const flat = rows.map((row, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new TypeError(danfoMessages.notARow(i, row));
    return flattenRow(row, separator);
  });

  let columns: string[];
  if (options.columns !== undefined) columns = [...options.columns];
  else {
    const seen = new Set<string>();
    for (const row of flat) for (const key of Object.keys(row)) seen.add(key);
    columns = [...seen];
  }
  if (flat.length === 0) return new DataFrame([], { columns });
  if (columns.length === 0) return new DataFrame([]);

  const data: Record<string, unknown[]> = {};
  for (const column of columns) data[column] = flat.map((row) => row[column] ?? null);
  return new DataFrame(data, { columns, dtypes: columns.map((c) => dtypeOf(data[c]!)) });
}

type Kind = 'int' | 'float' | 'string' | 'boolean' | 'datetime' | 'other';

/** The dtype of a column from its values (see {@link toDataFrame}). @internal */
export function dtypeOf(values: readonly unknown[]): DanfoDtype {
  let kind: Kind | undefined;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    const k = kindOf(v);
    if (kind === undefined || kind === k) kind = k;
    else if ((kind === 'int' && k === 'float') || (kind === 'float' && k === 'int')) kind = 'float';
    else return 'string';
  }
  switch (kind) {
    case 'int':
      return 'int32';
    case 'string':
    case 'other':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'datetime':
      return 'datetime';
    default:
      return 'float32'; // float, or only missing values
  }
}

function kindOf(v: unknown): Kind {
  switch (typeof v) {
    case 'number':
      return Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1 ? 'int' : 'float';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    default:
      return v instanceof Date ? 'datetime' : 'other';
  }
}
