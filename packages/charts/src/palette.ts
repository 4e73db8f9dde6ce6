/**
 * The colours every Panopticon figure and the dashboard share, so that a status or a category looks the
 * same everywhere. Hues are chosen to stay distinct for the common colour-vision deficiencies where it
 * matters most (stale vs at-risk vs progressed), and every chart also labels what the colour means.
 *
 * @module
 */

import type { AttentionReason, FollowUpStatus, StageCategory } from '@panopticon/core';
import { ATTENTION_REASON_LABELS, FOLLOW_UP_STATUS_LABELS } from '@panopticon/core';

type StatusName = FollowUpStatus;
type CategoryName = StageCategory;
type ReasonName = AttentionReason;

/**
 * Statuses from the one that most needs action to the one that least does. The appointment calendar
 * colours a day by its worst status: the first of these among the day's appointments.
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

/** One colour per follow-up status: red for stale, orange for at risk, blues for moving leads, green for won. */
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

/** Human labels for statuses (legends and tooltips): core's `FOLLOW_UP_STATUS_LABELS`. */
export const STATUS_LABELS: Readonly<Record<StatusName, string>> = FOLLOW_UP_STATUS_LABELS;

/** Categories in pipeline order. */
export const CATEGORY_ORDER: readonly CategoryName[] = ['open', 'green', 'delivery', 'won', 'lost'];

/** One colour per stage category. */
export const CATEGORY_COLORS: Readonly<Record<CategoryName, string>> = {
  open: '#4e79a7',
  green: '#59a14f',
  delivery: '#f28e2b',
  won: '#9c6bb3',
  lost: '#9d9d9d',
};

/** Human labels for categories. */
export const CATEGORY_LABELS: Readonly<Record<CategoryName, string>> = {
  open: 'Open',
  green: 'Green (approved)',
  delivery: 'Delivery requested',
  won: 'Won',
  lost: 'Lost',
};

/** Reasons from the most severe, as `needsAttention` ranks them: stale > stuck in green > stalled > at risk. */
export const REASON_ORDER: readonly ReasonName[] = ['stale', 'stuck-in-green', 'stalled', 'at-risk'];

/** One colour per needs-attention reason; stale and at-risk match {@link STATUS_COLORS}. */
export const REASON_COLORS: Readonly<Record<ReasonName, string>> = {
  stale: STATUS_COLORS.stale,
  'stuck-in-green': '#7b5ea7',
  stalled: '#a0522d',
  'at-risk': STATUS_COLORS['at-risk'],
};

/** Human labels for reasons: core's `ATTENTION_REASON_LABELS`. */
export const REASON_LABELS: Readonly<Record<ReasonName, string>> = ATTENTION_REASON_LABELS;

/** Neutral colours used by every figure: grid outlines, empty cells, muted text, the no-data frame. */
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

/** A colour for any key, falling back to `fallback` for keys the table does not list (an unknown stage category, say). */
export function colorOf<K extends string>(table: Readonly<Record<K, string>>, key: string, fallback = '#bdbdbd'): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as K] : fallback;
}

/** The label of a key, falling back to the key itself. */
export function labelOf<K extends string>(table: Readonly<Record<K, string>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key as K] : key;
}

/**
 * The status among `statuses` that most needs action ({@link STATUS_ORDER}); unknown statuses rank last;
 * `undefined` for none.
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
