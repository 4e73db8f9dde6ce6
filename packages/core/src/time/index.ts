// Re-exports only.
export * from './civil.js';
export * from './zone.js';
export * from './days.js';
