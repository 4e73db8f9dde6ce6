import type { Lead } from '../model/lead.js';
import { MS_PER_DAY } from '../time/civil.js';
import { columnarLeadsOf } from '../follow-up/columnar-leads.js';
import { hasAppointment, judgeFor, judgeLeadAt } from '../follow-up/judge.js';
import type { FollowUpOptions } from '../follow-up/options.js';
import { resolveFollowUpOptions } from '../follow-up/options.js';
import type { KaplanMeierCurve } from './kaplan-meier.js';
import type { SurvivalGroup, SurvivalGroupingOptions } from './grouping.js';
import { GroupedCases, groupKeyOf } from './grouping.js';

/**
 * Options of {@link appointmentProgressSurvival}: the follow-up options and the grouping (whose `timeZone`
 * is the follow-up `timeZone`).
 *
 * @example
 * ```ts
 * const options: AppointmentProgressSurvivalOptions = { asOf, timeZone, pipeline, by: 'period' };
 * ```
 */
export interface AppointmentProgressSurvivalOptions extends FollowUpOptions, Omit<SurvivalGroupingOptions, 'timeZone' | 'calendar'> {}

/**
 * Time from appointment to first progress as a survival curve, in days ({@link appointmentProgressSurvival}).
 *
 * @example
 * ```ts
 * const s: AppointmentProgressSurvival = appointmentProgressSurvival(leads, { asOf, timeZone, pipeline });
 * console.log(`${s.curve.events} progressed, ${s.curve.censored} still waiting, ${s.closedWithoutProgress} closed first`);
 * ```
 */
export interface AppointmentProgressSurvival {
  /** Durations are elapsed days (milliseconds / 86 400 000). */
  unit: 'days';
  /** Leads existing at `asOf` whose appointment is not after `asOf`. */
  appointed: number;
  /**
   * Of those, the leads won or lost at `asOf` without progress after the appointment (closed before it): they
   * are not waiting, and their time to progress is not a time to progress, so they are left out of the curves.
   */
  closedWithoutProgress: number;
  /** The other appointed leads: progress = an event at its days after the appointment; still waiting = censored at `asOf`. */
  curve: KaplanMeierCurve;
  /** One curve per group with the `by` option (periods by appointment date); empty without it. */
  groups: SurvivalGroup[];
}

/**
 * The follow-up question as a curve: how long after their appointment leads first progress (a change to a
 * different stage after the appointment, not after `asOf`: the follow-up judge's definition), with the leads
 * still waiting censored at `asOf` rather than left out. Appointments after `asOf` are not counted yet.
 *
 * @example
 * ```ts
 * const { curve } = appointmentProgressSurvival(leads, { asOf, timeZone, pipeline });
 * console.log(`half progress within ${curve.median ?? '(not reached)'} days`);
 * ```
 */
export function appointmentProgressSurvival(
  leads: readonly Lead[],
  options: AppointmentProgressSurvivalOptions,
): AppointmentProgressSurvival {
  const ctx = resolveFollowUpOptions(options);
  const keyOf = groupKeyOf(options);
  const data = columnarLeadsOf(leads);
  const judge = judgeFor(data, ctx);
  const { appointmentAt, team, source } = data.leads;
  const cases = new GroupedCases();
  let appointed = 0;
  let closed = 0;
  for (let i = 0; i < data.leads.length; i++) {
    if (!hasAppointment(data.leads, i)) continue;
    const appointmentMs = appointmentAt[i]!;
    if (appointmentMs > ctx.asOfMs) continue;
    const j = judgeLeadAt(data, i, judge);
    if (!j.exists) continue;
    appointed++;
    const progressed = j.progressMs === j.progressMs;
    if (!progressed && (j.category === 'won' || j.category === 'lost')) {
      closed++;
      continue;
    }
    const duration = ((progressed ? j.progressMs : ctx.asOfMs) - appointmentMs) / MS_PER_DAY;
    cases.add(duration, progressed, keyOf === null ? null : keyOf(team[i]!, source[i]!, appointmentMs));
  }
  return { unit: 'days', appointed, closedWithoutProgress: closed, ...cases.curves(options) };
}
