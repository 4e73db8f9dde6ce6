/**
 * The names of the needs-attention reasons and their severity order, apart from the rule that picks a
 * lead's reason (`attention.ts`), so that the labels and messages can name them without depending on it.
 *
 * @module
 */

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
