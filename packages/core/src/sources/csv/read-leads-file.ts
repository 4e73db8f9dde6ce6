import type { Lead } from '../../model/lead.js';
import { LeadSchema } from '../../model/lead.js';
import type { Pipeline } from '../../model/pipeline.js';
import { csvMessages } from '../messages.js';
import type { CsvColumn } from './columns.js';
import { UNKNOWN_STAGE } from './columns.js';
import type { OpenedCsvInput } from './csv-file-input.js';
import type { FileLog } from './file-log.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import { LeadRowReader } from './lead-row-reader.js';
import type { ReadCsvTableOptions } from './read-csv-table.js';
import { readCsvTable } from './read-csv-table.js';
import type { TimestampParser } from './timestamp.js';
import { UnknownStages } from './unknown-stages.js';

/** @internal */
export interface ReadLeadsFileOptions extends ReadCsvTableOptions {
  parse: TimestampParser;
  pipeline?: Pipeline;
  /** Give every lead an (empty) `ownerHistory`, to be filled from owner_history.csv. */
  ownerHistory: boolean;
}

/** @internal */
export interface LeadsFile {
  leads: Lead[];
  /** The line of every lead id's first row, accepted or not (history rows of rejected leads say so). */
  firstLines: Map<string, number>;
  /** Leads whose stage is unknown (no column, or an empty cell): their history's last stage replaces it. */
  unknownStage: Set<Lead>;
  /** The file has no locator column: each lead's owner history's last locator replaces null. */
  locatorColumn: boolean;
}

// Where each Lead property comes from, to turn zod's issue paths into the file's column names.
const PROPERTY_COLUMNS: Partial<Record<string, CsvColumn<'leads'>>> = {
  id: 'lead_id',
  name: 'name',
  company: 'company',
  locator: 'locator',
  team: 'team',
  source: 'source',
  stage: 'stage',
  createdAt: 'received_time',
  assignedAt: 'assigned_time',
  firstContactAt: 'first_contact_time',
  appointmentAt: 'appointment_time',
};

/** Reads leads.csv into valid leads, reporting every issue and accounting for every row. @internal */
export async function readLeadsFile(input: OpenedCsvInput, file: FileLog, options: ReadLeadsFileOptions): Promise<LeadsFile> {
  const leads: Lead[] = [];
  const unknownStage = new Set<Lead>();
  const unknownStages = new UnknownStages(options.pipeline);
  let reader: LeadRowReader | undefined;
  let locatorColumn = false;

  await readCsvTable(input, 'leads', file, options, (columns) => {
    const row = new LeadRowReader(columns, file, options.parse);
    reader = row;
    const { index, name } = columns;
    locatorColumn = index.locator >= 0;
    const stageIndex = index.stage;
    const nameIndex = index.name;

    return (fields, line) => {
      row.read(fields, line);
      const id = row.id;
      const appointmentAt = row.timestamp(fields, line, 'appointment_time');
      const assignedAt = row.timestamp(fields, line, 'assigned_time');

      let stage = stageIndex >= 0 ? fields[stageIndex]!.trim() : '';
      const stageKnown = stage !== '';
      if (stageKnown) unknownStages.check(stage, line, id, name.stage);
      else {
        stage = UNKNOWN_STAGE;
        if (stageIndex >= 0) {
          file.warning(CSV_ISSUE_CODES.missingStage, csvMessages.missingStage(UNKNOWN_STAGE), {
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

      const lead: Lead = {
        id,
        name: nameIndex >= 0 ? fields[nameIndex]!.trim() : '',
        company: row.text(fields, 'company'),
        locator: row.text(fields, 'locator'),
        team: row.text(fields, 'team'),
        source: row.text(fields, 'source'),
        stage,
        createdAt: new Date(row.createdAt),
        assignedAt: assignedAt === null ? null : new Date(assignedAt),
        firstContactAt: row.firstContactAt === null ? null : new Date(row.firstContactAt),
        appointmentAt: appointmentAt === null ? null : new Date(appointmentAt),
        stageHistory: [],
      };
      if (options.ownerHistory) lead.ownerHistory = [];
      // The one schema check at the boundary; the checks above make it a safety net that should not fire.
      const checked = LeadSchema.safeParse(lead);
      if (!checked.success) {
        for (const issue of checked.error.issues) {
          const column = PROPERTY_COLUMNS[String(issue.path[0])];
          const at = column === undefined ? -1 : index[column];
          file.error(CSV_ISSUE_CODES.invalidValue, csvMessages.invalidValue(issue.message), {
            line,
            recordId: id,
            field: column === undefined ? issue.path.join('.') : name[column],
            ...(at >= 0 ? { value: fields[at]! } : {}),
          });
        }
      }
      if (file.endRow()) {
        leads.push(lead);
        if (!stageKnown) unknownStage.add(lead);
      }
    };
  });
  unknownStages.report(file);
  return { leads, firstLines: reader?.firstLines ?? new Map(), unknownStage, locatorColumn };
}
