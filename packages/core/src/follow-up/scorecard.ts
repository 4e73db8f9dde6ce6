import type { Lead } from '../model/lead.js';
import type { ColumnarLeads } from './columnar-leads.js';
import { median } from '../stats/quantile.js';
import { attentionReason } from './attention.js';
import type { NeedsAttentionOptions } from './attention.js';
import { hasAppointment, judgeLeadAt, judgeLeads } from './judge.js';
import { UNASSIGNED_LOCATOR } from './messages.js';
import type { FollowUpStatus } from './statuses.js';
import { FOLLOW_UP_STATUSES } from './statuses.js';
import { compareStrings } from './timeline.js';

/**
 * One locator's follow-up record at `asOf` ({@link locatorScorecard}).
 *
 * @example
 * ```ts
 * const staleShare = (r: LocatorScorecardRow) => (r.appointed === 0 ? null : r.counts.stale / r.appointed);
 * ```
 */
export interface LocatorScorecardRow {
  /** The locator; `'(unassigned)'` for leads without one. */
  locator: string;
  /** The locator's leads that existed at `asOf` (the sum of `counts`). */
  leads: number;
  /** Of those, the leads with an appointment. */
  appointed: number;
  /** Leads per follow-up status (every status present, zeros included). */
  counts: Record<FollowUpStatus, number>;
  /** The locator's rows in {@link needsAttention}. */
  needsAttention: number;
  /** Of the appointed leads, the share that ever entered a won stage by `asOf` ({@link conversion}); `null` when none appointed. */
  conversionRate: number | null;
  /** Median days from appointment to first progress, over the leads that progressed; `null` when none. */
  medianDaysToProgress: number | null;
}

/**
 * Options of {@link locatorScorecard}: those of {@link needsAttention} (`includeStalled` decides what counts as needing attention).
 *
 * @example
 * ```ts
 * const options: LocatorScorecardOptions = { asOf, timeZone, pipeline, includeStalled: false };
 * ```
 */
export type LocatorScorecardOptions = NeedsAttentionOptions;

/**
 * Per locator (the lead's `locator`, the person accountable for it): how many leads and appointed leads,
 * how many in each follow-up status, how many need attention, the conversion rate and the median days from
 * appointment to first progress, each as the function of that name defines it. Leads created after `asOf`
 * are left out. Sorted by needs-attention count, most first, then by locator (unassigned last).
 *
 * @example
 * ```ts
 * for (const r of locatorScorecard(leads, { asOf, timeZone: 'America/New_York', pipeline })) {
 *   console.log(`${r.locator}: ${r.needsAttention} need attention, ${r.counts.stale} stale`);
 * }
 * ```
 */
export function locatorScorecard(leads: readonly Lead[] | ColumnarLeads, options: LocatorScorecardOptions): LocatorScorecardRow[] {
  const { data, judge } = judgeLeads(leads, options);
  const includeStalled = options.includeStalled ?? true;
  const byLocator = new Map<string | null, { row: LocatorScorecardRow; won: number; progressDays: number[] }>();
  for (let i = 0; i < data.leads.length; i++) {
    const j = judgeLeadAt(data, i, judge);
    if (!j.exists) continue;
    const locator = data.leads.locator[i]!;
    let entry = byLocator.get(locator);
    if (!entry) {
      const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
      const row: LocatorScorecardRow = {
        locator: locator ?? UNASSIGNED_LOCATOR,
        leads: 0,
        appointed: 0,
        counts,
        needsAttention: 0,
        conversionRate: null,
        medianDaysToProgress: null,
      };
      byLocator.set(locator, (entry = { row, won: 0, progressDays: [] }));
    }
    const { row } = entry;
    row.leads++;
    row.counts[j.status]++;
    if (attentionReason(j, includeStalled) !== null) row.needsAttention++;
    if (hasAppointment(data.leads, i)) {
      row.appointed++;
      if (j.everWon) entry.won++;
      if (j.progressMs === j.progressMs) entry.progressDays.push(judge.days(data.leads.appointmentAt[i]!, j.progressMs));
    }
  }
  return [...byLocator.entries()]
    .sort(
      ([ka, a], [kb, b]) =>
        b.row.needsAttention - a.row.needsAttention ||
        // Among equals, leads nobody owns come after the named locators.
        Number(ka === null) - Number(kb === null) ||
        compareStrings(a.row.locator, b.row.locator),
    )
    .map(([, { row, won, progressDays }]) => ({
      ...row,
      conversionRate: row.appointed === 0 ? null : won / row.appointed,
      medianDaysToProgress: median(progressDays),
    }));
}
