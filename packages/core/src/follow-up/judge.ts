/**
 * The follow-up judge: one pass over one lead's stage history that answers every follow-up question about
 * it at `asOf` (docs/metrics.md, "Follow-up"). The rules are written here once, over leads held as columns
 * (epoch milliseconds, interned stage codes, no object or `Date` per history entry); every follow-up
 * metric reads its facts from here, the object functions (`followUp`, `needsAttention`, `kpis`, …) through
 * `columnarLeadsOf`, so the metrics agree with each other by construction and each lead is judged once.
 *
 * @internal
 * @module
 */
import type { LeadColumns } from '../model/lead-columns.js';
import type { StageCategory } from '../model/pipeline.js';
import { findStage, stageCategory } from '../model/pipeline.js';
import { dayCounter, dayCounterTo } from '../time/days.js';
import type { Lead } from '../model/lead.js';
import { asColumnarLeads, type ColumnarLeads } from './columnar-leads.js';
import { type FollowUpContext, type FollowUpOptions, resolveFollowUpOptions } from './options.js';
import type { FollowUpStatus } from './statuses.js';

/**
 * The facts about one lead at `asOf` from which every follow-up figure is made. Instants are epoch
 * milliseconds, NaN for none.
 *
 * @internal
 */
export interface Judgement {
  /** The lead existed at `asOf` (`createdAt ≤ asOf`). Aggregates leave out leads that did not. */
  exists: boolean;
  /** Stage at `asOf` (`stageAt`); null when the lead did not exist. */
  stage: string | null;
  category: StageCategory | null;
  /** First entry into a green stage by `asOf`. */
  firstGreenMs: number;
  /** First entry into a delivery or won stage after `firstGreenMs`, by `asOf`. */
  deliveryMs: number;
  /** Entered a won stage by `asOf`. */
  everWon: boolean;
  /** Entered a green, delivery or won stage by `asOf`. */
  reachedGreen: boolean;
  /** First progress: a change to a different stage after the appointment, not after `asOf`. */
  progressMs: number;
  status: FollowUpStatus;
  /** Days from the appointment to `asOf`; null without an appointment. */
  daysSinceAppointment: number | null;
  /** Days since the current stage was entered; null when the lead did not exist. */
  daysInStage: number | null;
  /** Days since the current unbroken run of green-category stages began; null when not in green. */
  daysInGreen: number | null;
  stalled: boolean;
  stuckInGreen: boolean;
}

/**
 * What one call judges with, worked out once per call: the resolved options, each stage code's category
 * and own `staleAfterDays`, and the day counter of the options.
 *
 * @internal
 */
export interface Judge {
  ctx: FollowUpContext;
  /** The category of each code of `data.stages.values`. */
  categories: StageCategory[];
  /** Each stage code's own `staleAfterDays`, if the pipeline gives one. */
  limits: (number | undefined)[];
  /** `daysBetween(from, to, ctx.days)` on epoch milliseconds. */
  days: (fromMs: number, toMs: number) => number;
  /** `days(fromMs, ctx.asOfMs)`, with the date of `asOf` read once. */
  daysToAsOf: (fromMs: number) => number;
}

/**
 * The {@link Judge} of one call over `data`.
 *
 * @internal
 */
export function judgeFor(data: ColumnarLeads, ctx: FollowUpContext): Judge {
  const { values } = data.stages;
  return {
    ctx,
    categories: values.map((s) => stageCategory(ctx.pipeline, s)),
    limits: values.map((s) => findStage(ctx.pipeline, s)?.staleAfterDays),
    days: dayCounter(ctx.days),
    daysToAsOf: dayCounterTo(ctx.days, ctx.asOfMs),
  };
}

/**
 * What a function over lead objects (`greenToDelivery`, `timeToIntervention`, …) judges with: its options
 * resolved (and checked) first, then the leads as columns, and the {@link Judge} of the call over them.
 *
 * @internal
 */
export function judgeLeads(leads: readonly Lead[] | ColumnarLeads, options: FollowUpOptions): { data: ColumnarLeads; judge: Judge } {
  const ctx = resolveFollowUpOptions(options);
  const data = asColumnarLeads(leads);
  return { data, judge: judgeFor(data, ctx) };
}

/**
 * The rows `rowOf` makes of the leads, each judged once, in lead order (`undefined`: the lead has no row):
 * how the functions listing one row per qualifying lead (`greenToDelivery`, `timeToIntervention`) read it.
 *
 * @internal
 */
export function judgedRows<R>(
  leads: readonly Lead[] | ColumnarLeads,
  options: FollowUpOptions,
  rowOf: (data: ColumnarLeads, i: number, j: Judgement, judge: Judge) => R | undefined,
): R[] {
  const { data, judge } = judgeLeads(leads, options);
  const rows: R[] = [];
  for (let i = 0; i < data.leads.length; i++) {
    const row = rowOf(data, i, judgeLeadAt(data, i, judge), judge);
    if (row !== undefined) rows.push(row);
  }
  return rows;
}

/**
 * Whether lead `i` has an appointment (its `appointmentAt` is not NaN).
 *
 * @internal
 */
