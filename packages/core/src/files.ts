/**
 * `@panopticon/core/files`: leads, histories and schedules read from CSV, Parquet, Arrow IPC / Feather or NDJSON files (each picked by its
 * extension) or from memory (text or bytes: a notebook, a test, a browser upload), streamed, with the same column recognition, rules and
 * data-quality report for every format (every row accepted or reported), and the heatmap of a leads file in one streaming pass. Its own
 * entry because it reads files and loads `hyparquet` (Parquet) or `apache-arrow` (Arrow), optional peer dependencies, only when a file of
 * that format is read; the main entry `@panopticon/core` stays platform-neutral. A browser bundler gets its `browser` build, which reaches
 * no Node built-in: there, a path cannot be read (pass the file's text or bytes).
 *
 * @example
 * ```ts
 * import { loadFiles } from '@panopticon/core/files';
 *
 * const { leads, issues } = await loadFiles({ leads: 'leads.csv', stageHistory: 'stage_history.parquet', timeZone: 'America/New_York' });
 * const pasted = await loadFiles({ leads: { text: 'lead_id,received_time\n1,2025-01-06 09:00\n' }, timeZone: 'America/New_York' });
 * ```
 *
 * @packageDocumentation
 * @module @panopticon/core/files
 */
export * from './sources/tables/index.js';
