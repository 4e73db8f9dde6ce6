import { readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import {
  DataQualityError,
  assertTimeZone,
  endOfLocalDay,
  formatIssue,
  loadCsv,
  columnarLeadsOf,
  loadCsvColumnar,
  loadScheduleCsv,
  parseDayNumber,
  parsePipeline,
  parseTimestamp,
  type ColumnarLoadResult,
  type LoadResult,
  type Pipeline,
} from '@panopticon/core';
import { stringValue, type ParsedValues } from './args.js';
import { applyThresholds, findConfigFile, loadConfig, type Config } from './config.js';
import { CliError } from './errors.js';
import type { Io } from './io.js';
import { sampleManifest } from './sample.js';

/** Everything a command needs, resolved from flags, the sample manifest and defaults. */
export interface Inputs extends InputContext {
  result: LoadResult;
}

/** {@link Inputs} with the leads and their histories as columns ({@link loadColumnarInputs}). */
export interface ColumnarInputs extends InputContext {
  result: ColumnarLoadResult;
}

/** What the flags, config file and sample manifest resolve to, besides the data itself. */
export interface InputContext {
  /** Where the leads came from, for reports ("sample data", a path). */
  description: string;
  timeZone: string;
  asOf: Date;
  pipeline: Pipeline;
  usingSample: boolean;
  /** Settings from the config file that commands read where they have no flag (flags override them). */
  settings: InputSettings;
  /** The leads file as resolved (flag, config or sample), with the label its issues carry. */
  leadsFile: { path: string; label: string };
  /** The column mapping (`--columns` or the config's), if any. */
  columns: Record<string, Record<string, string>> | undefined;
}

/** What a config file sets besides inputs, time zone and pipeline; each command's flag overrides it. */
export interface InputSettings {
  /** The config file used, if any. */
  configPath?: string;
  slaMinutes?: number;
  bucketMinutes?: number;
  dayCount?: Config['dayCount'];
  calendar?: Config['calendar'];
}

/** The pipeline when none is given: the stages of a plain CRM, every unknown stage counted as open. */
export const DEFAULT_PIPELINE: Pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Contacted', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Follow-Up', category: 'open' },
    { name: 'Green - Approved', category: 'green' },
    { name: 'Delivery Requested', category: 'delivery' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

/** Reads a JSON file, or fails with a message naming the file. */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(`${what} ${path} is not valid JSON: ${(error as Error).message}.`);
  }
}

/** Loads a pipeline file with a message naming the file and the bad key. */
export function loadPipelineFile(path: string): Pipeline {
  const raw = readJsonFile(path, 'pipeline file');
  try {
    return parsePipeline(raw);
  } catch (error) {
    const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
    const detail = issues ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ') : String(error);
    throw new CliError(`pipeline file ${path} is not a valid pipeline: ${detail}.`);
  }
}

/**
 * `--as-of`: a date means the end of that day in the time zone; a timestamp is read like input timestamps
 * (exact with an offset, wall clock in the zone without).
 */
export function parseAsOf(raw: string | undefined, timeZone: string, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const day = parseDayNumber(raw);
  if (!Number.isNaN(day)) return endOfLocalDay(day, timeZone);
  const ms = parseTimestamp(raw, timeZone);
  if (ms === null) throw new CliError(`--as-of must be a date (2026-03-31) or a timestamp, got "${raw}".`, 2);
  return new Date(ms);
}

export function resolveTimeZone(raw: string | undefined, fallback: string): string {
  const timeZone = raw ?? fallback;
  try {
    assertTimeZone(timeZone);
  } catch (error) {
    throw new CliError(`--tz: ${(error as Error).message}`, 2);
  }
  return timeZone;
}

/** Loads the lead data named by the flags (or the bundled sample), printing data-quality warnings to stderr. */
export interface LoadInputsOptions {
  /**
   * Resolve the inputs but read nothing: response-time commands stream the leads file themselves
   * (`leadsFile`, `columns`), so `result` is empty. The heatmap reads a million-row export in one pass
   * this way, without building leads.
   */
  responseOnly?: boolean;
}

export function loadInputs(values: ParsedValues, io: Io, options: LoadInputsOptions = {}): Promise<Inputs> {
  return loadWith(values, io, options.responseOnly ? 'none' : 'objects') as Promise<Inputs>;
}

/**
 * {@link loadInputs} with the leads and their histories as columns, for commands that compute only the
 * columnar metrics (attention, kpis): a CSV export is read straight into columns (`loadCsvColumnar`);
 * Zoho leads are loaded as objects and then laid out as columns.
 */
export function loadColumnarInputs(values: ParsedValues, io: Io): Promise<ColumnarInputs> {
  return loadWith(values, io, 'columns') as Promise<ColumnarInputs>;
}

/** How the leads are loaded: as objects, as columns, or not at all (the command streams the file itself). */
type LoadAs = 'objects' | 'columns' | 'none';

