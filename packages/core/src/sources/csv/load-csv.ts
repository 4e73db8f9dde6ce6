import type { LeadColumns } from '../../model/lead-columns.js';
import { LeadColumnsBuilder } from '../../model/lead-columns.js';
import type { Pipeline } from '../../model/pipeline.js';
import type { LoadResult } from '../source.js';
import { DataQualityError } from '../source.js';
import { countReadable, judgeability } from '../judgeable.js';
import type { CsvColumnMapping, CsvFileKind } from './columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { assertCsvFormat, csvFormat } from './csv-format-options.js';
import { IssueLog } from './file-log.js';
import { readHistoryFile } from './read-history-file.js';
import { readLeadsFile } from './read-leads-file.js';
import { readScheduleFile } from './load-schedule-csv.js';
import { getZone } from '../../time/zone.js';
import type { HistoryColumns } from '../../model/history-columns.js';
import { HistoryColumnsBuilder, emptyHistoryColumns, lastHistoryValue } from '../../model/history-columns.js';

/**
 * Options of {@link loadCsv}.
 *
 * @example
 * ```ts
 * const options: LoadCsvOptions = {
 *   leads: 'exports/leads.csv',
 *   stageHistory: 'exports/stage_history.csv',
 *   timeZone: 'America/Chicago',
 *   pipeline,
 *   columns: { leads: { lead_id: 'Record Id', received_time: 'Created Time' } },
 * };
 * ```
 */
export interface LoadCsvOptions extends CsvFormatOptions {
  /** leads.csv: a path (Node), `{ text }` or `{ chunks }`. Required columns: `lead_id`, `received_time`. */
  leads: CsvFileInput;
  /** stage_history.csv (`lead_id`, `stage`, `changed_at`). Default: none (every lead's history is empty). */
  stageHistory?: CsvFileInput;
  /** owner_history.csv (`lead_id`, `locator`, `changed_at`). Default: none (leads have no `ownerHistory`). */
  ownerHistory?: CsvFileInput;
  /** schedule.csv (`rep`, `day_of_week`, `shift_start`, `shift_end`). Default: none (no `schedule` in the result). */
  schedule?: CsvFileInput;
  /** IANA time zone in which timestamps without an offset are read. Required: never the process's zone. */
  timeZone: string;
  /** Used to report stages the pipeline does not list (a warning per stage). Default: stages are not checked. */
  pipeline?: Pipeline;
  /** Header names to read instead of the defaults. Default: the snake_case names of DESIGN §4. */
  columns?: CsvColumnMapping;
  /**
   * When true, any error (a rejected row) makes the load throw one `DataQualityError` listing every error; warnings never throw. Default
   * `false`: rejected rows are left out and reported in `issues`.
   */
  strict?: boolean;
  /**
   * The name each file carries in issues and `stats.inputs`. Default: the path as given, or the input's own `label`, or the file name of
   * DESIGN §4 (`leads.csv`, `stage_history.csv`, …) for text and chunks.
   */
  fileLabel?: Partial<Record<CsvFileKind, string>>;
  /** How many issues of each code are kept in `issues` (the rest are counted in `issueSummary`). Default 100. */
  issueExamples?: number;
}

/**
 * Loads leads (and optionally their stage and owner histories and the staff schedule) from CSV files, streaming each file, validating every
 * lead once against the model's schema, and accounting for every row: `stats.rows = stats.accepted + stats.rejected`, overall and per file.
 *
 * @example
 * ```ts
 * const { leads, issues, stats } = await loadCsv({
 *   leads: 'data/leads.csv',
 *   stageHistory: 'data/stage_history.csv',
 *   timeZone: 'America/Chicago',
 *   pipeline,
 * });
 * for (const issue of issues) console.warn(formatIssue(issue));
 * ```
 */
export async function loadCsv(options: LoadCsvOptions): Promise<LoadResult> {
  return (await loadCsvWith(options)).result;
}

