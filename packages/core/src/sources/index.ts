// Re-exports only.
export * from './source.js';
