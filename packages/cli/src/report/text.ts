/**
 * Words of the dashboard page shared by its sections: counted nouns, labels of statuses and reasons,
 * long dates.
 *
 * @module
 */
import { ATTENTION_REASON_LABELS, FOLLOW_UP_STATUS_LABELS, WEEKDAY_NAMES, parseDayNumber, weekdayOfDayNumber } from '@panopticon/core';
import { formatCount } from './tiles.js';

/** "1 lead", "12,345 leads", "2 leads need" (`many` when the plural is not `one` + "s"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** The label of a follow-up status ("Stale"), or the status itself if it has none. */
export function statusLabel(status: string): string {
  return (FOLLOW_UP_STATUS_LABELS as Record<string, string>)[status] ?? status;
}

/** The label of an attention reason ("Stuck in green"), or the reason itself if it has none. */
export function reasonLabel(reason: string): string {
  return (ATTENTION_REASON_LABELS as Record<string, string>)[reason] ?? reason;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "Saturday 31 October 2026" from "2026-10-31". */
export function longDate(isoDate: string): string {
  const day = parseDayNumber(isoDate);
  return `${WEEKDAY_NAMES[weekdayOfDayNumber(day)]} ${Number(isoDate.slice(8, 10))} ${MONTHS[Number(isoDate.slice(5, 7)) - 1]} ${isoDate.slice(0, 4)}`;
}
