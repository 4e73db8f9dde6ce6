/**
 * The command line's edge: a data command's flags, panopticon.config.json and the defaults resolved once
 * into {@link Settings}. Precedence: flags, then the config file, then the bundled sample's (when no leads
 * are named), then the declared defaults (settings/definitions.ts). Commands and loaders read these settings,
 * never the parsed flags.
 *
 * @module
 */
import { join } from 'node:path';
import { endOfLocalDay, parseDayNumber, type Pipeline } from '@panopticon/core';
import type { ParsedValues } from '../args.js';
import { applyThresholds, findConfigFile, loadConfig } from '../config.js';
import type { Io } from '../io.js';
import { parseAsOf, parsePeriod } from '../period.js';
import { sampleManifest, type SampleManifest } from '../sample.js';
import { SETTINGS, type FileRef } from './definitions.js';
import { DEFAULT_PIPELINE, loadPipelineFile, readJsonFile } from './json-files.js';
import { absolute, mergeLayers, readConfig, readFlags, type SettingsOf } from './setting.js';

type Declared = SettingsOf<typeof SETTINGS>;

/** A column mapping: per input ("leads", …), the file's column for each field. */
export type ColumnMapping = Record<string, Record<string, string>>;

/** Where the leads come from: CSV files (named, or the bundled sample) or the Zoho snapshot. */
export type LeadSource =
  | {
      kind: 'csv';
      /** The leads file; issues name it by its label ("sample/leads.csv" for the bundled data). */
      leads: FileRef;
      history?: FileRef;
      owners?: FileRef;
      schedule?: FileRef;
      usingSample: boolean;
    }
  | {
      kind: 'zoho';
      /** The snapshot directory (absolute). */
      store: string;
      /** Sync before reading (not under `--offline`). */
      sync: boolean;
      ownerHistory: boolean;
      /** Zoho has no staff schedule: a schedule file (flag or config) still feeds the coverage figures. */
      schedule?: FileRef;
    };

/** Everything a data command needs to know before it reads any data. */
export interface Settings
  extends Omit<
    Declared,
    | 'configFile'
    | 'pipeline'
    | 'staleAfterDays'
    | 'warnAfterDays'
    | 'greenStuckAfterDays'
    | 'leads'
    | 'history'
    | 'owners'
    | 'schedule'
    | 'columns'
    | 'asOf'
    | 'from'
    | 'to'
    | 'zoho'
    | 'offline'
    | 'ownerHistory'
    | 'store'
    | 'full'
  > {
  /** The config file read, if any. */
  configPath?: string;
  source: LeadSource;
  /** What the leads are called in reports: "sample data", the leads file as named, or "Zoho CRM". */
  description: string;
  /** The pipeline (flag, config, sample or default), with the config file's thresholds in place. */
  pipeline: Pipeline;
  /** `--columns` or the config's column mapping, read. */
  columns?: ColumnMapping;
  /** The instant leads are judged at: `--as-of`, else the sample's own as-of, else now. */
  asOf: Date;
  /** `--from` / `--to` as instants (the heatmap). */
  period: { from?: Date; to?: Date };
  /** Where `report` writes the page, absolute. */
  out: string;
}

/**
 * Resolves a data command's parsed flags into {@link Settings}. Bad flags are usage errors (exit 2) naming
 * the flag, checked before any file is read; then the config file, the pipeline and column-mapping files,
 * and last `--as-of`, `--from` and `--to`, which are read in the resolved time zone.
 */
export function resolveSettings(values: ParsedValues, io: Pick<Io, 'cwd' | 'now'>): Settings {
  const flags = readFlags(SETTINGS, values, { cwd: io.cwd });
  // panopticon.config.json (--config, or found in the working directory).
  const configFile = findConfigFile(flags.configFile, io.cwd);
  const config = configFile === undefined ? undefined : loadConfig(configFile);
  const fromConfig = readConfig(SETTINGS, config);
  const fromZoho = flags.zoho === true;
  const usingSample = (flags.leads ?? fromConfig.leads) === undefined && !fromZoho;
  const sample = usingSample ? sampleManifest() : undefined;
  const s = mergeLayers(SETTINGS, flags, fromConfig, sample ? sampleLayer(sample) : {});

  const base = s.pipeline === undefined ? DEFAULT_PIPELINE : 'file' in s.pipeline ? loadPipelineFile(s.pipeline.file) : s.pipeline.inline;
  const pipeline = config ? applyThresholds(base, config.thresholds, config.path) : base;
  const columns = s.columns ? (readJsonFile(s.columns.path, 'column mapping') as ColumnMapping) : undefined;
  const sampleAsOf = sample ? endOfLocalDay(parseDayNumber(sample.asOf), s.timeZone) : undefined;
  const asOf = parseAsOf(s.asOf, s.timeZone, sampleAsOf ?? io.now());
  const period = parsePeriod(s.from, s.to, s.timeZone);

  const source: LeadSource = fromZoho
    ? {
        kind: 'zoho',
        store: absolute(s.store, io.cwd),
        sync: !s.offline,
        ownerHistory: s.ownerHistory,
        // Only a schedule named by a flag or the config (the sample is not used with --zoho).
        ...(s.schedule ? { schedule: s.schedule } : {}),
      }
    : { kind: 'csv', leads: s.leads!, ...optional({ history: s.history, owners: s.owners, schedule: s.schedule }), usingSample };
  const {
    configFile: _configFile,
    staleAfterDays: _stale,
    warnAfterDays: _warn,
    greenStuckAfterDays: _green,
    leads: _leads,
    history: _history,
    owners: _owners,
    schedule: _schedule,
    zoho: _zoho,
    offline: _offline,
    ownerHistory: _ownerHistory,
    store: _store,
    full: _full,
    from: _from,
    to: _to,
    pipeline: _pipeline,
    columns: _columns,
    asOf: _asOf,
    out: _out,
    ...rest
  } = s;
  return {
    ...rest,
    ...(config ? { configPath: config.path } : {}),
    source,
    description: fromZoho ? 'Zoho CRM' : usingSample ? 'sample data' : s.leads!.label,
    pipeline,
    ...(columns ? { columns } : {}),
    asOf,
    period,
    out: absolute(s.out, io.cwd),
  };
}

/** What the bundled sample sets when no leads are named: its zone, pipeline and files. */
function sampleLayer(sample: SampleManifest): Partial<Declared> {
  const file = (name: keyof SampleManifest['files']): FileRef => ({
    path: join(sample.dir, sample.files[name]),
    label: `sample/${sample.files[name]}`,
  });
  return {
    timeZone: sample.timeZone,
    pipeline: { file: join(sample.dir, sample.files.pipeline) },
    leads: file('leads'),
    history: file('stageHistory'),
    owners: file('ownerHistory'),
    schedule: file('schedule'),
  };
}

function optional<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}
