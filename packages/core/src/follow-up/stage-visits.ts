import type { Lead } from '../model/lead.js';
import { instantMs } from './options.js';
import { sortedByAt, visitStarts } from './timeline.js';
import { checkLead } from '../model/lead-instant.js';

/**
 * One stay of a lead in one stage, `[enteredAt, exitedAt)` ({@link stageVisits}).
 *
 * @example
 * ```ts
 * const days = (visit: StageVisit) => visit.durationMs / MS_PER_DAY;
 * ```
 */
export interface StageVisit {
  /** The stage. */
  stage: string;
  /** When the lead entered it. */
  enteredAt: Date;
  /** When the next visit began; `null` for the current visit, which runs to `asOf`. */
  exitedAt: Date | null;
  /** `(exitedAt ?? asOf) − enteredAt`, in milliseconds. */
  durationMs: number;
  /** True for the current visit (`exitedAt === null`). */
  open: boolean;
}

/**
 * Options of {@link stageVisits}.
 *
 * @example
 * ```ts
 * stageVisits(lead, { asOf } satisfies StageVisitsOptions);
 * ```
 */
export interface StageVisitsOptions {
  /** The instant "now": history after it is ignored and the current visit runs to it. Required. */
  asOf: Date;
}

/**
 * A lead's recorded history split into visits, as it stood at `asOf`. Each visit runs from its entry to
 * the next visit's entry; the last one is open and runs to `asOf`. Visits are contiguous and their
 * durations add up to `asOf −` the first entry. Consecutive entries of one stage are one visit; of entries
 * sharing an instant only the last counts (the others lasted no time). Entries after `asOf` are ignored,
 * and a lead with no history (by `asOf`) has no visits.
 *
 * @example
 * ```ts
 * stageVisits(lead, { asOf: new Date('2026-03-31T00:00Z') });
 * // [{ stage: 'New', enteredAt: 03-01, exitedAt: 03-05, durationMs: 4 d, open: false },
 * //  { stage: 'Follow-Up', enteredAt: 03-05, exitedAt: null, durationMs: 26 d, open: true }]
 * ```
 */
export function stageVisits(lead: Lead, options: StageVisitsOptions): StageVisit[] {
  const asOfMs = instantMs('asOf', options.asOf);
  checkLead(lead, 0);
  return visitsOf(visitStarts(sortedByAt(lead.stageHistory), asOfMs), asOfMs);
}

function visitsOf(starts: readonly { stage: string; at: Date }[], asOfMs: number): StageVisit[] {
  const visits: StageVisit[] = [];
  for (let i = 0; i < starts.length; i++) {
    const { stage, at } = starts[i]!;
    const next = starts[i + 1];
    const exitedAt = next === undefined ? null : next.at;
    visits.push({
      stage,
      enteredAt: at,
      exitedAt,
      durationMs: (exitedAt === null ? asOfMs : exitedAt.getTime()) - at.getTime(),
      open: exitedAt === null,
    });
  }
  return visits;
}
