// Re-exports only: what every source shares (the load result, data issues and their codes); the CSV source
// itself is re-exported beside it.
export * from './source.js';
export * from './issue-codes.js';
export * from './csv/index.js';
