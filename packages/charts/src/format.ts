/**
 * Text formatting shared by the figures: deterministic (no locale, no process time zone).
 *
 * @module
 */
import { formatDayNumber, formatRate, formatRateChange, localDayNumber } from '@panopticon/core';

/** A percentage (0–100, as core's figures hold `pctWithinSla`) in core's one rate format: "75.0 %"; "–" for none. */
export function formatPercent(value: number | null | undefined): string {
  return formatRate(value === null || value === undefined ? null : value / 100, '–');
}

/** A difference of two percentages, in points, as core's `formatRateChange` prints it: "+12.5 pts", "−3.0 pts", "±0 pts"; "–" for none. */
export function formatPoints(value: number | null | undefined): string {
  return (value === null || value === undefined ? null : formatRateChange(value / 100, 0)) ?? '–';
}

/** A signed whole number: "+3", "−2", "0". */
export function formatSigned(value: number): string {
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value)}`;
}

/** A response time: "45 min", "2 h 5 min", "3 d 4 h"; "–" for none. */
export function formatMinutes(minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) return '–';
  const m = Math.round(minutes);
  if (m < 60) return `${m} min`;
  if (m < 1440) {
    const h = Math.floor(m / 60);
    const rest = m % 60;
    return rest === 0 ? `${h} h` : `${h} h ${rest} min`;
  }
  const d = Math.floor(m / 1440);
  const h = Math.round((m % 1440) / 60);
  return h === 0 ? `${d} d` : `${d} d ${h} h`;
}

/** Days with at most one decimal: "3 days", "1 day", "0.5 days". */
export function formatDays(days: number): string {
  const r = Math.round(days * 10) / 10;
  return `${r} ${r === 1 ? 'day' : 'days'}`;
}

/** "1 lead", "3 leads". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

/** The "YYYY-MM-DD" calendar date of an instant in `timeZone`. */
export function formatDate(instant: Date, timeZone: string): string {
  return formatDayNumber(localDayNumber(instant, timeZone));
}

/** "as of 2026-03-31" for a subtitle, from an instant read in `timeZone`. */
export function asOfText(asOf: Date, timeZone: string): string {
  return `as of ${formatDate(asOf, timeZone)} (${timeZone})`;
}

/** Shortens a label to `max` characters with an ellipsis (axis ticks; tooltips keep the full text). */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`;
}

/** Rough width in pixels of a text at `fontSize` (no measuring in Node; good enough for layout). */
export function textWidth(text: string, fontSize = 10): number {
  return Math.ceil(text.length * fontSize * 0.56);
}

/** Code-unit order: the same everywhere, whatever the locale or ICU data. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A left margin that fits tick labels of up to `maxChars` characters (10 px font), within [min, max]. */
export function labelMargin(labels: readonly string[], min = 40, max = 200): number {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return Math.min(max, Math.max(min, textWidth('x'.repeat(longest)) + 14));
}
