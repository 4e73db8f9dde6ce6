/**
 * The "Download CSV" files of the time-to-event panels: one definition for the page builder (which embeds
 * the rows, survival-data.ts; page-data.ts's `survivalCsv`) and the page's script (client/downloads.ts, which
 * saves them). Bundled into the browser script: only plain constants, the CSV writer and type imports.
 *
 * @module
 */
import { SPEED_TO_LEAD_CSV_COLUMNS, SURVIVAL_CSV_COLUMNS } from '../csv-columns.js';
import { type Cell, renderCsv } from '../format.js';

/** Each download: the start of its file name and its columns (those of `panopticon survival --of … --format csv`). */
export const SURVIVAL_DOWNLOADS = {
  'first-contact-curve': { file: 'time-to-first-contact', columns: SURVIVAL_CSV_COLUMNS },
  'appointment-progress-curve': { file: 'appointment-to-progress', columns: SURVIVAL_CSV_COLUMNS },
  'speed-to-lead': { file: 'speed-to-lead', columns: SPEED_TO_LEAD_CSV_COLUMNS },
} as const;

/** The name of a time-to-event download (a `data-download` value). */
export type SurvivalDownload = keyof typeof SURVIVAL_DOWNLOADS;

/** The names, in page order. */
export const SURVIVAL_DOWNLOAD_NAMES = Object.keys(SURVIVAL_DOWNLOADS) as SurvivalDownload[];

/**
 * The CSV file of a download: the embedded rows written as the command writes them, so the file equals
 * `panopticon survival --of … --format csv` byte for byte. A panel that cannot be judged has no button.
 */
export function survivalCsvFile(
  name: SurvivalDownload,
  data: { today: string; survivalCsv: Record<SurvivalDownload, Cell[][] | null> },
): { name: string; text: string } {
  const { file, columns } = SURVIVAL_DOWNLOADS[name];
  return { name: `${file}-${data.today}.csv`, text: renderCsv(columns, data.survivalCsv[name] ?? []) };
}
