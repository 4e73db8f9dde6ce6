// Re-exports only.
export * from './quantile.js';
