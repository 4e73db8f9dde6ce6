import type { Lead } from '../../model/lead.js';
import type { Pipeline } from '../../model/pipeline.js';
import { getZone } from '../../time/zone.js';
import { csvMessages } from '../messages.js';
import { ByteInterner } from './byte-interner.js';
import type { CompactLeadIds } from './lead-ids.js';
import { timestampParser } from './timestamp.js';
import { timestampReaderFor } from './date-formats.js';
import type { HistoryColumnsBuilder } from '../../model/history-columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { plainEdges, requiredTimestamp } from './lead-row-reader.js';
import type { ReadCsvTableOptions } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';
import { UnknownStages } from './unknown-stages.js';

/** Distinct values of a history file's stage or locator column that the fast path numbers (more are read, by text). */
const INTERNED_VALUES = 4096;

/** The accepted leads as the history readers see them: row `i` is the lead's index. @internal */
export interface HistoryLeads {
  /** Each lead's id. */
  id: readonly string[];
  /** Each lead's `createdAt`, epoch ms. */
  createdAt: ArrayLike<number>;
  /** Every id of the leads file: its lead's index (or why it has none) and the line of its first row. */
  index: CompactLeadIds;
}

/** @internal */
export interface ReadHistoryFileOptions extends ReadCsvTableOptions {
  /** The zone naive timestamps are read in. */
  timeZone: string;
  pipeline?: Pipeline;
  /** The accepted leads. */
  leads: HistoryLeads;
  /** The label of leads.csv, for messages. */
  leadsFile: string;
  /**
   * Where accepted rows go: onto the `Lead` objects (`objects[i]` is lead `i`), or into history columns (the same validation and issues, no
   * history objects).
   */
  into: { objects: readonly Lead[] } | { rows: HistoryColumnsBuilder };
}

/**
 * Reads stage_history.csv or owner_history.csv and attaches each accepted row to its lead (or appends it to the columns), then sorts every
 * history it touched ascending by time (stable: rows at the same instant keep file order; the columns sort when they are finished).
 * @internal
 */
