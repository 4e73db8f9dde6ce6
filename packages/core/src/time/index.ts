// Re-exports only.
export * from './civil.js';
export * from './zone.js';
export * from './days.js';
export * from './bucket.js';
// Named: business-hours.ts also holds an internal counter for hot loops.
export { businessMinutesBetween } from './business-hours.js';
export type { BusinessMinutesBetweenOptions } from './business-hours.js';
