import type { HistoryColumns } from '../../model/history-columns.js';
import { HistoryColumnsBuilder, emptyHistoryColumns, lastHistoryValue } from '../../model/history-columns.js';
import type { LeadColumns } from '../../model/lead-columns.js';
import { LeadColumnsBuilder } from '../../model/lead-columns.js';
import type { Pipeline } from '../../model/pipeline.js';
import type { Shift } from '../../model/schedule.js';
import { getZone } from '../../time/zone.js';
import type { AggregateCsvBySlotOptions, AggregateCsvBySlotResult } from '../csv/aggregate-csv-by-slot.js';
import { aggregateCsvBySlot } from '../csv/aggregate-csv-by-slot.js';
import type { CsvColumnMapping, CsvFileKind } from '../csv/columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping } from '../csv/columns.js';
import type { CsvFileInput } from '../csv/csv-file-input.js';
import { openCsvInput } from '../csv/csv-file-input.js';
import type { CsvFormatOptions } from '../csv/csv-format-options.js';
import { assertCsvFormat, csvFormat } from '../csv/csv-format-options.js';
import { IssueLog } from '../csv/file-log.js';
import { readHistoryFile } from '../csv/read-history-file.js';
import { readLeadsFile } from '../csv/read-leads-file.js';
import { readScheduleFile } from '../csv/read-schedule-file.js';
import { countReadable, judgeability } from '../judgeable.js';
import type { DataIssue, LoadResult, LoadStats } from '../source.js';
import { DataQualityError } from '../source.js';
import { tablesMessages } from './messages.js';
import type { TableFileInput } from './open-table-input.js';
import { openTableInput, tableFormatOfInput } from './open-table-input.js';
import { columnsRead } from './read-columns.js';

/**
 * Options of {@link loadFiles}: each file in any {@link TableFormat} (by its extension, or as {@link TableFileInput} says), from
 * a path (Node) or from memory (`{ text }`, `{ bytes, format }`, `{ chunks }`: a notebook, a test, a browser upload). `delimiter` and
 * `dateFormat` apply to the text a file holds (CSV cells, and Parquet, Arrow or JSON strings); `encoding` to CSV files only (the other
 * formats are UTF-8 by definition).
 *
 * @example
 * ```ts
 * const options: LoadFilesOptions = {
 *   leads: 'exports/leads.csv',
 *   stageHistory: 'exports/stage_history.csv',
 *   timeZone: 'America/Chicago',
 *   pipeline,
 *   columns: { leads: { lead_id: 'Record Id', received_time: 'Created Time' } },
 * };
 * ```
 */
export interface LoadFilesOptions extends CsvFormatOptions {
  /** The leads: leads.csv, leads.parquet, leads.arrow, leads.ndjson, `{ text }`, … Required columns: `lead_id`, `received_time`. */
  leads: TableFileInput;
  /** stage_history.csv (`lead_id`, `stage`, `changed_at`). Default: none (every lead's history is empty). */
  stageHistory?: TableFileInput;
  /** owner_history.csv (`lead_id`, `locator`, `changed_at`). Default: none (leads have no `ownerHistory`). */
  ownerHistory?: TableFileInput;
  /** schedule.csv (`rep`, `day_of_week`, `shift_start`, `shift_end`). Default: none (no `schedule` in the result). */
  schedule?: TableFileInput;
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
 * Loads leads (and optionally their stage and owner histories and the staff schedule) from files in any of the formats of
 * {@link TableFormat} (CSV, Parquet, Arrow IPC / Feather or NDJSON, each picked by its extension) or from memory, streaming each file,
 * holding every lead to the model's rules (each row reader admits only a lead the model's schema accepts), and accounting for every row: `stats.rows = stats.accepted + stats.rejected`,
 * overall and per file. A file that is not CSV is read as the same table written as CSV, by the same readers: the same column recognition
 * (the defaults, the `columns` mapping, the CRM labels), the same rules per row and the same data-quality report. Typed times are instants
 * (a Parquet or Arrow timestamp without a zone is a wall-clock time, read in `timeZone` as CSV reads one; a date is the start of that day in
 * `timeZone`); strings go through the CSV timestamp parser; nulls are empty cells. An issue's `line` is the line the row has in the CSV of
 * the same table (the header is line 1, the first row line 2).
 *
 * @example
 * ```ts
 * const { leads, issues, cannotJudge } = await loadFiles({
 *   leads: 'data/leads.csv',
 *   stageHistory: 'data/stage_history.parquet',
 *   timeZone: 'America/Chicago',
 *   pipeline,
 * });
 * for (const issue of issues) console.warn(formatIssue(issue));
 * // In memory (a notebook, a test, a browser upload): the same readers, no file system.
 * const pasted = await loadFiles({ leads: { text: 'lead_id,received_time\n1,2025-01-06 09:00\n' }, timeZone: 'Europe/London' });
 * ```
 */
