/**
 * What the SQL engine refuses: a file it cannot read exactly as the TypeScript engine does (a column name
 * it does not recognise, a value it does not parse, a row the TypeScript reader would reject), or an option
 * its statements do not state. It never answers with a figure that could differ from core's.
 *
 * @example
 * ```ts
 * try {
 *   await heatmapSql({ leads: 'leads.csv' }, { timeZone: 'UTC', clock: 'business' });
 * } catch (error) {
 *   if (error instanceof SqlEngineError) console.error(error.message); // "The SQL engine does not support …"
 * }
 * ```
 */
export class SqlEngineError extends Error {
  override readonly name = 'SqlEngineError';
}
