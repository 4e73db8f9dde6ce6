/**
 * Every setting of the commands that read lead data, declared once: the type and limits of its value
 * (with the config file's messages), its default, its flag (with the command line's messages) and its key
 * in panopticon.config.json. config.ts builds the config file's schema from this table and
 * settings/resolve.ts resolves a command line against it; the table's order is the order flags are checked.
 *
 * @module
 */
import { assertTimeZone, BusinessCalendarSchema, isSlotMinutes, type Pipeline } from '@panopticon/core';
import { CSV_ENCODINGS, DATE_FORMATS, type CsvEncoding, type DateFormat } from '@panopticon/core/files';
import { ZohoConfigSchema } from '@panopticon/zoho-adapter/config';
import * as z from 'zod';
import { APPOINTMENT_RANGES } from '../appointment-rows.js';
import { DEFAULT_ZOHO_STORE } from '../args.js';
import {
  DEFAULT_DIGEST_STATE,
  DigestConfigSchema,
  DigestFormatSchema,
  RecordUrlSchema,
  WebhookFormatSchema,
  WebhookUrlSchema,
  webhookHost,
} from '../digest/config-schema.js';
import { CliError } from '../errors.js';
import { SqlQueriesSchema } from './postgres-settings.js';
import { timeZoneProblem } from './time-zone-name.js';
import { absolute, fileFlag, flagged, nonEmptyText, oneOf, setting, text, wholeNumber, type FlagReader } from './setting.js';

const days = (what: string) =>
  z
    .number({ error: `expected ${what} as a whole number of days` })
    .int({ error: `expected ${what} as a whole number of days` })
    .positive({ error: `${what} must be at least 1 day` });

const minutes = (max: number) =>
  z
    .number({ error: 'expected minutes as a whole number' })
    .int({ error: 'expected minutes as a whole number' })
    .positive({ error: 'must be at least 1 minute' })
    .max(max, { error: `must be at most ${max} minutes` });

/** The range of each numeric flag (and its config key): beyond it a value is a typo, not a setting. */
export const RANGES = {
  /** The response-time target: up to a month. */
  slaMinutes: { min: 1, max: 43_200 },
  /** A heatmap slot: up to a day (and a divisor of it). */
  slotMinutes: { min: 1, max: 1440 },
  /** The response comparison: up to five years back. */
  compareWeeks: { min: 1, max: 260 },
  /** Issue examples kept per code: up to a million. */
  issueExamples: { min: 0, max: 1_000_000 },
} as const;

/** A path as the config file writes it (relative to the file). */
export const FilePathSchema = z
  .string({ error: 'expected a file path (relative to the config file)' })
  .min(1, { error: 'expected a file path, got an empty string' });

/** A file to read: its absolute path, and the name it goes by in messages (as the user wrote it). */
export const FileRefSchema = z.object({ path: z.string(), label: z.string() });
export type FileRef = z.infer<typeof FileRefSchema>;

export const TimeZoneSchema = z.string({ error: 'expected an IANA time zone name such as "America/New_York"' }).superRefine((name, ctx) => {
  const problem = timeZoneProblem(name);
  if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
});

/** `--tz`: an IANA name or UTC; an abbreviation gets the name it likely means. */
const timeZoneFlag: FlagReader<string> = (raw) => {
  const problem = timeZoneProblem(String(raw));
  if (problem !== undefined) throw new CliError(`--tz: ${problem}`, 2);
  return String(raw);
};

/**
 * The pipeline as the config file gives it: a file path or the pipeline itself (config.ts checks an
 * inline pipeline against core's PipelineSchema, reporting its issues by their full key).
 */
const PipelineConfigSchema = z.union([FilePathSchema, z.record(z.string(), z.unknown())], {
  error: 'expected a pipeline file path or a pipeline object { "stages": [...] }',
});
/** Where the pipeline comes from: a file to load (an absolute path) or a pipeline already validated. */
export const PipelineRefSchema = z.union([z.object({ file: z.string() }), z.object({ inline: z.custom<Pipeline>() })]);
export type PipelineRef = z.infer<typeof PipelineRefSchema>;