export async function loadFiles(options: LoadFilesOptions): Promise<LoadResult> {
  return (await loadWith(options)).result;
}

/**
 * What {@link loadFilesColumnar} returns: what {@link loadFiles} returns, with the leads and their histories as columns.
 *
 * @example
 * ```ts
 * const { leads, stages, owners, issues, stats }: ColumnarLoadResult = await loadFilesColumnar({ leads: 'leads.csv', timeZone: 'UTC' });
 * ```
 */
export interface ColumnarLoadResult extends Omit<LoadResult, 'leads'> {
  /** The accepted leads, as `loadFiles` returns them (the same fields, order, and stage and locator filled in from the histories). */
  leads: LeadColumns;
  /** The stage history of lead `i`, as `loadFiles` attaches it. */
  stages: HistoryColumns;
  /** The owner history of lead `i` (empty columns when no owner file was given). */
  owners: HistoryColumns;
}

/**
 * {@link loadFiles} that keeps the leads and their histories as columns rather than objects: the same readers, validation, issues and
 * stats, and the same lead fields, but no object or `Date` per lead or per history row.
 *
 * @example
 * ```ts
 * const data = await loadFilesColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const rows = needsAttention(data, { asOf, timeZone, pipeline });
 * ```
 */
export async function loadFilesColumnar(options: LoadFilesOptions): Promise<ColumnarLoadResult> {
  const sink = new LeadColumnsBuilder();
  const loaded = await loadWith(options, sink);
  const { leads: _objects, ...rest } = loaded.result;
  return { ...rest, leads: loaded.columns!, stages: loaded.stages!, owners: loaded.owners! };
}

/**
 * Options of {@link aggregateFileBySlot}: those of `aggregateBySlot`, and how to read the file.
 *
 * @example
 * ```ts
 * const options: AggregateFileBySlotOptions = { timeZone: 'America/Chicago', asOf, slotMinutes: 30, slaMinutes: 15 };
 * ```
 */
export type AggregateFileBySlotOptions = AggregateCsvBySlotOptions;

/**
 * What {@link aggregateFileBySlot} returns: the heatmap's cells, with the issues and stats of the leads file.
 *
 * @example
 * ```ts
 * const { cells, issues, stats }: AggregateFileBySlotResult = await aggregateFileBySlot('leads.csv', { timeZone: 'UTC', asOf });
 * ```
 */
export type AggregateFileBySlotResult = AggregateCsvBySlotResult;

/**
 * The heatmap of a leads file in any {@link TableFormat} (or in memory), in one streaming pass, with the issues and stats of the leads
 * file: `aggregateBySlot` of the leads {@link loadFiles} accepts. A large CSV file is split between worker threads; a file of another
 * format is read in one pass.
 *
 * @example
 * ```ts
 * const { cells } = await aggregateFileBySlot('leads.parquet', { timeZone: 'UTC', asOf: new Date('2026-01-01T00:00:00Z'), slotMinutes: 60 });
 * ```
 */
export async function aggregateFileBySlot(input: TableFileInput, options: AggregateFileBySlotOptions): Promise<AggregateFileBySlotResult> {
  assertEncodingFor([input], options.encoding);
  return aggregateCsvBySlot(await openTable(input, 'leads', options), options);
}

/**
 * Options of {@link loadScheduleFile}.
 *
 * @example
 * ```ts
 * const options: LoadScheduleFileOptions = { columns: { schedule: { rep: 'Agent' } }, strict: true };
 * const { schedule } = await loadScheduleFile('rota.csv', options);
 * ```
 */
export interface LoadScheduleFileOptions extends CsvFormatOptions {
  /** Header names to read instead of the defaults (only `columns.schedule` is used). Default: none. */
  columns?: CsvColumnMapping;
  /** When true, any rejected row throws a `DataQualityError` listing the errors. Default `false`. */
  strict?: boolean;
  /** The file's name in issues and stats. Default: the path as given, the input's `label`, or `schedule.csv`. */
  label?: string;
}

