/**
 * `@panopticon/core/files`: leads, histories and schedules read from CSV, Parquet, Arrow IPC / Feather or NDJSON files, each picked by its
 * extension, with the same column recognition, rules and data-quality report as CSV. Its own entry because it reads files and loads
 * `hyparquet` (Parquet) or `apache-arrow` (Arrow), optional peer dependencies, only when a file of that format is read; the main entry
 * `@panopticon/core` stays platform-neutral.
 *
 * @example
 * ```ts
 * import { loadFiles } from '@panopticon/core/files';
 *
 * const { leads, issues } = await loadFiles({ leads: 'leads.parquet', stageHistory: 'stage_history.parquet', timeZone: 'America/New_York' });
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/core/files
 */
export * from './sources/tables/index.js';
