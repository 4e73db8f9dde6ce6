import type { DataIssue, OwnerChange, StageChange } from '@panopticon/core';
import { parseZohoDateTime } from './datetime.js';
import type { ZohoHistoryModuleConfig } from './mapping.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import { compareIds, hasField, lookupId, rawText, textValue } from './values.js';

/**
 * One usable row of the history-tracking module.
 *
 * @example
 * ```ts
 * const row: HistoryRow | null = parseHistoryRow(record, DEFAULT_HISTORY_MODULE, 'UTC').row;
 * if (row) console.log(`${row.leadId} entered ${row.stage} at ${row.at.toISOString()}, then ${row.movedTo ?? '(still there)'}`);
 * ```
 */
export interface HistoryRow {
  rowId: string;
  leadId: string;
  stage: string;
  /** When the lead entered `stage`. */
  at: Date;
  /** The next stage; null on the open (current) row. */
  movedTo: string | null;
  /**
   * The owner during the row, where the module tracks it (`config.owner`); null: unassigned. Absent when no
   * owner column is configured or the row does not carry it.
   */
  owner?: string | null;
}

/**
 * Reads one history-module row. A row without a lead, a stage or a readable entry time is rejected with
 * an `error` issue (the lead itself is kept); `file` names the module.
 *
 * @example
 * ```ts
 * const record = {
 *   id: '9001', Full_Name: { id: '42', name: 'Joe Smith' }, Lead_Status: 'Contacted',
 *   Moved_To__s: 'Appointment Set', Modified_Time: '2026-03-02T10:00:00+05:30',
 * };
 * parseHistoryRow(record, DEFAULT_HISTORY_MODULE, 'UTC');
 * // { row: { rowId: '9001', leadId: '42', stage: 'Contacted', at: 2026-03-02T04:30Z, movedTo: 'Appointment Set' }, issue: null }
 * ```
 */
export function parseHistoryRow(
  row: ZohoRecord,
  config: ZohoHistoryModuleConfig,
  timeZone: string,
): { row: HistoryRow | null; issue: DataIssue | null } {
  const file = `zoho:${config.module}`;
  const rowId = typeof row.id === 'string' ? row.id : rawText(row.id);
  const leadId = lookupId(row[config.parent]);
  const stage = textValue(row[config.stage]);
  const timeText = row[config.time];
  const at = typeof timeText === 'string' ? parseZohoDateTime(timeText, timeZone) : null;
  const bad = (field: string, value: unknown, message: string) => ({
    row: null,
    issue: {
      severity: 'error' as const,
      code: 'history-row-invalid' as const,
      message,
      file,
      recordId: rowId,
      field,
      value: rawText(value),
    },
  });
  if (leadId === null) return bad(config.parent, row[config.parent], messages.historyRowNoLead(config.parent));
  if (stage === null) return bad(config.stage, row[config.stage], messages.historyRowNoStage(config.stage, leadId));
  if (at === null) return bad(config.time, timeText, messages.historyRowBadTime(config.time, leadId));
  const parsed: HistoryRow = { rowId, leadId, stage, at, movedTo: textValue(row[config.movedTo]) };
  if (config.owner !== undefined && hasField(row, config.owner)) parsed.owner = textValue(row[config.owner]);
  return { row: parsed, issue: null };
}

/**
 * Rows of one lead → its stage history: ascending by entry time (ties by row id), and consecutive rows
 * with the same stage collapsed into the first (Zoho writes a new row when the same value is saved again).
 *
 * @example
 * ```ts
 * const rows = records
 *   .map((r) => parseHistoryRow(r, DEFAULT_HISTORY_MODULE, 'UTC').row)
 *   .filter((r): r is HistoryRow => r !== null && r.leadId === '42');
 * const stageHistory = stageHistoryFromRows(rows); // lead 42's stages, oldest first
 * ```
 */
export function stageHistoryFromRows(rows: readonly HistoryRow[]): StageChange[] {
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || compareIds(a.rowId, b.rowId));
  return collapseStages(sorted.map((r) => ({ stage: r.stage, at: r.at })));
}

/**
 * Rows of one lead → its owner history, where every row carries its owner (the module tracks owners, and
 * writes a row on each owner change); null when a row does not. Ascending, consecutive repeats collapsed.
 *
 * @example
 * ```ts
 * const rows = records
 *   .map((r) => parseHistoryRow(r, { ...DEFAULT_HISTORY_MODULE, owner: 'Lead_Owner' }, 'UTC').row)
 *   .filter((r): r is HistoryRow => r !== null && r.leadId === '42');
 * const owners = ownerHistoryFromRows(rows); // lead 42's owners, oldest first, or null
 * ```
 */
export function ownerHistoryFromRows(rows: readonly HistoryRow[]): OwnerChange[] | null {
  if (rows.length === 0 || rows.some((r) => r.owner === undefined)) return null;
  const sorted = [...rows].sort((a, b) => a.at.getTime() - b.at.getTime() || compareIds(a.rowId, b.rowId));
  return collapseOwners(sorted.map((r) => ({ locator: r.owner ?? null, at: r.at })));
}

/**
 * Sorts ascending (stable) and keeps only the first of consecutive entries with the same stage.
 *
 * @example
 * ```ts
 * collapseStages([
 *   { stage: 'Contacted', at: new Date('2026-03-05T00:00:00Z') },
 *   { stage: 'New', at: new Date('2026-03-01T00:00:00Z') },
 *   { stage: 'Contacted', at: new Date('2026-03-07T00:00:00Z') }, // saved again: dropped
 * ]);
 * // [{ stage: 'New', at: 2026-03-01 }, { stage: 'Contacted', at: 2026-03-05 }]
 * ```
 */
export function collapseStages(entries: readonly StageChange[]): StageChange[] {
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: StageChange[] = [];
  for (const e of sorted) if (out.length === 0 || out[out.length - 1]!.stage !== e.stage) out.push({ stage: e.stage, at: e.at });
  return out;
}

/**
 * Sorts ascending (stable) and keeps only the first of consecutive entries with the same locator.
 *
 * @example
 * ```ts
 * collapseOwners([
 *   { locator: 'Ana Souza', at: new Date('2026-03-01T00:00:00Z') },
 *   { locator: 'Ana Souza', at: new Date('2026-03-04T00:00:00Z') }, // no change: dropped
 *   { locator: null, at: new Date('2026-03-09T00:00:00Z') },
 * ]);
 * // [{ locator: 'Ana Souza', at: 2026-03-01 }, { locator: null, at: 2026-03-09 }]
 * ```
 */
export function collapseOwners(entries: readonly OwnerChange[]): OwnerChange[] {
  const sorted = [...entries].sort((a, b) => a.at.getTime() - b.at.getTime());
  const out: OwnerChange[] = [];
  for (const e of sorted) if (out.length === 0 || out[out.length - 1]!.locator !== e.locator) out.push({ locator: e.locator, at: e.at });
  return out;
}
