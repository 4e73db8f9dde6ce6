// Re-exports only: the JSON boundary (plain data with ISO 8601 text → checked leads and the data-quality report).
export { parseLeads } from './parse-leads.js';
export type { ParseLeadsOptions } from './parse-leads.js';