export async function readHistoryFile(
  kind: 'stageHistory' | 'ownerHistory',
  input: OpenedCsvInput,
  file: FileLog,
  options: ReadHistoryFileOptions,
): Promise<void> {
  const touched = new Set<Lead>();
  let lastTouched: Lead | undefined;
  const unknownStages = new UnknownStages(kind === 'stageHistory' ? options.pipeline : undefined);
  const { leads, leadsFile, into } = options;
  const { id: ids, createdAt, index: leadIndex } = leads;
  const rows = 'rows' in into ? into.rows : undefined;
  const objects = 'objects' in into ? into.objects : undefined;

  /** Appends an accepted row of lead `i`. */
  const accept = (i: number, at: number, value: string | null): void => {
    if (rows !== undefined) {
      rows.push(i, at, value);
      return;
    }
    const lead = objects![i]!;
    if (kind === 'stageHistory') lead.stageHistory.push({ stage: value!, at: new Date(at) });
    else (lead.ownerHistory ??= []).push({ locator: value, at: new Date(at) });
    if (lead !== lastTouched) {
      touched.add(lead);
      lastTouched = lead;
    }
  };

  await readCsvTable(input, kind, file, options, (columns) => {
    const index = columns.index as Record<'lead_id' | 'changed_at', number> & { stage?: number; locator?: number };
    const name = columns.name as Record<'lead_id' | 'changed_at', string> & { stage?: string; locator?: string };
    const valueIndex = (kind === 'stageHistory' ? index.stage : index.locator)!;
    const valueName = (kind === 'stageHistory' ? name.stage : name.locator)!;

    // The fast path: a row whose id is that of an accepted lead, with a non-blank value and a readable time
    // not before the lead's creation, is read from its bytes (no strings but the interned value) and has no
    // issue. Any other row takes the text path below, which words every issue.
    const values = new ByteInterner(INTERNED_VALUES);
    // Per interned value (the interner's number for it): its code in the columns (-2: not asked yet), and for
    // stages whether the pipeline lists it (0: not asked yet, 1: listed, 2: not). Each distinct value is looked
    // up once instead of once per row.
    const codeOf = new Int32Array(INTERNED_VALUES).fill(-2);
    const listed = new Uint8Array(INTERNED_VALUES);
    const iso = timestampParser(getZone(options.timeZone));
    const times = timestampReaderFor(columns.dates.changed_at, iso);
    const idIndex = index.lead_id;
    const atIndex = index.changed_at;
    const fast = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, line: number): boolean => {
      const s = starts[idIndex]!;
      const e = ends[idIndex]!;
      if (e === s || !plainEdges(buf, s, e)) return false;
      const i = leadIndex.indexOfBytes(buf, s, e);
      if (i < 0) return false;
      const value = values.get(buf, starts[valueIndex]!, ends[valueIndex]!);
      if (value === '') return false;
      const gaps = iso.gaps;
      const at = times.parse(buf, starts[atIndex]!, ends[atIndex]!);
      if (!(at >= createdAt[i]!) || iso.gaps !== gaps) return false;
      const k = values.lastIndex;
      file.beginRow();
      if (kind === 'stageHistory') {
        if (k < 0) unknownStages.check(value, line, ids[i]!, valueName);
        else {
          if (listed[k] === 0) listed[k] = unknownStages.lists(value) ? 1 : 2;
          if (listed[k] === 2) unknownStages.check(value, line, ids[i]!, valueName);
        }
      }
      file.endRow();
      if (rows === undefined || k < 0) accept(i, at, value);
      else {
        if (codeOf[k] === -2) codeOf[k] = rows.codeOf(value);
        rows.pushCode(i, at, codeOf[k]!);
      }
      return true;
    };

    const visit = (fields: string[], line: number): void => {
      file.beginRow();
      const rawId = fields[index.lead_id]!;
      const id = rawId.trim();
      const found = id === '' ? -1 : leadIndex.indexOf(id);
      const lead = found < 0 ? undefined : found;
      if (id === '') {
        file.error(DATA_ISSUE_CODES.missingValue, csvMessages.missingValue(name.lead_id), { line, field: name.lead_id, value: rawId });
      } else if (lead === undefined) {
        const leadLine = leadIndex.lineOf(id);
        file.error(
          DATA_ISSUE_CODES.unknownLead,
          leadLine === undefined ? csvMessages.unknownLead(id, leadsFile) : csvMessages.rejectedLead(id, leadsFile, leadLine),
          { line, recordId: id, field: name.lead_id, value: id },
        );
      }

      const rawValue = fields[valueIndex]!;
      const value = rawValue.trim();
      if (kind === 'stageHistory') {
        if (value === '') {
          file.error(DATA_ISSUE_CODES.missingValue, csvMessages.missingValue(valueName), {
            line,
            recordId: id,
            field: valueName,
            value: rawValue,
          });
        } else unknownStages.check(value, line, id, valueName);
      }

      const when = fields[index.changed_at]!;
      const at = requiredTimestamp(file, times, iso, when, { line, recordId: id, field: name.changed_at });
      if (at === at && lead !== undefined && at < createdAt[lead]!) {
        file.warning(DATA_ISSUE_CODES.historyBeforeCreated, csvMessages.historyBeforeCreated(when.trim()), {
          line,
          recordId: id,
          field: name.changed_at,
          value: when,
        });
      }
      if (file.rowHasErrors || lead === undefined) {
        file.endRow();
        return;
      }

      // Every rule of StageChangeSchema and OwnerChangeSchema holds by construction (a stage not empty, a readable time).
      file.endRow();
      accept(lead, at, value === '' ? null : value);
    };
    return { visit, fast };
  });
  unknownStages.report(file);

  for (const lead of touched) {
    const history: { at: Date }[] = kind === 'stageHistory' ? lead.stageHistory : lead.ownerHistory!;
    if (!isSorted(history)) history.sort((a, b) => a.at.getTime() - b.at.getTime());
  }
}

function isSorted(history: readonly { at: Date }[]): boolean {
  for (let i = 1; i < history.length; i++) if (history[i]!.at.getTime() < history[i - 1]!.at.getTime()) return false;
  return true;
}
