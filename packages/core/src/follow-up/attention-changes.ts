/**
 * What changed on the needs-attention list between an earlier list (as of instant A, or as last reported to
 * someone) and the list at `asOf` (instant B): leads new on the list, leads that got worse or better, and
 * leads that left it, with why. The list at B is `needsAttention`'s and the why of a lead that left
 * is read from the one judge (`judge.ts`); nothing here restates a follow-up rule.
 *
 * @module
 */
import type { Lead } from '../model/lead.js';
import type { AttentionRow, NeedsAttentionOptions } from './attention.js';
import { needsAttention } from './attention.js';
import type { ColumnarLeads } from './columnar-leads.js';
import { asColumnarLeads } from './columnar-leads.js';
import { judgeFor, judgeLeadAt } from './judge.js';
import { resolveFollowUpOptions } from './options.js';
import type { AttentionReason } from './reasons.js';
import { ATTENTION_REASONS } from './reasons.js';
import type { FollowUpStatus } from './statuses.js';

/**
 * A lead as it stood on an earlier needs-attention list: the least a comparison needs. An
 * {@link AttentionRow} is one, so `needsAttention(leads, { asOf: a, … })` can be passed as it is.
 *
 * @example
 * ```ts
 * const reported: AttentionEntry = { leadId: 'L-1042', reason: 'at-risk', locator: 'Ana Souza' };
 * ```
 */
export interface AttentionEntry {
  leadId: string;
  reason: AttentionReason;
  /** Whose the lead was; `null` = unassigned. */
  locator: string | null;
}

/**
 * Why a lead left the needs-attention list (of everyone, or of one locator):
 *
 * - `won` / `lost`: its stage at `asOf` is in a won / lost category;
 * - `progressed`: its stage moved on (after the appointment; or, for a lead stuck in green or stalled, out
 *   of the stage that held it);
 * - `reassigned`: it still needs attention, but it is now another locator's (only with a `locator` scope);
 * - `rescheduled`: its appointment moved later or was taken away (or the thresholds changed), so it is no
 *   longer overdue;
 * - `removed`: the lead is no longer in the data, or did not exist yet at `asOf`.
 *
 * @example
 * ```ts
 * const closed = (why: AttentionResolution) => why === 'won' || why === 'lost';
 * ```
 */
export type AttentionResolution = 'progressed' | 'won' | 'lost' | 'reassigned' | 'rescheduled' | 'removed';

/**
 * Every {@link AttentionResolution}, in the order a digest lists them.
 *
 * @example
 * ```ts
 * const counts = Object.fromEntries(ATTENTION_RESOLUTIONS.map((why) => [why, 0]));
 * ```
 */
export const ATTENTION_RESOLUTIONS = [
  'progressed',
  'won',
  'lost',
  'reassigned',
  'rescheduled',
  'removed',
] as const satisfies readonly AttentionResolution[];

/**
 * A lead that is on the list at `asOf` and was on the earlier one: the row now and the entry then.
 *
 * @example
 * ```ts
 * const line = (c: AttentionChange) => `${c.row.name}: ${c.before.reason} → ${c.row.reason}`;
 * ```
 */
export interface AttentionChange {
  row: AttentionRow;
  before: AttentionEntry;
}

/**
 * A lead that was on the earlier list and is not on the list at `asOf` (of the scope's locator).
 *
 * @example
 * ```ts
 * const line = (r: ResolvedAttention) => `${r.name ?? r.before.leadId}: ${r.why}`;
 * ```
 */
export interface ResolvedAttention {
  before: AttentionEntry;
  why: AttentionResolution;
  /** The lead's name; `null` when it is no longer in the data. */
  name: string | null;
  /** Its stage at `asOf`; `null` when it is no longer in the data or did not exist yet. */
  stage: string | null;
  /** Its follow-up status at `asOf`; `null` when it is no longer in the data or did not exist yet. */
  status: FollowUpStatus | null;
  /** Whose it is now (for `reassigned`, the new locator); `null` = unassigned or not in the data. */
  locator: string | null;
}

/**
 * What changed on the list: each lead on it at `asOf` is in exactly one of `added`, `worse`, `better` and
 * `unchanged`; each lead of the earlier list (in scope) is in exactly one of `worse`, `better`, `unchanged`
 * and `resolved`.
 *
 * @example
 * ```ts
 * const c = attentionChanges(leads, reported, { asOf, timeZone, pipeline });
 * console.log(`${c.added.length} new, ${c.worse.length} worse, ${c.resolved.length} resolved`);
 * ```
 */
