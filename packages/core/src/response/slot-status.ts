/**
 * How a lead counts in its heatmap cell. Shared by the slot accumulator and the CSV readers that classify
 * rows for it (in worker threads too, which is why these live apart from anything that loads the model).
 * @internal
 * @module
 */

/** Contacted at or after arrival: counted with its response minutes. */
export const CONTACTED = 0;
/** Never contacted. */
export const NEVER = 1;
/** First contact before arrival: counted in the total only. */
export const INVALID = 2;
