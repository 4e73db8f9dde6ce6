/**
 * The data behind the page's analysis controls (Slot length, SLA, Clock, Team, Period A, Period B): the
 * response rows the page recomputes the heatmap, coverage, SLA bands and period comparison from with core's
 * own functions (client/response-view.ts), and what the team filter needs for the other panels. One
 * definition for the page builder (section-controls.ts writes it) and the browser script (which reads it);
 * bundled into the script, so it holds only types and plain constants.
 *
 * @module
 */
import type { BusinessCalendar, LocatorScorecardRow, Pipeline, ResponseClock, Shift } from '@panopticon/core';
import type { Codes, NullableCodes } from './codes.js';

/** The slot lengths the "Slot length" control offers (minutes). */
export const SLOT_CHOICES = [15, 30, 60, 120] as const;

/**
 * Above this many response rows the page does not embed them: recomputing in the browser would make the
 * page too large and too slow to open, so the controls are fixed at the report's options and say why.
 */
export const MAX_EMBEDDED_ROWS = 250_000;

/**
 * The response rows, as columns sorted by arrival, times in units of `unitMs` (1000 when every time is a
 * whole second, else 1): `created[i]` is the arrival in epoch units minus the previous row's (the first
 * minus 0), `contact[i]` the first contact in units after the arrival (`null` = never contacted; it may be
 * negative, which core counts as invalid), `team[i]` an index into {@link ControlsData.teams} (-1 = no
 * team); packed (codes.ts) where that is shorter. About 12 bytes a row.
 */
export interface ResponseRowsData {
  unitMs: number;
  created: Codes;
  contact: NullableCodes;
  team: Codes;
}

/** A date range of the period comparison: whole days in the report's zone, both inclusive ("YYYY-MM-DD"). */
export interface DayRange {
  from: string;
  to: string;
}

/** What the analysis controls read from the JSON block. */
export interface ControlsData {
  /** The report's instant (ISO): leads after it are not counted, contacts after it are not contacts yet. */
  asOf: string;
  /** The options the page was written with: the controls start there. */
  slotMinutes: number;
  slaMinutes: number;
  clock: ResponseClock;
  /** The business calendar of `--clock business` (the config's `calendar`); `null` = core's default hours. */
  calendar: BusinessCalendar | null;
  /** Every team of the leads, sorted; the Team control offers them. */
  teams: string[];
  /** `null` when the data has more than {@link MAX_EMBEDDED_ROWS} rows: the controls are then fixed. */
  rows: ResponseRowsData | null;
  /** How many response rows the data has (leads created by the report's instant). */
  rowCount: number;
  /** The staff schedule for demand vs coverage; `null` = none given. */
  schedule: Shift[] | null;
  /** The comparison's periods as the page was written (Period A the recent one, Period B the one before). */
  periods: { a: DayRange; b: DayRange };
  /** The team of each appointment (index into `teams`, -1 = none), parallel to `PageData.appointments`; empty when `rows` is `null`. */
  appointmentTeams: number[];
  /** The report's pipeline: an export opened in the page is read against it (unknown stages are reported). */
  pipeline: Pipeline;
  /** The locator scorecard of each team's leads, parallel to `teams` (the whole one is the page's own); empty when `rows` is `null`. */
  scorecards: LocatorScorecardRow[][];
}
