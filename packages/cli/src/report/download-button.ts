import { html, type Html } from './html.js';
import type { TableDownload } from './page-data.js';

/**
 * The names of the page's CSV downloads (client/downloads.ts serves each): the tables the page's script
 * filters or sorts, and the fixed ones written with the page (table-csv.ts).
 */
export type DownloadName = 'attention' | 'appointments' | 'heatmap' | 'scorecard' | TableDownload;

/** A "Download CSV" button for one table or figure: saves exactly the rows it shows. */
export function downloadButton(name: DownloadName): Html {
  return html`<button type="button" class="button no-print download" data-download="${name}">Download CSV</button>`;
}
