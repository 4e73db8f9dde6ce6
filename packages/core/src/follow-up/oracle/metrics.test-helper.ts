/**
 * The test oracle of the follow-up metrics: each metric written over the oracle judge
 * (`judge-lead.test-helper.ts`) and `Lead` objects, the way the product computed them before the judge was
 * written over columns. Row order and statistics are computed here too, so that nothing of the product
 * is checked against itself. Test code only: the package does not export it.
 *
 * @internal
 * @module
 */
import type { Lead, OwnerChange } from '../../model/lead.js';
import { median, quantile } from '../../stats/quantile.js';
import { daysBetween } from '../../time/days.js';
import type { AttentionRow, NeedsAttentionOptions } from '../attention.js';
import type { Conversion, ConversionOptions } from '../conversion.js';
import type { GreenToDelivery, GreenToDeliveryRow } from '../green-to-delivery.js';
import type { InterventionRow, TimeToIntervention } from '../intervention.js';
import type { Kpis } from '../kpis.js';
import type { FollowUpContext, FollowUpOptions } from '../options.js';
import { resolveFollowUpOptions } from '../options.js';
import type { AttentionReason } from '../reasons.js';
import { ATTENTION_REASONS } from '../reasons.js';
import type { LocatorScorecardRow } from '../scorecard.js';
import type { FollowUp } from '../status.js';
import { FOLLOW_UP_STATUSES } from '../statuses.js';
import type { FollowUpStatus } from '../statuses.js';
import { sortedByAt } from '../timeline.js';
import type { Judgement } from './judge-lead.test-helper.js';
import { judgeLead } from './judge-lead.test-helper.js';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `followUp` of the oracle. */
export function oracleFollowUp(lead: Lead, options: FollowUpOptions): FollowUp {
  const j = judgeLead(lead, resolveFollowUpOptions(options));
  const { status, stage, category, daysSinceAppointment, progressAt, daysInStage, daysInGreen, stalled, stuckInGreen } = j;
  return { status, stage, category, daysSinceAppointment, progressAt, daysInStage, daysInGreen, stalled, stuckInGreen };
}

function attentionRow(lead: Lead, j: Judgement, includeStalled: boolean): AttentionRow | null {
  if (!j.exists) return null;
  let reason: AttentionReason;
  if (j.status === 'stale') reason = 'stale';
  else if (j.stuckInGreen) reason = 'stuck-in-green';
  else if (includeStalled && j.stalled) reason = 'stalled';
  else if (j.status === 'at-risk') reason = 'at-risk';
  else return null;
  const days = reason === 'stuck-in-green' ? j.daysInGreen! : reason === 'stalled' ? j.daysInStage! : j.daysSinceAppointment!;
  return {
    leadId: lead.id,
    name: lead.name,
    locator: lead.locator,
    team: lead.team ?? null,
    stage: j.stage!,
    category: j.category!,
    appointmentAt: lead.appointmentAt,
    status: j.status,
    reason,
    days,
  };
}

/** `needsAttention` of the oracle. */
export function oracleNeedsAttention(leads: readonly Lead[], options: NeedsAttentionOptions): AttentionRow[] {
  const ctx = resolveFollowUpOptions(options);
  const rows = leads.flatMap((lead) => attentionRow(lead, judgeLead(lead, ctx), options.includeStalled ?? true) ?? []);
  const severity = (r: AttentionRow) => ATTENTION_REASONS.indexOf(r.reason);
  return rows.sort((a, b) => severity(a) - severity(b) || b.days - a.days || byText(a.leadId, b.leadId));
}

/** The first change of locator after `afterMs`, by `untilMs`; of entries sharing an instant only the last counts. */
function firstOwnerChange(sorted: readonly OwnerChange[], afterMs: number, untilMs: number): Date | null {
  const kept = sorted.filter((e, i) => e.at.getTime() <= untilMs && sorted[i + 1]?.at.getTime() !== e.at.getTime());
  const change = kept.find((e, i) => i > 0 && e.locator !== kept[i - 1]!.locator && e.at.getTime() > afterMs);
  return change?.at ?? null;
}

function interventionRow(lead: Lead, j: Judgement, ctx: FollowUpContext): InterventionRow | null {
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
  const days = interventionAt === null ? null : daysBetween(appointmentAt, interventionAt, ctx.days);
  return { leadId: lead.id, locator: lead.locator, appointmentAt, interventionAt, days, kind };
}

/** `timeToIntervention` of the oracle. */
export function oracleTimeToIntervention(leads: readonly Lead[], options: FollowUpOptions): TimeToIntervention {
  const ctx = resolveFollowUpOptions(options);
  const rows = leads
    .flatMap((lead) => interventionRow(lead, judgeLead(lead, ctx), ctx) ?? [])
    .sort((a, b) => a.appointmentAt.getTime() - b.appointmentAt.getTime() || byText(a.leadId, b.leadId));
  const days = rows.flatMap((r) => (r.days === null ? [] : [r.days]));
  return {
    rows,
    intervened: days.length,
    pending: rows.length - days.length,
    medianDays: median(days),
    meanDays: days.length === 0 ? null : days.reduce((s, d) => s + d, 0) / days.length,
  };
}