export function hasAppointment(leads: LeadColumns, i: number): boolean {
  const ms = leads.appointmentAt[i]!;
  return ms === ms; // NaN: none
}

/**
 * Judges lead `i` of `data` at `judge.ctx.asOf` in one pass over its history (sorted by time, as
 * {@link ColumnarLeads} holds it). History after `asOf` is ignored.
 *
 * @internal
 */
export function judgeLeadAt(data: ColumnarLeads, i: number, judge: Judge): Judgement {
  const { ctx, categories } = judge;
  const { asOfMs, pipeline } = ctx;
  const { offsets, at, code, values } = data.stages;
  const createdMs = data.leads.createdAt[i]!;
  const appointmentMs = data.leads.appointmentAt[i]!;
  const appointed = hasAppointment(data.leads, i);
  const s = offsets[i]!;
  const e = offsets[i + 1]!;

  let stageCode = -1;
  let stage: string | null = null;
  let category: StageCategory | null = null;
  let stageSince = Number.NaN;
  let greenSince = Number.NaN;
  let firstGreen = Number.NaN;
  let delivery = Number.NaN;
  let everWon = false;
  let reachedGreen = false;
  let progress = Number.NaN;
  let visits = 0;
  let current = -2;

  // The visits up to asOf: of entries sharing an instant only the last counts (the earlier ones lasted no
  // time), and an entry repeating the stage of the visit before it does not start a new one.
  for (let k = s; k < e; k++) {
    const t = at[k]!;
    if (t > asOfMs) break;
    if (k + 1 < e && at[k + 1]! === t) continue;
    const c = code[k]!;
    if (c === current) continue;
    current = c;
    // The first recorded stage is taken to have held since creation (see stageAt), unless recorded earlier.
    const since = visits === 0 && createdMs < t ? createdMs : t;
    // The first visit is not a change: nothing recorded precedes it.
    if (visits > 0 && progress !== progress && appointed && t > appointmentMs) progress = t;
    const cat = categories[c]!;
    if (cat === 'green') {
      if (category !== 'green') greenSince = since;
      if (firstGreen !== firstGreen) firstGreen = since;
    } else {
      greenSince = Number.NaN;
      if ((cat === 'delivery' || cat === 'won') && firstGreen === firstGreen && delivery !== delivery) delivery = since;
    }
    if (cat === 'won') everWon = true;
    if (cat !== 'open' && cat !== 'lost') reachedGreen = true;
    stageCode = c;
    category = cat;
    stageSince = since;
    visits++;
  }
  if (stageCode >= 0) stage = values[stageCode]!;

  const exists = asOfMs >= createdMs;
  if (!exists) {
    stageCode = -1;
    stage = category = null;
    stageSince = greenSince = Number.NaN;
  } else if (visits === 0) {
    // Nothing recorded by asOf: the stage field, or the first recorded stage (see stageAt), held since creation.
    if (e === s) stage = data.leads.stage[i]!;
    else {
      let k = s;
      while (k + 1 < e && at[k + 1]! <= at[s]!) k++;
      stageCode = code[k]!;
      stage = values[stageCode]!;
    }
    category = stageCategory(pipeline, stage);
    stageSince = createdMs;
    if (category === 'green') greenSince = firstGreen = createdMs;
    everWon = category === 'won';
    reachedGreen = category !== 'open' && category !== 'lost';
  }

  const days = judge.daysToAsOf;
  const daysSinceAppointment = appointed ? days(appointmentMs) : null;
  const daysInStage = stageSince === stageSince ? days(stageSince) : null;
  const daysInGreen = greenSince === greenSince ? days(greenSince) : null;

  let status: FollowUpStatus;
  if (!appointed) status = 'no-appointment';
  else if (category === 'won') status = 'won';
  else if (category === 'lost') status = 'lost';
  else if (appointmentMs > asOfMs) status = 'upcoming';
  else if (progress === progress) status = 'progressed';
  else if (daysSinceAppointment! >= ctx.staleAfterDays) status = 'stale';
  else if (daysSinceAppointment! >= ctx.warnAfterDays) status = 'at-risk';
  else status = 'awaiting';

  const stageLimit = stageCode >= 0 ? judge.limits[stageCode] : stage === null ? undefined : findStage(pipeline, stage)?.staleAfterDays;
  const stalled = status === 'progressed' && category === 'open' && stageLimit !== undefined && daysInStage! >= stageLimit;
  const stuckInGreen = daysInGreen !== null && daysInGreen >= ctx.greenStuckAfterDays;

  return {
    exists,
    stage,
    category,
    firstGreenMs: firstGreen,
    deliveryMs: delivery,
    everWon,
    reachedGreen,
    progressMs: progress,
    status,
    daysSinceAppointment,
    daysInStage,
    daysInGreen,
    stalled,
    stuckInGreen,
  };
}

/**
 * An instant in epoch milliseconds as a `Date`, NaN as null: how the object functions hand back the
 * judge's instants.
 *
 * @internal
 */
export function dateOrNull(ms: number): Date | null {
  return ms === ms ? new Date(ms) : null;
}
