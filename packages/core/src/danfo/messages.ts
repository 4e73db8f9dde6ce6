/**
 * User-facing texts of the danfo.js interop, kept together so wording stays consistent and tests can match it.
 *
 * @module
 */

/**
 * Texts of invalid arguments of `toDataFrame` and `fromDataFrame`.
 *
 * @example
 * ```ts
 * expect(() => toDataFrame(kpis(leads, options) as never)).toThrow(danfoMessages.notRows(kpis(leads, options)));
 * ```
 */
export const danfoMessages = {
  /** `toDataFrame` was given something other than an array of objects. */
  notRows: (value: unknown) =>
    `toDataFrame expects an array of plain objects (the rows a Panopticon function returns); got ${describe(value)}. ` +
    'For a single result object such as kpis(…), pass [result].',
  /** A row that is not an object. */
  notARow: (index: number, value: unknown) =>
    `toDataFrame: row ${index} is ${describe(value)}, not an object; every row must be an object of column values.`,
  /** `fromDataFrame` was given something that is not a DataFrame. */
  notADataFrame: (value: unknown) => `fromDataFrame expects a danfo.js DataFrame (with columns and values); got ${describe(value)}.`,
  /** An empty separator. */
  badSeparator: (value: unknown) => `separator must be a non-empty string (default "."); got ${describe(value)}.`,
};

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `${typeof value} ${String(value)}`;
}
