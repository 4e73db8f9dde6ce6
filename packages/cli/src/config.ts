/**
 * `panopticon.config.json`: the settings a team keeps beside its exports, so that the daily command is just
 * `panopticon report`. Validated with zod; every bad key is reported on its own line naming the file and
 * the key, and unknown keys are rejected (with a suggestion for a likely typo). Paths in the file are
 * relative to the file. Command-line flags override every value.
 *
 * ```json
 * {
 *   "timeZone": "America/New_York",
 *   "pipeline": "pipeline.json",
 *   "thresholds": { "staleAfterDays": 30, "warnAfterDays": 7, "greenStuckAfterDays": 14 },
 *   "slaMinutes": 60,
 *   "slotMinutes": 30,
 *   "dayCount": "calendar",
 *   "calendar": { "weeklyHours": [[{ "start": "09:00", "end": "17:00" }], …], "holidays": ["2026-12-25"] },
 *   "files": { "leads": "exports/leads.csv", "history": "exports/stage_history.csv",
 *              "owners": "exports/owner_history.csv", "schedule": "schedule.csv", "columns": "columns.json" }
 * }
 * ```
 *
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { PipelineSchema, type BusinessCalendar, type DayCount, type Pipeline } from '@panopticon/core';
import * as z from 'zod';
import { CliError, EXIT } from './errors.js';
import type { DigestConfig } from './digest/config-schema.js';
import { readTextFile } from './settings/json-files.js';
import { unknownKeys } from './settings/unknown-keys.js';
import { suggestion } from './suggest.js';
import { FilePathSchema, SETTINGS } from './settings/definitions.js';
import { PARSE_ONCE, type SettingTable } from './settings/setting.js';

/** The file `panopticon` looks for in the working directory when no `--config` is given. */
export const CONFIG_FILE_NAME = 'panopticon.config.json';

/**
 * The schema of a config file from the settings it can set: each setting's config key (a dotted key is a
 * key of a nested object), with the setting's schema. Every key is optional; unknown keys are errors.
 */
function configSchemaOf(table: SettingTable) {
  const groups: Record<string, Record<string, z.ZodType>> = {};
  const shape: Record<string, z.ZodType> = {
    /** A JSON-schema reference for editors; ignored. */
    $schema: z.string().optional(),
  };
  for (const s of Object.values(table)) {
    if (s.configKey === undefined) continue;
    const [group, key] = s.configKey.split('.') as [string, string | undefined];
    const schema = (s.configSchema ?? s.schema).optional();
    if (key === undefined) shape[group] = schema;
    else if (groups[group]) groups[group][key] = schema;
    else {
      groups[group] = { [key]: schema };
      shape[group] = z.undefined(); // holds the group's place among the keys; replaced below
    }
  }
  for (const [group, keys] of Object.entries(groups)) shape[group] = z.strictObject(keys).optional();
  return { schema: z.strictObject(shape), groups };
}

let built: ReturnType<typeof configSchemaOf> | undefined;

/**
 * The schema of `panopticon.config.json`, built from the settings' declarations (settings/definitions.ts) when
 * a config file is first read: a command run without one never needs it (building it cost start-up time).
 */
export function configSchema() {
  return configOf().schema;
}

function configOf() {
  return (built ??= configSchemaOf(SETTINGS));
}

/** A validated config file, paths made absolute. */
export interface Config {
  /** The config file's absolute path. */
  path: string;
  timeZone?: string;
  /** The pipeline: a file to load (absolute path) or the validated pipeline itself. */
  pipeline?: { file: string } | { inline: Pipeline };
  thresholds: { staleAfterDays?: number; warnAfterDays?: number; greenStuckAfterDays?: number };
  /** The digest's settings (docs/daily.md); its `locators` also give the dashboard's "Email locator". */
  digest?: DigestConfig;
  /** The CRM record link template, with `{id}`. */
  recordUrl?: string;
  slaMinutes?: number;
  slotMinutes?: number;
  dayCount?: DayCount;
  calendar?: BusinessCalendar;
  /** Absolute paths, and each as written in the file (for messages). */
  files: Partial<Record<'leads' | 'history' | 'owners' | 'schedule' | 'columns', { path: string; label: string }>>;
}

/**
 * The config to use: `--config FILE` (relative to `cwd`; an error when missing), else `panopticon.config.json`
 * in `cwd` when there is one, else none.
 */
export function findConfigFile(flag: string | undefined, cwd: string): string | undefined {
  if (flag !== undefined) return isAbsolute(flag) ? flag : resolve(cwd, flag);
  const candidate = join(cwd, CONFIG_FILE_NAME);
  return existsSync(candidate) ? candidate : undefined;
}

