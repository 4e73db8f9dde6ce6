/**
 * `needsAttention` and `kpis` over leads held as columns with their histories (`loadCsvColumnar`,
 * `columnarLeadsOf`): the same judgement as `judgeLead`, made on epoch milliseconds and interned stage
 * codes, with no object or `Date` per lead or history entry. The results equal those of the object
 * functions on the same data (a property test checks it).
 *
 * @module
 */
import type { Lead } from '../model/lead.js';
import type { LeadColumns } from '../model/lead-columns.js';
import { leadColumnsOf } from '../model/lead-columns.js';
import type { StageCategory } from '../model/pipeline.js';
import { findStage, stageCategory } from '../model/pipeline.js';
import type { HistoryColumns } from '../sources/csv/history-columns.js';
import { HistoryColumnsBuilder } from '../sources/csv/history-columns.js';
import { quantileSorted } from '../stats/quantile.js';
import { dayCounter } from '../time/days.js';
import type { AttentionReason, AttentionRow, NeedsAttentionOptions } from './attention.js';
import { compareAttentionRows } from './attention.js';
import type { Kpis, KpisOptions } from './kpis.js';
import type { FollowUpContext } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import type { FollowUpStatus } from './status.js';

/**
 * Leads and their stage and owner histories as columns: row `i` of `stages` and `owners` belongs to lead
 * `i` of `leads`. {@link loadCsvColumnar} returns one; {@link columnarLeadsOf} makes one from `Lead` objects.
 *
 * @example
 * ```ts
 * const data: ColumnarLeads = await loadCsvColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const rows = needsAttentionColumnar(data, { asOf, timeZone, pipeline });
 * ```
 */
export interface ColumnarLeads {
  leads: LeadColumns;
  stages: HistoryColumns;
  owners: HistoryColumns;
}

/**
 * `Lead` objects with their histories as {@link ColumnarLeads} (histories sorted by time, stably, as the
 * metrics read them). For leads from a source other than `loadCsvColumnar` (Zoho, a test), so that the
 * columnar metrics serve every source.
 *
 * @example
 * ```ts
 * const data = columnarLeadsOf(leads);
 * needsAttentionColumnar(data, options); // equals needsAttention(leads, options)
 * ```
 */
export function columnarLeadsOf(leads: readonly Lead[]): ColumnarLeads {
  const stages = new HistoryColumnsBuilder();
  const owners = new HistoryColumnsBuilder();
  leads.forEach((lead, i) => {
    for (const e of lead.stageHistory) stages.push(i, e.at.getTime(), e.stage);
    for (const e of lead.ownerHistory ?? []) owners.push(i, e.at.getTime(), e.locator);
  });
  return { leads: leadColumnsOf(leads), stages: stages.finish(leads.length), owners: owners.finish(leads.length) };
}

/** The facts of `Judgement` that the columnar metrics use; instants as ms, NaN for none. */
interface ColumnarJudgement {
  exists: boolean;
  stage: string | null;
  category: StageCategory | null;
  firstGreenMs: number;
  deliveryMs: number;
  everWon: boolean;
  reachedGreen: boolean;
  progressMs: number;
  status: FollowUpStatus;
  daysSinceAppointment: number | null;
  daysInStage: number | null;
  daysInGreen: number | null;
  stalled: boolean;
  stuckInGreen: boolean;
}

/** Per-call lookups: each stage code's category and name. */
interface Lookup {
  ctx: FollowUpContext;
  categories: StageCategory[];
  /** Each stage code's own `staleAfterDays`, if the pipeline gives one. */
  limits: (number | undefined)[];
  /** `daysBetween(from, to, ctx.days)` on milliseconds. */
  days: (fromMs: number, toMs: number) => number;
}

function lookup(data: ColumnarLeads, ctx: FollowUpContext): Lookup {
  const { values } = data.stages;
  return {
    ctx,
    categories: values.map((s) => stageCategory(ctx.pipeline, s)),
    limits: values.map((s) => findStage(ctx.pipeline, s)?.staleAfterDays),
    days: dayCounter(ctx.days),
  };
}

