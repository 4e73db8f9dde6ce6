import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './errors.js';
import { didYouMean } from './suggest.js';

/** One command-line option: its parseArgs type, and the line shown by `--help`. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** "FILE", "ZONE", … shown after the flag in help. */
  arg?: string;
  help: string;
  multiple?: boolean;
}

export type OptionSpecs = Record<string, OptionSpec>;

/** Where the Zoho snapshot lives unless --store says otherwise (relative to the working directory). */
export const DEFAULT_ZOHO_STORE = '.panopticon/zoho';

/** The flags that switch a command from CSV files to the Zoho snapshot. */
export const ZOHO_OPTIONS: OptionSpecs = {
  zoho: { type: 'boolean', help: 'read leads from Zoho CRM (credentials from ZOHO_* environment variables) instead of CSV' },
  store: { type: 'string', arg: 'DIR', help: `with --zoho: the local snapshot directory (default: ${DEFAULT_ZOHO_STORE})` },
  offline: { type: 'boolean', help: 'with --zoho: read the last snapshot without syncing first' },
  'owner-history': {
    type: 'boolean',
    help: 'with --zoho: read owner changes of appointed leads from their timelines (one call each on the first sync)',
  },
};

/** A flag naming one more input file (`what`: the file and its columns), read in any format `--leads` reads. */
function inputFile(what: string): OptionSpec {
  return { type: 'string', arg: 'FILE', help: `${what}, any format --leads reads` };
}

/** Options shared by the commands that read lead data. */
export const INPUT_OPTIONS: OptionSpecs = {
  leads: {
    type: 'string',
    arg: 'FILE',
    help: 'leads file: CSV, or Parquet, Arrow/Feather, NDJSON by extension or content; gzip and one-file ZIP too (default: the bundled sample data)',
  },
  history: inputFile('stage history file (lead_id, stage, changed_at)'),
  owners: inputFile('owner history file (lead_id, locator, changed_at)'),
  schedule: inputFile('staff schedule file (rep, day_of_week, shift_start, shift_end)'),
  pipeline: { type: 'string', arg: 'FILE', help: 'pipeline.json: stages, categories and thresholds' },
  columns: { type: 'string', arg: 'FILE', help: 'JSON column mapping, e.g. {"leads":{"received_time":"Created Time"}}' },
  config: { type: 'string', arg: 'FILE', help: 'panopticon.config.json (flags override it)' },
  delimiter: { type: 'string', arg: 'CHAR', help: 'CSV field separator: , ; tab | (default: detected from the header line)' },
  encoding: {
    type: 'string',
    arg: 'NAME',
    help: 'CSV text encoding: utf-8, utf-16le, utf-16be, windows-1252 (= latin1) (default: detected)',
  },
  'date-format': {
    type: 'string',
    arg: 'FORMAT',
    help: 'how day/month dates read: MM/DD/YYYY, DD/MM/YYYY, YYYY-MM-DD or auto (default: detected per column)',
  },
  tz: {
    type: 'string',
    arg: 'ZONE',
    help: 'IANA time zone for wall-clock questions and naive timestamps (default: config, sample, or UTC)',
  },
  strict: { type: 'boolean', help: 'treat any row error as fatal (exit 1, listing every error)' },
  'issue-examples': {
    type: 'string',
    arg: 'N',
    help: 'data-quality issues listed per kind (code); the rest are counted (default: config, else 100)',
  },
  quiet: { type: 'boolean', short: 'q', help: 'do not print data-quality warnings to stderr' },
  sql: {
    type: 'boolean',
    help: 'read leads and histories from PostgreSQL by the config file\'s "sql" queries (connection string from PANOPTICON_DATABASE_URL)',
  },
  ...ZOHO_OPTIONS,
};

/** How follow-up days are counted and the response-time target, for the commands that default both to the config file. */
export const METRIC_OPTIONS: OptionSpecs = {
  'day-count': { type: 'string', arg: 'calendar|business', help: 'how days are counted (default: config, else calendar)' },
  sla: { type: 'string', arg: 'MINUTES', help: 'response-time target in minutes (default: config, else 60)' },
};

