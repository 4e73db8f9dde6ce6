import {
  DataQualityError,
  countReadable,
  formatIssue,
  columnarLeadsOf,
  judgeability,
  type CannotJudge,
  type DataIssue,
  type JudgedQuestion,
  type LoadResult,
} from '@panopticon/core';
import {
  CsvColumnError,
  CsvReadError,
  loadFiles,
  loadFilesColumnar,
  loadScheduleFile,
  type ColumnarLoadResult,
  type CsvFormatOptions,
} from '@panopticon/core/files';
import type { ZohoOrg } from '@panopticon/zoho-adapter';
import { CliError, EXIT } from './errors.js';
import type { Io } from './io.js';
import type { Settings } from './settings/resolve.js';

/** What the loaders read from the settings: where the leads are, and how to read them. */
export type LoadSettings = Pick<
  Settings,
  'source' | 'timeZone' | 'pipeline' | 'columns' | 'strict' | 'quiet' | 'issueExamples' | 'delimiter' | 'encoding' | 'dateFormat'
>;

/** How the CSV files are read (`--delimiter`, `--encoding`, `--date-format`), for the loaders' options. */
export function csvFormatOf(settings: Pick<Settings, 'delimiter' | 'encoding' | 'dateFormat'>): CsvFormatOptions {
  const { delimiter, encoding, dateFormat } = settings;
  return {
    ...(delimiter !== undefined ? { delimiter } : {}),
    ...(encoding !== undefined ? { encoding } : {}),
    ...(dateFormat !== undefined ? { dateFormat } : {}),
  };
}

/** From Zoho, also the org its last sync read (the record links' org id, without a second read of the snapshot). */
type WithSyncedOrg<T> = T & { syncedOrg?: ZohoOrg };

/** Loads the lead data the settings name (CSV, Parquet, Arrow or NDJSON files, the bundled sample, Zoho or PostgreSQL), printing data-quality warnings to stderr. */
export function loadInputs(settings: LoadSettings, io: Io): Promise<WithSyncedOrg<LoadResult>> {
  return loadWith(settings, io, 'objects') as Promise<WithSyncedOrg<LoadResult>>;
}

/**
 * {@link loadInputs} with the leads and their histories as columns, for commands that compute only the
 * columnar metrics (attention, kpis): a CSV export is read straight into columns (`loadFilesColumnar`);
 * Zoho leads are loaded as objects and then laid out as columns.
 */
export function loadColumnarInputs(settings: LoadSettings, io: Io): Promise<WithSyncedOrg<ColumnarLoadResult>> {
  return loadWith(settings, io, 'columns') as Promise<WithSyncedOrg<ColumnarLoadResult>>;
}

async function loadWith(settings: LoadSettings, io: Io, as: 'objects' | 'columns'): Promise<LoadResult | ColumnarLoadResult> {
  const { source, timeZone, pipeline, columns, strict, quiet, issueExamples } = settings;
  if (source.kind === 'zoho') {
    // Loaded on demand: commands without --zoho never pay for the adapter.
    const { loadFromZoho } = await import('./zoho.js');
    const result = await loadFromZoho(source, io, timeZone);
    if (source.schedule) {
      try {
        const shifts = await loadScheduleFile(source.schedule, {
          columns,
          strict,
          label: source.schedule.label,
          ...csvFormatOf(settings),
        });
        result.schedule = shifts.schedule;
        result.issues = [...result.issues, ...shifts.issues];
        result.stats = {
          ...result.stats,
          rows: result.stats.rows + shifts.stats.rows,
          accepted: result.stats.accepted + shifts.stats.accepted,
          rejected: result.stats.rejected + shifts.stats.rejected,
          inputs: { ...result.stats.inputs, ...shifts.stats.inputs },
        };
      } catch (error) {
        throw asCliError(error);
      }
    }
    // The snapshot's leads carry no header: a question is judgeable when some lead has the value it needs.
    result.cannotJudge ??= judgeability(
      'Zoho CRM',
      {
        'follow-up': { field: 'appointment', present: true, values: countReadable(result.leads.map((l) => l.appointmentAt)) },
        response: { field: 'first contact', present: true, values: countReadable(result.leads.map((l) => l.firstContactAt)) },
      },
      'Map the field that holds it in panopticon.config.json ("zoho": { "mapping": { "appointmentAt": "…", "firstContactAt": "…" } }; ' +
        'panopticon zoho fields lists the API names), or read appointments from meetings ("zoho": { "appointments": { "from": "events" } }).',
    );
    if (!quiet) reportIssues(result, io);
    if (as !== 'columns') return result;
    const { leads, ...rest } = result;
    return { ...rest, ...columnarLeadsOf(leads) };
  }
  let result: LoadResult | ColumnarLoadResult;
  try {
    if (source.kind === 'sql') {
      // Loaded on demand: commands without --sql never load the PostgreSQL client.
      const { loadFromPostgres } = await import('./postgres-source.js');
      result = await loadFromPostgres(source, settings, io, as);
      if (!quiet) reportIssues(result, io);
      return result;
    }
    const load = {
      leads: source.leads,
      stageHistory: source.history,
      ownerHistory: source.owners,
      schedule: source.schedule,
      timeZone,
      pipeline,
      columns,
      strict,
      issueExamples,
      ...csvFormatOf(settings),
    };
    // Each file's reader by its extension: CSV, Parquet, Arrow IPC / Feather or NDJSON, all with the CSV rules.
    result = as === 'columns' ? await loadFilesColumnar(load) : await loadFiles(load);
  } catch (error) {
    throw asCliError(error);
  }
  if (!quiet) reportLoadIssues(result, source.usingSample, io);
  return result;
}