/**
 * The shifts of a schedule file, with its data-quality findings and row accounting.
 *
 * @example
 * ```ts
 * const result: ScheduleFileResult = await loadScheduleFile('schedule.csv');
 * console.log(`${result.schedule.length} shifts; ${result.stats.rejected} rows rejected`);
 * ```
 */
export interface ScheduleFileResult {
  schedule: Shift[];
  issues: DataIssue[];
  stats: LoadStats;
}

/**
 * Reads a staff schedule (`rep`, `day_of_week`, `shift_start`, `shift_end`) on its own, in any {@link TableFormat} or from memory, with
 * the same rules as {@link loadFiles}: for sources that bring leads but no schedule (the Zoho adapter).
 *
 * @example
 * ```ts
 * const { schedule, issues } = await loadScheduleFile('schedule.csv');
 * const coverage = scheduleCoverage(schedule, { slotMinutes: 30 });
 * ```
 */
export async function loadScheduleFile(input: TableFileInput, options: LoadScheduleFileOptions = {}): Promise<ScheduleFileResult> {
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  assertEncodingFor([input], options.encoding);
  const log = new IssueLog();
  const opened = openCsvInput(await openTable(input, 'schedule', options), DEFAULT_CSV_FILE_NAMES.schedule, options.label);
  const schedule = await readScheduleFile(opened, log.file(opened.label), { columns: options.columns, ...csvFormat(options) });
  if (options.strict) {
    const errors = log.errors();
    if (errors.length > 0) throw new DataQualityError(errors);
  }
  return { schedule, issues: log.issues, stats: log.stats() };
}

interface Loaded {
  result: LoadResult;
  /** With a sink: the leads, and their histories as columns. */
  columns?: LeadColumns;
  stages?: HistoryColumns;
  owners?: HistoryColumns;
}

/** Loads the files: into `Lead` objects, or with a `sink` into columns (leads and histories). */
async function loadWith(options: LoadFilesOptions, sink?: LeadColumnsBuilder): Promise<Loaded> {
  getZone(options.timeZone); // a RangeError now for an unknown zone
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  assertEncodingFor([options.leads, options.stageHistory, options.ownerHistory, options.schedule], options.encoding);
  const log = new IssueLog(options.issueExamples);
  const open = async (kind: CsvFileKind, input: TableFileInput) =>
    openCsvInput(await openTable(input, kind, options), DEFAULT_CSV_FILE_NAMES[kind], options.fileLabel?.[kind]);
  const table = { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone };

  const leadsInput = await open('leads', options.leads);
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
    const history = {
      ...table,
      timeZone: options.timeZone,
      pipeline: options.pipeline,
      leads: {
        id: ids,
        createdAt: sink ? sink.createdAtMs : Float64Array.from(leads, (lead) => lead.createdAt.getTime()),
        index: leadsFile.ids,
      },
      leadsFile: leadsInput.label,
    };
    for (const kind of ['stageHistory', 'ownerHistory'] as const) {
      const input = options[kind];
      if (input === undefined) continue;
      const opened = await open(kind, input);
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
    const opened = await open('schedule', options.schedule);
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

/** A table input as the CSV readers take it, reading only the columns the reader of its kind reads. @internal */
export function openTable(
  input: TableFileInput,
  kind: CsvFileKind,
  options: { delimiter?: string; columns?: CsvColumnMapping; encoding?: string },
): Promise<CsvFileInput> {
  const read = columnsRead(kind, options.columns);
  return openTableInput(input, DEFAULT_CSV_FILE_NAMES[kind], options.delimiter ?? ',', read, options.encoding);
}

/** A text encoding other than UTF-8 forced on a file that is not CSV: refused, since Parquet, Arrow and JSON text is UTF-8. @internal */
export function assertEncodingFor(inputs: readonly (TableFileInput | undefined)[], encoding: string | undefined): void {
  if (encoding === undefined || encoding === 'auto' || encoding === 'utf-8') return;
  for (const input of inputs) {
    const format = input === undefined ? 'csv' : tableFormatOfInput(input);
    if (format !== 'csv') throw new RangeError(tablesMessages.encodingNotCsv(encoding, format));
  }
}