export const FORMAT_OPTION: OptionSpecs = {
  format: { type: 'string', arg: 'table|json|csv', help: 'output format (default: table)' },
};

/** The data commands' formats: those of {@link FORMAT_OPTION}, and NDJSON, Parquet and Arrow (table-output.ts), to stdout or --out. */
export const TABLE_FORMAT_OPTION: OptionSpecs = {
  format: {
    type: 'string',
    arg: 'table|json|csv|ndjson|parquet|arrow',
    help: 'output format (default: table); parquet and arrow need --out',
  },
  out: {
    type: 'string',
    short: 'o',
    arg: 'FILE',
    help: 'write csv, ndjson, parquet or arrow output to FILE (atomically) instead of stdout',
  },
};

/** `--engine`: which implementation of the definitions answers (sql-engine.ts). */
export const ENGINE_OPTION: OptionSpecs = {
  engine: {
    type: 'string',
    arg: 'ts|duckdb',
    help: 'ts: the TypeScript engine (default); duckdb: the same definitions as SQL on an embedded DuckDB (CSV or Parquet files with the canonical columns, any size)',
  },
};

export const AS_OF_OPTION: OptionSpecs = {
  'as-of': {
    type: 'string',
    arg: 'DATE',
    help: 'judge leads as of this date (end of day in --tz) or instant (default: now; sample data: its own as-of)',
  },
};

export const HELP_OPTION: OptionSpecs = {
  help: { type: 'boolean', short: 'h', help: 'show this help' },
};

export type ParsedValues = Record<string, string | boolean | string[] | undefined>;

/** Parses a command's arguments; unknown flags and stray positionals are usage errors naming the flag. */
export function parseCommandArgs(command: string, argv: string[], specs: OptionSpecs): ParsedValues {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, spec] of Object.entries(specs)) {
    options[name] = { type: spec.type, ...(spec.short ? { short: spec.short } : {}), ...(spec.multiple ? { multiple: true } : {}) };
  }
  try {
    const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
    if (positionals.length > 0) {
      throw new CliError(`panopticon ${command}: unexpected argument "${positionals[0]}". See panopticon ${command} --help.`, 2);
    }
    return values as ParsedValues;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`panopticon ${command}: ${parseArgsMessage(error, specs)} See panopticon ${command} --help.`, 2);
  }
}

/**
 * Node's parseArgs errors in the command line's words: an unknown flag with the closest known one, a flag
 * without its value, a value given to a switch. Never Node's own text ("To specify a positional argument…").
 */
function parseArgsMessage(error: unknown, specs: OptionSpecs): string {
  const e = error as { code?: string; message?: string };
  const flag = /'(?:-\w, )?(-{1,2}[^' <,]+)/.exec(e.message ?? '')?.[1];
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag !== undefined) {
    return `unknown option ${flag}${didYouMean(flag.replace(/^-+/, ''), Object.keys(specs), (s) => `--${s}`)}.`;
  }
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag !== undefined) {
    const spec = specs[flag.replace(/^-+/, '')] ?? Object.values(specs).find((s) => `-${s.short}` === flag);
    return spec?.type === 'boolean' ? `${flag} takes no value.` : `${flag} needs a value${spec?.arg ? ` (${spec.arg})` : ''}.`;
  }
  return `${e.message ?? String(error)}.`;
}

/** The `--help` text of a command. */
export function helpText(usage: string, summary: string, specs: OptionSpecs, extra = ''): string {
  const rows = Object.entries(specs).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : '    '}--${name}${spec.arg ? ` ${spec.arg}` : ''}`;
    return `  ${flag.padEnd(30)} ${spec.help}`;
  });
  return `Usage: ${usage}\n\n${summary}\n\nOptions:\n${rows.join('\n')}\n${extra ? `\n${extra}\n` : ''}`;
}
