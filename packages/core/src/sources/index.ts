// Re-exports only: what every source shares (the load result, data issues and their codes). Reading files
// is the entry `@panopticon/core/files` (sources/tables/index.ts), so the main entry stays platform-neutral.
export * from './source.js';
export * from './issue-codes.js';
export * from './judgeable.js';
export * from './json/index.js';
