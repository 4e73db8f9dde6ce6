/**
 * The boundary between plain data and the model: JSON (or any parsed object data, e.g. from a notebook,
 * an HTTP response or a database) with ISO 8601 text for instants, turned into checked `Lead`s and the same
 * data-quality report as the CSV source: every record accepted or reported by lead id and field.
 *
 * @module
 */
import type { Lead, OwnerChange, StageChange } from '../../model/lead.js';
import { LeadSchema } from '../../model/lead.js';
import type { Pipeline } from '../../model/pipeline.js';
import { UNKNOWN_STAGE } from '../csv/columns.js';
import { IssueLog } from '../csv/file-log.js';
import type { FileLog } from '../csv/file-log.js';
import { createTimestampParser } from '../csv/timestamp.js';
import type { TimestampParser } from '../csv/timestamp.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { csvMessages } from '../messages.js';
import { DataQualityError } from '../source.js';
import type { LoadResult } from '../source.js';
import type { HistoryKind, PlacedEntry } from './history-entries.js';
import { readFlatEntries, readLeadEntries, sortedEntries } from './history-entries.js';
import { RecordFields, isRecord, shownValue } from './json-fields.js';
import { jsonMessages } from './messages.js';

/**
 * Options of {@link parseLeads}.
 *
 * @example
 * ```ts
 * const options: ParseLeadsOptions = { timeZone: 'America/New_York', pipeline, stageHistory: await (await fetch('/history.json')).json() };
 * ```
 */
export interface ParseLeadsOptions {
  /** IANA time zone of timestamps written without an offset (`2026-03-01T09:00`). Required: never the host's zone. */
  timeZone: string;
  /** With a pipeline, a stage it does not list is reported (`unknown-stage`, once per stage). */
  pipeline?: Pipeline;
  /** Stage history as flat rows `[{ leadId, stage, at }]`, added to the leads' own `stageHistory`. */
  stageHistory?: unknown;
  /** Owner history as flat rows `[{ leadId, locator, at }]` (`locator: null` = unassigned), added to the leads' own `ownerHistory`. */
  ownerHistory?: unknown;
  /** Throw a `DataQualityError` listing every error instead of returning the rejected records as issues. */
  strict?: boolean;
}

/** A lead accepted by the first pass, completed once every history row is read. */
interface Accepted {
  lead: Lead;
  /** The lead's own `stage` was absent: it is taken from the history, with a warning. */
  stageMissing: boolean;
  stages: PlacedEntry<StageChange>[];
  owners: PlacedEntry<OwnerChange>[] | undefined;
}

/**
 * Plain JSON leads to checked `Lead`s, with the same data-quality report as `loadFiles`: each element of
 * `json` is a lead `{ id, name?, company?, locator?, team?, source?, stage?, createdAt, assignedAt?,
 * firstContactAt?, appointmentAt?, stageHistory?: [{ stage, at }], ownerHistory?: [{ locator, at }] }`
 * whose instants are ISO 8601 text (or `Date`s); text without an offset is wall-clock time in `timeZone`.
 * `JSON.parse(JSON.stringify(leads))` of valid leads reads back to the same leads.
 *
 * The rules are the CSV source's: a lead without an id or `createdAt`, with an unreadable `createdAt`, a
 * repeated id, or a value the schema refuses is rejected (an `error` naming the lead id and the field); an
 * unreadable optional instant is a warning and reads as none; a first contact before creation, a history
 * change before creation, a missing stage and a stage the pipeline does not list are warnings. A history
 * entry without a stage or time, or (flat rows) whose lead is not among the accepted leads, is rejected.
 * Histories come back sorted by time. Codes are {@link DATA_ISSUE_CODES}; `stats` counts every lead and
 * history entry per input (`leads`, `stageHistory`, `ownerHistory`).
 *
 * @example
 * ```ts
 * const { leads, issues } = parseLeads(JSON.parse(text), { timeZone: 'America/New_York', pipeline });
 * for (const issue of issues) console.warn(formatIssue(issue));
 * // error: leads, record 1042, field createdAt, value "2026-02-30": createdAt "2026-02-30" is not a timestamp; …
 * ```
 */
