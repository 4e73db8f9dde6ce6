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
 *   "bucketMinutes": 30,
 *   "dayCount": "calendar",
 *   "calendar": { "weeklyHours": [[{ "start": "09:00", "end": "17:00" }], …], "holidays": ["2026-12-25"] },
 *   "files": { "leads": "exports/leads.csv", "history": "exports/stage_history.csv",
 *              "owners": "exports/owner_history.csv", "schedule": "schedule.csv", "columns": "columns.json" }
 * }
 * ```
 *
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { assertTimeZone, BusinessCalendarSchema, PipelineSchema, type BusinessCalendar, type DayCount, type Pipeline } from '@panopticon/core';
import { z } from 'zod';
import { CliError } from './errors.js';

/** The file `panopticon` looks for in the working directory when no `--config` is given. */
export const CONFIG_FILE_NAME = 'panopticon.config.json';

const days = (what: string) =>
  z
    .number({ error: `expected ${what} as a whole number of days` })
    .int({ error: `expected ${what} as a whole number of days` })
    .positive({ error: `${what} must be at least 1 day` });

const filePath = z.string({ error: 'expected a file path (relative to the config file)' }).min(1, { error: 'expected a file path, got an empty string' });

const ThresholdsSchema = z.strictObject({
  /** Days after the appointment without progress before a lead is stale. Default: the pipeline's (30). */
  staleAfterDays: days('staleAfterDays').optional(),
  /** Days after the appointment without progress before a lead is at risk. Default: the pipeline's (7). */
  warnAfterDays: days('warnAfterDays').optional(),
  /** Days in green without a move to delivery or won before a lead is stuck. Default: the pipeline's (14). */
  greenStuckAfterDays: days('greenStuckAfterDays').optional(),
});

const FilesSchema = z.strictObject({
  /** Leads CSV (`--leads`). */
  leads: filePath.optional(),
  /** Stage history CSV (`--history`). */
  history: filePath.optional(),
  /** Owner history CSV (`--owners`). */
  owners: filePath.optional(),
  /** Staff schedule CSV (`--schedule`). */
  schedule: filePath.optional(),
  /** JSON column mapping (`--columns`). */
  columns: filePath.optional(),
});

/** The schema of `panopticon.config.json`. Every key is optional; unknown keys are errors. */
export const ConfigSchema = z.strictObject({
  /** A JSON-schema reference for editors; ignored. */
  $schema: z.string().optional(),
  /** IANA time zone of naive timestamps and of every wall-clock question (`--tz`). */
  timeZone: z
    .string({ error: 'expected an IANA time zone name such as "America/New_York"' })
    .refine(isTimeZone, { error: (issue) => `"${String(issue.input)}" is not an IANA time zone name (for example "America/New_York" or "UTC")` })
    .optional(),
  /** A pipeline file (relative to the config file), or the pipeline itself (`--pipeline`). */
  pipeline: z
    .union([filePath, z.record(z.string(), z.unknown())], { error: 'expected a pipeline file path or a pipeline object { "stages": [...] }' })
    .optional(),
  /** Follow-up thresholds; they override the pipeline's. */
  thresholds: ThresholdsSchema.optional(),
  /** Response-time target in minutes (`--sla`). Default 60. */
  slaMinutes: z.number({ error: 'expected minutes as a whole number' }).int({ error: 'expected minutes as a whole number' }).positive({ error: 'must be at least 1 minute' }).optional(),
  /** Heatmap slot length in minutes, a divisor of 1440 (`--bucket`). Default 30. */
  bucketMinutes: z
    .number({ error: 'expected minutes as a whole number' })
    .int({ error: 'expected minutes as a whole number' })
    .positive({ error: 'must be at least 1 minute' })
    .refine((n) => 1440 % n === 0, { error: (issue) => `must divide a day (1440 minutes), got ${String(issue.input)}; for example 15, 30 or 60` })
    .optional(),
  /** How days are counted (`--day-count`). Default "calendar". */
  dayCount: z.enum(['calendar', 'business'], { error: 'expected "calendar" or "business"' }).optional(),
  /** Weekly business hours and holidays, for `dayCount: "business"`. Default Monday–Friday 09:00–17:00. */
  calendar: BusinessCalendarSchema.optional(),
  /** Input files, relative to the config file. */
  files: FilesSchema.optional(),
});

export type ConfigInput = z.input<typeof ConfigSchema>;

/** A validated config file, paths made absolute. */
export interface Config {
  /** The config file's absolute path. */
  path: string;
  timeZone?: string;
  /** The pipeline: a file to load (absolute path) or the validated pipeline itself. */
  pipeline?: { file: string } | { inline: Pipeline };
  thresholds: { staleAfterDays?: number; warnAfterDays?: number; greenStuckAfterDays?: number };
  slaMinutes?: number;
  bucketMinutes?: number;
  dayCount?: DayCount;
  calendar?: BusinessCalendar;
  /** Absolute paths, and each as written in the file (for messages). */
  files: Partial<Record<'leads' | 'history' | 'owners' | 'schedule' | 'columns', { path: string; label: string }>>;
}

function isTimeZone(name: string): boolean {
  try {
    assertTimeZone(name);
    return true;
  } catch {
    return false;
  }
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`Cannot read the config file ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}.`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new CliError(`The config file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  return parseConfig(raw, path);
}

