/**
 * `@panopticon/core/danfo`: Panopticon results as danfo.js DataFrames, for analysts who think in
 * DataFrames. The only part of Panopticon that loads `danfojs-node`, an optional peer dependency
 * (`npm install danfojs-node`): importing `@panopticon/core` never loads it.
 *
 * @example
 * ```ts
 * import { locatorScorecard } from '@panopticon/core';
 * import { fromDataFrame, toDataFrame } from '@panopticon/core/danfo';
 *
 * const df = toDataFrame(locatorScorecard(leads, { asOf, timeZone: 'America/New_York', pipeline }));
 * df.sortValues('counts.stale', { ascending: false }).print();
 * const rows = fromDataFrame(df); // the scorecard rows again
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/core/danfo
 */
export { toDataFrame } from './to-data-frame.js';
export type { DanfoDtype, ToDataFrameOptions } from './to-data-frame.js';
export { fromDataFrame } from './from-data-frame.js';
export type { DataFrameLike, FromDataFrameOptions } from './from-data-frame.js';
export { danfoMessages } from './messages.js';
