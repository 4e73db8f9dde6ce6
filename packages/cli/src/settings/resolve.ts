/**
 * The command line's edge: a data command's flags, panopticon.config.json and the defaults resolved once
 * into {@link Settings}. Precedence: flags, then the config file, then the bundled sample's (when no leads
 * are named), then the declared defaults (settings/definitions.ts). Commands and loaders read these settings,
 * never the parsed flags.
 *
 * @module
 */
import { type Stats, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { endOfLocalDay, parseDayNumber, type Pipeline } from '@panopticon/core';
import type { ZohoConfig } from '@panopticon/zoho-adapter';
import { DEFAULT_ZOHO_STORE, type ParsedValues } from '../args.js';
import { applyThresholds, findConfigFile, loadConfig } from '../config.js';
import type { Io } from '../io.js';
import { parseAsOf, parsePeriod, parseSince } from '../period.js';
import { sampleManifest, type SampleManifest } from '../sample.js';
import { SETTINGS, type FileRef } from './definitions.js';
import { CliError, EXIT } from '../errors.js';
import { DEFAULT_PIPELINE, loadColumnMapping, loadPipelineFile, type ColumnMapping } from './json-files.js';
import { refuseSqlConflicts, sqlQueriesFor, type SqlQueries } from './postgres-settings.js';
import { absolute, mergeLayers, readConfig, readFlags, type SettingsOf } from './setting.js';

type Declared = SettingsOf<typeof SETTINGS>;

export type { ColumnMapping } from './json-files.js';

/** Where the leads come from: CSV files (named, or the bundled sample), the Zoho snapshot, or PostgreSQL queries (`--sql`). */
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
      /** Owner changes are read (the default; off only by the config file's `zoho.ownerHistory: false`). */
      ownerHistory: boolean;
      /** The config file's `zoho` section (field mapping, history source, appointments, data center). */
      config: ZohoConfig;
      /** Zoho has no staff schedule: a schedule file (flag or config) still feeds the coverage figures. */
      schedule?: FileRef;
    }
  | {
      kind: 'sql';
      /** The config file's `sql` queries (the connection string is read from PANOPTICON_DATABASE_URL when they run). */
      queries: SqlQueries;
      /** A schedule file (flag or config) still feeds the coverage figures. */
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
    | 'since'
    | 'from'
    | 'to'
    | 'zoho'
    | 'offline'
    | 'ownerHistory'
    | 'store'
    | 'full'
    | 'zohoConfig'
    | 'sql'
    | 'sqlQueries'
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
  /** The earlier needs-attention list's instant: `--since` (before `asOf`), else a day before `asOf`. */
  since: Date;
  /** `--from` / `--to` as instants (the heatmap). */
  period: { from?: Date; to?: Date };
  /** Where `report` writes the page, absolute. */
  out: string;
  /** `--out` when given (absolute): where a tabular command writes its answer instead of stdout (table-output.ts). */
  outFile?: string;
  /** Every file this command may read (absolute): an output may be none of them. */
  inputs: string[];
}

/**
 * Resolves a data command's parsed flags into {@link Settings}. Bad flags are usage errors (exit 2) naming
 * the flag, checked before any file is read; then the config file, the pipeline and column-mapping files,
 * and last `--as-of`, `--from` and `--to`, which are read in the resolved time zone.
 */
