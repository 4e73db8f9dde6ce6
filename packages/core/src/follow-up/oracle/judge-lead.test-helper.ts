/**
 * The test oracle of the follow-up judge: the rules of docs/metrics.md ("Follow-up") written a second
 * time, over one `Lead` object and its `Date`s, the way the product judged leads before it judged columns
 * (`../judge.ts`). The property tests (`../oracle.test.ts`) hold the product to it. Test code only: the
 * package does not export it.
 *
 * @internal
 * @module
 */
import type { Lead } from '../../model/lead.js';
import type { StageCategory } from '../../model/pipeline.js';
import { findStage, stageCategory } from '../../model/pipeline.js';
import { daysBetween } from '../../time/days.js';
import type { Judgement as ColumnJudgement } from '../judge.js';
import type { FollowUpContext } from '../options.js';
import type { FollowUpStatus } from '../statuses.js';
import { firstRecordedStage, sortedByAt, visitStarts } from '../timeline.js';

/**
 * The facts about one lead at `asOf` from which every follow-up figure is made: the product's
 * ({@link ColumnJudgement}), with `Date`s (null for none) where it has epoch milliseconds, and the two
 * instants the day counts are taken from.
 *
 * @internal
 */
export interface Judgement extends Omit<ColumnJudgement, 'firstGreenMs' | 'deliveryMs' | 'progressMs'> {
  /** Since when the current stage has been held; null when the lead did not exist. */
  stageSince: Date | null;
  /** Start of the current unbroken run of green-category stages; null when not in green. */
  greenSince: Date | null;
  /** First entry into a green stage by `asOf`. */
  firstGreenAt: Date | null;
  /** First entry into a delivery or won stage after `firstGreenAt`, by `asOf`. */
  deliveryAt: Date | null;
  /** First progress: a change to a different stage after the appointment, not after `asOf`. */
  progressAt: Date | null;
}

/**
 * Judges one lead at `ctx.asOf` in one pass over its history (sorted once if it is not already).
 *
 * @internal
 */
export function judgeLead(lead: Lead, ctx: FollowUpContext): Judgement {
  const { asOf, asOfMs, pipeline } = ctx;
  const createdMs = lead.createdAt.getTime();
  const appointmentMs = lead.appointmentAt === null ? null : lead.appointmentAt.getTime();
  const history = sortedByAt(lead.stageHistory);
  const starts = visitStarts(history, asOfMs);

  let stage: string | null = null;
  let category: StageCategory | null = null;
  let stageSince: Date | null = null;
  let greenSince: Date | null = null;
  let firstGreenAt: Date | null = null;
  let deliveryAt: Date | null = null;
  let everWon = false;
  let reachedGreen = false;
  let progressAt: Date | null = null;

  for (let i = 0; i < starts.length; i++) {
    const entry = starts[i]!;
    // The first recorded stage is taken to have held since creation (see stageAt), unless recorded earlier.
    const since = i === 0 && createdMs < entry.at.getTime() ? lead.createdAt : entry.at;
    // The first visit is not a change: nothing recorded precedes it.
    if (i > 0 && progressAt === null && appointmentMs !== null && entry.at.getTime() > appointmentMs) {
      progressAt = entry.at;
    }
    const cat = stageCategory(pipeline, entry.stage);
    if (cat === 'green') {
      if (category !== 'green') greenSince = since;
      firstGreenAt ??= since;
    } else {
      greenSince = null;
      if ((cat === 'delivery' || cat === 'won') && firstGreenAt !== null) deliveryAt ??= since;
    }
    if (cat === 'won') everWon = true;
    if (cat !== 'open' && cat !== 'lost') reachedGreen = true;
    stage = entry.stage;
    category = cat;
    stageSince = since;
  }

  const exists = asOfMs >= createdMs;
  if (!exists) {
    stage = category = stageSince = greenSince = null;
  } else if (starts.length === 0) {
    // Nothing recorded by asOf: the stage field, or the first recorded stage (see stageAt), held since creation.
    stage = history.length === 0 ? lead.stage : firstRecordedStage(history);
    category = stageCategory(pipeline, stage);
    stageSince = lead.createdAt;
    if (category === 'green') greenSince = firstGreenAt = lead.createdAt;
    everWon = category === 'won';
    reachedGreen = category !== 'open' && category !== 'lost';
  }

  const daysSinceAppointment = lead.appointmentAt === null ? null : daysBetween(lead.appointmentAt, asOf, ctx.days);
  const daysInStage = stageSince === null ? null : daysBetween(stageSince, asOf, ctx.days);
  const daysInGreen = greenSince === null ? null : daysBetween(greenSince, asOf, ctx.days);

  const stageLimit = stage === null ? undefined : findStage(pipeline, stage)?.staleAfterDays;
  // The first rule that holds names the status; none: awaiting.
  const rules: [holds: boolean, status: FollowUpStatus][] = [
    [appointmentMs === null, 'no-appointment'],
    [category === 'won', 'won'],
    [category === 'lost', 'lost'],
    [appointmentMs !== null && appointmentMs > asOfMs, 'upcoming'],
    [progressAt !== null, 'progressed'],
    [daysSinceAppointment !== null && daysSinceAppointment >= ctx.staleAfterDays, 'stale'],
    [daysSinceAppointment !== null && daysSinceAppointment >= ctx.warnAfterDays, 'at-risk'],
  ];
  const status = rules.find(([holds]) => holds)?.[1] ?? 'awaiting';

  return {
    exists,
    stage,
    category,
    stageSince,
    greenSince,
    firstGreenAt,
    deliveryAt,
    everWon,
    reachedGreen,
    progressAt,
    status,
    daysSinceAppointment,
    daysInStage,
    daysInGreen,
    stalled: status === 'progressed' && category === 'open' && stageLimit !== undefined && daysInStage! >= stageLimit,
    stuckInGreen: daysInGreen !== null && daysInGreen >= ctx.greenStuckAfterDays,
  };
}