/**
 * What `loadCsvColumnar` (`@panopticon/core/csv`) returns: what {@link loadCsv} returns, with the leads and their histories as columns.
 *
 * @example
 * ```ts
 * const { leads, stages, owners, issues, stats }: ColumnarLoadResult = await loadCsvColumnar({ leads: 'leads.csv', timeZone: 'UTC' });
 * ```
 */
export interface ColumnarLoadResult extends Omit<LoadResult, 'leads'> {
  /** The accepted leads, as `loadCsv` returns them (the same fields, order, and stage and locator filled in from the histories). */
  leads: LeadColumns;
  /** The stage history of lead `i`, as `loadCsv` would attach it. */
  stages: HistoryColumns;
  /** The owner history of lead `i` (empty columns when no owner file was given). */
  owners: HistoryColumns;
}

/**
 * {@link loadCsv} that keeps the leads and their histories as columns rather than objects: the same readers, validation, issues and stats,
 * and the same lead fields, but no object or `Date` per lead or per history row.
 *
 * @example
 * ```ts
 * const data = await loadCsvColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const rows = needsAttention(data, { asOf, timeZone, pipeline });
 * ```
 */
export async function loadCsvColumnar(options: LoadCsvOptions): Promise<ColumnarLoadResult> {
  const sink = new LeadColumnsBuilder();
  const loaded = await loadCsvWith(options, sink);
  const { leads: _objects, ...rest } = loaded.result;
  return { ...rest, leads: loaded.columns!, stages: loaded.stages!, owners: loaded.owners! };
}

interface Loaded {
  result: LoadResult;
  /** With a sink: the leads, and their histories as columns. */
  columns?: LeadColumns;
  stages?: HistoryColumns;
  owners?: HistoryColumns;
}

