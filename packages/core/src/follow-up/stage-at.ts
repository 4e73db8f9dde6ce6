import type { Lead } from '../model/lead.js';
import { firstRecordedStage, lastIndexAtOrBefore, sortedByAt } from './timeline.js';
import { checkLead } from '../model/lead-instant.js';

/**
 * The stage a lead was in at an instant: the stage of the last history entry at or before it (of several
 * entries sharing that instant, the last one). `null` before the lead existed (`instant < createdAt`).
 *
 * Two cases where the history cannot answer:
 * - the history is empty: the lead's `stage` field, its only record of a stage;
 * - the instant is after `createdAt` but before the first history entry: the stage of the first entry.
 *   A source usually writes the first entry at or just after creation, and where tracking began later the
 *   first recorded stage is still closer to the truth than today's `stage` field, so the lead is taken to
 *   have been in its first recorded stage since it was created.
 *
 * Snapshots, trends and every follow-up status are built on this one definition.
 *
 * @example
 * ```ts
 * const lead = { ...base, createdAt: new Date('2026-03-01T09:00Z'), stage: 'Follow-Up',
 *   stageHistory: [{ stage: 'New', at: new Date('2026-03-01T09:00Z') },
 *                  { stage: 'Follow-Up', at: new Date('2026-03-05T12:00Z') }] };
 * stageAt(lead, new Date('2026-03-04T00:00Z')); // 'New'
 * stageAt(lead, new Date('2026-02-01T00:00Z')); // null: the lead did not exist yet
 * ```
 */
export function stageAt(lead: Lead, instant: Date): string | null {
  const t = instant.getTime();
  checkLead(lead, 0);
  if (!(t >= lead.createdAt.getTime())) return null;
  const history = sortedByAt(lead.stageHistory);
  if (history.length === 0) return lead.stage;
  const i = lastIndexAtOrBefore(history, t);
  return i >= 0 ? history[i]!.stage : firstRecordedStage(history);
}
