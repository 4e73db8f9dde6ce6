// Re-exports only: the type-7 quantiles every figure uses (quantileSorted stays internal), and the one rate format.
export { quantile, median } from './quantile.js';
export { formatRate, formatRateChange, ratePercent, ratio } from './rate.js';