const SlaMinutesSchema = minutes(RANGES.slaMinutes.max);
const SlotMinutesSchema = minutes(RANGES.slotMinutes.max).refine(isSlotMinutes, {
  error: (issue) => `must divide a day (1440 minutes), got ${String(issue.input)}; for example 15, 30 or 60`,
});
const DayCountSchema = z.enum(['calendar', 'business'], { error: 'expected "calendar" or "business"' });
// table, json and csv for every command that prints a table; ndjson, parquet and arrow for the data commands (table-output.ts).
const OutputFormatSchema = z.enum(['table', 'json', 'csv', 'ndjson', 'parquet', 'arrow']);
const ClockSchema = z.enum(['wall', 'business']);
const EngineSchema = z.enum(['ts', 'duckdb']);
const PositiveWholeNumber = z.number().int().positive();
const SurvivalOfSchema = z.enum(['first-contact', 'stage', 'appointment-progress', 'speed-to-lead']);
/** `survival --by`'s groups (`attention --by` takes `locator`); each command checks its own (commands/survival.ts). */
export const SurvivalBySchema = z.enum(['team', 'source', 'period', 'arrival']);
const PeriodUnitSchema = z.enum(['month', 'week']);
const AppointmentRangeSchema = z.enum(APPOINTMENT_RANGES);
const ConvertedAtSchema = z.enum(['won', 'green']);
const CompareWeeksSchema = z.number().int().min(RANGES.compareWeeks.min).max(RANGES.compareWeeks.max);
const EncodingSchema = z.enum(CSV_ENCODINGS as [CsvEncoding, ...CsvEncoding[]]);
const DateFormatSchema = z.enum(DATE_FORMATS as [DateFormat, ...DateFormat[]]);
/** Delimiters by name, so that a tab can be typed in a shell and read in a config file. */
const DELIMITER_NAMES: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
const DelimiterSchema = z
  .string({ error: 'expected a delimiter: one character, or comma, semicolon, tab or pipe' })
  .transform((raw) => DELIMITER_NAMES[raw.toLowerCase()] ?? raw)
  .refine((d) => d.length === 1 && d !== '"' && d !== '\r' && d !== '\n', {
    error: (issue) =>
      `expected one character other than a quote or a line end, or comma, semicolon, tab or pipe; got ${JSON.stringify(issue.input)}`,
  });

/** `--delimiter`: one character or its name. */
const delimiterFlag: FlagReader<string> = (raw) => {
  const parsed = DelimiterSchema.safeParse(String(raw));
  if (parsed.success) return parsed.data;
  throw new CliError(
    `--delimiter must be one character (other than a quote or a line end), or comma, semicolon, tab or pipe; got "${String(raw)}".`,
    2,
  );
};

const file = (flag: string, configKey: string, read: FlagReader<FileRef> = fileFlag) =>
  setting({ schema: FileRefSchema, configKey, configSchema: FilePathSchema, flag: { name: flag, read } });
const optionalText = (flag: string) => setting({ schema: z.string(), flag: { name: flag, read: text } });
const option = (flag: string) => setting({ schema: z.boolean(), flag: { name: flag, read: flagged }, default: false });

