/**
 * The needs-attention list counted per locator: `panopticon attention --by locator` and the dashboard's
 * "Needs attention by locator" download (report/table-csv.ts) write these rows, so the two agree by
 * construction. Rows in the figure's order (charts' attentionByLocatorFigure): most leads first, then the
 * most severe mix, then by name.
 *
 * @module
 */
import { ATTENTION_REASONS, UNASSIGNED_LOCATOR, type AttentionReason } from '@panopticon/core';
import type { Cell } from './format.js';

/** The columns of `panopticon attention --by locator --format csv`: the locator, its leads on the list, and how many of each reason. */
export const ATTENTION_BY_LOCATOR_CSV_COLUMNS = ['locator', 'needsAttention', ...ATTENTION_REASONS] as const;

/** One locator's leads on the list; `locator` null = unassigned. */
export interface AttentionByLocatorRow {
  locator: string | null;
  needsAttention: number;
  reasons: Record<AttentionReason, number>;
}

/** Counts needs-attention rows per locator (every locator with a lead on the list). */
export function attentionByLocator(rows: readonly { locator: string | null; reason: AttentionReason }[]): AttentionByLocatorRow[] {
  const byLocator = new Map<string | null, AttentionByLocatorRow>();
  for (const r of rows) {
    let row = byLocator.get(r.locator);
    if (!row) {
      const reasons = Object.fromEntries(ATTENTION_REASONS.map((k) => [k, 0])) as Record<AttentionReason, number>;
      byLocator.set(r.locator, (row = { locator: r.locator, needsAttention: 0, reasons }));
    }
    row.needsAttention++;
    row.reasons[r.reason]++;
  }
  const name = (r: AttentionByLocatorRow) => r.locator ?? UNASSIGNED_LOCATOR;
  return [...byLocator.values()].sort((a, b) => {
    const d = b.needsAttention - a.needsAttention;
    if (d !== 0) return d;
    for (const k of ATTENTION_REASONS) if (b.reasons[k] !== a.reasons[k]) return b.reasons[k] - a.reasons[k];
    return name(a) < name(b) ? -1 : name(a) > name(b) ? 1 : 0;
  });
}

/** The CSV cells of a row, in {@link ATTENTION_BY_LOCATOR_CSV_COLUMNS} order (unassigned: an empty locator, as `attention` writes it). */
export function attentionByLocatorCsvCells(r: AttentionByLocatorRow): Cell[] {
  return [r.locator, r.needsAttention, ...ATTENTION_REASONS.map((k) => r.reasons[k])];
}
