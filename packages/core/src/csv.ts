/**
 * `@panopticon/core/csv`: leads, histories and schedules read from CSV files, streamed, with the
 * data-quality report (every row accepted or reported). Its own entry because it reads files; the main
 * entry `@panopticon/core` stays platform-neutral.
 *
 * @example
 * ```ts
 * import { needsAttention, parsePipeline } from '@panopticon/core';
 * import { loadCsv } from '@panopticon/core/csv';
 *
 * const { leads, issues } = await loadCsv({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone: 'America/New_York' });
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/core/csv
 */
export * from './sources/csv/index.js';