export const SETTINGS = {
  /** Output format (`--format`). */
  format: setting({ schema: OutputFormatSchema, flag: { name: 'format', read: oneOf('format', OutputFormatSchema) }, default: 'table' }),
  /** The heatmap's response clock (`--clock`): every minute, or business hours only. */
  clock: setting({ schema: ClockSchema, flag: { name: 'clock', read: oneOf('clock', ClockSchema) }, default: 'wall' }),
  /**
   * What computes `heatmap`, `kpis` and `attention` (`--engine`): core's TypeScript (`ts`), or the same
   * definitions as SQL (@panopticon/sql) on an embedded DuckDB (`duckdb`), for files of any size.
   */
  engine: setting({ schema: EngineSchema, flag: { name: 'engine', read: oneOf('engine', EngineSchema) }, default: 'ts' }),
  /** The report's response comparison: the last N weeks against the N before (`--compare-weeks`). */
  compareWeeks: setting({
    schema: CompareWeeksSchema,
    flag: { name: 'compare-weeks', read: wholeNumber('compare-weeks', CompareWeeksSchema, RANGES.compareWeeks) },
    default: 4,
  }),
  /** `survival`: which time to event (`--of`): to first contact, in stage, from appointment to first progress; or speed to lead. */
  survivalOf: setting({
    schema: SurvivalOfSchema,
    flag: { name: 'of', read: oneOf('of', SurvivalOfSchema) },
    default: 'first-contact',
  }),
  /**
   * `--by` as typed: `survival`'s one curve per team, source, period or arrival group, `attention`'s counts per
   * locator. Each command checks the values it takes, so its error lists only those.
   */
  groupBy: setting({ schema: z.string(), flag: { name: 'by', read: (raw) => String(raw) } }),
  /** `survival --of speed-to-lead`: converted = entered a won stage, or got as far as green (`--converted`). */
  convertedAt: setting({
    schema: ConvertedAtSchema,
    flag: { name: 'converted', read: oneOf('converted', ConvertedAtSchema) },
    default: 'won',
  }),
  /** `survival --by period`: calendar months or weeks (`--period`). */
  periodUnit: setting({ schema: PeriodUnitSchema, flag: { name: 'period', read: oneOf('period', PeriodUnitSchema) }, default: 'month' }),
  /** The config file named by `--config` (absolute); without it, panopticon.config.json in the working directory. */
  configFile: setting({ schema: z.string(), flag: { name: 'config', read: (raw, { cwd }) => absolute(String(raw), cwd) } }),
  /** IANA time zone of naive timestamps and of every wall-clock question (`--tz`). */
  timeZone: setting({ schema: TimeZoneSchema, configKey: 'timeZone', flag: { name: 'tz', read: timeZoneFlag }, default: 'UTC' }),
  /** A pipeline file (relative to the config file), or the pipeline itself (`--pipeline`). */
  pipeline: setting({
    schema: PipelineRefSchema,
    configKey: 'pipeline',
    configSchema: PipelineConfigSchema,
    // An empty --pipeline counts as not given (the config's or the default pipeline is used).
    flag: { name: 'pipeline', read: (raw, { cwd }) => (raw === '' ? undefined : { file: absolute(String(raw), cwd) }) },
  }),
  /** Days after the appointment without progress before a lead is stale. Default: the pipeline's (30). */
  staleAfterDays: setting({ schema: days('staleAfterDays'), configKey: 'thresholds.staleAfterDays' }),
  /** Days after the appointment without progress before a lead is at risk. Default: the pipeline's (7). */
  warnAfterDays: setting({ schema: days('warnAfterDays'), configKey: 'thresholds.warnAfterDays' }),
  /** Days in green without a move to delivery or won before a lead is stuck. Default: the pipeline's (14). */
  greenStuckAfterDays: setting({ schema: days('greenStuckAfterDays'), configKey: 'thresholds.greenStuckAfterDays' }),
  /** Response-time target in minutes (`--sla`). */
  slaMinutes: setting({
    schema: SlaMinutesSchema,
    configKey: 'slaMinutes',
    flag: { name: 'sla', read: wholeNumber('sla', SlaMinutesSchema, RANGES.slaMinutes) },
    default: 60,
  }),
  /** Heatmap slot length in minutes, a divisor of 1440 (`--slot`). */
  slotMinutes: setting({
    schema: SlotMinutesSchema,
    configKey: 'slotMinutes',
    flag: {
      name: 'slot',
      read: wholeNumber('slot', SlotMinutesSchema, RANGES.slotMinutes, (n) => `--slot must divide 1440 (a day in minutes), got ${n}.`),
    },
    default: 30,
  }),
  /** How days are counted (`--day-count`). */
  dayCount: setting({
    schema: DayCountSchema,
    configKey: 'dayCount',
    flag: { name: 'day-count', read: oneOf('day-count', DayCountSchema) },
    default: 'calendar',
  }),
  /** Weekly business hours and holidays, for `dayCount: "business"` and `--clock business`. Default Monday–Friday 09:00–17:00. */
  // Core's schemas are zod/mini (lean in a browser bundle); a pipe makes one a full zod schema for the table.
  calendar: setting({ schema: z.pipe(z.unknown(), BusinessCalendarSchema), configKey: 'calendar' }),
  /** Leads CSV (`--leads`). */
  leads: file('leads', 'files.leads'),
  /** Stage history CSV (`--history`). */
  history: file('history', 'files.history'),
  /** Owner history CSV (`--owners`). */
  owners: file('owners', 'files.owners'),
  /** Staff schedule CSV (`--schedule`). */
  schedule: file('schedule', 'files.schedule'),
  /** JSON column mapping (`--columns`; an empty one counts as not given). */
  columns: file('columns', 'files.columns', (raw, context) =>
    nonEmptyText(raw, context) === undefined ? undefined : fileFlag(raw, context),
  ),
  /** The field separator of the CSV files (`--delimiter`). Default: detected from each file's header line. */
  delimiter: setting({ schema: DelimiterSchema, configKey: 'delimiter', flag: { name: 'delimiter', read: delimiterFlag } }),
  /** The text encoding of the CSV files (`--encoding`). Default: detected (UTF-8, UTF-16 by its mark, Windows-1252). */
  encoding: setting({ schema: EncodingSchema, configKey: 'encoding', flag: { name: 'encoding', read: oneOf('encoding', EncodingSchema) } }),
  /** How day/month dates are read (`--date-format`). Default `auto`: detected per column, ambiguous ones said so. */
  dateFormat: setting({
    schema: DateFormatSchema,
    configKey: 'dateFormat',
    flag: { name: 'date-format', read: oneOf('date-format', DateFormatSchema) },
  }),
  /** `--as-of` as typed: a date or an instant, read in the time zone once that is known. */
  asOf: optionalText('as-of'),
  /** `--since` as typed: the instant `report` compares the needs-attention list with (default: a day before `--as-of`). */
  since: optionalText('since'),
  /** `--from` and `--to` as typed: the heatmap's period, read in the time zone. */
  from: optionalText('from'),
  to: optionalText('to'),
  /** `pipeline --trend`: the weekly counts (report's trend) instead of the counts at the as-of. */
  trend: option('trend'),
  /** `heatmap --demand`: leads per slot against reps on shift (the schedule); `--compare`: Period A against Period B. */
  demand: option('demand'),
  compare: option('compare'),
  /** `heatmap --compare`'s periods as typed ("FROM..TO", whole days in the zone); default from `--compare-weeks`. */
  periodA: optionalText('period-a'),
  periodB: optionalText('period-b'),
  /** `attention --resolved`: the leads on the list at `--since` and no longer on it, with why. */
  resolved: option('resolved'),
  /** `appointments --range`: the as-of day, its week, its month or all (`--from` / `--to` give any other). */
  range: setting({
    schema: AppointmentRangeSchema,
    flag: { name: 'range', read: oneOf('range', AppointmentRangeSchema) },
    default: 'week',
  }),
  /** Only the leads of this team, or of this locator (the heatmap). */
  team: optionalText('team'),
  locator: optionalText('locator'),
  /** How many issues of each code are listed (`--issue-examples`); the rest are counted. */
  issueExamples: setting({
    schema: z.number().int().min(RANGES.issueExamples.min).max(RANGES.issueExamples.max),
    configKey: 'issueExamples',
    flag: {
      name: 'issue-examples',
      read: wholeNumber('issue-examples', z.number().int().min(0).max(RANGES.issueExamples.max), RANGES.issueExamples),
    },
    default: 100,
  }),
  /** Any row error is fatal (`--strict`). */
  strict: option('strict'),
  /** No data-quality warnings on stderr (`--quiet`). */
  quiet: option('quiet'),
  /** Leads from the Zoho snapshot instead of CSV files (`--zoho`). */
  zoho: option('zoho'),
  /** With `--zoho`: read the last snapshot without syncing first (`--offline`). */
  offline: option('offline'),
  /**
   * With `--zoho`: read owner changes (`--owner-history`). They are read by default; the flag overrides a
   * config file's `"zoho": { "ownerHistory": false }`.
   */
  ownerHistory: option('owner-history'),
  /** The Zoho org: field mapping, history source, appointments, owner history, data center, store (`zoho` in the config file). */
  zohoConfig: setting({ schema: ZohoConfigSchema, configKey: 'zoho' }),
  /** Leads and histories from PostgreSQL by the config file's `sql` queries instead of files (`--sql`; settings/postgres-settings.ts). */
  sql: option('sql'),
  /** The queries of `--sql` (`sql` in the config file); the connection string comes from PANOPTICON_DATABASE_URL only. */
  sqlQueries: setting({ schema: SqlQueriesSchema, configKey: 'sql' }),
  /** `sync`: read everything again (`--full`). */
  full: option('full'),
  /** The Zoho snapshot directory (`--store`), relative to the working directory. */
  store: setting({ schema: z.string(), flag: { name: 'store', read: text }, default: DEFAULT_ZOHO_STORE }),
  /** Where `report` writes the page (`--out`), relative to the working directory. */
  out: setting({ schema: z.string(), flag: { name: 'out', read: text }, default: 'dashboard.html' }),
  /** A lead's page in the CRM, `{id}` for its id (`--record-url`): the links of the digest and the page's "Open in CRM". */
  recordUrl: setting({
    schema: RecordUrlSchema,
    configKey: 'recordUrl',
    flag: { name: 'record-url', read: (raw) => parsedFlag('record-url', RecordUrlSchema, raw) },
  }),
  /** The digest's recipients, mail server and webhook format (`digest` in the config file; docs/daily.md); its `locators` also give the page's "Email locator". */
  digest: setting({ schema: DigestConfigSchema, configKey: 'digest' }),
};