export function parseLeads(json: unknown, options: ParseLeadsOptions): LoadResult {
  const parse = createTimestampParser(options.timeZone);
  const log = new IssueLog();
  const leadsLog = log.file('leads');
  const stagesLog = log.file('stageHistory');
  const ownersLog = log.file('ownerHistory');
  const accepted = new Map<string, Accepted>();
  const firstIndex = new Map<string, number>();

  for (const [i, item] of arrayOf(json, 'leads', leadsLog).entries()) {
    leadsLog.beginRow();
    const read = readLead(item, i, leadsLog, stagesLog, ownersLog, parse, firstIndex);
    if (leadsLog.endRow() && read !== undefined) accepted.set(read.lead.id, read);
  }
  // Flat history rows, each attached to its accepted lead (a row of a lead not accepted is rejected).
  const readFlat = <T extends StageChange | OwnerChange>(kind: HistoryKind, file: FileLog, pick: (a: Accepted) => PlacedEntry<T>[]) => {
    const json = options[kind];
    if (json === undefined) return;
    readFlatEntries<T>(kind, arrayOf(json, kind, file), file, parse, (leadId, placed) => {
      const a = accepted.get(leadId);
      if (a !== undefined) pick(a).push(placed);
      return a !== undefined;
    });
  };
  readFlat<StageChange>('stageHistory', stagesLog, (a) => a.stages);
  readFlat<OwnerChange>('ownerHistory', ownersLog, (a) => (a.owners ??= []));

  const leads = [...accepted.values()].map((a) => completeLead(a, leadsLog));
  reportUnknownStages(leads, options.pipeline, leadsLog);
  if (options.strict && log.errors().length > 0) throw new DataQualityError(log.errors());
  return { leads, issues: log.issues, stats: log.stats() };
}

/** The input as an array; anything else is one error (nothing read from it). */
function arrayOf(value: unknown, input: string, log: FileLog): readonly unknown[] {
  if (Array.isArray(value)) return value;
  log.beginRow();
  log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.notAnArray(input, value), { value: shownValue(value) });
  log.endRow();
  return [];
}

/** One element of the leads: its fields read and checked (errors on `log`), or `undefined` when not a record. */
function readLead(
  item: unknown,
  index: number,
  log: FileLog,
  stagesLog: FileLog,
  ownersLog: FileLog,
  parse: TimestampParser,
  firstIndex: Map<string, number>,
): Accepted | undefined {
  const where = `leads[${index}]`;
  if (!isRecord(item)) {
    log.error(DATA_ISSUE_CODES.wrongType, jsonMessages.notAnObject(where, item), { field: where });
    return undefined;
  }
  const fields = new RecordFields(log, parse, item, where);
  const id = fields.id('id');
  fields.recordId = id;
  if (id !== undefined) {
    const first = firstIndex.get(id);
    if (first === undefined) firstIndex.set(id, index);
    else log.error(DATA_ISSUE_CODES.duplicateId, jsonMessages.duplicateId(id, first), { recordId: id, field: 'id', value: id });
  }
  const createdAt = fields.requiredInstant('createdAt');
  const firstContactAt = fields.optionalInstant('firstContactAt');
  const lead = {
    id: id ?? '',
    name: fields.optionalText('name') ?? '',
    // The fields the model lets be absent stay absent when the input leaves them out.
    company: absentOr(item, 'company', () => fields.optionalText('company')),
    locator: fields.optionalText('locator'),
    team: absentOr(item, 'team', () => fields.optionalText('team')),
    source: absentOr(item, 'source', () => fields.optionalText('source')),
    stage: fields.optionalText('stage') ?? '',
    createdAt: new Date(createdAt ?? Number.NaN),
    assignedAt: absentOr(item, 'assignedAt', () => dateOrNull(fields.optionalInstant('assignedAt'))),
    firstContactAt: dateOrNull(firstContactAt),
    appointmentAt: dateOrNull(fields.optionalInstant('appointmentAt')),
    stageHistory: [] as StageChange[],
  } satisfies Lead;
  if (log.rowHasErrors || id === undefined || createdAt === undefined) return undefined;
  if (firstContactAt !== null && firstContactAt < createdAt) {
    const contact = new Date(firstContactAt).toISOString();
    log.warning(DATA_ISSUE_CODES.contactBeforeCreated, jsonMessages.contactBeforeCreated(contact, new Date(createdAt).toISOString()), {
      recordId: id,
      field: 'firstContactAt',
      value: shownValue(item.firstContactAt),
    });
  }
  const stageMissing = lead.stage.trim() === '';
  // The schema as a safety net behind the checks above (the stage is filled in once the history is complete).
  const checked = LeadSchema.safeParse({ ...lead, stage: stageMissing ? UNKNOWN_STAGE : lead.stage });
  if (!checked.success) {
    const detail = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    log.error(DATA_ISSUE_CODES.invalidValue, jsonMessages.invalidValue(detail), { recordId: id });
    return undefined;
  }
  const stages = readLeadEntries<StageChange>('stageHistory', item.stageHistory, id, stagesLog, parse);
  const owners =
    item.ownerHistory === undefined ? undefined : readLeadEntries<OwnerChange>('ownerHistory', item.ownerHistory, id, ownersLog, parse);
  return { lead, stageMissing, stages, owners };
}