/** `judgeLead` for `data.leads[i]`, step for step. */
function judge(data: ColumnarLeads, i: number, l: Lookup): ColumnarJudgement {
  const { ctx, categories } = l;
  const { asOfMs, pipeline } = ctx;
  const { offsets, at, code, values } = data.stages;
  const createdMs = data.leads.createdAt[i]!;
  const appointmentMs = data.leads.appointmentAt[i]!;
  const appointed = hasAppointment(data, i);
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

  for (let k = s; k < e; k++) {
    const t = at[k]!;
    if (t > asOfMs) break;
    if (k + 1 < e && at[k + 1]! === t) continue;
    const c = code[k]!;
    if (c === current) continue;
    current = c;
    const since = visits === 0 && createdMs < t ? createdMs : t;
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

  const days = l.days;
  const daysSinceAppointment = appointed ? days(appointmentMs, asOfMs) : null;
  const daysInStage = stageSince === stageSince ? days(stageSince, asOfMs) : null;
  const daysInGreen = greenSince === greenSince ? days(greenSince, asOfMs) : null;

  let status: FollowUpStatus;
  if (!appointed) status = 'no-appointment';
  else if (category === 'won') status = 'won';
  else if (category === 'lost') status = 'lost';
  else if (appointmentMs > asOfMs) status = 'upcoming';
  else if (progress === progress) status = 'progressed';
  else if (daysSinceAppointment! >= ctx.staleAfterDays) status = 'stale';
  else if (daysSinceAppointment! >= ctx.warnAfterDays) status = 'at-risk';
  else status = 'awaiting';

  const stageLimit = stageCode >= 0 ? l.limits[stageCode] : stage === null ? undefined : findStage(pipeline, stage)?.staleAfterDays;
  const stalled =
    status === 'progressed' && category === 'open' && stageLimit !== undefined && daysInStage! >= stageLimit;
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

function hasAppointment(data: ColumnarLeads, i: number): boolean {
  const ms = data.leads.appointmentAt[i]!;
  return ms === ms; // NaN: none
}

/** `attentionRow`'s reason, or null. */
function attentionReason(j: ColumnarJudgement, includeStalled: boolean): AttentionReason | null {
  if (!j.exists) return null;
  if (j.status === 'stale') return 'stale';
  if (j.stuckInGreen) return 'stuck-in-green';
  if (includeStalled && j.stalled) return 'stalled';
  if (j.status === 'at-risk') return 'at-risk';
  return null;
}

/**
 * {@link needsAttention} of leads whose histories are columns ({@link loadCsvColumnar}): the same rows in the
 * same order, without a history object or `Date` per history entry (for large exports).
 *
 * @example
 * ```ts
 * const data = await loadCsvColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const rows = needsAttentionColumnar(data, { asOf, timeZone, pipeline });
 * ```
 */
export function needsAttentionColumnar(data: ColumnarLeads, options: NeedsAttentionOptions): AttentionRow[] {
  const ctx = resolveFollowUpOptions(options);
  const includeStalled = options.includeStalled ?? true;
  const l = lookup(data, ctx);
  const rows: AttentionRow[] = [];
  const { id, name, locator, team, appointmentAt } = data.leads;
  for (let i = 0; i < data.leads.length; i++) {
    const j = judge(data, i, l);
    const reason = attentionReason(j, includeStalled);
    if (reason === null) continue;
    const appointmentMs = appointmentAt[i]!;
    rows.push({
      leadId: id[i]!,
      name: name[i]!,
      locator: locator[i]!,
      team: team[i]!,
      stage: j.stage!,
      category: j.category!,
      appointmentAt: appointmentMs === appointmentMs ? new Date(appointmentMs) : null,
      status: j.status,
      reason,
      days: reason === 'stuck-in-green' ? j.daysInGreen! : reason === 'stalled' ? j.daysInStage! : j.daysSinceAppointment!,
    });
  }
  return rows.sort(compareAttentionRows);
}

/**
 * {@link kpis} of leads whose histories are columns ({@link loadCsvColumnar}): the same figures.
 *
 * @example
 * ```ts
 * const data = await loadCsvColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const k = kpisColumnar(data, { asOf, timeZone, pipeline });
 * ```
 */
export function kpisColumnar(data: ColumnarLeads, options: KpisOptions): Kpis {
  const ctx = resolveFollowUpOptions(options);
  const includeStalled = options.includeStalled ?? true;
  const l = lookup(data, ctx);
  const k: Kpis = {
    asOf: options.asOf,
    leads: 0,
    appointed: 0,
    upcoming: 0,
    awaiting: 0,
    atRisk: 0,
    stale: 0,
    stalled: 0,
    stuckInGreen: 0,
    progressed: 0,
    won: 0,
    lost: 0,
    needsAttention: 0,
    conversionRate: null,
    medianDaysToIntervention: null,
    pendingIntervention: 0,
    medianGreenToDeliveryDays: null,
  };
  let convAppointed = 0;
  let convWon = 0;
  const interventionDays: number[] = [];
  let interventionRows = 0;
  const deliveryDays: number[] = [];
  for (let i = 0; i < data.leads.length; i++) {
    const j = judge(data, i, l);
    if (!j.exists) continue;
    k.leads++;
    switch (j.status) {
      case 'upcoming': k.upcoming++; break;
      case 'awaiting': k.awaiting++; break;
      case 'at-risk': k.atRisk++; break;
      case 'stale': k.stale++; break;
      case 'progressed': k.progressed++; break;
      case 'won': k.won++; break;
      case 'lost': k.lost++; break;
      case 'no-appointment': break;
    }
    if (j.stalled) k.stalled++;
    if (j.stuckInGreen) k.stuckInGreen++;
    if (attentionReason(j, includeStalled) !== null) k.needsAttention++;
    if (hasAppointment(data, i)) {
      k.appointed++;
      convAppointed++;
      if (j.everWon) convWon++;
      const days = interventionDaysOf(data, i, j, l);
      if (days !== undefined) {
        interventionRows++;
        if (days !== null) interventionDays.push(days);
      }
    }
    if (j.firstGreenMs === j.firstGreenMs && j.deliveryMs === j.deliveryMs) {
      deliveryDays.push(l.days(j.firstGreenMs, j.deliveryMs));
    }
  }
  k.conversionRate = convAppointed === 0 ? null : convWon / convAppointed;
  const intervened = Float64Array.from(interventionDays).sort();
  k.medianDaysToIntervention = quantileSorted(intervened, 0.5);
  k.pendingIntervention = interventionRows - intervened.length;
  k.medianGreenToDeliveryDays = quantileSorted(Float64Array.from(deliveryDays).sort(), 0.5);
  return k;
}

/**
 * `interventionRow(...).days` for lead `i`: undefined when the lead has no row, null while pending.
 */
function interventionDaysOf(data: ColumnarLeads, i: number, j: ColumnarJudgement, l: Lookup): number | null | undefined {
  const { ctx } = l;
  const appointmentMs = data.leads.appointmentAt[i]!;
  if (!j.exists || appointmentMs > ctx.asOfMs) return undefined;
  if (j.daysSinceAppointment! < ctx.warnAfterDays) return undefined;
  if (j.progressMs === j.progressMs && l.days(appointmentMs, j.progressMs) < ctx.warnAfterDays) return undefined;
  const ownerMs = firstOwnerChange(data.owners, i, appointmentMs, ctx.asOfMs);
  let interventionMs = j.progressMs;
  if (ownerMs === ownerMs && (interventionMs !== interventionMs || ownerMs < interventionMs)) interventionMs = ownerMs;
  return interventionMs !== interventionMs ? null : l.days(appointmentMs, interventionMs);
}

/** `firstOwnerChange` of intervention.ts on columns: NaN for none. */
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