/** The digest's own flags (`panopticon digest`, `run-daily`); its `--format` is not the tables' one. */
export const DIGEST_FLAGS = {
  /** What was last sent to whom (`--state`), relative to the working directory. */
  state: setting({ schema: z.string(), flag: { name: 'state', read: text }, default: DEFAULT_DIGEST_STATE }),
  /** Print what would be sent, send nothing (`--dry-run`). */
  dryRun: option('dry-run'),
  /** Print the whole digest in this format instead of sending it (`--format`). */
  digestFormat: setting({ schema: DigestFormatSchema, flag: { name: 'format', read: oneOf('format', DigestFormatSchema) } }),
  /** A Slack or Teams incoming webhook (`--webhook`; else PANOPTICON_WEBHOOK_URL). A secret: shown by its host only. */
  webhook: setting({
    schema: WebhookUrlSchema,
    flag: {
      name: 'webhook',
      read: (raw) => {
        if (WebhookUrlSchema.safeParse(raw).success) return String(raw);
        throw new CliError(`--webhook must be an http(s) URL, got one with host ${webhookHost(String(raw))}.`, 2);
      },
    },
  }),
  /** The webhook's service (`--webhook-format`); else the config's `digest.webhookFormat`. */
  /** The weekly response report for managers instead of the daily digest (`--weekly`). */
  weekly: option('weekly'),
  webhookFormat: setting({
    schema: WebhookFormatSchema,
    flag: { name: 'webhook-format', read: oneOf('webhook-format', WebhookFormatSchema) },
  }),
};

/** A flag's text checked against a schema, the schema's message in the usage error. */
function parsedFlag<T>(flag: string, schema: z.ZodType<T>, raw: string | boolean): T {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new CliError(`--${flag}: ${parsed.error.issues[0]?.message ?? 'invalid value'}, got "${String(raw)}".`, 2);
}

export type SettingName = keyof typeof SETTINGS;