/** Reads and validates a config file; throws a {@link CliError} listing every problem, one line per key. */
export function loadConfig(path: string): Config {
  const read = readTextFile(path);
  if (!('text' in read)) {
    throw new CliError(`Cannot read the config file ${path}: ${read.missing ? 'no such file' : read.reason}.`, EXIT.unreadable);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(withoutComments(read.text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new CliError(`The config file ${path} is not valid JSON: ${(error as Error).message}.`, EXIT.usage);
  }
  return parseConfig(raw, path);
}

/**
 * The text without `//` line comments outside strings (`panopticon zoho init` writes a commented file);
 * JSON.parse still reports everything else.
 */
function withoutComments(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += text[++i] ?? '';
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
      out += c;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else out += c;
  }
  return out;
}

/** Validates the contents of a config file (already parsed JSON) read from `path`. */
export function parseConfig(raw: unknown, path: string): Config {
  const problems: string[] = [];
  const parsed = configSchema().safeParse(raw, PARSE_ONCE);
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((issue) => describeIssue(issue, raw)));

  let pipeline: Config['pipeline'];
  const rawPipeline = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).pipeline : undefined;
  if (rawPipeline !== null && typeof rawPipeline === 'object' && !Array.isArray(rawPipeline)) {
    const p = PipelineSchema.safeParse(rawPipeline, PARSE_ONCE);
    const unknown = unknownKeys(rawPipeline, PipelineSchema, ['pipeline']);
    problems.push(...unknown);
    if (p.success) pipeline = { inline: p.data };
    else problems.push(...p.error.issues.flatMap((issue) => describeIssue({ ...issue, path: ['pipeline', ...issue.path] }, raw)));
  }
  const thresholds: Config['thresholds'] = parsed.success ? ((parsed.data as { thresholds?: Config['thresholds'] }).thresholds ?? {}) : {};
  if (
    thresholds.warnAfterDays !== undefined &&
    thresholds.staleAfterDays !== undefined &&
    thresholds.warnAfterDays > thresholds.staleAfterDays
  ) {
    problems.push(
      `thresholds.warnAfterDays: ${thresholds.warnAfterDays} must not exceed thresholds.staleAfterDays (${thresholds.staleAfterDays})`,
    );
  }
  if (problems.length > 0 || !parsed.success) {
    throw new CliError(
      `The config file ${path} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${path}: ${p}`).join('\n'),
      EXIT.usage,
    );
  }

  // The validated file as a Config: each setting's value under its config key, paths made absolute.
  const c = parsed.data as Record<string, unknown>;
  const at = (p: string) => (isAbsolute(p) ? p : resolve(dirname(path), p));
  const config: Config = { path, thresholds: {}, files: {} };
  for (const s of Object.values(SETTINGS)) {
    const value = s.configKey === undefined ? undefined : valueAt(c, s.configKey.split('.'));
    if (value === undefined) continue;
    // Files keep the name the file gives them, for messages.
    const read = s.configSchema === FilePathSchema ? { path: at(value as string), label: value } : value;
    const [group, key] = s.configKey!.split('.') as [keyof Config, string | undefined];
    if (key === undefined) (config as unknown as Record<string, unknown>)[group] = read;
    else (config[group] as Record<string, unknown>)[key] = read;
  }
  if (typeof c.pipeline === 'string') config.pipeline = { file: at(c.pipeline) };
  else if (pipeline !== undefined) config.pipeline = pipeline;
  return config;
}

/**
 * The pipeline with the config's thresholds in place of its own, validated again (so `warnAfterDays` above
 * `staleAfterDays` is caught whichever side set it). Returns the pipeline itself when the config sets none.
 */
export function applyThresholds(pipeline: Pipeline, thresholds: Config['thresholds'], configPath: string): Pipeline {
  const t = Object.fromEntries(Object.entries(thresholds).filter(([, days]) => days !== undefined));
  if (Object.keys(t).length === 0) return pipeline;
  const merged = PipelineSchema.safeParse({ ...pipeline, ...t });
  if (!merged.success) {
    throw new CliError(
      `The thresholds in ${configPath} do not fit the pipeline:\n` +
        merged.error.issues.map((i) => `  ${configPath}: thresholds.${i.path.join('.')}: ${i.message}`).join('\n'),
      EXIT.usage,
    );
  }
  return merged.data;
}

type Issue = z.core.$ZodIssue;
/** The keys allowed at the top of the file ('') and in each group of settings (`files`, `thresholds`). */
function knownKeys(): Record<string, readonly string[]> {
  const { schema, groups } = configOf();
  return {
    '': Object.keys(schema.shape),
    ...Object.fromEntries(Object.entries(groups).map(([group, keys]) => [group, Object.keys(keys)])),
  };
}

/** One line per problem: "<key path>: <what is wrong>, got <value>". Unknown keys get one line each. */
function describeIssue(issue: Issue, raw: unknown): string[] {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = knownKeys()[key] ?? keysOfSchemaAt(configSchema(), issue.path);
    return issue.keys.map((k) => {
      const full = key ? `${key}.${k}` : k;
      const hint = allowed ? suggestion(k, allowed) : undefined;
      return `${full}: unknown key${hint ? ` (did you mean "${hint}"?)` : ''}${allowed ? `; allowed keys: ${allowed.join(', ')}` : ''}`;
    });
  }
  const value = valueAt(raw, issue.path);
  const got = value === undefined ? (issue.code === 'invalid_type' ? ', but it is missing' : '') : `, got ${show(value)}`;
  const message = /\bgot\b/.test(issue.message) ? issue.message : `${issue.message}${got}`;
  return [`${key || '(the file)'}: ${message}`];
}

/** The keys an object schema nested in `schema` at `path` allows (a setting's own nested sections, e.g. `zoho.mapping`). */
function keysOfSchemaAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] | undefined {
  // A section built on first use (the `zoho` one) is a lazy schema around its object.
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined =>
    s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodLazy ? unwrap(s.unwrap() as z.ZodType) : s;
  let s = unwrap(schema);
  for (const p of path) s = s instanceof z.ZodObject ? unwrap(s.shape[String(p)] as z.ZodType | undefined) : undefined;
  return s instanceof z.ZodObject ? Object.keys(s.shape) : undefined;
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = raw;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text === undefined ? String(value) : text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
