/**
 * What changed on the needs-attention list since an earlier instant (`--since`, else a day before the
 * report's as-of): core's `attentionChanges` compares the list then with the list now, so the
 * page's "new" and "worse" markers and its "Resolved since" list follow the digest's rules exactly.
 *
 * @module
 */
import {
  attentionChanges,
  needsAttention,
  type AttentionChanges,
  type AttentionReason,
  type AttentionResolution,
  type FollowUpOptions,
  type FollowUpStatus,
  type ColumnarLeads,
} from '@panopticon/core';
import { localDateTime } from './local-time.js';

/** A row's change since the earlier list: new on it, or on both with a more severe reason now. */
export interface AttentionMark {
  change: 'new' | 'worse';
  /** For `worse`: its reason on the earlier list. */
  was: AttentionReason | null;
}

/** A lead that left the list since the earlier instant, with why (as the page lists it). */
export interface ResolvedRow {
  id: string;
  /** `null` when the lead is no longer in the data. */
  name: string | null;
  /** Its reason on the earlier list. */
  was: AttentionReason;
  why: AttentionResolution;
  /** Its stage and status now; `null` when no longer in the data (or not yet created). */
  stage: string | null;
  status: FollowUpStatus | null;
  /** Whose it is now (the new locator when reassigned); `null` = unassigned or not in the data. */
  locator: string | null;
}

/** The list now, with each row's mark, and the leads that left it since `since`. */
export interface AttentionSince {
  since: Date;
  /** `since` as "YYYY-MM-DD HH:MM" in the report's zone. */
  sinceText: string;
  changes: AttentionChanges;
  /** By lead id: the rows that are new or worse. */
  marks: Map<string, AttentionMark>;
  resolved: ResolvedRow[];
}

/** Compares the needs-attention list as of `since` with the list as of `followUp.asOf`. */
export function attentionSince(data: ColumnarLeads, followUp: FollowUpOptions, since: Date): AttentionSince {
  const before = needsAttention(data, { ...followUp, asOf: since });
  const changes = attentionChanges(data, before, followUp);
  const marks = new Map<string, AttentionMark>();
  for (const row of changes.added) marks.set(row.leadId, { change: 'new', was: null });
  for (const c of changes.worse) marks.set(c.row.leadId, { change: 'worse', was: c.before.reason });
  const resolved = changes.resolved.map((r) => ({
    id: r.before.leadId,
    name: r.name,
    was: r.before.reason,
    why: r.why,
    stage: r.stage,
    status: r.status,
    locator: r.locator,
  }));
  return { since, sinceText: localDateTime(since, followUp.timeZone), changes, marks, resolved };
}
