import type { Lead } from '../model/lead.js';
import type { StageCategory } from '../model/pipeline.js';
import { columnarLeadsOf } from './columnar-leads.js';
import { dateOrNull, judgeFor, judgeLeadAt } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import type { FollowUpStatus } from './statuses.js';

/**
 * Everything {@link followUp} knows about one lead at `asOf`.
 *
 * @example
 * ```ts
 * const f: FollowUp = followUp(lead, { asOf, timeZone, pipeline });
 * if (f.status === 'at-risk') console.log(`${f.daysSinceAppointment} days since the appointment, still in ${f.stage}`);
 * ```
 */
export interface FollowUp {
  /** The status, as {@link followUpStatus} gives it. */
  status: FollowUpStatus;
  /** Stage at `asOf` ({@link stageAt}); `null` when the lead did not exist yet at `asOf`. */
  stage: string | null;
  /** Category of that stage in the pipeline (`open` for a stage the pipeline does not list); `null` with `stage`. */
  category: StageCategory | null;
  /**
   * Days from the appointment's date to `asOf`'s date in `timeZone` (business days with
   * `dayCount: 'business'`); negative while the appointment is ahead; `null` without an appointment.
   */
  daysSinceAppointment: number | null;
  /** The first progress: a change to a different stage after the appointment and not after `asOf`; else `null`. */
  progressAt: Date | null;
  /**
   * Days (counted like `daysSinceAppointment`) since the lead entered its current stage; `null` when it did
   * not exist. A lead is taken to have been in its first recorded stage since it was created.
   */
  daysInStage: number | null;
  /**
   * Days since the lead entered green, while its current stage is green: counted from the start of its
   * unbroken run of green-category stages, so moving between two green stages does not reset it. Else `null`.
   */
  daysInGreen: number | null;
  /**
   * The optional Pipedrive-style rule: progressed, in an `open` stage that has its own `staleAfterDays`,
   * and held that stage for at least that many days.
   */
  stalled: boolean;
  /** In green for at least `greenStuckAfterDays` (see `daysInGreen`) without a move to delivery or won. */
  stuckInGreen: boolean;
}

/**
 * The follow-up status of a lead at `asOf`. The rules are tried in order and the first that matches wins:
 *
 * 1. `no-appointment`: the lead has no `appointmentAt`;
 * 2. `won` / `lost`: its stage at `asOf` is in a won / lost category;
 * 3. `upcoming`: the appointment is after `asOf`;
 * 4. `progressed`: there was progress, a change to a different stage at an instant after the appointment
 *    and not after `asOf` (an entry repeating the current stage is not progress);
 * 5. `stale`: days since the appointment ≥ `staleAfterDays` (default 30);
 * 6. `at-risk`: days since the appointment ≥ `warnAfterDays` (default 7);
 * 7. `awaiting`: otherwise.
 *
 * Days are counted between the appointment's date and `asOf`'s date in `timeZone` (calendar days, or
 * business days with `dayCount: 'business'`). History after `asOf` is ignored.
 *
 * @example
 * ```ts
 * followUpStatus(lead, { asOf: new Date('2026-03-31T23:59:59Z'), timeZone: 'UTC', pipeline });
 * // 'at-risk' for a lead whose appointment was on 2026-03-20 and whose stage has not moved since
 * ```
 */
export function followUpStatus(lead: Lead, options: FollowUpOptions): FollowUpStatus {
  return followUp(lead, options).status;
}

/**
 * The follow-up status of a lead at `asOf` together with the facts behind it: stage and category at `asOf`,
 * days since the appointment, the first progress, days in the current stage, and the *stalled* and
 * *stuck in green* flags. See {@link followUpStatus} for the status rules.
 *
 * @example
 * ```ts
 * const f = followUp(lead, { asOf, timeZone: 'America/New_York', pipeline });
 * if (f.stuckInGreen) console.log(`${lead.name}: ${f.daysInGreen} days in green`);
 * ```
 */
export function followUp(lead: Lead, options: FollowUpOptions): FollowUp {
  const ctx = resolveFollowUpOptions(options);
  // The lead laid out as columns and judged by the one judge (judge.ts), like every follow-up metric.
  const data = columnarLeadsOf([lead]);
  const j = judgeLeadAt(data, 0, judgeFor(data, ctx));
  return {
    status: j.status,
    stage: j.stage,
    category: j.category,
    daysSinceAppointment: j.daysSinceAppointment,
    progressAt: dateOrNull(j.progressMs),
    daysInStage: j.daysInStage,
    daysInGreen: j.daysInGreen,
    stalled: j.stalled,
    stuckInGreen: j.stuckInGreen,
  };
}
