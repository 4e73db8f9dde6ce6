import type { Lead } from '../model/lead.js';
import type { StageCategory } from '../model/pipeline.js';
import type { ColumnarLeads } from './columnar-leads.js';
import { asColumnarLeads } from './columnar-leads.js';
import type { Judgement } from './judge.js';
import { judgeFor, judgeLeadAt } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import type { AttentionReason } from './reasons.js';
import { attentionOrder } from './attention-order.js';
import type { FollowUpStatus } from './statuses.js';

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
 * `leads` are lead objects or leads held as columns ({@link ColumnarLeads}, as `loadCsvColumnar`
 * (`@panopticon/core/csv`) returns them, or `columnarLeadsOf`): the same rows, with no object or `Date` per
 * history entry for the columns (for large exports).
 *
 * @example
 * ```ts
 * for (const row of needsAttention(leads, { asOf, timeZone: 'America/New_York', pipeline })) {
 *   console.log(`${row.reason}\t${row.days} d\t${row.locator ?? '(unassigned)'}\t${row.name}`);
 * }
 * ```
 */
export function needsAttention(leads: readonly Lead[] | ColumnarLeads, options: NeedsAttentionOptions): AttentionRow[] {
  const ctx = resolveFollowUpOptions(options); // the options are checked before the leads are laid out
  const data = asColumnarLeads(leads);
  const includeStalled = options.includeStalled ?? true;
  const judge = judgeFor(data, ctx);
  const { id, name, locator, team, appointmentAt } = data.leads;
  // The order of the list is decided on numbers (its severity and days) before any row is made, and the
  // rows are then made in list order: each row and its Date lie in memory in the order they are read
  // when the list is written (made in lead order and read sorted, they lay scattered over a large heap:
  // writing a million-lead list took over a second longer). Per listed lead only the judge's answers are
  // kept until then: its lead index, stage, category, status and reason.
  const n = data.leads.length;
  const leadOf = new Int32Array(n);
  const stages: string[] = [];
  const categories: StageCategory[] = [];
  const statuses: FollowUpStatus[] = [];
  const reasons: AttentionReason[] = [];
  const ids: string[] = [];
  const severities = new Uint8Array(n);
  const days = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const j = judgeLeadAt(data, i, judge);
    const reason = attentionReason(j, includeStalled);
    if (reason === null) continue;
    const m = ids.length;
    severities[m] = SEVERITY[reason];
    days[m] = attentionDays(j, reason);
    leadOf[m] = i;
    stages.push(j.stage!);
    categories.push(j.category!);
    statuses.push(j.status);
    reasons.push(reason);
    ids.push(id[i]!);
  }
  const m = ids.length;
  const order = attentionOrder(severities.subarray(0, m), days.subarray(0, m), ids);
  const rows: AttentionRow[] = new Array(m);
  for (let r = 0; r < m; r++) {
    const k = order[r]!;
    const i = leadOf[k]!;
    const appointmentMs = appointmentAt[i]!;
    rows[r] = {
      leadId: ids[k]!,
      name: name[i]!,
      locator: locator[i]!,
      team: team[i]!,
      stage: stages[k]!,
      category: categories[k]!,
      appointmentAt: appointmentMs === appointmentMs ? new Date(appointmentMs) : null,
      status: statuses[k]!,
      reason: reasons[k]!,
      days: days[k]!,
    };
  }
  return rows;
}

/**
 * The most severe reason why the judged lead needs attention (stale > stuck-in-green > stalled > at-risk),
 * or null when it needs none (or did not exist at `asOf`).
 *
 * @internal
 */
export function attentionReason(j: Judgement, includeStalled: boolean): AttentionReason | null {
  if (!j.exists) return null;
  if (j.status === 'stale') return 'stale';
  if (j.stuckInGreen) return 'stuck-in-green';
  if (includeStalled && j.stalled) return 'stalled';
  if (j.status === 'at-risk') return 'at-risk';
  return null;
}

/** The days an attention row shows for its reason (see {@link AttentionRow.days}). */
function attentionDays(j: Judgement, reason: AttentionReason): number {
  return reason === 'stuck-in-green' ? j.daysInGreen! : reason === 'stalled' ? j.daysInStage! : j.daysSinceAppointment!;
}

/** Each reason's position in {@link ATTENTION_REASONS} (most severe first). */
const SEVERITY: Record<AttentionReason, number> = { stale: 0, 'stuck-in-green': 1, stalled: 2, 'at-risk': 3 };
