/**
 * Internal building blocks shared by the follow-up metrics, so that every metric reads a history the same
 * way: sorted by instant (stable), entries sharing an instant counted as the last of them, consecutive
 * repeats of a stage merged into one visit.
 *
 * @internal
 * @module
 */
import type { Pipeline } from '../model/pipeline.js';

interface Timed {
  at: Date;
}

/**
 * The entries ascending by `at`. The model promises ascending histories, so the common case is a linear
 * check that returns the input itself; otherwise a stable sorted copy (entries sharing an instant keep
 * their input order, so "the last one at an instant" keeps its meaning). Never mutates the input.
 */
export function sortedByAt<T extends Timed>(entries: readonly T[] | undefined): readonly T[] {
  if (!entries || entries.length === 0) return EMPTY;
  let previous = -Infinity;
  for (const e of entries) {
    const t = e.at.getTime();
    if (t < previous) return [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
    previous = t;
  }
  return entries;
}
const EMPTY: readonly never[] = [];

/** Index of the last entry at or before `ms` (binary search in a sorted history), or -1. */
export function lastIndexAtOrBefore(sorted: readonly Timed[], ms: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]!.at.getTime() <= ms) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The entries of a sorted history that start a visit, up to and including `untilMs`: of entries sharing an
 * instant only the last counts (the earlier ones lasted no time), and an entry repeating the stage of the
 * visit before it does not start a new one. Returns the input's own entry objects.
 */
export function visitStarts<T extends { stage: string; at: Date }>(sorted: readonly T[], untilMs: number): T[] {
  const starts: T[] = [];
  let current: string | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const entry = sorted[i]!;
    const t = entry.at.getTime();
    if (t > untilMs) break;
    const next = sorted[i + 1];
    if (next !== undefined && next.at.getTime() === t) continue;
    if (entry.stage === current) continue;
    current = entry.stage;
    starts.push(entry);
  }
  return starts;
}

/** The stage a sorted, non-empty history records at its first instant (the last entry sharing that instant). */
export function firstRecordedStage(sorted: readonly { stage: string; at: Date }[]): string {
  return sorted[lastIndexAtOrBefore(sorted, sorted[0]!.at.getTime())]!.stage;
}

/**
 * Stage names in report order: the pipeline's stages in pipeline order, then stages seen in the data but
 * missing from the pipeline, by name (code-unit order, so the result does not depend on input order or locale).
 */
export function orderedStages(pipeline: Pipeline, seen: Iterable<string>): string[] {
  const names = pipeline.stages.map((s) => s.name);
  const known = new Set(names);
  const unknown = new Set<string>();
  for (const s of seen) if (!known.has(s)) unknown.add(s);
  return names.concat([...unknown].sort(compareStrings));
}

/**
 * Sorts rows in place by their instant, then lead id (so the order does not depend on the input's), and
 * gives the days of the finished ones (`daysOf` null: not finished) sorted, for their quantiles.
 */
export function sortRowsByInstant<R extends { leadId: string }>(
  rows: R[],
  instantOf: (row: R) => Date,
  daysOf: (row: R) => number | null,
): Float64Array {
  rows.sort((a, b) => instantOf(a).getTime() - instantOf(b).getTime() || compareStrings(a.leadId, b.leadId));
  const days: number[] = [];
  for (const row of rows) {
    const d = daysOf(row);
    if (d !== null) days.push(d);
  }
  return Float64Array.from(days).sort();
}

/** Code-unit string order: deterministic and locale-independent. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
