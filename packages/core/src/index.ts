/**
 * `@panopticon/core`: the lead model, time-zone-correct time arithmetic, follow-up and response-time
 * metrics, and sources. Every metric is a pure function: `asOf` and `timeZone` are always arguments.
 *
 * @packageDocumentation
 * @module @panopticon/core
 */
export * from './model/index.js';
export * from './time/index.js';
export * from './response/index.js';
export * from './follow-up/index.js';
export * from './survival/index.js';
export * from './sources/index.js';
export * from './stats/index.js';
export { PanopticonError, PANOPTICON_ERROR_CODES } from './errors.js';
export type { PanopticonErrorCode } from './errors.js';
