/**
 * The shape of the data the dashboard page embeds as JSON and its script reads: one definition for the
 * page builder (page.ts writes it) and the browser script (client/ reads it). This module is bundled into
 * the browser script, so it holds only types and plain constants (type imports are erased).
 *
 * @module
 */
import type { AttentionReason, FollowUpStatus, StageCategory } from '@panopticon/core';
import type { Cell } from '../format.js';
import type { SurvivalDownload } from './survival-downloads.js';
import type { ControlsData } from './controls-data.js';

/** The id of the JSON block holding the page's data (the needs-attention rows and the appointments). */
export const DATA_ELEMENT_ID = 'report-data';

/**
 * The parts of the page's data that nothing drawn when the page opens reads (the lead dialog's facts, the
 * curves' steps and the rows of downloads held in columns): each is a JSON block of its own, parsed when first
 * read (embedded-data.ts), so that opening the page parses about 40 % of the JSON (scripts/measure-dashboard.mjs).
 */
export const DEFERRED_DATA_PARTS = ['leads', 'survivalCsv', 'tableRows'] as const;

/** One of {@link DEFERRED_DATA_PARTS}. */
export type DeferredDataPart = (typeof DEFERRED_DATA_PARTS)[number];

/** The id of a deferred part's JSON block. */
export const dataPartElementId = (part: DeferredDataPart): string => `${DATA_ELEMENT_ID}-${part}`;

/** The select value of a locator: its name, or a marker for unassigned leads (no locator name starts with NUL). */
export const UNASSIGNED_VALUE = '\u0000unassigned';

/**
 * One needs-attention row as the page's script reads it (the JSON block holds them in columns: page-tables.ts):
 * `[leadId, name, locator (null = unassigned), team, stage, stage category, follow-up status, reason, days,
 * appointment "YYYY-MM-DD HH:MM" in the report's zone (null = none), 1 when it reached its reason's
 * threshold today, the appointment instant in epoch ms (for the CSV download), its change since the earlier
 * list ("new", "worse" or null), its reason on the earlier list when worse]`.
 */
export type AttentionTuple = [
  id: string,
  name: string,
  locator: string | null,
  team: string | null,
  stage: string,
  category: StageCategory,
  status: FollowUpStatus,
  reason: AttentionReason,
  days: number,
  appointment: string | null,
  newToday: 0 | 1,
  appointmentAt: number | null,
  change: 'new' | 'worse' | null,
  was: AttentionReason | null,
];

/** Where each field sits in an {@link AttentionTuple}. */
export const ATTENTION = {
  id: 0,
  name: 1,
  locator: 2,
  team: 3,
  stage: 4,
  category: 5,
  status: 6,
  reason: 7,
  days: 8,
  appointment: 9,
  newToday: 10,
  appointmentAt: 11,
  change: 12,
  was: 13,
} as const;

/** One appointment as the page's script reads it (in columns in the JSON block): `[leadId, name, locator, stage, status, "YYYY-MM-DD", "HH:MM"]`. */
export type AppointmentTuple = [
  id: string,
  name: string,
  locator: string | null,
  stage: string,
  status: FollowUpStatus,
  day: string,
  time: string,
];

/** The appointments a range lists at most (the page builder's week and the script's ranges); narrowing the range lists the rest. */
export const APPOINTMENTS_LISTED = 400;

/** Where each field sits in an {@link AppointmentTuple}. */
export const APPOINTMENT = { id: 0, name: 1, locator: 2, stage: 3, status: 4, day: 5, time: 6 } as const;

/**
 * What the lead dialog shows about one lead (lead-detail.ts computes it with core's functions). Instants
 * are "YYYY-MM-DD HH:MM" in the report's zone; `null` = none.
 */
export interface LeadDetail {
  id: string;
  name: string;
  locator: string | null;
  team: string | null;
  /** Stage at the report's instant. */
  stage: string | null;
  status: FollowUpStatus;
  /** Its needs-attention reason and days, when it is on the list. */
  reason: string | null;
  reasonDays: number | null;
  created: string;
  firstContact: string | null;
  /** Wall-clock minutes from creation to first contact, one decimal (as `panopticon kpis` counts them). */
  responseMinutes: number | null;
  appointment: string | null;
  daysSinceAppointment: number | null;
  /** The first stage change after the appointment. */
  progress: string | null;
  daysInStage: number | null;
  /** Each visit to a stage: `[stage, entered, left (null = still there), days]`. */
  visits: [stage: string, entered: string, left: string | null, days: number][];
  /** Owner changes `[locator (null = unassigned), when]`; `null` when the data records none at all. */
  owners: [locator: string | null, at: string][] | null;
}

/** The lead dialog's facts as the page's script reads them: the ids by row, and one row's facts (decoded when asked). */
export interface LeadDetails {
  ids: readonly string[];
  at(i: number): LeadDetail;
}

/** The downloads of the page's fixed tables and figures, their CSV written with the page (table-csv.ts). */
export const TABLE_DOWNLOADS = [
  'kpis',
  'attention-by-locator',
  'snapshot',
  'trend',
  'time-in-stage',
  'green-to-delivery',
  'demand',
  'comparison',
  'resolved',
  'quality',
] as const;

/** The name of one of them (its `data-download`). */
export type TableDownload = (typeof TABLE_DOWNLOADS)[number];

/**
 * What the page's script reads: the JSON block (embedded-data.ts) once decoded, its rows as arrays. Not
 * itself the JSON: the block holds the rows in columns.
 */
export interface PageData {
  /** The report's day, "YYYY-MM-DD" in its time zone. */
  today: string;
  timeZone: string;
  attention: AttentionTuple[];
  /** The earlier instant the rows' "new" and "worse" marks compare with, "YYYY-MM-DD HH:MM" in the zone. */
  since: string;
  /** Sorted by day and time. */
  appointments: AppointmentTuple[];
  /** The dates the calendar figure spans, as instants (ISO) whose dates in the zone are its first and last day. */
  calendarRange: { from: string; to: string };
  statusLabels: Record<string, string>;
  reasonLabels: Record<string, string>;
  /** The reasons from most to least severe: the order of the Reason column. */
  reasonOrder: readonly string[];
  /** The label of a lead without a locator. */
  unassigned: string;
  /** The dialog's facts about every lead the page names (lead-detail-columns.ts; ids are data, never object keys). */
  leads: LeadDetails;
  /** The CRM record link, a template with `{id}` (`recordUrl`, `--record-url`); `null` = not known. */
  recordUrl: string | null;
  /** Why there is no record link, shown in the dialog (record-url.ts); `null` when there is one. */
  recordUrlMissing: string | null;
  /** Locators' e-mail addresses (the config's `digest.locators`), for "Email locator". */
  locatorEmails: Record<string, string>;
  /** The response heatmap's cells as `panopticon heatmap --format csv` writes them (csv-columns.ts). */
  heatmapCsv: Cell[][];
  /** The locator scorecard's rows as the page's CSV download writes them, in the order drawn. */
  scorecardCsv: Cell[][];
  /** The time-to-event panels' rows as `panopticon survival --format csv` writes them; `null` = cannot judge. */
  survivalCsv: Record<SurvivalDownload, Cell[][] | null>;
  /** The analysis controls' data: the response rows they recompute from (section-controls.ts). */
  controls: ControlsData;
  /** The CSV text of each fixed table and figure (table-csv.ts), saved as is. */
  tablesCsv: Partial<Record<TableDownload, string>>;
}
