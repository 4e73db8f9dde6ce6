/**
 * The colours every Panopticon figure and the dashboard share, so that a status or a category looks the
 * same everywhere. Hues are chosen to stay distinct for the common colour-vision deficiencies where it
 * matters most (stale vs at-risk vs progressed), and every chart also labels what the colour means.
 *
 * @module
 */

import type { AttentionReason, FollowUpStatus, StageCategory } from '@panopticon/core';

type StatusName = FollowUpStatus;
type CategoryName = StageCategory;
type ReasonName = AttentionReason;

/**
 * Statuses from the one that most needs action to the one that least does. The appointment calendar
 * colours a day by its worst status: the first of these among the day's appointments.
 *
 * @example
 * ```ts
 * STATUS_ORDER[0]; // 'stale': the status that most needs action
 * [...statuses].sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b));
 * ```
 */
export const STATUS_ORDER: readonly StatusName[] = [
  'stale',
  'at-risk',
  'awaiting',
  'upcoming',
  'progressed',
  'lost',
  'won',
  'no-appointment',
];

/**
 * One colour per follow-up status: red for stale, orange for at risk, blues for moving leads, green for won.
 *
 * @example
 * ```ts
 * STATUS_COLORS.stale; // '#b2182b'
 * const fill = STATUS_COLORS[followUpStatus(lead, { asOf, timeZone, pipeline })];
 * ```
 */
export const STATUS_COLORS: Readonly<Record<StatusName, string>> = {
  stale: '#b2182b',
  'at-risk': '#f4a259',
  awaiting: '#f6d55c',
  upcoming: '#a6cee3',
  progressed: '#3a78b5',
  lost: '#8c8c8c',
  won: '#2e8540',
  'no-appointment': '#d9d9d9',
};

/**
 * Categories in pipeline order.
 *
 * @example
 * ```ts
 * const rank = (category: StageCategory) => CATEGORY_ORDER.indexOf(category); // open 0 … lost 4
 * ```
 */
export const CATEGORY_ORDER: readonly CategoryName[] = ['open', 'green', 'delivery', 'won', 'lost'];

/**
 * One colour per stage category.
 *
 * @example
 * ```ts
 * CATEGORY_COLORS.green; // '#59a14f'
 * ```
 */
export const CATEGORY_COLORS: Readonly<Record<CategoryName, string>> = {
  open: '#4e79a7',
  green: '#59a14f',
  delivery: '#f28e2b',
  won: '#9c6bb3',
  lost: '#9d9d9d',
};

/**
 * Human labels for categories.
 *
 * @example
 * ```ts
 * CATEGORY_LABELS.delivery; // 'Delivery requested'
 * ```
 */
export const CATEGORY_LABELS: Readonly<Record<CategoryName, string>> = {
  open: 'Open',
  green: 'Green (approved)',
  delivery: 'Delivery requested',
  won: 'Won',
  lost: 'Lost',
};

/**
 * Reasons from the most severe, as `needsAttention` ranks them: stale > stuck in green > stalled > at risk.
 *
 * @example
 * ```ts
 * const rows = needsAttention(leads, { asOf, timeZone, pipeline });
 * rows.sort((a, b) => REASON_ORDER.indexOf(a.reason) - REASON_ORDER.indexOf(b.reason));
 * ```
 */
export const REASON_ORDER: readonly ReasonName[] = ['stale', 'stuck-in-green', 'stalled', 'at-risk'];

/**
 * One colour per needs-attention reason; stale and at-risk match {@link STATUS_COLORS}.
 *
 * @example
 * ```ts
 * REASON_COLORS['stuck-in-green']; // '#7b5ea7'
 * REASON_COLORS.stale === STATUS_COLORS.stale; // true
 * ```
 */
export const REASON_COLORS: Readonly<Record<ReasonName, string>> = {
  stale: STATUS_COLORS.stale,
  'stuck-in-green': '#7b5ea7',
  stalled: '#a0522d',
  'at-risk': STATUS_COLORS['at-risk'],
};

/**
 * Neutral colours used by every figure: grid outlines, empty cells, muted text, the no-data frame.
 *
 * @example
 * ```ts
 * const frame = `<rect width="100" height="40" fill="${NEUTRAL_COLORS.empty}" stroke="${NEUTRAL_COLORS.outline}"/>`;
 * ```
 */
export const NEUTRAL_COLORS = {
  /** Outline of an empty cell and the no-data frame. */
  outline: '#c8c8c8',
  /** Hatch lines of an empty cell. */
  hatch: '#d4d4d4',
  /** Background of an empty cell. */
  empty: '#f7f7f7',
  /** Subtitles and secondary text. */
  muted: '#5f5f5f',
  /** Reference rules (thresholds, zero lines). */
  rule: '#222222',
} as const;

/**
 * A colour for any key, falling back to `fallback` for keys the table does not list (an unknown stage
 * category, say).
 *
 * @example
 * ```ts
 * colorOf(CATEGORY_COLORS, 'won'); // '#9c6bb3'
 * colorOf(CATEGORY_COLORS, 'archived'); // '#bdbdbd' (not a category)
 * colorOf(CATEGORY_COLORS, 'archived', 'black'); // 'black'
 * ```
 */
export function colorOf<K extends string>(table: Readonly<Record<K, string>>, key: string, fallback = '#bdbdbd'): string {
  return Object.hasOwn(table, key) ? table[key as K] : fallback;
}

/**
 * The label of a key, falling back to the key itself.
 *
 * @example
 * ```ts
 * labelOf(FOLLOW_UP_STATUS_LABELS, 'no-appointment'); // 'No appointment'
 * labelOf(FOLLOW_UP_STATUS_LABELS, 'archived'); // 'archived'
 * ```
 */
export function labelOf<K extends string>(table: Readonly<Record<K, string>>, key: string): string {
  return Object.hasOwn(table, key) ? table[key as K] : key;
}

/**
 * The status among `statuses` that most needs action ({@link STATUS_ORDER}); unknown statuses rank last;
 * `undefined` for none.
 *
 * @example
 * ```ts
 * worstStatus(['progressed', 'at-risk', 'awaiting']); // 'at-risk'
 * worstStatus(['won', 'archived']); // 'won' (unknown statuses rank last)
 * worstStatus([]); // undefined
 * ```
 */
export function worstStatus(statuses: Iterable<string>): string | undefined {
  let worst: string | undefined;
  let worstRank = Infinity;
  for (const s of statuses) {
    const i = STATUS_ORDER.indexOf(s as StatusName);
    const rank = i < 0 ? STATUS_ORDER.length : i;
    if (rank < worstRank) {
      worst = s;
      worstRank = rank;
    }
  }
  return worst;
}
