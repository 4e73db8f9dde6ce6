/**
 * The page's JSON block as written: {@link PageData} with its large tables in columns (page-tables.ts,
 * lead-detail-columns.ts) over one shared lead table and dictionary. The page builder encodes it
 * ({@link embedPageData}, page.ts), the page's script decodes it once when it starts ({@link readPageData},
 * client/main.ts). Platform-neutral.
 *
 * @module
 */
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

/** The JSON block: {@link PageData} with the rows and the dialog's facts in columns. */
export interface EmbeddedPageData extends Omit<PageData, 'attention' | 'appointments' | 'leads'> {
  shared: SharedTables;
  attention: AttentionColumns;
  appointments: AppointmentColumns;
  leads: LeadDetailColumns;
}

/** {@link PageData} as the page builder has it: the rows and every lead's facts as arrays and objects. */
export interface PageDataRows extends Omit<PageData, 'attention' | 'appointments' | 'leads'> {
  attention: AttentionTuple[];
  appointments: AppointmentTuple[];
  leads: LeadDetail[];
}

/** Encodes the page's data for its JSON block. */
export function embedPageData(data: PageDataRows): EmbeddedPageData {
  const shared = new SharedTablesBuilder();
  // The appointments first: in their order, their leads' indexes then rise one by one (packed, a byte each).
  const appointments = encodeAppointments(data.appointments, shared);
  const attention = encodeAttention(data.attention, shared);
  const leads = leadDetailColumns(data.leads, shared);
  return { ...data, shared: shared.done(), attention, appointments, leads };
}

/** Decodes the JSON block: the rows as arrays; the dialog's facts one lead at a time, when asked. */
export function readPageData(embedded: EmbeddedPageData): PageData {
  const { shared } = embedded;
  return {
    ...embedded,
    attention: decodeAttention(embedded.attention, shared),
    appointments: decodeAppointments(embedded.appointments, shared),
    leads: leadDetailReader(embedded.leads, shared),
  };
}
