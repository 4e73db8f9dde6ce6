/**
 * The page's JSON blocks as written: {@link PageData} with its large tables in columns (page-tables.ts,
 * lead-detail-columns.ts) over one shared lead table and dictionary, the parts read only after the page has
 * opened in blocks of their own. The page builder encodes it ({@link embedPageData}, {@link splitPageData},
 * page.ts), the page's script decodes it when it starts ({@link readPageData}, client/page-data-reader.ts).
 * Platform-neutral.
 *
 * @module
 */
import { type Cell, renderCsv } from '../format.js';
import { cellsOf, embedCells, type EmbeddedCells } from './cell-columns.js';
import { leadDetailColumns, leadDetailReader, type LeadDetailColumns } from './lead-detail-columns.js';
import type { AppointmentTuple, AttentionTuple, DeferredDataPart, LeadDetail, LeadDetails, PageData } from './page-data.js';
import {
  SharedTablesBuilder,
  decodeAppointments,
  decodeAttention,
  encodeAppointments,
  encodeAttention,
  type AppointmentColumns,
  type AttentionColumns,
  type SharedTables,
} from './page-tables.js';
import { SURVIVAL_DOWNLOAD_NAMES, type SurvivalDownload } from './survival-downloads.js';
import { curveRows, embedCurveRows, type EmbeddedRows } from './survival-rows.js';
import { TABLE_ROWS, type TableRowsDownload } from './table-rows.js';

/** The JSON block: {@link PageData} with the rows and the dialog's facts in columns. */
export interface EmbeddedPageData extends Omit<PageData, 'attention' | 'appointments' | 'leads' | 'survivalCsv'> {
  shared: SharedTables;
  /** The curves' steps (survival-rows.ts), the speed-to-lead rows as they are; `null` = cannot judge. */
  survivalCsv: Record<SurvivalDownload, EmbeddedRows | null>;
  /** The rows of table-rows.ts's downloads, in columns (their CSV is written when asked for). */
  tableRows: Record<TableRowsDownload, EmbeddedCells>;
  attention: AttentionColumns;
  appointments: AppointmentColumns;
  leads: LeadDetailColumns;
}

/** {@link PageData} as the page builder has it: the rows and every lead's facts as arrays and objects. */
export interface PageDataRows extends Omit<PageData, 'attention' | 'appointments' | 'leads'> {
  attention: AttentionTuple[];
  appointments: AppointmentTuple[];
  leads: LeadDetail[];
  /** The rows of table-rows.ts's downloads, in its column order. */
  tableRows: Record<TableRowsDownload, Cell[][]>;
}

/** Encodes the page's data for its JSON block. */
export function embedPageData(data: PageDataRows): EmbeddedPageData {
  const shared = new SharedTablesBuilder();
  // The appointments first: in their order, their leads' indexes then rise one by one (packed, a byte each).
  const appointments = encodeAppointments(data.appointments, shared);
  const attention = encodeAttention(data.attention, shared);
  const leads = leadDetailColumns(data.leads, shared);
  const survivalCsv = {} as Record<SurvivalDownload, EmbeddedRows | null>;
  for (const [name, rows] of Object.entries(data.survivalCsv) as [SurvivalDownload, Cell[][] | null][])
    survivalCsv[name] = rows === null ? null : name === 'speed-to-lead' ? { rows } : embedCurveRows(rows);
  const tableRows = {} as Record<TableRowsDownload, EmbeddedCells>;
  for (const [name, rows] of Object.entries(data.tableRows) as [TableRowsDownload, Cell[][]][])
    tableRows[name] = embedCells(rows, TABLE_ROWS[name].kinds, shared);
  return { ...data, shared: shared.done(), attention, appointments, leads, survivalCsv, tableRows };
}

/** The JSON block holding what the page draws when it opens: {@link EmbeddedPageData} less its deferred parts. */
export type EmbeddedPageStart = Omit<EmbeddedPageData, DeferredDataPart>;

/** The deferred parts of the page's data (page-data.ts), each a JSON block of its own. */
export type DeferredParts = Pick<EmbeddedPageData, DeferredDataPart>;

/** Reads one deferred part of the page's data (its own JSON block in the page), when first asked for. */
export type DeferredPartReader = <P extends DeferredDataPart>(part: P) => DeferredParts[P];

/** The page's data as its JSON blocks hold it: the first block, and each deferred part (page.ts writes one block each). */
export function splitPageData(embedded: EmbeddedPageData): { start: EmbeddedPageStart; parts: DeferredParts } {
  const { leads, survivalCsv, tableRows, ...start } = embedded;
  return { start, parts: { leads, survivalCsv, tableRows } };
}

/**
 * Decodes the page's data: the rows as arrays; the deferred parts (page-data.ts) read through `part` only when
 * first used, and the dialog's facts one lead at a time. Given the whole {@link EmbeddedPageData}, `part` reads
 * from it.
 */
export function readPageData(
  embedded: EmbeddedPageStart,
  part: DeferredPartReader = (name) => (embedded as EmbeddedPageData)[name],
): PageData {
  const { shared } = embedded;
  // The dialog's columns are unpacked when a dialog first asks for a lead, not when the page opens: at 100,000
  // leads unpacking them was a third of the script's start-up (scripts/measure-dashboard.mjs).
  let reader: LeadDetails | undefined;
  const leadReader = () => (reader ??= leadDetailReader(part('leads'), shared));
  const leads: LeadDetails = {
    get ids() {
      return leadReader().ids;
    },
    at: (i) => leadReader().at(i),
  };
  // A curve's rows are estimated again only when its download asks for them (then kept).
  const survivalCsv = {} as Record<SurvivalDownload, Cell[][] | null>;
  for (const name of SURVIVAL_DOWNLOAD_NAMES) {
    let made: Cell[][] | null | undefined;
    Object.defineProperty(survivalCsv, name, {
      enumerable: true,
      get: () => {
        if (made !== undefined) return made;
        const rows = part('survivalCsv')[name];
        return (made = rows === null ? null : curveRows(rows));
      },
    });
  }
  // So is the CSV of a download held in columns.
  const tablesCsv = { ...embedded.tablesCsv };
  for (const name of Object.keys(TABLE_ROWS) as TableRowsDownload[]) {
    let made: string | undefined;
    const columns = TABLE_ROWS[name].columns;
    Object.defineProperty(tablesCsv, name, {
      enumerable: true,
      get: () => (made ??= renderCsv(columns, cellsOf(part('tableRows')[name], shared), embedded.timeZone)),
    });
  }
  return {
    ...embedded,
    survivalCsv,
    tablesCsv,
    attention: decodeAttention(embedded.attention, shared),
    appointments: decodeAppointments(embedded.appointments, shared),
    leads,
  };
}
