// Re-exports only: the type-7 quantiles every figure uses (quantileSorted stays internal).
export { quantile, median } from './quantile.js';