/** Validates the contents of a config file (already parsed JSON) read from `path`. */
export function parseConfig(raw: unknown, path: string): Config {
  const problems: string[] = [];
  const parsed = ConfigSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.flatMap((issue) => describeIssue(issue, raw)));

  let pipeline: Config['pipeline'];
  const rawPipeline = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>).pipeline : undefined;
  if (rawPipeline !== null && typeof rawPipeline === 'object' && !Array.isArray(rawPipeline)) {
    const p = PipelineSchema.safeParse(rawPipeline);
    if (p.success) pipeline = { inline: p.data };
    else problems.push(...p.error.issues.flatMap((issue) => describeIssue({ ...issue, path: ['pipeline', ...issue.path] }, raw)));
  }
  const thresholds = parsed.success ? (parsed.data.thresholds ?? {}) : {};
  if (thresholds.warnAfterDays !== undefined && thresholds.staleAfterDays !== undefined && thresholds.warnAfterDays > thresholds.staleAfterDays) {
    problems.push(`thresholds.warnAfterDays: ${thresholds.warnAfterDays} must not exceed thresholds.staleAfterDays (${thresholds.staleAfterDays})`);
  }
  if (problems.length > 0 || !parsed.success) {
    throw new CliError(
      `The config file ${path} is not valid (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${path}: ${p}`).join('\n'),
    );
  }

  const c = parsed.data;
  const dir = dirname(path);
  const at = (p: string) => (isAbsolute(p) ? p : resolve(dir, p));
  if (typeof c.pipeline === 'string') pipeline = { file: at(c.pipeline) };
  const files: Config['files'] = {};
  for (const key of ['leads', 'history', 'owners', 'schedule', 'columns'] as const) {
    const value = c.files?.[key];
    if (value !== undefined) files[key] = { path: at(value), label: value };
  }
  return {
    path,
    ...(c.timeZone !== undefined ? { timeZone: c.timeZone } : {}),
    ...(pipeline !== undefined ? { pipeline } : {}),
    thresholds,
    ...(c.slaMinutes !== undefined ? { slaMinutes: c.slaMinutes } : {}),
    ...(c.bucketMinutes !== undefined ? { bucketMinutes: c.bucketMinutes } : {}),
    ...(c.dayCount !== undefined ? { dayCount: c.dayCount } : {}),
    ...(c.calendar !== undefined ? { calendar: c.calendar } : {}),
    files,
  };
}

/**
 * The pipeline with the config's thresholds in place of its own, validated again (so `warnAfterDays` above
 * `staleAfterDays` is caught whichever side set it). Returns the pipeline itself when the config sets none.
 */
export function applyThresholds(pipeline: Pipeline, config: Config): Pipeline {
  const t = config.thresholds;
  if (t.staleAfterDays === undefined && t.warnAfterDays === undefined && t.greenStuckAfterDays === undefined) return pipeline;
  const merged = PipelineSchema.safeParse({ ...pipeline, ...t });
  if (!merged.success) {
    throw new CliError(
      `The thresholds in ${config.path} do not fit the pipeline:\n` +
        merged.error.issues.map((i) => `  ${config.path}: thresholds.${i.path.join('.')}: ${i.message}`).join('\n'),
    );
  }
  return merged.data;
}

type Issue = z.core.$ZodIssue;
const TOP_KEYS = Object.keys(ConfigSchema.shape);
const KNOWN_KEYS: Record<string, readonly string[]> = {
  '': TOP_KEYS,
  thresholds: Object.keys(ThresholdsSchema.shape),
  files: Object.keys(FilesSchema.shape),
};

/** One line per problem: "<key path>: <what is wrong>, got <value>". Unknown keys get one line each. */
function describeIssue(issue: Issue, raw: unknown): string[] {
  const key = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const allowed = KNOWN_KEYS[key];
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

/**
 * A known key like `key`: the same ignoring case, else the one sharing the longest run of letters in order
 * (a common subsequence) when that covers most of both (`staleDays` → `staleAfterDays`, `lead` → `leads`).
 */
function suggestion(key: string, allowed: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  let best: string | undefined;
  let bestScore = 0.6;
  for (const k of allowed) {
    const known = k.toLowerCase();
    if (known === lower) return k;
    const common = commonSubsequence(lower, known);
    const score = Math.min(common / lower.length, (2 * common) / (lower.length + known.length) + 0.15);
    if (score > bestScore) {
      bestScore = score;
      best = k;
    }
  }
  return best;
}

function commonSubsequence(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = [0];
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}
