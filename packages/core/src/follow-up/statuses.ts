/**
 * The names of the follow-up statuses, apart from the rules that assign them (`judge.ts`), so that the
 * labels and messages can name them without depending on the judge.
 *
 * @module
 */

/**
 * The follow-up statuses in the order the rules are tried (first match wins): `no-appointment`, `won`,
 * `lost`, `upcoming`, `progressed`, `stale`, `at-risk`, `awaiting`.
 *
 * @example
 * ```ts
 * const counts = Object.fromEntries(FOLLOW_UP_STATUSES.map((s) => [s, 0])) as Record<FollowUpStatus, number>;
 * ```
 */
export const FOLLOW_UP_STATUSES = ['no-appointment', 'won', 'lost', 'upcoming', 'progressed', 'stale', 'at-risk', 'awaiting'] as const;

/**
 * Where an appointed lead stands at `asOf`; see {@link followUpStatus} for the rules.
 *
 * @example
 * ```ts
 * const cold = (status: FollowUpStatus) => status === 'stale' || status === 'at-risk';
 * ```
 */
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];
