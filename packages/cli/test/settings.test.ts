/**
 * resolveSettings: the command line, panopticon.config.json and the defaults resolved once into settings.
 * Precedence flags > config file > the bundled sample's > declared defaults; a bad flag is a usage error
 * naming the flag, raised before any file is read.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../src/args.js';
import { attentionCommand } from '../src/commands/attention.js';
import { heatmapCommand } from '../src/commands/heatmap.js';
import { reportCommand } from '../src/commands/report.js';
import { kpisCommand } from '../src/commands/kpis.js';
import { CONFIG_FILE_NAME, configSchema } from '../src/config.js';
import { CliError } from '../src/errors.js';
import { SETTINGS } from '../src/settings/definitions.js';
import { resolveSettings, type Settings } from '../src/settings/resolve.js';

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-settings-'));
const NOW = new Date('2026-11-01T12:00:00Z');
let dirs = 0;

/** A fresh working directory, with this panopticon.config.json when one is given. */
function workdir(config?: unknown): string {
  const dir = join(tmp, `w${dirs++}`);
  mkdirSync(dir, { recursive: true });
  if (config !== undefined) writeFileSync(join(dir, CONFIG_FILE_NAME), JSON.stringify(config));
  return dir;
}

/** The heatmap's flags (the widest set of a data command) resolved in `cwd`. */
function resolve(cwd: string, ...argv: string[]): Settings {
  return resolveSettings(parseCommandArgs('heatmap', argv, heatmapCommand.options), { cwd, now: () => NOW });
}

function usageError(run: () => unknown): CliError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return error as CliError;
  }
  throw new Error('expected a usage error');
}

const LEADS = 'lead_id,received_time,first_contact_time\n1,2026-10-01 09:00,2026-10-01 09:03\n';

