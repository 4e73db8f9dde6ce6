// Re-exports only.
export * from './civil.js';
export * from './zone.js';
