/**
 * User-facing texts of the follow-up metrics: labels for statuses and reasons (for tables and charts) and
 * the error messages of invalid options. Kept together so wording stays consistent and tests can match it.
 * Each error names the bad value and says what is expected instead.
 *
 * @module
 */
import type { AttentionReason } from './reasons.js';
import type { FollowUpStatus } from './statuses.js';

/** Quotes a value for a message: strings in double quotes, dates as ISO text, everything else as `String()` shows it. */
function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

/**
 * Shown in place of a `null` locator (a lead nobody is accountable for).
 *
 * @example
 * ```ts
 * const who = lead.locator ?? UNASSIGNED_LOCATOR; // '(unassigned)'
 * ```
 */
export const UNASSIGNED_LOCATOR = '(unassigned)';

/**
 * Short human labels of the follow-up statuses, for table cells and legends.
 *
 * @example
 * ```ts
 * FOLLOW_UP_STATUS_LABELS[followUpStatus(lead, { asOf, timeZone, pipeline })]; // e.g. 'At risk'
 * ```
 */
export const FOLLOW_UP_STATUS_LABELS = {
  /** The lead has no appointment. */
  'no-appointment': 'No appointment',
  /** Its stage is in a `won` category. */
  won: 'Won',
  /** Its stage is in a `lost` category. */
  lost: 'Lost',
  /** The appointment is still ahead. */
  upcoming: 'Upcoming',
  /** The stage moved after the appointment. */
  progressed: 'Progressed',
  /** `staleAfterDays` or more since the appointment without progress. */
  stale: 'Stale',
  /** `warnAfterDays` or more since the appointment without progress. */
  'at-risk': 'At risk',
  /** The appointment passed recently; no progress yet. */
  awaiting: 'Awaiting',
} as const satisfies Record<FollowUpStatus, string>;

/**
 * Short human labels of the needs-attention reasons, for table cells and legends.
 *
 * @example
 * ```ts
 * needsAttention(leads, { asOf, timeZone, pipeline }).map((r) => ATTENTION_REASON_LABELS[r.reason]);
 * ```
 */
export const ATTENTION_REASON_LABELS = {
  /** Stale: `staleAfterDays` or more since the appointment without progress. */
  stale: 'Stale',
  /** In green for `greenStuckAfterDays` or more without a move to delivery or won. */
  'stuck-in-green': 'Stuck in green',
  /** Progressed, then held in a stage past that stage's own `staleAfterDays`. */
  stalled: 'Stalled',
  /** `warnAfterDays` or more since the appointment without progress. */
  'at-risk': 'At risk',
} as const satisfies Record<AttentionReason, string>;

/**
 * Error texts of invalid follow-up options (what the `RangeError`s and `TypeError`s of the follow-up
 * functions say), for tests and log filters.
 *
 * @example
 * ```ts
 * followUpMessages.invalidDayCount('weekdays'); // "dayCount must be 'calendar' or 'business'; got \"weekdays\"."
 * ```
 */
export const followUpMessages = {
  /** An instant option (`asOf`, `at`, `from`, `to`) that is not a valid `Date`. */
  invalidInstant: (name: string, value: unknown) => `${name} must be a valid Date; got ${show(value)}.`,
  /** A day-count threshold that is not a whole number of days ≥ 0. */
  invalidDays: (name: string, value: unknown) => `${name} must be a whole number of days, zero or more; got ${show(value)}.`,
  /** An unknown `dayCount`. */
  invalidDayCount: (value: unknown) => `dayCount must be 'calendar' or 'business'; got ${show(value)}.`,
  /** An unknown trend step. */
  invalidEvery: (value: unknown) => `every must be 'day' or 'week'; got ${show(value)}.`,
  /** No pipeline was given (or it has no stages). */
  missingPipeline: () => 'pipeline is required: pass the parsed pipeline (parsePipeline(json)) that lists the stages and their categories.',
};
