import type { Lead } from '../../model/lead.js';
import type { LeadColumnsBuilder } from '../../model/lead-columns.js';
import type { Pipeline } from '../../model/pipeline.js';
import { csvMessages } from '../messages.js';
import type { CsvColumn } from './columns.js';
import { UNKNOWN_STAGE } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { CompactLeadIds } from './lead-ids.js';
import { LeadRowReader } from './lead-row-reader.js';
import type { ReadCsvTableOptions } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';
import type { TimestampBytesReader } from './timestamp.js';
import { UnknownStages } from './unknown-stages.js';

/** @internal */
export interface ReadLeadsFileOptions extends ReadCsvTableOptions {
  /** The zone naive timestamps are read in. */
  timeZone: string;
  pipeline?: Pipeline;
  /** Give every lead an (empty) `ownerHistory`, to be filled from owner_history.csv. */
  ownerHistory: boolean;
  /**
   * Append accepted leads here as columns instead of returning `Lead` objects (`leads` is then empty): the same validation, issues and
   * order, without an object or `Date` per row on the fast path.
   */
  sink?: LeadColumnsBuilder;
}

/** @internal */
export interface LeadsFile {
  /** The accepted leads, in file order (empty with a `sink`: they are in the sink). */
  leads: Lead[];
  /** How many leads were accepted. */
  count: number;
  /** Every lead id with the line of its first row, accepted or not (history rows of rejected leads say so), and each accepted lead's index. */
  ids: CompactLeadIds;
  /** The indices of leads whose stage is unknown (no column, or an empty cell): their history's last stage replaces it. */
  unknownStage: number[];
  /** The file has no locator column: each lead's owner history's last locator replaces null. */
  locatorColumn: boolean;
  /** Each column's name as issues report it, and whether the file has it (for `judgeability`). */
  columns: Record<CsvColumn<'leads'>, { name: string; present: boolean }>;
}

/** Reads leads.csv into valid leads, reporting every issue and accounting for every row. @internal */
export async function readLeadsFile(input: OpenedCsvInput, file: FileLog, options: ReadLeadsFileOptions): Promise<LeadsFile> {
  const leads: Lead[] = [];
  const { sink } = options;
  let count = 0;
  const unknownStage: number[] = [];
  const unknownStages = new UnknownStages(options.pipeline);
  const ids = new CompactLeadIds();
  let locatorColumn = false;
  const found = {} as LeadsFile['columns'];

  await readCsvTable(input, 'leads', file, options, (columns) => {
    const row = new LeadRowReader(columns, file, options.timeZone, ids);
    const { index, name } = columns;
    locatorColumn = index.locator >= 0;
    for (const column of Object.keys(index) as CsvColumn<'leads'>[]) found[column] = { name: name[column], present: index[column] >= 0 };
    const stageIndex = index.stage;

    // The fast path: a row with no issue at all (a new id, readable times, a stage) is read from its
    // bytes: times parsed in place, repeated values (stage, locator, team, source, company) shared rather
    // than made per row, and no line-long string kept alive by a field cut from it. Any other row takes
    // the text path below, which words every issue.
    const { appointment_time: appointmentAt, assigned_time: assignedAt } = index;
    /** The lead of the row the reader holds (its text fields read from it). */
    const leadOf = (id: string, stage: string, assignedAt: number | null, appointmentAt: number | null): Lead => {
      const lead: Lead = {
        id,
        name: row.text('name') ?? '',
        company: row.text('company'),
        locator: row.text('locator'),
        team: row.text('team'),
        source: row.text('source'),
        stage,
        createdAt: new Date(row.createdAt),
        assignedAt: assignedAt === null ? null : new Date(assignedAt),
        firstContactAt: row.firstContactAt === null ? null : new Date(row.firstContactAt),
        appointmentAt: appointmentAt === null ? null : new Date(appointmentAt),
        stageHistory: [],
      };
      if (options.ownerHistory) lead.ownerHistory = [];
      return lead;
    };
    /** An optional time: null when absent or empty, NaN when it needs the text path (unreadable, or blank with spaces). */
    const timeAt = (times: TimestampBytesReader, buf: Uint8Array, starts: Int32Array, ends: Int32Array, at: number): number | null => {
      if (at < 0 || ends[at] === starts[at]) return null;
      return times.parse(buf, starts[at]!, ends[at]!);
    };
    const at = index;
    const appointmentTimes = row.timesOf('appointment_time');
    const assignedTimes = row.timesOf('assigned_time');
    const fast = (buf: Uint8Array, starts: Int32Array, ends: Int32Array, line: number): boolean => {
      if (stageIndex < 0 || !row.readBytes(buf, starts, ends)) return false;
      const gaps = row.times.gaps;
      const appointment = timeAt(appointmentTimes, buf, starts, ends, appointmentAt);
      if (appointment !== null && appointment !== appointment) return false;
      const assigned = timeAt(assignedTimes, buf, starts, ends, assignedAt);
      if (assigned !== null && assigned !== assigned) return false;
      if (row.times.gaps !== gaps) return false; // a DST-gap time: the text path warns
      const stage = row.bytesTextAt(stageIndex);
      if (stage === null || !row.claimId(line)) return false;

      const id = row.idText();
      unknownStages.check(stage, line, id, name.stage);
      ids.acceptLast(count++);
      if (sink === undefined) leads.push(leadOf(id, stage, assigned, appointment));
      else {
        const none = Number.NaN;
        sink.push(
          id,
          row.bytesTextAt(at.name) ?? '',
          row.bytesTextAt(at.company),
          row.bytesTextAt(at.locator),
          row.bytesTextAt(at.team),
          row.bytesTextAt(at.source),
          stage,
          row.createdAt,
          assigned ?? none,
          row.firstContactAt ?? none,
          appointment ?? none,
        );
      }
      return true;
    };

    const visit = (fields: string[], line: number): void => {
      row.read(fields, line);
      const id = row.id;
      const appointmentAt = row.timestamp(line, 'appointment_time');
      const assignedAt = row.timestamp(line, 'assigned_time');

      let stage = stageIndex >= 0 ? fields[stageIndex]!.trim() : '';
      const stageKnown = stage !== '';
      if (stageKnown) unknownStages.check(stage, line, id, name.stage);
      else {
        stage = UNKNOWN_STAGE;
        if (stageIndex >= 0) {
          file.warning(DATA_ISSUE_CODES.missingStage, csvMessages.missingStage(UNKNOWN_STAGE), {
            line,
            recordId: id,
            field: name.stage,
            value: fields[stageIndex]!,
          });
        }
      }
      if (file.rowHasErrors) {
        file.endRow();
        return;
      }

      // Every rule of LeadSchema holds by construction (an id, a stage, a readable received_time, other times readable or null): the
      // row is accepted, as a row the fast path reads is.
      const lead = leadOf(id, stage, assignedAt, appointmentAt);
      file.endRow();
      if (!stageKnown) unknownStage.push(count);
      ids.acceptLast(count++);
      if (sink !== undefined) sink.pushLead(lead);
      else leads.push(lead);
    };
    return { visit, fast };
  });
  unknownStages.report(file);
  return { leads, count, ids, unknownStage, locatorColumn, columns: found };
}
