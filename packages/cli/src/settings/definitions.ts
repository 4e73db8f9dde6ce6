/**
 * Every setting of the commands that read lead data, declared once: the type and limits of its value
 * (with the config file's messages), its default, its flag (with the command line's messages) and its key
 * in panopticon.config.json. config.ts builds the config file's schema from this table and
 * settings/resolve.ts resolves a command line against it; the table's order is the order flags are checked.
 *
 * @module
 */
import { assertTimeZone, BusinessCalendarSchema, isBucketMinutes, type Pipeline } from '@panopticon/core';
import { ZohoConfigSchema } from '@panopticon/zoho-adapter';
import { z } from 'zod';
import { DEFAULT_ZOHO_STORE } from '../args.js';
import { CliError } from '../errors.js';
import { absolute, fileFlag, flagged, nonEmptyText, oneOf, setting, text, wholeNumber, type FlagReader } from './setting.js';

const days = (what: string) =>
  z
    .number({ error: `expected ${what} as a whole number of days` })
    .int({ error: `expected ${what} as a whole number of days` })
    .positive({ error: `${what} must be at least 1 day` });

const minutes = () =>
  z
    .number({ error: 'expected minutes as a whole number' })
    .int({ error: 'expected minutes as a whole number' })
    .positive({ error: 'must be at least 1 minute' });

/** A path as the config file writes it (relative to the file). */
export const FilePathSchema = z
  .string({ error: 'expected a file path (relative to the config file)' })
  .min(1, { error: 'expected a file path, got an empty string' });

/** A file to read: its absolute path, and the name it goes by in messages (as the user wrote it). */
export const FileRefSchema = z.object({ path: z.string(), label: z.string() });
export type FileRef = z.infer<typeof FileRefSchema>;

function isTimeZone(name: string): boolean {
  try {
    assertTimeZone(name);
    return true;
  } catch {
    return false;
  }
}

export const TimeZoneSchema = z.string({ error: 'expected an IANA time zone name such as "America/New_York"' }).refine(isTimeZone, {
  error: (issue) => `"${String(issue.input)}" is not an IANA time zone name (for example "America/New_York" or "UTC")`,
});

/** `--tz`: the zone's own message ("Unknown time zone …", "timeZone is required …"). */
const timeZoneFlag: FlagReader<string> = (raw) => {
  try {
    assertTimeZone(String(raw));
  } catch (error) {
    throw new CliError(`--tz: ${(error as Error).message}`, 2);
  }
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

const SlaMinutesSchema = minutes();
const BucketMinutesSchema = minutes().refine(isBucketMinutes, {
  error: (issue) => `must divide a day (1440 minutes), got ${String(issue.input)}; for example 15, 30 or 60`,
});
const DayCountSchema = z.enum(['calendar', 'business'], { error: 'expected "calendar" or "business"' });
const OutputFormatSchema = z.enum(['table', 'json', 'csv']);
const ClockSchema = z.enum(['wall', 'business']);
const PositiveWholeNumber = z.number().int().positive();

/** A CRM record link: an http(s) URL template with `{id}` where the lead's id goes. */
const RecordUrlSchema = z
  .string({ error: 'expected a link template such as "https://crm.zoho.com/crm/org123/tab/Leads/{id}"' })
  .refine((url) => /^https?:\/\//i.test(url) && url.includes('{id}'), {
    error: (issue) =>
      `expected an http(s) link containing {id}, such as "https://crm.example.com/leads/{id}", got "${String(issue.input)}"`,
  });

/** `--record-url`: the template, checked as the config file's value is. */
const recordUrlFlag: FlagReader<string> = (raw) => {
  const url = String(raw);
  if (!RecordUrlSchema.safeParse(url).success)
    throw new CliError(
      `--record-url must be an http(s) link containing {id} (for example "https://crm.example.com/leads/{id}"), got "${url}".`,
      2,
    );
  return url;
};

/** Locators' e-mail addresses: locator name → address. */
const LocatorEmailsSchema = z.record(z.string(), z.string().min(3, { error: 'expected an e-mail address' }), {
  error: 'expected an object of locator name → e-mail address',
});

const file = (flag: string, configKey: string, read: FlagReader<FileRef> = fileFlag) =>
  setting({ schema: FileRefSchema, configKey, configSchema: FilePathSchema, flag: { name: flag, read } });
const optionalText = (flag: string) => setting({ schema: z.string(), flag: { name: flag, read: text } });
const option = (flag: string) => setting({ schema: z.boolean(), flag: { name: flag, read: flagged }, default: false });

export const SETTINGS = {
  /** Output format (`--format`). */
  format: setting({ schema: OutputFormatSchema, flag: { name: 'format', read: oneOf('format', OutputFormatSchema) }, default: 'table' }),
  /** The heatmap's response clock (`--clock`): every minute, or business hours only. */
  clock: setting({ schema: ClockSchema, flag: { name: 'clock', read: oneOf('clock', ClockSchema) }, default: 'wall' }),
  /** The report's response comparison: the last N weeks against the N before (`--compare-weeks`). */
  compareWeeks: setting({
    schema: PositiveWholeNumber,
    flag: { name: 'compare-weeks', read: wholeNumber('compare-weeks', PositiveWholeNumber) },
    default: 4,
  }),
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
    flag: { name: 'sla', read: wholeNumber('sla', SlaMinutesSchema) },
    default: 60,
  }),
  /** Heatmap slot length in minutes, a divisor of 1440 (`--bucket`). */
  bucketMinutes: setting({
    schema: BucketMinutesSchema,
    configKey: 'bucketMinutes',
    flag: {
      name: 'bucket',
      read: wholeNumber('bucket', BucketMinutesSchema, (n) => `--bucket must divide 1440 (a day in minutes), got ${n}.`),
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
  calendar: setting({ schema: BusinessCalendarSchema, configKey: 'calendar' }),
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
  /** `--as-of` as typed: a date or an instant, read in the time zone once that is known. */
  asOf: optionalText('as-of'),
  /** `--from` and `--to` as typed: the heatmap's period, read in the time zone. */
  from: optionalText('from'),
  to: optionalText('to'),
  /** Only the leads of this team, or of this locator (the heatmap). */
  team: optionalText('team'),
  locator: optionalText('locator'),
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
  /** `sync`: read everything again (`--full`). */
  full: option('full'),
  /** The Zoho snapshot directory (`--store`), relative to the working directory. */
  store: setting({ schema: z.string(), flag: { name: 'store', read: text }, default: DEFAULT_ZOHO_STORE }),
  /** The CRM record link of a lead, a template with `{id}` (`--record-url`): the dashboard's "Open in CRM". */
  recordUrl: setting({ schema: RecordUrlSchema, configKey: 'recordUrl', flag: { name: 'record-url', read: recordUrlFlag } }),
  /** Locators' e-mail addresses (`digest.locators`): the dashboard's "Email locator" (and the digest's recipients). */
  locatorEmails: setting({ schema: LocatorEmailsSchema, configKey: 'digest.locators' }),
  /** Where `report` writes the page (`--out`), relative to the working directory. */
  out: setting({ schema: z.string(), flag: { name: 'out', read: text }, default: 'dashboard.html' }),
};

export type SettingName = keyof typeof SETTINGS;
