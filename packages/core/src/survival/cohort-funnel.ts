import type { Lead } from '../model/lead.js';
import { stageCategory } from '../model/pipeline.js';
import { MS_PER_DAY } from '../time/civil.js';
import { columnarLeadsOf } from '../follow-up/columnar-leads.js';
import { hasAppointment, judgeFor, judgeLeadAt } from '../follow-up/judge.js';
import type { FollowUpOptions } from '../follow-up/options.js';
import { resolveFollowUpOptions } from '../follow-up/options.js';
import { stageVisits } from '../follow-up/stage-visits.js';
import type { KaplanMeierOptions, SurvivalCase } from './kaplan-meier.js';
import { kaplanMeier } from './kaplan-meier.js';
import { groupKeyOf } from './grouping.js';

/**
 * The steps of the funnel, in order: each lead counts at every step it got at least as far as.
 *
 * @example
 * ```ts
 * for (const step of FUNNEL_STEPS) console.log(step);
 * ```
 */
export const FUNNEL_STEPS = ['appointed', 'progressed', 'green', 'delivery', 'won'] as const;

/**
 * One of {@link FUNNEL_STEPS}.
 *
 * @example
 * ```ts
 * const last: FunnelStep = 'won';
 * ```
 */
export type FunnelStep = (typeof FUNNEL_STEPS)[number];

/**
 * Options of {@link cohortFunnel}.
 *
 * @example
 * ```ts
 * const options: CohortFunnelOptions = { asOf, timeZone, pipeline, cohort: 'week' };
 * ```
 */
export interface CohortFunnelOptions extends FollowUpOptions, KaplanMeierOptions {
  /** Cohorts by the appointment's calendar month ("2026-03") or week from Monday ("2026-03-02"), in `timeZone`. Default `'month'`. */
  cohort?: 'month' | 'week';
}

/**
 * One step of one cohort's funnel.
 *
 * @example
 * ```ts
 * const s: CohortFunnelStep = cohortFunnel(leads, options)[0]!.steps[4]!;
 * console.log(`${s.reached} won (${((s.share ?? 0) * 100).toFixed(0)} %), median ${s.medianDays ?? 'not reached'} days`);
 * ```
 */
export interface CohortFunnelStep {
  step: FunnelStep;
  /** Leads of the cohort that got at least as far as this step by `asOf`. */
  reached: number;
  /** `reached / appointed`. */
  share: number | null;
  /** `reached / reached at the step before` (null for the first step, or when the step before has none). */
  fromPrevious: number | null;
  /** Median days from the appointment to the step, from its Kaplan–Meier curve (open leads censored at `asOf`, lost leads that never reached it left out); null when not reached. 0 for `appointed`. */
  medianDays: number | null;
}

/**
 * The funnel of one cohort ({@link cohortFunnel}).
 *
 * @example
 * ```ts
 * const [baseline, ...later]: CohortFunnel[] = cohortFunnel(leads, { asOf, timeZone, pipeline });
 * ```
 */
export interface CohortFunnel {
  /** The cohort: the appointments' month or week. */
  cohort: string;
  /** True for the first cohort: the baseline later ones are compared to. */
  baseline: boolean;
  steps: CohortFunnelStep[];
}

/**
 * Conversion funnel by cohort: appointed leads (appointment not after `asOf`, lead existing at `asOf`) grouped
 * by the month or week of their appointment; per cohort, how many got at least as far as each step
 * (appointed → progressed → green → delivery → won) by `asOf`, as a share of the cohort and of the step
 * before, and each step's median days from the appointment, from a Kaplan–Meier curve in which the leads
 * still open are censored at `asOf` (so a young cohort is not read as a slow one) and the leads lost
 * without reaching the step are left out. Progress, green and delivery are the follow-up judge's; a lead
 * counts as having reached every step before the furthest it reached. The first cohort is the baseline.
 *
 * @example
 * ```ts
 * for (const c of cohortFunnel(leads, { asOf, timeZone, pipeline })) {
 *   console.log(c.cohort, c.steps.map((s) => `${s.step} ${s.reached}`).join(' → '));
 * }
 * ```
 */
export function cohortFunnel(leads: readonly Lead[], options: CohortFunnelOptions): CohortFunnel[] {
  const ctx = resolveFollowUpOptions(options);
  const keyOf = groupKeyOf({ by: 'period', periodUnit: options.cohort ?? 'month', timeZone: options.timeZone })!;
  const data = columnarLeadsOf(leads);
  const judge = judgeFor(data, ctx);
  const cohorts = new Map<string, { reached: number[]; cases: SurvivalCase[][] }>();
  for (let i = 0; i < data.leads.length; i++) {
    if (!hasAppointment(data.leads, i)) continue;
    const appointmentMs = data.leads.appointmentAt[i]!;
    if (appointmentMs > ctx.asOfMs) continue;
    const j = judgeLeadAt(data, i, judge);
    if (!j.exists) continue;
    const key = keyOf(null, null, appointmentMs);
    let c = cohorts.get(key);
    if (!c) cohorts.set(key, (c = { reached: FUNNEL_STEPS.map(() => 0), cases: FUNNEL_STEPS.map(() => []) }));
    // The instant each step was reached (NaN: not reached or not known), the furthest first, so that a lead
    // reaching a later step also reaches the earlier ones, no later than it reached the later one.
    const wonMs = j.everWon ? firstWonMs(leads[i]!, options) : Number.NaN;
    const at = [appointmentMs, j.progressMs, j.firstGreenMs, j.deliveryMs, wonMs];
    const reached = [true, j.progressMs === j.progressMs, j.reachedGreen, j.deliveryMs === j.deliveryMs, j.everWon];
    for (let s = FUNNEL_STEPS.length - 2; s >= 1; s--) {
      if (reached[s + 1]) reached[s] = true;
      if (at[s + 1]! === at[s + 1]! && !(at[s]! <= at[s + 1]!)) at[s] = at[s + 1]!;
    }
    const lost = j.category === 'lost';
    for (let s = 0; s < FUNNEL_STEPS.length; s++) {
      if (reached[s]) {
        c.reached[s]!++;
        // Reached at a known instant: an event (a step reached before the appointment counts as at it).
        if (at[s]! === at[s]!) c.cases[s]!.push({ duration: Math.max(0, at[s]! - appointmentMs) / MS_PER_DAY, event: true });
      } else if (!lost) {
        c.cases[s]!.push({ duration: (ctx.asOfMs - appointmentMs) / MS_PER_DAY, event: false });
      }
    }
  }
  const km = options.confidence === undefined ? {} : { confidence: options.confidence };
  return [...cohorts.keys()].sort().map((cohort, index) => {
    const c = cohorts.get(cohort)!;
    const appointed = c.reached[0]!;
    return {
      cohort,
      baseline: index === 0,
      steps: FUNNEL_STEPS.map((step, s) => {
        const before = s === 0 ? 0 : c.reached[s - 1]!;
        return {
          step,
          reached: c.reached[s]!,
          share: appointed === 0 ? null : c.reached[s]! / appointed,
          fromPrevious: s === 0 || before === 0 ? null : c.reached[s]! / before,
          medianDays: kaplanMeier(c.cases[s]!, km).median,
        };
      }),
    };
  });
}

/** The first entry into a won stage by `asOf`, from the lead's stage visits (the follow-up definition); NaN when none is recorded. */
function firstWonMs(lead: Lead, options: CohortFunnelOptions): number {
  for (const v of stageVisits(lead, { asOf: options.asOf })) {
    if (stageCategory(options.pipeline, v.stage) === 'won') return v.enteredAt.getTime();
  }
  return Number.NaN;
}
