/**
 * Stage and owner history entries read from JSON: held inside a lead (`stageHistory: [{ stage, at }]`)
 * or as flat rows naming their lead (`{ leadId, stage, at }`). Each entry is a row of its input
 * (`stageHistory` / `ownerHistory`): accepted, or rejected with an error naming the lead and the field. @internal
 *
 * @module
 */
import type { OwnerChange, StageChange } from '../../model/lead.js';
import type { FileLog } from '../csv/file-log.js';
import type { TimestampParser } from '../csv/timestamp.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { RecordFields, isRecord, shownValue } from './json-fields.js';
import { jsonMessages } from './messages.js';

/** The two histories of a lead. */
export type HistoryKind = 'stageHistory' | 'ownerHistory';

/** An accepted entry and where it came from (for the warnings made once the lead is complete). */
export interface PlacedEntry<T> {
  entry: T;
  /** The field of its time in issues: `stageHistory[2].at` inside a lead, `at` for a flat row. */
  atField: string;
  log: FileLog;
}

/** The entry's value: a stage name (stage history) or a locator, null for unassigned (owner history). */
function readValue(kind: HistoryKind, fields: RecordFields, record: Record<string, unknown>): { ok: boolean; value: string | null } {
  if (kind === 'stageHistory') {
    const stage = fields.requiredText('stage');
    return { ok: stage !== undefined, value: stage ?? null };
  }
  // `locator: null` is an unassignment; only an absent locator is missing.
  if (!('locator' in record)) return { ok: fields.requiredText('locator') !== undefined, value: null };
  return { ok: true, value: fields.optionalText('locator') };
}

/** One entry as a `StageChange` / `OwnerChange`, or `undefined` when rejected (the errors are logged). */
function readEntry(kind: HistoryKind, fields: RecordFields, record: Record<string, unknown>): StageChange | OwnerChange | undefined {
  const { ok, value } = readValue(kind, fields, record);
  const at = fields.requiredInstant('at');
  if (!ok || at === undefined) return undefined;
  return kind === 'stageHistory' ? { stage: value!, at: new Date(at) } : { locator: value, at: new Date(at) };
}

/**
 * The entries held inside one lead (`lead.stageHistory` / `lead.ownerHistory`), each a row of `log`.
 * Absent is no entries; a value that is not an array is one error and no entries.
 */
export function readLeadEntries<T extends StageChange | OwnerChange>(
  kind: HistoryKind,
  value: unknown,
  leadId: string,
  log: FileLog,
  parse: TimestampParser,
): PlacedEntry<T>[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    log.beginRow();
    log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.wrongType(kind, 'an array', value, true), {
      recordId: leadId,
      field: kind,
      value: shownValue(value),
    });
    log.endRow();
    return [];
  }
  const placed: PlacedEntry<T>[] = [];
  value.forEach((item, i) => {
    const where = `${kind}[${i}]`;
    log.beginRow();
    if (!isRecord(item)) {
      log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.notAnObject(`${where} of lead ${JSON.stringify(leadId)}`, item), {
        recordId: leadId,
        field: where,
      });
    } else {
      const fields = new RecordFields(log, parse, item, `${where} of lead ${JSON.stringify(leadId)}`, `${where}.`);
      fields.recordId = leadId;
      const entry = readEntry(kind, fields, item);
      if (entry !== undefined) placed.push({ entry: entry as T, atField: `${where}.at`, log });
    }
    log.endRow();
  });
  return placed;
}

/**
 * Flat history rows (`[{ leadId, stage, at }]` / `[{ leadId, locator, at }]`), each a row of `log`,
 * handed to `attach` with their lead's id; `attach` returns false when no accepted lead has that id (the
 * row is then rejected as `unknown-lead`).
 */
export function readFlatEntries<T extends StageChange | OwnerChange>(
  kind: HistoryKind,
  rows: readonly unknown[],
  log: FileLog,
  parse: TimestampParser,
  attach: (leadId: string, placed: PlacedEntry<T>) => boolean,
): void {
  rows.forEach((item, i) => {
    const where = `${kind}[${i}]`;
    log.beginRow();
    if (!isRecord(item)) {
      log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.notAnObject(where, item), { field: where });
    } else {
      const fields = new RecordFields(log, parse, item, where);
      const leadId = fields.id('leadId');
      fields.recordId = leadId;
      const entry = readEntry(kind, fields, item);
      if (leadId !== undefined && entry !== undefined && !attach(leadId, { entry: entry as T, atField: 'at', log })) {
        log.error(DATA_ISSUE_CODES.unknownLead, jsonMessages.unknownLead(leadId), { recordId: leadId, field: 'leadId', value: leadId });
      }
    }
    log.endRow();
  });
}

/** The entries sorted by time, stably (the model keeps histories ascending). */
export function sortedEntries<T extends { at: Date }>(placed: readonly PlacedEntry<T>[]): PlacedEntry<T>[] {
  return placed
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.entry.at.getTime() - b.p.entry.at.getTime() || a.i - b.i)
    .map(({ p }) => p);
}