/** Loads the files: into `Lead` objects, or with a `sink` into columns (leads and histories). */
async function loadCsvWith(options: LoadCsvOptions, sink?: LeadColumnsBuilder): Promise<Loaded> {
  getZone(options.timeZone); // a RangeError now for an unknown zone
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  const log = new IssueLog(options.issueExamples);
  const open = (kind: CsvFileKind, input: CsvFileInput) => openCsvInput(input, DEFAULT_CSV_FILE_NAMES[kind], options.fileLabel?.[kind]);
  const table = { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone };

  const leadsInput = open('leads', options.leads);
  const leadsFile = await readLeadsFile(leadsInput, log.file(leadsInput.label), {
    ...table,
    timeZone: options.timeZone,
    pipeline: options.pipeline,
    ownerHistory: sink === undefined && options.ownerHistory !== undefined,
    ...(sink ? { sink } : {}),
  });
  const { leads } = leadsFile;
  let stages: HistoryColumns | undefined;
  let owners: HistoryColumns | undefined;

  if (options.stageHistory !== undefined || options.ownerHistory !== undefined) {
    const ids = sink ? sink.ids : leads.map((lead) => lead.id);
    const indexById = new Map<string, number>();
    for (let i = 0; i < ids.length; i++) indexById.set(ids[i]!, i);
    const history = {
      ...table,
      timeZone: options.timeZone,
      pipeline: options.pipeline,
      leads: { id: ids, createdAt: sink ? sink.createdAtMs : Float64Array.from(leads, (lead) => lead.createdAt.getTime()), indexById },
      firstLines: leadsFile.firstLines,
      leadsFile: leadsInput.label,
    };
    for (const kind of ['stageHistory', 'ownerHistory'] as const) {
      const input = options[kind];
      if (input === undefined) continue;
      const opened = open(kind, input);
      const rows = sink ? new HistoryColumnsBuilder() : undefined;
      await readHistoryFile(kind, opened, log.file(opened.label), { ...history, into: rows ? { rows } : { objects: leads } });
      if (rows && kind === 'stageHistory') stages = rows.finish(leadsFile.count);
      if (rows && kind === 'ownerHistory') owners = rows.finish(leadsFile.count);
    }
  }

  // A stage or locator the leads file does not give is the latest one its history records.
  if (sink !== undefined) {
    stages ??= emptyHistoryColumns(leadsFile.count);
    owners ??= emptyHistoryColumns(leadsFile.count);
    for (const i of leadsFile.unknownStage) {
      const last = lastHistoryValue(stages, i);
      if (last.found) sink.setStage(i, last.value!);
    }
    if (!leadsFile.locatorColumn) {
      for (let i = 0; i < leadsFile.count; i++) {
        const last = lastHistoryValue(owners, i);
        if (last.found) sink.setLocator(i, last.value);
      }
    }
  } else {
    for (const i of leadsFile.unknownStage) {
      const lead = leads[i]!;
      const last = lead.stageHistory[lead.stageHistory.length - 1];
      if (last !== undefined) lead.stage = last.stage;
    }
    if (!leadsFile.locatorColumn) {
      for (const lead of leads) {
        const last = lead.ownerHistory?.[lead.ownerHistory.length - 1];
        if (last !== undefined) lead.locator = last.locator;
      }
    }
  }

  const columns = sink?.finish();
  const result: LoadResult = { leads, issues: log.issues, stats: log.stats() };
  // Which questions the leads can answer: an absent or empty appointment column must not read as "all on time".
  const column = (c: 'appointment_time' | 'first_contact_time', values: number) => ({
    field: leadsFile.columns[c]?.name ?? c,
    present: leadsFile.columns[c]?.present ?? false,
    values,
  });
  result.cannotJudge = judgeability(leadsInput.label, {
    'follow-up': column('appointment_time', countReadable(columns ? columns.appointmentAt : leads.map((l) => l.appointmentAt))),
    response: column('first_contact_time', countReadable(columns ? columns.firstContactAt : leads.map((l) => l.firstContactAt))),
  });
  if (options.schedule !== undefined) {
    const opened = open('schedule', options.schedule);
    result.schedule = await readScheduleFile(opened, log.file(opened.label), table);
    result.stats = log.stats();
  }

  result.issueSummary = log.summary();
  if (options.strict) {
    const errors = log.errors();
    if (log.errorCount > 0) throw new DataQualityError(errors, log.errorCount);
  }
  return { result, columns, stages, owners };
}

/**
 * Options of {@link loadCsvText}: those of {@link loadCsv}, with each file given as its text.
 *
 * @example
 * ```ts
 * const options: LoadCsvTextOptions = { leads: await file.text(), timeZone: 'Europe/London' };
 * ```
 */
export interface LoadCsvTextOptions extends Omit<LoadCsvOptions, 'leads' | 'stageHistory' | 'ownerHistory' | 'schedule'> {
  /** The text of leads.csv. */
  leads: string;
  /** The text of stage_history.csv. Default: none. */
  stageHistory?: string;
  /** The text of owner_history.csv. Default: none. */
  ownerHistory?: string;
  /** The text of schedule.csv. Default: none. */
  schedule?: string;
}

/**
 * {@link loadCsv} for files already in memory (a browser upload, a test): the same parser and rules, no file system.
 *
 * @example
 * ```ts
 * const { leads, issues } = await loadCsvText({
 *   leads: 'lead_id,received_time,first_contact_time\n1,2025-01-06 09:00,2025-01-06 09:20\n',
 *   timeZone: 'Europe/London',
 * });
 * ```
 */
export function loadCsvText(options: LoadCsvTextOptions): Promise<LoadResult> {
  const { leads, stageHistory, ownerHistory, schedule, ...rest } = options;
  return loadCsv({
    ...rest,
    leads: { text: leads },
    ...(stageHistory !== undefined ? { stageHistory: { text: stageHistory } } : {}),
    ...(ownerHistory !== undefined ? { ownerHistory: { text: ownerHistory } } : {}),
    ...(schedule !== undefined ? { schedule: { text: schedule } } : {}),
  });
}