export function resolveSettings(values: ParsedValues, io: Pick<Io, 'cwd' | 'now'>): Settings {
  const flags = readFlags(SETTINGS, values, { cwd: io.cwd });
  refuseConflicts(flags);
  refuseSqlConflicts(flags);
  // panopticon.config.json (--config, or found in the working directory).
  const configFile = findConfigFile(flags.configFile, io.cwd);
  const config = configFile === undefined ? undefined : loadConfig(configFile);
  const fromConfig = readConfig(SETTINGS, config);
  const fromZoho = flags.zoho === true;
  const fromSql = flags.sql === true;
  const usingSample = (flags.leads ?? fromConfig.leads) === undefined && !fromZoho && !fromSql;
  const sample = usingSample ? sampleManifest() : undefined;
  const s = mergeLayers(SETTINGS, flags, fromConfig, sample ? sampleLayer(sample) : {});
  // Every file named (by a flag or the config) must exist, whether or not this command reads it.
  for (const name of ['leads', 'history', 'owners', 'schedule', 'columns'] as const) {
    const ref = s[name];
    if (ref !== undefined && !((fromZoho || fromSql) && (name === 'leads' || name === 'history' || name === 'owners'))) {
      assertReadable(ref.path, `the ${name} file ${ref.label}`);
    }
  }
  if (s.pipeline !== undefined && 'file' in s.pipeline) assertReadable(s.pipeline.file, `the pipeline file ${s.pipeline.file}`);

  const base = s.pipeline === undefined ? DEFAULT_PIPELINE : 'file' in s.pipeline ? loadPipelineFile(s.pipeline.file) : s.pipeline.inline;
  const pipeline = config ? applyThresholds(base, config.thresholds, config.path) : base;
  const columns = s.columns ? loadColumnMapping(s.columns.path) : undefined;
  const sampleAsOf = sample ? endOfLocalDay(parseDayNumber(sample.asOf), s.timeZone) : undefined;
  const asOf = parseAsOf(s.asOf, s.timeZone, sampleAsOf ?? io.now());
  const since = parseSince(s.since, asOf, s.timeZone);
  const period = parsePeriod(s.from, s.to, s.timeZone);

  const source: LeadSource = fromSql
    ? { kind: 'sql', queries: sqlQueriesFor(s.sqlQueries, config?.path), ...(s.schedule ? { schedule: s.schedule } : {}) }
    : fromZoho
      ? {
          kind: 'zoho',
          store: zohoStore(flags.store, s.zohoConfig, config?.path, io.cwd),
          sync: !s.offline,
          ownerHistory: s.ownerHistory || (s.zohoConfig?.ownerHistory ?? true),
          config: s.zohoConfig ?? {},
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
    zohoConfig: _zohoConfig,
    sql: _sql,
    sqlQueries: _sqlQueries,
    from: _from,
    to: _to,
    pipeline: _pipeline,
    columns: _columns,
    asOf: _asOf,
    since: _since,
    out: _out,
    ...rest
  } = s;
  return {
    ...rest,
    ...(config ? { configPath: config.path } : {}),
    source,
    description: fromSql ? 'sql.leads' : fromZoho ? 'Zoho CRM' : usingSample ? 'sample data' : s.leads!.label,
    pipeline,
    ...(columns ? { columns } : {}),
    asOf,
    since,
    period,
    out: absolute(s.out, io.cwd),
    ...(flags.out !== undefined ? { outFile: absolute(flags.out, io.cwd) } : {}),
    inputs: [
      ...[s.leads, s.history, s.owners, s.schedule, s.columns].flatMap((ref) => (ref ? [ref.path] : [])),
      ...(s.pipeline && 'file' in s.pipeline ? [s.pipeline.file] : []),
      ...(config ? [config.path] : []),
    ],
  };
}

/**
 * Flags that contradict each other, or that mean nothing without another: usage errors (exit 2), never
 * silently ignored.
 */
function refuseConflicts(flags: Partial<Declared>): void {
  if (flags.zoho) {
    for (const name of ['leads', 'history', 'owners'] as const) {
      if (flags[name] !== undefined) {
        throw new CliError(
          `--${name} and --zoho both name where the leads come from: give one (--zoho reads the Zoho snapshot; --${name} a CSV file).`,
          EXIT.usage,
        );
      }
    }
    return;
  }
  for (const [name, flag] of [
    ['offline', 'offline'],
    ['store', 'store'],
    ['ownerHistory', 'owner-history'],
  ] as const) {
    if (flags[name] !== undefined && flags[name] !== false) {
      throw new CliError(`--${flag} works only with --zoho (it is about the Zoho snapshot); add --zoho or leave it out.`, EXIT.usage);
    }
  }
}

/**
 * A named input that is not a regular file is an error naming it (exit 3), in every command: one that does not exist, a folder, and a
 * pipe or device (`-`, /dev/stdin, a shell's `<(…)`), which the readers cannot take: they open a file more than once (its head to
 * detect the delimiter, encoding and date formats, then its rows), and the heatmap reads a large file in pieces at their offsets.
 */
export function assertReadable(path: string, what: string): void {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // Paths arrive resolved: `-` is the missing file `-` of the working folder.
    if (code === 'ENOENT' && basename(path) === '-') {
      throw new CliError(`Cannot read ${what}: "-" (standard input) is not read; ${SAVE_TO_A_FILE}`, EXIT.unreadable);
    }
    throw new CliError(
      `Cannot read ${what}: ${code === 'ENOENT' ? `no such file (${path})` : `${code ?? String(error)} (${path})`}.`,
      EXIT.unreadable,
    );
  }
  if (stats.isDirectory()) throw new CliError(`Cannot read ${what}: ${path} is a folder, not a file.`, EXIT.unreadable);
  if (!stats.isFile()) {
    throw new CliError(`Cannot read ${what}: ${path} is a pipe or device, not a regular file; ${SAVE_TO_A_FILE}`, EXIT.unreadable);
  }
}

const SAVE_TO_A_FILE = 'save the data to a file and name the file (a file is read more than once).';

/**
 * The Zoho snapshot directory, absolute: `--store` (relative to the working directory), else the config
 * file's `zoho.store` (relative to the file), else the default (relative to the working directory).
 */
export function zohoStore(flag: string | undefined, config: ZohoConfig | undefined, configPath: string | undefined, cwd: string): string {
  if (flag !== undefined) return absolute(flag, cwd);
  if (config?.store !== undefined && configPath !== undefined) return absolute(config.store, dirname(configPath));
  return absolute(DEFAULT_ZOHO_STORE, cwd);
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
