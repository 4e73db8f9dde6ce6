import type { Lead } from '../model/lead.js';
import type { StageCategory } from '../model/pipeline.js';
import type { Judgement } from './judge.js';
import { judgeLead } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import type { FollowUpStatus } from './status.js';
import { compareStrings } from './timeline.js';

/**
 * Why a lead needs attention, most severe first: `stale`, `stuck-in-green`, `stalled`, `at-risk`.
 *
 * @example
 * ```ts
 * const severity = (reason: AttentionReason) => ATTENTION_REASONS.indexOf(reason); // 0 = most severe
 * ```
 */
export const ATTENTION_REASONS = ['stale', 'stuck-in-green', 'stalled', 'at-risk'] as const;

/**
 * Why a lead needs attention; see {@link ATTENTION_REASONS} for the severity order.
 *
 * @example
 * ```ts
 * const stale = rows.filter((row) => row.reason === ('stale' satisfies AttentionReason));
 * ```
 */
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/**
 * One lead that needs attention, with whose it is and why ({@link needsAttention}).
 *
 * @example
 * ```ts
 * const line = (r: AttentionRow) => `${r.reason} ${r.days} d: ${r.name} (${r.locator ?? 'unassigned'}, ${r.stage})`;
 * ```
 */
export interface AttentionRow {
  /** The lead's id. */
  leadId: string;
  /** The lead's name. */
  name: string;
  /** The person accountable for the lead (its `locator`); `null` = unassigned. */
  locator: string | null;
  /** The lead's team; `null` when it has none. */
  team: string | null;
  /** Stage at `asOf`. */
  stage: string;
  /** The category of that stage in the pipeline. */
  category: StageCategory;
  /** The appointment; `null` for a lead stuck in green without one. */
  appointmentAt: Date | null;
  /** The lead's follow-up status (a stuck-in-green or stalled lead may be `progressed`, `at-risk`, …). */
  status: FollowUpStatus;
  /** The most severe reason that applies. */
  reason: AttentionReason;
  /**
   * Days since the appointment for `stale` and `at-risk`; days in the current stage for `stalled`; days in
   * green for `stuck-in-green` (the current stage's days when the pipeline has one green stage). Counted
   * like days since appointment: calendar or business days in `timeZone`.
   */
  days: number;
}

/**
 * Options of {@link needsAttention}: the shared {@link FollowUpOptions} and whether to list stalled leads.
 *
 * @example
 * ```ts
 * const options: NeedsAttentionOptions = { asOf, timeZone: 'America/New_York', pipeline, includeStalled: false };
 * ```
 */
export interface NeedsAttentionOptions extends FollowUpOptions {
  /** List leads that are *stalled* (the optional per-stage `staleAfterDays` rule). Default `true`. */
  includeStalled?: boolean;
}

/**
 * The leads that need someone to act at `asOf`: `stale`, `stuck-in-green`, `stalled` and `at-risk` leads
 * (see {@link followUp}). A lead appears once, with its most severe reason
 * (stale > stuck-in-green > stalled > at-risk). Rows are sorted most severe first, then most days first,
 * then by lead id, so the order is the same whatever the input order. Leads created after `asOf` are left out.
 *
 * A lead stuck in green is listed whether or not it has an appointment: the rule is about the green stage.
 *
 * @example
 * ```ts
 * for (const row of needsAttention(leads, { asOf, timeZone: 'America/New_York', pipeline })) {
 *   console.log(`${row.reason}\t${row.days} d\t${row.locator ?? '(unassigned)'}\t${row.name}`);
 * }
 * ```
 */
export function needsAttention(leads: readonly Lead[], options: NeedsAttentionOptions): AttentionRow[] {
  const ctx = resolveFollowUpOptions(options);
  const includeStalled = options.includeStalled ?? true;
  const rows: AttentionRow[] = [];
  for (const lead of leads) {
    const row = attentionRow(lead, judgeLead(lead, ctx), includeStalled);
    if (row) rows.push(row);
  }
  return rows.sort(compareAttentionRows);
}

/**
 * The lead's needs-attention row, or null when it needs none (or did not exist at `asOf`).
 *
 * @internal
 */
export function attentionRow(lead: Lead, j: Judgement, includeStalled: boolean): AttentionRow | null {
  if (!j.exists) return null;
  let reason: AttentionReason;
  if (j.status === 'stale') reason = 'stale';
  else if (j.stuckInGreen) reason = 'stuck-in-green';
  else if (includeStalled && j.stalled) reason = 'stalled';
  else if (j.status === 'at-risk') reason = 'at-risk';
  else return null;
  const days =
    reason === 'stuck-in-green' ? j.daysInGreen! : reason === 'stalled' ? j.daysInStage! : j.daysSinceAppointment!;
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

const SEVERITY: Record<AttentionReason, number> = { stale: 0, 'stuck-in-green': 1, stalled: 2, 'at-risk': 3 };

/**
 * Most severe first, then most days first, then lead id.
 *
 * @internal
 */
export function compareAttentionRows(a: AttentionRow, b: AttentionRow): number {
  return SEVERITY[a.reason] - SEVERITY[b.reason] || b.days - a.days || compareStrings(a.leadId, b.leadId);
}