export interface AttentionChanges {
  asOf: Date;
  /** The list at `asOf` (of the scope's locator), in `needsAttention`'s order. */
  current: AttentionRow[];
  /** On the list now, not on the earlier one (for a locator: not theirs on it). In list order. */
  added: AttentionRow[];
  /** On both, with a more severe reason now (at-risk → stale, stalled → stuck-in-green, …). In list order. */
  worse: AttentionChange[];
  /** On both, with a less severe reason now. In list order. */
  better: AttentionChange[];
  /** On both with the same reason (its days may have grown). In list order. */
  unchanged: AttentionChange[];
  /** On the earlier list only, with why; in the earlier list's order. */
  resolved: ResolvedAttention[];
}

/**
 * Options of {@link attentionChanges}: those of `needsAttention` for the list at `asOf`, and an optional
 * locator scope.
 *
 * @example
 * ```ts
 * const options: AttentionChangesOptions = { asOf, timeZone: 'America/New_York', pipeline, locator: 'Ana Souza' };
 * ```
 */
export interface AttentionChangesOptions extends NeedsAttentionOptions {
  /**
   * Compare only one locator's leads (`null`: the unassigned ones): earlier entries of other locators are
   * ignored, and a lead of theirs that still needs attention under another locator is `reassigned`.
   * Default: every lead.
   */
  locator?: string | null;
}

/**
 * What changed on the needs-attention list between `before` (an earlier list, or what was last reported)
 * and the list of `leads` at `options.asOf`. With `before = needsAttention(leads, { …, asOf: a })` it
 * compares the list at instant `a` with the list at `asOf`. `leads` are lead objects or leads held as
 * columns ({@link ColumnarLeads}, as `loadCsvColumnar` (`@panopticon/core/csv`) returns them).
 *
 * @example
 * ```ts
 * const monday = needsAttention(leads, { asOf: mondayEvening, timeZone, pipeline });
 * const c = attentionChanges(leads, monday, { asOf: tuesdayEvening, timeZone, pipeline });
 * for (const r of c.resolved) console.log(`${r.name}: ${r.why}`);
 * ```
 */
export function attentionChanges(
  leads: readonly Lead[] | ColumnarLeads,
  before: readonly AttentionEntry[],
  options: AttentionChangesOptions,
): AttentionChanges {
  const ctx = resolveFollowUpOptions(options); // the options are checked before the leads are laid out
  const data = asColumnarLeads(leads);
  const scoped = options.locator !== undefined;
  const inScope = (locator: string | null) => !scoped || locator === options.locator;

  const everyone = needsAttention(data, options);
  const current = everyone.filter((row) => inScope(row.locator));
  // One entry per lead (the last given wins), in the order given.
  const earlier = new Map<string, AttentionEntry>();
  for (const entry of before) if (inScope(entry.locator)) earlier.set(entry.leadId, entry);

  const changes: AttentionChanges = { asOf: ctx.asOf, current, added: [], worse: [], better: [], unchanged: [], resolved: [] };
  const listed = new Set<string>();
  for (const row of current) {
    listed.add(row.leadId);
    const entry = earlier.get(row.leadId);
    if (entry === undefined) changes.added.push(row);
    else {
      const step = severity(row.reason) - severity(entry.reason);
      (step < 0 ? changes.worse : step > 0 ? changes.better : changes.unchanged).push({ row, before: entry });
    }
  }

  const left = [...earlier.values()].filter((entry) => !listed.has(entry.leadId));
  if (left.length === 0) return changes;
  const onListElsewhere = new Map(everyone.map((row) => [row.leadId, row]));
  const index = new Map<string, number>();
  for (let i = 0; i < data.leads.length; i++) index.set(data.leads.id[i]!, i);
  const judge = judgeFor(data, ctx);
  for (const entry of left) {
    const elsewhere = onListElsewhere.get(entry.leadId);
    const i = index.get(entry.leadId);
    if (i === undefined) {
      changes.resolved.push({ before: entry, why: 'removed', name: null, stage: null, status: null, locator: null });
      continue;
    }
    const j = judgeLeadAt(data, i, judge);
    const facts = { name: data.leads.name[i]!, locator: data.leads.locator[i]! };
    if (!j.exists) {
      changes.resolved.push({ before: entry, why: 'removed', ...facts, stage: null, status: null });
      continue;
    }
    const why: AttentionResolution = elsewhere
      ? 'reassigned'
      : j.status === 'won' || j.status === 'lost'
        ? j.status
        : j.status === 'progressed' || entry.reason === 'stuck-in-green' || entry.reason === 'stalled'
          ? 'progressed'
          : 'rescheduled';
    changes.resolved.push({ before: entry, why, ...facts, stage: j.stage, status: j.status });
  }
  return changes;
}

/** 0 = most severe (the order of ATTENTION_REASONS). */
function severity(reason: AttentionReason): number {
  return ATTENTION_REASONS.indexOf(reason);
}
