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

/**
 * The files cannot answer the question (core's `judgeability`): for the follow-up questions, a leads file
 * without appointment values. Thrown instead of an empty list or zero counts, which would read as "all clear".
 *
 * @example
 * ```ts
 * try {
 *   await needsAttentionSql({ leads: 'responses.csv' }, { asOf, timeZone, pipeline });
 * } catch (error) {
 *   if (error instanceof SqlCannotJudgeError) console.error(error.message); // "… cannot judge follow-up …"
 * }
 * ```
 */
export class SqlCannotJudgeError extends Error {
  override readonly name = 'SqlCannotJudgeError';
}
