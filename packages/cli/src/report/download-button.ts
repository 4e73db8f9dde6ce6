import { html, type Html } from './html.js';
import type { TableDownload } from './page-data.js';
import type { SurvivalDownload } from './survival-downloads.js';

/**
 * The names of the page's CSV downloads (client/downloads.ts serves each): the tables the page's script
 * filters or sorts, the fixed ones written with the page (table-csv.ts), and the time-to-event panels'.
 */
export type DownloadName = 'attention' | 'appointments' | 'heatmap' | 'scorecard' | TableDownload | SurvivalDownload;

/** A "Download CSV" button for one table or figure: saves exactly the rows it shows. */
export function downloadButton(name: DownloadName): Html {
  return html`<button type="button" class="button no-print download" data-download="${name}">Download CSV</button>`;
}
