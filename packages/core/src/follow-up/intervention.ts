import type { Lead } from '../model/lead.js';
import type { HistoryColumns } from '../model/history-columns.js';
import { quantileSorted } from '../stats/quantile.js';
import type { ColumnarLeads } from './columnar-leads.js';
import type { Judge, Judgement } from './judge.js';
import { dateOrNull, judgedRows } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { sortRowsByInstant } from './timeline.js';

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
export function timeToIntervention(leads: readonly Lead[] | ColumnarLeads, options: TimeToInterventionOptions): TimeToIntervention {
  const rows = judgedRows(leads, options, (data, i, j, judge): InterventionRow | undefined => {
    const interventionMs = interventionAt(data, i, j, judge);
    if (interventionMs === undefined) return undefined;
    const appointmentMs = data.leads.appointmentAt[i]!;
    const intervened = interventionMs === interventionMs;
    return {
      leadId: data.leads.id[i]!,
      locator: data.leads.locator[i]!,
      appointmentAt: new Date(appointmentMs),
      interventionAt: dateOrNull(interventionMs),
      days: intervened ? judge.days(appointmentMs, interventionMs) : null,
      // A stage change and an owner change at the same instant count as a stage change.
      kind: !intervened ? null : interventionMs === j.progressMs ? 'stage' : 'owner',
    };
  });
  const days = sortRowsByInstant(
    rows,
    (r) => r.appointmentAt,
    (r) => r.days,
  );
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
 * When someone acted on judged lead `i` of `data` (epoch ms): its first stage or owner change after the
 * appointment, by `asOf`; NaN while pending; undefined when the lead does not qualify (it did not go
 * `warnAfterDays` without progress after its appointment).
 *
 * @internal
 */
export function interventionAt(data: ColumnarLeads, i: number, j: Judgement, judge: Judge): number | undefined {
  const { ctx } = judge;
  const appointmentMs = data.leads.appointmentAt[i]!;
  // NaN (no appointment) fails the comparison too.
  if (!j.exists || !(appointmentMs <= ctx.asOfMs)) return undefined;
  if (j.daysSinceAppointment! < ctx.warnAfterDays) return undefined;
  if (j.progressMs === j.progressMs && judge.days(appointmentMs, j.progressMs) < ctx.warnAfterDays) return undefined;
  const ownerMs = firstOwnerChange(data.owners, i, appointmentMs, ctx.asOfMs);
  // The earlier of the first progress and the first owner change; the stage change when both are at once.
  if (ownerMs === ownerMs && (j.progressMs !== j.progressMs || ownerMs < j.progressMs)) return ownerMs;
  return j.progressMs;
}

/**
 * The first owner change of lead `i` after `afterMs` and not after `untilMs` (NaN for none): an entry
 * naming a different locator than the entry before it. As with stages, the first entry is not a change
 * (nothing recorded precedes it) and of entries sharing an instant only the last counts.
 */
function firstOwnerChange(owners: HistoryColumns, i: number, afterMs: number, untilMs: number): number {
  const { offsets, at, code } = owners;
  const e = offsets[i + 1]!;
  let current = -1;
  let seen = false;
  for (let k = offsets[i]!; k < e; k++) {
    const t = at[k]!;
    if (t > untilMs) break;
    if (k + 1 < e && at[k + 1]! === t) continue;
    const c = code[k]!;
    if (seen && c !== current && t > afterMs) return t;
    current = c;
    seen = true;
  }
  return Number.NaN;
}
