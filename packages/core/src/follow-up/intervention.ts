import type { Lead, OwnerChange } from '../model/lead.js';
import { quantileSorted } from '../stats/quantile.js';
import { daysBetween } from '../time/days.js';
import type { Judgement } from './judge.js';
import { judgeLead } from './judge.js';
import type { FollowUpContext, FollowUpOptions } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import { compareStrings, sortedByAt } from './timeline.js';

/**
 * One lead that went `warnAfterDays` without progress after its appointment, and when someone acted.
 *
 * @example
 * ```ts
 * const untouched = (rows: InterventionRow[]) => rows.filter((r) => r.interventionAt === null);
 * ```
 */
export interface InterventionRow {
  /** The lead's id. */
  leadId: string;
  /** The person accountable for the lead; `null` = unassigned. */
  locator: string | null;
  /** The appointment. */
  appointmentAt: Date;
  /** The first stage change or locator change after the appointment, by `asOf`; `null` = still waiting. */
  interventionAt: Date | null;
  /** Days from the appointment to `interventionAt` (calendar or business days in `timeZone`); `null` while pending. */
  days: number | null;
  /** What the intervention was: a stage change or a change of locator (owner); `null` while pending. */
  kind: 'stage' | 'owner' | null;
}

/**
 * Time-to-intervention figures; `intervened + pending = rows.length`.
 *
 * @example
 * ```ts
 * const t: TimeToIntervention = timeToIntervention(leads, { asOf, timeZone, pipeline });
 * console.log(`median ${t.medianDays} days; ${t.pending} still waiting`);
 * ```
 */
export interface TimeToIntervention {
  /** The leads that went `warnAfterDays` without progress, by appointment, then lead id. */
  rows: InterventionRow[];
  /** Rows with an intervention. */
  intervened: number;
  /** Rows still waiting at `asOf`; not part of the median or mean. */
  pending: number;
  /** Median days to intervention of the intervened rows; `null` when none. */
  medianDays: number | null;
  /** Mean of the same; `null` when none. */
  meanDays: number | null;
}

/**
 * Options of {@link timeToIntervention}: the shared {@link FollowUpOptions}.
 *
 * @example
 * ```ts
 * const options: TimeToInterventionOptions = { asOf, timeZone, pipeline, warnAfterDays: 5 };
 * ```
 */
export type TimeToInterventionOptions = FollowUpOptions;

/**
 * How long it takes someone to act on a lead that went cold. A lead qualifies when `warnAfterDays` days
 * (counted like days since appointment) passed after its appointment without progress: no change to a
 * different stage within fewer days than that, and `asOf` at least that many days after the appointment.
 * Its intervention is the first stage change or locator change (an `ownerHistory` entry naming a different
 * locator than the one before it) after the appointment and not after `asOf`; days run from the
 * appointment to it. A stage change and an owner change at the same instant count as `stage`. Leads still
 * waiting are pending, and are not averaged.
 *
 * @example
 * ```ts
 * const t = timeToIntervention(leads, { asOf, timeZone: 'America/New_York', pipeline });
 * console.log(`median ${t.medianDays} d to act; ${t.pending} leads nobody has touched`);
 * ```
 */
export function timeToIntervention(leads: readonly Lead[], options: TimeToInterventionOptions): TimeToIntervention {
  const ctx = resolveFollowUpOptions(options);
  const rows: InterventionRow[] = [];
  for (const lead of leads) {
    const row = interventionRow(lead, judgeLead(lead, ctx), ctx);
    if (row) rows.push(row);
  }
  return summarizeIntervention(rows);
}

/**
 * The lead's row, or null when it does not qualify.
 *
 * @internal
 */
export function interventionRow(lead: Lead, j: Judgement, ctx: FollowUpContext): InterventionRow | null {
  const appointmentAt = lead.appointmentAt;
  if (!j.exists || appointmentAt === null || appointmentAt.getTime() > ctx.asOfMs) return null;
  if (j.daysSinceAppointment! < ctx.warnAfterDays) return null;
  if (j.progressAt !== null && daysBetween(appointmentAt, j.progressAt, ctx.days) < ctx.warnAfterDays) return null;
  const ownerAt = firstOwnerChange(sortedByAt(lead.ownerHistory), appointmentAt.getTime(), ctx.asOfMs);
  let interventionAt: Date | null = j.progressAt;
  let kind: InterventionRow['kind'] = interventionAt === null ? null : 'stage';
  if (ownerAt !== null && (interventionAt === null || ownerAt.getTime() < interventionAt.getTime())) {
    interventionAt = ownerAt;
    kind = 'owner';
  }
  return {
    leadId: lead.id,
    locator: lead.locator,
    appointmentAt,
    interventionAt,
    days: interventionAt === null ? null : daysBetween(appointmentAt, interventionAt, ctx.days),
    kind,
  };
}

/**
 * Sorts the rows (in place) and computes the counts and the statistics of the intervened ones. `sortRows`
 * false skips the sort, for callers that keep only the statistics (which do not depend on row order).
 *
 * @internal
 */
export function summarizeIntervention(rows: InterventionRow[], sortRows = true): TimeToIntervention {
  if (sortRows) rows.sort((a, b) => a.appointmentAt.getTime() - b.appointmentAt.getTime() || compareStrings(a.leadId, b.leadId));
  const days = Float64Array.from(
    rows.filter((r) => r.days !== null),
    (r) => r.days!,
  ).sort();
  let sum = 0;
  for (const d of days) sum += d;
  return {
    rows,
    intervened: days.length,
    pending: rows.length - days.length,
    medianDays: quantileSorted(days, 0.5),
    meanDays: days.length === 0 ? null : sum / days.length,
  };
}

/**
 * The first owner change after `afterMs` and not after `untilMs`: an entry naming a different locator than
 * the entry before it. As with stages, the first entry is not a change (nothing recorded precedes it) and
 * of entries sharing an instant only the last counts.
 */
function firstOwnerChange(sorted: readonly OwnerChange[], afterMs: number, untilMs: number): Date | null {
  let current: string | null = null;
  let seen = false;
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    const t = entry.at.getTime();
    if (t > untilMs) break;
    const next = sorted[i + 1];
    if (next !== undefined && next.at.getTime() === t) continue;
    if (seen && entry.locator !== current && t > afterMs) return entry.at;
    current = entry.locator;
    seen = true;
  }
  return null;
}
