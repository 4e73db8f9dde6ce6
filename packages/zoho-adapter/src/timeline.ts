import type { DataIssue, OwnerChange, StageChange } from '@panopticon/core';
import { parseZohoDateTime } from './datetime.js';
import { collapseOwners, collapseStages } from './history.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import { rawText, textValue } from './values.js';

/**
 * What {@link historiesFromTimeline} reads from a timeline: the stage and owner histories, and the issues.
 *
 * @example
 * ```ts
 * const { stage, owner, issues }: TimelineHistories = historiesFromTimeline(entries, context);
 * const lead: Lead = { ...fields, stageHistory: stage, ownerHistory: owner };
 * ```
 */
export interface TimelineHistories {
  stage: StageChange[];
  owner: OwnerChange[];
  issues: DataIssue[];
}

/**
 * The lead a timeline belongs to, and how to read it.
 *
 * @example
 * ```ts
 * const context: TimelineContext = {
 *   leadId: '42', stageField: 'Lead_Status', locatorField: 'Owner', module: 'Leads', timeZone: 'UTC',
 *   createdAt: new Date('2026-03-01T09:00:00Z'), currentStage: 'Contacted', currentLocator: 'Ana Souza',
 * };
 * const { stage, owner } = historiesFromTimeline(entries, context);
 * ```
 */
export interface TimelineContext {
  leadId: string;
  /** The stage field's API name (`Lead_Status`). */
  stageField: string;
  /** The locator field's API name (`Owner`). */
  locatorField: string;
  createdAt: Date;
  currentStage: string;
  currentLocator: string | null;
  timeZone: string;
  /** Module name for issues (`Leads`). */
  module: string;
}

interface Change {
  at: Date;
  old: string | null;
  new: string | null;
}

/**
 * A record's timeline (`GET /Leads/{id}/__timeline`, the per-record audit trail) → its stage and owner histories. Each `field_history` item on
 * the stage (or locator) field is a change `_value.old → _value.new` at `audited_time`. The value before
 * the first change is the one held since creation; with no change at all, the current value has been held
 * since creation. Entries with an unreadable time are skipped with a warning.
 *
 * @example
 * ```ts
 * const entries: ZohoRecord[] = [
 *   { audited_time: '2026-03-02T10:00:00+00:00', field_history: [{ api_name: 'Lead_Status', _value: { old: 'New', new: 'Contacted' } }] },
 * ];
 * historiesFromTimeline(entries, context).stage;
 * // [{ stage: 'New', at: 2026-03-01T09:00Z }, { stage: 'Contacted', at: 2026-03-02T10:00Z }]
 * ```
 */
export function historiesFromTimeline(entries: readonly ZohoRecord[], context: TimelineContext): TimelineHistories {
  const issues: DataIssue[] = [];
  const stageChanges: Change[] = [];
  const ownerChanges: Change[] = [];
  for (const entry of entries) {
    const items = Array.isArray(entry.field_history) ? (entry.field_history as ZohoRecord[]) : [];
    const relevant = items.filter((i) => i && (i.api_name === context.stageField || i.api_name === context.locatorField));
    if (relevant.length === 0) continue;
    const at = typeof entry.audited_time === 'string' ? parseZohoDateTime(entry.audited_time, context.timeZone) : null;
    if (at === null) {
      issues.push({
        severity: 'warning',
        code: 'timeline-entry-invalid',
        message: messages.timelineBadTime(),
        file: `zoho:${context.module}/__timeline`,
        recordId: context.leadId,
        field: 'audited_time',
        value: rawText(entry.audited_time),
      });
      continue;
    }
    for (const item of relevant) {
      const value = (item._value ?? {}) as { old?: unknown; new?: unknown };
      const change = { at, old: textValue(value.old), new: textValue(value.new) };
      (item.api_name === context.stageField ? stageChanges : ownerChanges).push(change);
    }
  }
  const byTime = (a: Change, b: Change) => a.at.getTime() - b.at.getTime();
  stageChanges.sort(byTime);
  ownerChanges.sort(byTime);

  const stage: StageChange[] = [];
  const initialStage = stageChanges.length ? stageChanges[0]!.old : context.currentStage;
  if (initialStage !== null) stage.push({ stage: initialStage, at: context.createdAt });
  for (const c of stageChanges) if (c.new !== null) stage.push({ stage: c.new, at: c.at });

  const owner: OwnerChange[] = [];
  const initialOwner = ownerChanges.length ? ownerChanges[0]!.old : context.currentLocator;
  owner.push({ locator: initialOwner, at: context.createdAt });
  for (const c of ownerChanges) owner.push({ locator: c.new, at: c.at });

  return { stage: collapseStages(stage), owner: collapseOwners(owner), issues };
}