function greenToDeliveryRow(lead: Lead, j: Judgement, ctx: FollowUpContext): GreenToDeliveryRow | null {
  if (!j.exists || j.firstGreenAt === null) return null;
  const done = j.deliveryAt !== null;
  return {
    leadId: lead.id,
    name: lead.name,
    locator: lead.locator,
    stage: j.stage!,
    category: j.category!,
    greenAt: j.firstGreenAt,
    deliveryAt: j.deliveryAt,
    days: daysBetween(j.firstGreenAt, j.deliveryAt ?? ctx.asOf, ctx.days),
    stuck: !done && j.stuckInGreen,
    done,
  };
}

/** `greenToDelivery` of the oracle. */
export function oracleGreenToDelivery(leads: readonly Lead[], options: FollowUpOptions): GreenToDelivery {
  const ctx = resolveFollowUpOptions(options);
  const rows = leads
    .flatMap((lead) => greenToDeliveryRow(lead, judgeLead(lead, ctx), ctx) ?? [])
    .sort((a, b) => a.greenAt.getTime() - b.greenAt.getTime() || byText(a.leadId, b.leadId));
  const completed = rows.filter((r) => r.done).map((r) => r.days);
  return {
    rows,
    completed: completed.length,
    pending: rows.length - completed.length,
    medianDays: median(completed),
    p90Days: completed.length === 0 ? null : quantile(completed, 0.9),
  };
}

/** `conversion` of the oracle. */
export function oracleConversion(leads: readonly Lead[], options: ConversionOptions): Conversion {
  const ctx = resolveFollowUpOptions(options);
  const fromMs = options.from?.getTime() ?? -Infinity;
  const toMs = options.to?.getTime() ?? Infinity;
  const inWindow = (t: number | undefined) => t !== undefined && t >= fromMs && t < toMs;
  const judged = leads.filter((lead) => inWindow(lead.appointmentAt?.getTime())).map((lead) => judgeLead(lead, ctx));
  const appointed = judged.filter((j) => j.exists);
  const won = appointed.filter((j) => j.everWon).length;
  const lost = appointed.filter((j) => !j.everWon && j.category === 'lost').length;
  const reachedGreen = appointed.filter((j) => j.reachedGreen).length;
  const n = appointed.length;
  return { appointed: n, won, reachedGreen, lost, open: n - won - lost, rate: n === 0 ? null : won / n };
}

/** `locatorScorecard` of the oracle. */
export function oracleScorecard(leads: readonly Lead[], options: NeedsAttentionOptions): LocatorScorecardRow[] {
  const ctx = resolveFollowUpOptions(options);
  const byLocator = new Map<string | null, Lead[]>();
  for (const lead of leads) {
    if (lead.createdAt.getTime() > ctx.asOfMs) continue;
    byLocator.set(lead.locator, [...(byLocator.get(lead.locator) ?? []), lead]);
  }
  const rows = [...byLocator.entries()].map(([locator, own]) => {
    const appointed = own.filter((l) => l.appointmentAt !== null);
    const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
    for (const lead of own) counts[judgeLead(lead, ctx).status]++;
    const won = appointed.filter((l) => judgeLead(l, ctx).everWon).length;
    const progressDays = appointed.flatMap((l) => {
      const p = judgeLead(l, ctx).progressAt;
      return p === null ? [] : [daysBetween(l.appointmentAt!, p, ctx.days)];
    });
    const row: LocatorScorecardRow = {
      locator: locator ?? '(unassigned)',
      leads: own.length,
      appointed: appointed.length,
      counts,
      needsAttention: oracleNeedsAttention(own, options).length,
      conversionRate: appointed.length === 0 ? null : won / appointed.length,
      medianDaysToProgress: median(progressDays),
    };
    return { locator, row };
  });
  return rows
    .sort(
      (a, b) =>
        b.row.needsAttention - a.row.needsAttention ||
        Number(a.locator === null) - Number(b.locator === null) ||
        byText(a.row.locator, b.row.locator),
    )
    .map((r) => r.row);
}

/** `kpis` of the oracle: each figure from the oracle function of that name. */
export function oracleKpis(leads: readonly Lead[], options: NeedsAttentionOptions): Kpis {
  const ctx = resolveFollowUpOptions(options);
  const existing = leads.filter((l) => l.createdAt.getTime() <= ctx.asOfMs);
  const judged = existing.map((lead) => judgeLead(lead, ctx));
  const count = (status: FollowUpStatus) => judged.filter((j) => j.status === status).length;
  const intervention = oracleTimeToIntervention(leads, options);
  return {
    asOf: options.asOf,
    leads: existing.length,
    appointed: existing.filter((l) => l.appointmentAt !== null).length,
    upcoming: count('upcoming'),
    awaiting: count('awaiting'),
    atRisk: count('at-risk'),
    stale: count('stale'),
    stalled: judged.filter((j) => j.stalled).length,
    stuckInGreen: judged.filter((j) => j.stuckInGreen).length,
    progressed: count('progressed'),
    won: count('won'),
    lost: count('lost'),
    needsAttention: oracleNeedsAttention(leads, options).length,
    conversionRate: oracleConversion(leads, options).rate,
    medianDaysToIntervention: intervention.medianDays,
    pendingIntervention: intervention.pending,
    medianGreenToDeliveryDays: oracleGreenToDelivery(leads, options).medianDays,
  };
}
