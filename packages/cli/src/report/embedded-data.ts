/**
 * The page's JSON block as written: {@link PageData} with its large tables in columns (page-tables.ts,
 * lead-detail-columns.ts) over one shared lead table and dictionary. The page builder encodes it
 * ({@link embedPageData}, page.ts), the page's script decodes it once when it starts ({@link readPageData},
 * client/main.ts). Platform-neutral.
 *
 * @module
 */
import { type Cell, renderCsv } from '../format.js';
import { cellsOf, embedCells, type EmbeddedCells } from './cell-columns.js';
import { leadDetailColumns, leadDetailReader, type LeadDetailColumns } from './lead-detail-columns.js';
import type { AppointmentTuple, AttentionTuple, LeadDetail, PageData } from './page-data.js';
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
import type { SurvivalDownload } from './survival-downloads.js';
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

/** Decodes the JSON block: the rows as arrays; the dialog's facts one lead at a time, when asked. */
export function readPageData(embedded: EmbeddedPageData): PageData {
  const { shared } = embedded;
  // A curve's rows are estimated again only when its download asks for them (then kept).
  const survivalCsv = {} as Record<SurvivalDownload, Cell[][] | null>;
  for (const [name, rows] of Object.entries(embedded.survivalCsv) as [SurvivalDownload, EmbeddedRows | null][]) {
    let made: Cell[][] | undefined;
    Object.defineProperty(survivalCsv, name, { enumerable: true, get: () => (rows === null ? null : (made ??= curveRows(rows))) });
  }
  // So is the CSV of a download held in columns.
  const tablesCsv = { ...embedded.tablesCsv };
  for (const [name, cells] of Object.entries(embedded.tableRows) as [TableRowsDownload, EmbeddedCells][]) {
    let made: string | undefined;
    const columns = TABLE_ROWS[name].columns;
    Object.defineProperty(tablesCsv, name, {
      enumerable: true,
      get: () => (made ??= renderCsv(columns, cellsOf(cells, shared), embedded.timeZone)),
    });
  }
  return {
    ...embedded,
    survivalCsv,
    tablesCsv,
    attention: decodeAttention(embedded.attention, shared),
    appointments: decodeAppointments(embedded.appointments, shared),
    leads: leadDetailReader(embedded.leads, shared),
  };
}