/** The lead with its histories sorted, changes before creation reported, and a missing stage filled in. */
function completeLead(a: Accepted, leadsLog: FileLog): Lead {
  const { lead } = a;
  const createdMs = lead.createdAt.getTime();
  const stages = sortedEntries(a.stages);
  const owners = a.owners === undefined ? undefined : sortedEntries(a.owners);
  for (const placed of [...stages, ...(owners ?? [])]) {
    if (placed.entry.at.getTime() >= createdMs) continue;
    const at = placed.entry.at.toISOString();
    placed.log.warning(DATA_ISSUE_CODES.historyBeforeCreated, jsonMessages.historyBeforeCreated(at), {
      recordId: lead.id,
      field: placed.atField,
      value: at,
    });
  }
  lead.stageHistory = stages.map((p) => p.entry);
  if (owners !== undefined) lead.ownerHistory = owners.map((p) => p.entry);
  if (a.stageMissing) {
    lead.stage = lead.stageHistory.at(-1)?.stage ?? UNKNOWN_STAGE;
    leadsLog.warning(DATA_ISSUE_CODES.missingStage, jsonMessages.missingStage(UNKNOWN_STAGE), { recordId: lead.id, field: 'stage' });
  }
  return lead;
}

/** One warning per stage the pipeline does not list (leads' stages and history stages), with its count. */
function reportUnknownStages(leads: readonly Lead[], pipeline: Pipeline | undefined, log: FileLog): void {
  if (pipeline === undefined) return;
  const known = new Set(pipeline.stages.map((s) => s.name));
  const unknown = new Map<string, { count: number; recordId: string }>();
  for (const lead of leads) {
    for (const stage of [lead.stage, ...lead.stageHistory.map((c) => c.stage)]) {
      if (known.has(stage) || stage === UNKNOWN_STAGE) continue;
      const seen = unknown.get(stage);
      if (seen) seen.count++;
      else unknown.set(stage, { count: 1, recordId: lead.id });
    }
  }
  for (const [stage, { count, recordId }] of unknown) {
    log.warning(DATA_ISSUE_CODES.unknownStage, csvMessages.unknownStage(stage, count), { recordId, field: 'stage', value: stage });
  }
}

function absentOr<T>(item: Record<string, unknown>, field: string, read: () => T): T | undefined {
  return item[field] === undefined ? undefined : read();
}

function dateOrNull(ms: number | null): Date | null {
  return ms === null ? null : new Date(ms);
}
