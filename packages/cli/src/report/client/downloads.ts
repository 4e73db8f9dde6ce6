/**
 * "Download CSV": each button (`data-download`, download-button.ts) saves exactly the rows its table or
 * figure shows, written by the CLI's own CSV code (format.ts's renderCsv, with the columns of
 * csv-columns.ts), so a download equals `panopticon … --format csv` for the same question.
 *
 * @module
 */
import { ATTENTION_CSV_COLUMNS, attentionCsvCells, HEATMAP_CSV_COLUMNS } from '../../csv-columns.js';
import { APPOINTMENTS_CSV_COLUMNS, appointmentCsvCells } from '../../appointment-rows.js';
import { COMPARISON_CSV_COLUMNS, comparisonCsvCells } from '../../comparison-rows.js';
import { DEMAND_CSV_COLUMNS, demandCsvCells } from '../../demand-rows.js';
import { renderCsv } from '../../format.js';
import type { DownloadName } from '../download-button.js';
import { ATTENTION, type PageData } from '../page-data.js';
import { SCORECARD_CSV_COLUMNS } from '../scorecard-columns.js';
import { SURVIVAL_DOWNLOAD_NAMES, survivalCsvFile } from '../survival-downloads.js';
import type { AttentionView } from './attention.js';
import type { CalendarView } from './calendar.js';
import type { ResponseView } from './response-view.js';

/** The CSV text of a download, and the file name it is saved under. */
export interface CsvFile {
  name: string;
  text: string;
}

export function setUpDownloads(
  data: PageData,
  views: { attention: AttentionView; calendar: CalendarView; response: ResponseView },
): (name: DownloadName) => CsvFile {
  const files: Record<'attention' | 'appointments' | 'heatmap' | 'scorecard', () => CsvFile> = {
    attention: () => ({
      name: 'needs-attention-' + data.today + '.csv',
      text: renderCsv(
        ATTENTION_CSV_COLUMNS,
        views.attention.shown().map((r) =>
          attentionCsvCells({
            leadId: r[ATTENTION.id],
            name: r[ATTENTION.name],
            locator: r[ATTENTION.locator],
            team: r[ATTENTION.team],
            stage: r[ATTENTION.stage],
            appointmentAt: r[ATTENTION.appointmentAt] === null ? null : new Date(r[ATTENTION.appointmentAt]!).toISOString(),
            status: r[ATTENTION.status],
            reason: r[ATTENTION.reason],
            days: r[ATTENTION.days],
          }),
        ),
        data.timeZone,
      ),
    }),
    appointments: () => ({
      name: 'appointments-' + data.today + '.csv',
      // As `panopticon appointments --format csv` for the same range (and --team).
      text: renderCsv(
        APPOINTMENTS_CSV_COLUMNS,
        views.calendar
          .shown()
          .map(([id, name, locator, stage, status, day, time]) => appointmentCsvCells({ id, name, locator, stage, status, day, time })),
      ),
    }),
    // The heatmap as the analysis controls last drew it.
    heatmap: () => ({ name: 'heatmap-' + data.today + '.csv', text: renderCsv(HEATMAP_CSV_COLUMNS, views.response.heatmapCsv()) }),
    scorecard: () => ({
      name: 'locator-scorecard-' + data.today + '.csv',
      // In the order the table shows (it may have been sorted): each row carries its index.
      text: renderCsv(
        SCORECARD_CSV_COLUMNS,
        Array.from(document.querySelectorAll('#scorecard tbody tr[data-i]')).map(
          (tr) => data.scorecardCsv[Number(tr.getAttribute('data-i'))]!,
        ),
      ),
    }),
    ...(Object.fromEntries(SURVIVAL_DOWNLOAD_NAMES.map((n) => [n, () => survivalCsvFile(n, data)])) as Record<
      (typeof SURVIVAL_DOWNLOAD_NAMES)[number],
      () => CsvFile
    >),
  };
  // Demand vs coverage and the comparison as the analysis controls last redrew them (as `panopticon heatmap
  // --demand` / `--compare` with the same options); before any redraw, the page's own.
  const redrawn = (name: DownloadName): string | undefined => {
    const r = views.response.redrawn();
    if (name === 'comparison' && r.comparison) return renderCsv(COMPARISON_CSV_COLUMNS, r.comparison.map(comparisonCsvCells));
    if (name === 'demand' && r.demand) return renderCsv(DEMAND_CSV_COLUMNS, r.demand.map(demandCsvCells));
    return undefined;
  };
  // The fixed tables and figures: their CSV was written with the page (table-csv.ts).
  const file = (name: DownloadName): CsvFile | undefined => {
    if (name in files) return files[name as keyof typeof files]();
    const text = redrawn(name) ?? data.tablesCsv[name as keyof PageData['tablesCsv']];
    return text === undefined ? undefined : { name: name + '-' + data.today + '.csv', text };
  };
  document.addEventListener('click', (event) => {
    const button = (event.target as Element | null)?.closest?.('button[data-download]');
    const name = button?.getAttribute('data-download') as DownloadName | undefined;
    const found = name ? file(name) : undefined;
    if (found) save(found);
  });
  return (name) => file(name)!;
}

/** Saves a CSV file through a temporary link (nothing leaves the machine). */
function save(file: CsvFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