/**
 * Source errors as user errors: unreadable files (exit 3), files without the columns they need (exit 3),
 * strict-mode data errors (exit 1), bad options such as an unknown mapped column (exit 2); each names the
 * file, line and field.
 */
export function asCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  if (error instanceof DataQualityError) return new CliError(error.message, EXIT.findings);
  if (error instanceof CsvColumnError) return new CliError(error.message, EXIT.unreadable);
  if (error instanceof CsvReadError) {
    return new CliError(error.systemCode ? `Cannot read ${error.path}: ${error.systemCode}.` : error.message, EXIT.unreadable);
  }
  const e = error as NodeJS.ErrnoException;
  if (typeof e.code === 'string' && e.code.startsWith('E') && e.syscall !== undefined) {
    return new CliError(`Cannot read ${e.path ?? 'an input file'}: ${e.code}.`, EXIT.unreadable);
  }
  if (error instanceof RangeError || error instanceof TypeError) return new CliError(error.message, EXIT.usage);
  return new CliError((error as Error).message, EXIT.findings);
}

/**
 * The issues the bundled sample data has on purpose (examples/data/generate.mjs writes one of each), so
 * that the page's data-quality panel and `panopticon check` have something to show.
 */
const SAMPLE_ISSUE_CODES: ReadonlySet<string> = new Set([
  'unknown-stage',
  'contact-before-created',
  'history-before-created',
  'unparseable-timestamp',
  'missing-stage',
]);

/**
 * One line in place of the sample data's deliberate warnings, which a user cannot act on; undefined when
 * the sample gives any other issue (then they are printed as usual).
 */
export function sampleNote(issues: readonly DataIssue[]): string | undefined {
  if (issues.length === 0 || issues.some((i) => i.severity !== 'warning' || !SAMPLE_ISSUE_CODES.has(i.code))) return undefined;
  return (
    `data quality: the sample data has ${issues.length} deliberate warning${issues.length === 1 ? '' : 's'} (one of each kind a real export shows); ` +
    'panopticon check lists them, docs/data-quality.md explains them.\n'
  );
}

/** A load's issues on stderr: the sample's deliberate ones as one note line, any others as a list. */
export function reportLoadIssues(result: Pick<LoadResult, 'issues' | 'stats' | 'issueSummary'>, usingSample: boolean, io: Io): void {
  const note = usingSample ? sampleNote(result.issues) : undefined;
  if (note !== undefined) io.err(note);
  else reportIssues(result, io);
}

const MAX_PRINTED_ISSUES = 20;
/** Data-quality findings go to stderr, never mixed with results on stdout. */
export function reportIssues(result: Pick<LoadResult, 'issues' | 'stats' | 'issueSummary'>, io: Io): void {
  const { issues, stats } = result;
  if (issues.length === 0) return;
  // Counted over every issue found, not only the examples kept; notes (how the files were read) apart.
  const found = result.issueSummary?.found ?? issues.length;
  const errors = result.issueSummary?.errors ?? issues.filter((i) => i.severity === 'error').length;
  const notes = issues.filter((i) => i.severity === 'info').length;
  const warnings = found - errors - notes;
  io.err(
    `data quality: ${stats.rows} rows, ${stats.accepted} accepted, ${stats.rejected} rejected; ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
      `${notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'} on how the files were read` : ''}\n`,
  );
  // Errors and warnings first: notes on how the files were read never push them out of the printed ones.
  const ordered = [...issues.filter((i) => i.severity !== 'info'), ...issues.filter((i) => i.severity === 'info')];
  for (const issue of ordered.slice(0, MAX_PRINTED_ISSUES)) io.err(`  ${formatIssue(issue)}\n`);
  if (found > MAX_PRINTED_ISSUES) {
    io.err(`  … and ${found - MAX_PRINTED_ISSUES} more (panopticon check lists them)\n`);
  }
}

/** The verdict of the load on a question, when it cannot be judged. */
export function cannotJudge(result: Pick<LoadResult, 'cannotJudge'>, question: JudgedQuestion): CannotJudge | undefined {
  return result.cannotJudge?.find((c) => c.question === question);
}
