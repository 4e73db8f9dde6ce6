// Re-exports only.
export * from './source.js';
export * from './messages.js';
export * from './csv/index.js';
