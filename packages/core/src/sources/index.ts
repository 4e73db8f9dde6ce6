// Re-exports only: what every source shares (the load result, data issues and their codes). The CSV source
// is the entry `@panopticon/core/csv` (sources/csv/index.ts): it reads files, so the main entry stays
// platform-neutral.
export * from './source.js';
export * from './issue-codes.js';
export * from './judgeable.js';
export * from './json/index.js';
