import type { DataIssue, DataIssueCode, Lead } from '@panopticon/core';
import { parseZohoDateTime } from './datetime.js';
import type { ZohoFieldMapping } from './mapping.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import { rawText, textValue } from './values.js';

/**
 * A lead without its histories, as read from one Leads record.
 *
 * @example
 * ```ts
 * const { lead } = mapLeadRecord(record, context);
 * const full: Lead | null = lead && { ...lead, stageHistory: [], ownerHistory: [] };
 * ```
 */
export type LeadFields = Omit<Lead, 'stageHistory' | 'ownerHistory'>;

/**
 * How {@link mapLeadRecord} reads a record: the field mapping, the zone of values without an offset, and
 * where issues say it came from.
 *
 * @example
 * ```ts
 * const context: MapLeadContext = {
 *   mapping: resolveFieldMapping({ team: null }),
 *   timeZone: 'America/New_York',
 *   file: 'zoho:Leads',
 *   appointmentFromField: true,
 * };
 * const { lead, issues } = mapLeadRecord(record, context);
 * ```
 */
export interface MapLeadContext {
  mapping: ZohoFieldMapping;
  /** Zone for values without an offset (dates). */
  timeZone: string;
  /** Where issues say the record came from, e.g. `zoho:Leads`. */
  file: string;
  /** Read the appointment from `mapping.appointmentAt` (false when it comes from Events). */
  appointmentFromField: boolean;
}

/**
 * What {@link mapLeadRecord} makes of one record: the lead (or null when rejected) and the data issues.
 *
 * @example
 * ```ts
 * const { id, lead, issues }: MappedLead = mapLeadRecord(record, context);
 * if (lead === null) console.error(`record ${id ?? '(no id)'} rejected:`, issues.map((i) => i.message));
 * ```
 */
export interface MappedLead {
  /** The record's id, when it has a usable one. */
  id: string | null;
  /** The lead, when the record is valid. */
  lead: LeadFields | null;
  issues: DataIssue[];
}

/**
 * Maps one Leads record to the lead model. Invalid values become data issues naming the record, the Zoho
 * field and the value: a missing or numeric id, a missing stage, or a date-time that is not one rejects
 * the record (`error`); a missing name is a `warning`.
 *
 * @example
 * ```ts
 * const record = {
 *   id: '42', Full_Name: 'Joe Smith', Owner: { id: '7', name: 'Ana Souza' },
 *   Lead_Status: 'New', Created_Time: '2026-03-01T09:00:00+05:30',
 * };
 * const { lead } = mapLeadRecord(record, { mapping: DEFAULT_FIELD_MAPPING, timeZone: 'UTC', file: 'zoho:Leads', appointmentFromField: true });
 * // { id: '42', name: 'Joe Smith', locator: 'Ana Souza', stage: 'New', createdAt: 2026-03-01T03:30Z, company: null, … }
 * ```
 */
export function mapLeadRecord(record: ZohoRecord, context: MapLeadContext): MappedLead {
  const { mapping, timeZone, file } = context;
  const issues: DataIssue[] = [];
  const rawId = record.id;
  let id: string | null = null;
  if (typeof rawId === 'string' && rawId.trim() !== '') id = rawId.trim();
  else if (typeof rawId === 'number') {
    issues.push({ severity: 'error', code: 'invalid-id', message: messages.numericId(), file, field: 'id', value: String(rawId) });
  } else {
    issues.push({ severity: 'error', code: 'missing-id', message: messages.missingId(), file, field: 'id', value: rawText(rawId) });
  }
  const where = id === null ? {} : { recordId: id };
  const error = (code: DataIssueCode, field: string, value: unknown, message: string) =>
    issues.push({ severity: 'error', code, message, file, ...where, field, value: rawText(value) });

  const stage = textValue(record[mapping.stage]);
  if (stage === null) error('missing-stage', mapping.stage, record[mapping.stage], messages.missingStage(mapping.stage));

  const time = (field: string | null, required: boolean): Date | null => {
    if (!field) return null;
    const value = record[field];
    if (value === null || value === undefined || value === '') {
      if (required) error('missing-timestamp', field, value, messages.missingTimestamp(field));
      return null;
    }
    if (typeof value !== 'string') {
      error('unparseable-timestamp', field, value, messages.badTimestamp(field));
      return null;
    }
    const date = parseZohoDateTime(value, timeZone);
    if (date === null) error('unparseable-timestamp', field, value, messages.badTimestamp(field));
    return date;
  };
  const createdAt = time(mapping.createdAt, true);
  const firstContactAt = time(mapping.firstContactAt, false);
  const appointmentAt = context.appointmentFromField ? time(mapping.appointmentAt, false) : null;
  const assignedAt = mapping.assignedAt ? time(mapping.assignedAt, false) : undefined;

  let name = textValue(record[mapping.name]);
  if (name === null && mapping.name === 'Full_Name') {
    name = [textValue(record.First_Name), textValue(record.Last_Name)].filter(Boolean).join(' ') || null;
  }
  if (name === null && id !== null) {
    issues.push({
      severity: 'warning',
      code: 'missing-name',
      message: messages.missingName(mapping.name),
      file,
      recordId: id,
      field: mapping.name,
      value: '',
    });
  }

  if (id === null || stage === null || createdAt === null || issues.some((i) => i.severity === 'error')) return { id, lead: null, issues };
  const lead: LeadFields = {
    id,
    name: name ?? '',
    company: mapping.company ? textValue(record[mapping.company]) : null,
    locator: textValue(record[mapping.locator]),
    team: mapping.team ? textValue(record[mapping.team]) : null,
    source: mapping.source ? textValue(record[mapping.source]) : null,
    stage,
    createdAt,
    firstContactAt,
    appointmentAt,
  };
  if (assignedAt !== undefined) lead.assignedAt = assignedAt;
  return { id, lead, issues };
}