describe('resolveSettings', () => {
  it('without flags or config: the declared defaults, and the bundled sample with its zone and as-of', () => {
    const s = resolve(workdir());
    expect(s).toMatchObject({
      format: 'table',
      clock: 'wall',
      slaMinutes: 60,
      slotMinutes: 30,
      dayCount: 'calendar',
      strict: false,
      quiet: false,
    });
    expect(s.configPath).toBeUndefined();
    expect(s.calendar).toBeUndefined();
    expect(s.timeZone).toBe('America/New_York');
    expect(s.description).toBe('sample data');
    expect(s.source).toMatchObject({
      kind: 'csv',
      usingSample: true,
      leads: { label: 'sample/leads.csv' },
      schedule: { label: 'sample/schedule.csv' },
    });
    expect(s.asOf.toISOString()).toBe('2026-11-01T03:59:59.999Z'); // end of 2026-10-31 in New York
    expect(s.pipeline.stages.length).toBeGreaterThan(0);
  });

  it('with a leads file and nothing else: UTC, the default pipeline, now, no sample files', () => {
    const dir = workdir();
    writeFileSync(join(dir, 'leads.csv'), LEADS);
    const s = resolve(dir, '--leads', 'leads.csv');
    expect(s.timeZone).toBe('UTC');
    expect(s.asOf).toEqual(NOW);
    expect(s.description).toBe('leads.csv');
    expect(s.source).toEqual({ kind: 'csv', leads: { path: join(dir, 'leads.csv'), label: 'leads.csv' }, usingSample: false });
    expect(s.pipeline.stages.map((stage) => stage.name)).toContain('Green - Approved');
  });

  it('takes the config file over the defaults, and flags over the config file, setting by setting', () => {
    const dir = workdir({
      timeZone: 'Asia/Kolkata',
      slaMinutes: 5,
      slotMinutes: 60,
      dayCount: 'business',
      files: { leads: 'in/leads.csv' },
    });
    // Every file named must exist (the settings check that before any command reads it).
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in/leads.csv'), 'lead_id,received_time\n');
    writeFileSync(join(dir, 'other.csv'), 'lead_id,received_time\n');
    const fromConfig = resolve(dir);
    expect(fromConfig).toMatchObject({
      timeZone: 'Asia/Kolkata',
      slaMinutes: 5,
      slotMinutes: 60,
      dayCount: 'business',
      configPath: join(dir, CONFIG_FILE_NAME),
    });
    expect(fromConfig.source).toMatchObject({
      kind: 'csv',
      usingSample: false,
      leads: { path: join(dir, 'in/leads.csv'), label: 'in/leads.csv' },
    });

    const flagged = resolve(dir, '--tz', 'UTC', '--sla', '45', '--leads', 'other.csv');
    expect(flagged).toMatchObject({ timeZone: 'UTC', slaMinutes: 45, slotMinutes: 60, dayCount: 'business' });
    // The flag's file wins, named as typed and relative to the working directory (not to the config file).
    expect(flagged.source).toMatchObject({ leads: { path: join(dir, 'other.csv'), label: 'other.csv' } });
    expect(flagged.description).toBe('other.csv');
  });

  it('reads --as-of, --from and --to in the resolved time zone', () => {
    const dir = workdir({ timeZone: 'Asia/Kathmandu' });
    const s = resolve(dir, '--from', '2026-03-01', '--to', '2026-03-31', '--slot', '15');
    expect(s.period.from?.toISOString()).toBe('2026-02-28T18:15:00.000Z');
    expect(s.period.to?.toISOString()).toBe('2026-03-31T18:15:00.000Z'); // the start of April 1st: --to is inclusive
    const kpis = resolveSettings(parseCommandArgs('kpis', ['--as-of', '2026-09-30'], kpisCommand.options), { cwd: dir, now: () => NOW });
    expect(kpis.asOf.toISOString()).toBe('2026-09-30T18:14:59.999Z');
  });

  it('names the flag and the value of a bad flag (exit 2)', () => {
    const cases: [string[], string][] = [
      [['--sla', '0'], '--sla must be a whole number from 1 to 43200, got "0".'],
      [['--sla', 'abc'], '--sla must be a whole number from 1 to 43200, got "abc".'],
      [['--slot', '7'], '--slot must divide 1440 (a day in minutes), got 7.'],
      [['--format', 'yaml'], '--format must be table, json, csv, ndjson, parquet or arrow, got "yaml".'],
      [['--clock', 'sundial'], '--clock must be wall or business, got "sundial".'],
      [['--tz', 'Mars/Olympus'], '--tz: Unknown time zone "Mars/Olympus": use an IANA name such as "America/New_York" or "UTC".'],
      [['--from', 'soon'], '--from must be a date (2026-03-31) or a timestamp, got "soon".'],
    ];
    const dir = workdir();
    for (const [argv, message] of cases) {
      const error = usageError(() => resolve(dir, ...argv));
      expect(error.message, argv.join(' ')).toBe(message);
      expect(error.exitCode).toBe(2);
    }
    const kpis = usageError(() =>
      resolveSettings(parseCommandArgs('kpis', ['--day-count', 'weekly'], kpisCommand.options), { cwd: dir, now: () => NOW }),
    );
    expect(kpis.message).toBe('--day-count must be calendar or business, got "weekly".');
  });

  it('checks the flags before it reads the config file', () => {
    const dir = workdir({ slaMinutes: 0 });
    expect(usageError(() => resolve(dir, '--slot', 'x')).message).toBe('--slot must be a whole number from 1 to 1440, got "x".');
    const bad = usageError(() => resolve(dir, '--sla', '30'));
    expect(bad.exitCode).toBe(2); // a valid flag does not excuse a bad config value
    expect(bad.message).toContain('slaMinutes: must be at least 1 minute, got 0');
  });
});

