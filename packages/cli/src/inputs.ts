import { DataQualityError, formatIssue, columnarLeadsOf, type LoadResult } from '@panopticon/core';
import {
  CsvReadError,
  loadCsv,
  loadCsvColumnar,
  loadScheduleCsv,
  type ColumnarLoadResult,
  type CsvFormatOptions,
} from '@panopticon/core/csv';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import type { Settings } from './settings/resolve.js';

/** What the loaders read from the settings: where the leads are, and how to read them. */
export type LoadSettings = Pick<
  Settings,
  'source' | 'timeZone' | 'pipeline' | 'columns' | 'strict' | 'quiet' | 'delimiter' | 'encoding' | 'dateFormat'
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

/** Loads the lead data the settings name (CSV files, the bundled sample or Zoho), printing data-quality warnings to stderr. */
export function loadInputs(settings: LoadSettings, io: Io): Promise<LoadResult> {
  return loadWith(settings, io, 'objects') as Promise<LoadResult>;
}

/**
 * {@link loadInputs} with the leads and their histories as columns, for commands that compute only the
 * columnar metrics (attention, kpis): a CSV export is read straight into columns (`loadCsvColumnar`);
 * Zoho leads are loaded as objects and then laid out as columns.
 */
export function loadColumnarInputs(settings: LoadSettings, io: Io): Promise<ColumnarLoadResult> {
  return loadWith(settings, io, 'columns') as Promise<ColumnarLoadResult>;
}

async function loadWith(settings: LoadSettings, io: Io, as: 'objects' | 'columns'): Promise<LoadResult | ColumnarLoadResult> {
  const { source, timeZone, pipeline, columns, strict, quiet } = settings;
  if (source.kind === 'zoho') {
    // Loaded on demand: commands without --zoho never pay for the adapter.
    const { loadFromZoho } = await import('./zoho.js');
    const result = await loadFromZoho(source, io, timeZone);
    if (source.schedule) {
      try {
        const shifts = await loadScheduleCsv(source.schedule, {
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
    if (!quiet) reportIssues(result, io);
    if (as !== 'columns') return result;
    const { leads, ...rest } = result;
    return { ...rest, ...columnarLeadsOf(leads) };
  }
  let result: LoadResult | ColumnarLoadResult;
  try {
    const load = {
      leads: source.leads,
      stageHistory: source.history,
      ownerHistory: source.owners,
      schedule: source.schedule,
      timeZone,
      pipeline,
      columns,
      strict,
      ...csvFormatOf(settings),
    };
    result = as === 'columns' ? await loadCsvColumnar(load) : await loadCsv(load);
  } catch (error) {
    throw asCliError(error);
  }
  if (!quiet) reportIssues(result, io);
  return result;
}

/** Source errors as user errors: unreadable files and strict-mode data errors name the file, line and field. */
export function asCliError(error: unknown): CliError {
  if (error instanceof DataQualityError) return new CliError(error.message);
  if (error instanceof CsvReadError && ['ENOENT', 'EACCES', 'EISDIR'].includes(error.systemCode ?? '')) {
    return new CliError(`Cannot read ${error.path}: ${error.systemCode}.`);
  }
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'ENOENT' || e.code === 'EACCES' || e.code === 'EISDIR') {
    return new CliError(`Cannot read ${e.path ?? 'input file'}: ${e.code}.`);
  }
  return new CliError((error as Error).message);
}

const MAX_PRINTED_ISSUES = 20;
/** Data-quality findings go to stderr, never mixed with results on stdout. */
export function reportIssues(result: Pick<LoadResult, 'issues' | 'stats'>, io: Io): void {
  const { issues, stats } = result;
  if (issues.length === 0) return;
  const errors = issues.filter((i) => i.severity === 'error').length;
  const notes = issues.filter((i) => i.severity === 'info').length;
  const warnings = issues.length - errors - notes;
  io.err(
    `data quality: ${stats.rows} rows, ${stats.accepted} accepted, ${stats.rejected} rejected; ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}` +
      `${notes > 0 ? `, ${notes} note${notes === 1 ? '' : 's'} on how the files were read` : ''}\n`,
  );
  // Errors and warnings first: notes on how the files were read never push them out of the printed ones.
  const ordered = [...issues.filter((i) => i.severity !== 'info'), ...issues.filter((i) => i.severity === 'info')];
  for (const issue of ordered.slice(0, MAX_PRINTED_ISSUES)) io.err(`  ${formatIssue(issue)}\n`);
  if (issues.length > MAX_PRINTED_ISSUES) {
    io.err(`  … and ${issues.length - MAX_PRINTED_ISSUES} more (panopticon check lists them all)\n`);
  }
}