async function loadWith(values: ParsedValues, io: Io, as: LoadAs): Promise<Inputs | ColumnarInputs> {
  const path = (p: string) => (isAbsolute(p) ? p : resolve(io.cwd, p));
  // panopticon.config.json (--config, or found in the working directory): flags override each value.
  const configFile = findConfigFile(stringValue(values, 'config'), io.cwd);
  const config = configFile === undefined ? undefined : loadConfig(configFile);
  const settings: InputSettings = config
    ? { configPath: config.path, slaMinutes: config.slaMinutes, bucketMinutes: config.bucketMinutes, dayCount: config.dayCount, calendar: config.calendar }
    : {};
  const leadsFlag = stringValue(values, 'leads') ?? config?.files.leads?.path;
  const fromZoho = values.zoho === true;
  const usingSample = leadsFlag === undefined && !fromZoho;
  const sample = usingSample ? sampleManifest() : undefined;
  const timeZone = resolveTimeZone(stringValue(values, 'tz') ?? config?.timeZone, sample?.timeZone ?? 'UTC');
  const pipelineFlag = stringValue(values, 'pipeline');
  const basePipeline = pipelineFlag
    ? loadPipelineFile(path(pipelineFlag))
    : config?.pipeline
      ? 'file' in config.pipeline
        ? loadPipelineFile(config.pipeline.file)
        : config.pipeline.inline
      : sample
        ? loadPipelineFile(join(sample.dir, sample.files.pipeline))
        : DEFAULT_PIPELINE;
  const pipeline = config ? applyThresholds(basePipeline, config) : basePipeline;
  const fromSample = (name: keyof NonNullable<typeof sample>['files']) => (sample ? join(sample.dir, sample.files[name]) : undefined);
  const file = (flag: string, name: keyof NonNullable<typeof sample>['files']) => {
    const v = stringValue(values, flag);
    const fromConfig = config?.files[flag as 'leads' | 'history' | 'owners' | 'schedule'];
    const at = v !== undefined ? path(v) : fromConfig ? fromConfig.path : fromSample(name);
    // Issues name files as the user typed them (flag or config), or as "sample/<file>" for the bundled data.
    return at === undefined ? undefined : { path: at, label: v ?? fromConfig?.label ?? `sample/${sample!.files[name]}` };
  };
  const columnsFlag = stringValue(values, 'columns');
  const columnsFile = columnsFlag ? path(columnsFlag) : config?.files.columns?.path;
  const columns = columnsFile ? (readJsonFile(columnsFile, 'column mapping') as Record<string, Record<string, string>>) : undefined;
  const sampleAsOf = sample ? endOfLocalDay(parseDayNumber(sample.asOf), timeZone) : undefined;
  const asOf = parseAsOf(stringValue(values, 'as-of'), timeZone, sampleAsOf ?? io.now());

  if (fromZoho) {
    // Loaded on demand: commands without --zoho never pay for the adapter.
    const { loadFromZoho } = await import('./zoho.js');
    const result = await loadFromZoho(values, io, path, timeZone);
    // Zoho has no staff schedule: a schedule file (flag or config) still feeds the coverage figures.
    const scheduleFile = stringValue(values, 'schedule') !== undefined || config?.files.schedule ? file('schedule', 'schedule') : undefined;
    if (scheduleFile) {
      try {
        const shifts = await loadScheduleCsv(scheduleFile, { columns, strict: values.strict === true, label: scheduleFile.label });
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
    if (values.quiet !== true) reportIssues(result, io);
    const leadsFile = { path: '', label: 'Zoho CRM' };
    const context = { description: 'Zoho CRM', timeZone, asOf, pipeline, usingSample, settings, leadsFile, columns };
    if (as !== 'columns') return { ...context, result };
    const { leads, ...rest } = result;
    return { ...context, result: { ...rest, ...columnarLeadsOf(leads) } };
  }
  const leads = file('leads', 'leads')!;
  if (as === 'none') {
    const result: LoadResult = { leads: [], issues: [], stats: { rows: 0, accepted: 0, rejected: 0 } };
    return { description: usingSample ? 'sample data' : leads.label, timeZone, asOf, pipeline, result, usingSample, settings, leadsFile: leads, columns };
  }
  let result: LoadResult | ColumnarLoadResult;
  try {
    const load = {
      leads,
      stageHistory: file('history', 'stageHistory'),
      ownerHistory: file('owners', 'ownerHistory'),
      schedule: file('schedule', 'schedule'),
      timeZone,
      pipeline,
      columns,
      strict: values.strict === true,
    };
    result = as === 'columns' ? await loadCsvColumnar(load) : await loadCsv(load);
  } catch (error) {
    throw asCliError(error);
  }
  if (values.quiet !== true) reportIssues(result, io);
  return {
    description: usingSample ? 'sample data' : leads.label,
    timeZone,
    asOf,
    pipeline,
    result,
    usingSample,
    settings,
    leadsFile: leads,
    columns,
  } as Inputs | ColumnarInputs;
}

/** Source errors as user errors: unreadable files and strict-mode data errors name the file, line and field. */
export function asCliError(error: unknown): CliError {
  if (error instanceof DataQualityError) return new CliError(error.message);
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
  io.err(
    `data quality: ${stats.rows} rows, ${stats.accepted} accepted, ${stats.rejected} rejected; ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${issues.length - errors} warning${issues.length - errors === 1 ? '' : 's'}\n`,
  );
  for (const issue of issues.slice(0, MAX_PRINTED_ISSUES)) io.err(`  ${formatIssue(issue)}\n`);
  if (issues.length > MAX_PRINTED_ISSUES) {
    io.err(`  … and ${issues.length - MAX_PRINTED_ISSUES} more (panopticon check lists them all)\n`);
  }
}