describe('flags that need another flag', () => {
  const io = (cwd: string) => ({ cwd, now: () => NOW, env: {} }) as never;
  const settingsOf = (
    command: { options: typeof heatmapCommand.options; settings: typeof heatmapCommand.settings },
    name: string,
    argv: string[],
  ) => command.settings(parseCommandArgs(name, argv, command.options), io(workdir()));

  it('refuses each of them without its switch (exit 2), naming the switch, before any file is read', () => {
    const cases: [typeof heatmapCommand, string, string[], string][] = [
      [
        heatmapCommand,
        'heatmap',
        ['--compare-weeks', '2'],
        "panopticon heatmap: --compare-weeks is the length of --compare's default periods; add --compare.",
      ],
      [
        heatmapCommand,
        'heatmap',
        ['--period-a', '2026-10-01..2026-10-09'],
        'panopticon heatmap: --period-a and --period-b are the periods of --compare; add --compare.',
      ],
      [heatmapCommand, 'heatmap', ['--period-b', '2026-10-01..2026-10-09', '--demand'], 'add --compare.'],
      [
        attentionCommand,
        'attention',
        ['--since', '2026-10-01'],
        'panopticon attention: --since is the earlier list of --resolved; add --resolved.',
      ],
    ];
    for (const [command, name, argv, message] of cases) {
      // A leads file that does not exist: the refusal comes first (an unreadable file would be exit 3).
      const error = usageError(() => settingsOf(command, name, [...argv, '--leads', 'missing.csv']));
      expect(error.message, argv.join(' ')).toContain(message);
      expect(error.exitCode).toBe(2);
    }
  });

  it('take them with their switch, and where they stand alone (report)', () => {
    expect(settingsOf(heatmapCommand, 'heatmap', ['--compare', '--compare-weeks', '2']).compareWeeks).toBe(2);
    expect(settingsOf(reportCommand, 'report', ['--compare-weeks', '3']).compareWeeks).toBe(3);
    const since = settingsOf(attentionCommand, 'attention', [
      '--resolved',
      '--since',
      '2026-10-01',
      '--tz',
      'UTC',
      '--as-of',
      '2026-10-05',
    ]).since;
    expect(since.toISOString()).toBe('2026-10-01T23:59:59.999Z');
  });
});

describe('the since setting', () => {
  it('is --since when given, else a day before --as-of (the end of the day before, for a date)', () => {
    const dir = workdir();
    const at = (...argv: string[]) =>
      resolveSettings(parseCommandArgs('report', argv, reportCommand.options), { cwd: dir, now: () => NOW }).since.toISOString();
    expect(at('--tz', 'Asia/Kathmandu', '--as-of', '2026-09-30')).toBe('2026-09-29T18:14:59.999Z');
    expect(at('--tz', 'UTC', '--as-of', '2026-09-30T10:00:00Z')).toBe('2026-09-29T10:00:00.000Z');
    // Across a daylight-saving change the day, not 24 hours, is moved back.
    expect(at('--tz', 'America/New_York', '--as-of', '2026-11-01')).toBe('2026-11-01T03:59:59.999Z');
    expect(at('--tz', 'UTC', '--as-of', '2026-09-30', '--since', '2026-09-01')).toBe('2026-09-01T23:59:59.999Z');
    // Without --as-of: a day before now.
    writeFileSync(join(dir, 'leads.csv'), LEADS);
    expect(at('--tz', 'UTC', '--leads', 'leads.csv')).toBe('2026-10-31T12:00:00.000Z');
  });
});

describe('the settings declarations', () => {
  it('feed the config file schema: every config key of a setting is a key of panopticon.config.json, in order', () => {
    const keys = Object.values(SETTINGS).flatMap((s) => (s.configKey === undefined ? [] : [s.configKey]));
    const top = [...new Set(keys.map((k) => k.split('.')[0]))];
    expect(Object.keys(configSchema().shape)).toEqual(['$schema', ...top]);
    expect(top).toEqual([
      'timeZone',
      'pipeline',
      'thresholds',
      'slaMinutes',
      'slotMinutes',
      'dayCount',
      'calendar',
      'files',
      'delimiter',
      'encoding',
      'dateFormat',
      'issueExamples',
      'zoho',
      'sql',
      'recordUrl',
      'digest',
    ]);
    expect(keys.filter((k) => k.startsWith('files.'))).toEqual([
      'files.leads',
      'files.history',
      'files.owners',
      'files.schedule',
      'files.columns',
    ]);
  });

  it('check a config value and a flag against the same limits', () => {
    // slotMinutes: a divisor of 1440 in both the file and the flag.
    expect(configSchema().safeParse({ slotMinutes: 45 }).success).toBe(true);
    expect(configSchema().safeParse({ slotMinutes: 7 }).success).toBe(false);
    expect(resolve(workdir(), '--slot', '45').slotMinutes).toBe(45);
    expect(usageError(() => resolve(workdir(), '--slot', '7')).exitCode).toBe(2);
  });
});
