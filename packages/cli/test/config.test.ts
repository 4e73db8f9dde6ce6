/**
 * panopticon.config.json: validation (one clear line per bad key, naming the key and the file; unknown keys
 * rejected), paths relative to the file, and precedence (flags > config > sample/defaults) for the
 * commands that read data through loadInputs.
 */
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAME, loadConfig, parseConfig } from '../src/config.js';
import { CliError } from '../src/errors.js';
import { runMain } from './fixtures/cli-run.js';

const SAMPLE = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-config-'));
let dirs = 0;

/** A fresh directory holding a copy of the sample data under data/ and this config. */
function project(config: unknown): string {
  const dir = join(tmp, `p${dirs++}`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  for (const f of ['leads.csv', 'stage_history.csv', 'owner_history.csv', 'schedule.csv', 'pipeline.json'])
    copyFileSync(join(SAMPLE, f), join(dir, 'data', f));
  writeFileSync(join(dir, CONFIG_FILE_NAME), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  return dir;
}

const run = runMain;

function problems(raw: unknown, path = '/cfg/panopticon.config.json'): string[] {
  try {
    parseConfig(raw, path);
  } catch (error) {
    expect(error).toBeInstanceOf(CliError);
    return (error as Error).message
      .split('\n')
      .slice(1)
      .map((l) => l.trim());
  }
  throw new Error('expected the config to be rejected');
}

const DATA_FILES = {
  leads: 'data/leads.csv',
  history: 'data/stage_history.csv',
  owners: 'data/owner_history.csv',
  schedule: 'data/schedule.csv',
};

describe('parseConfig', () => {
  it('accepts every documented key and makes paths absolute, relative to the file', () => {
    const c = parseConfig(
      {
        $schema: './panopticon.schema.json',
        timeZone: 'Asia/Kolkata',
        pipeline: 'pipeline.json',
        thresholds: { staleAfterDays: 20, warnAfterDays: 5, greenStuckAfterDays: 10 },
        slaMinutes: 15,
        slotMinutes: 60,
        dayCount: 'business',
        calendar: { weeklyHours: [[{ start: '09:00', end: '17:00' }], [], [], [], [], [], []], holidays: ['2026-12-25'] },
        files: { leads: 'in/leads.csv', history: '/abs/history.csv', columns: 'columns.json' },
      },
      '/work/team/panopticon.config.json',
    );
    expect(c.timeZone).toBe('Asia/Kolkata');
    expect(c.pipeline).toEqual({ file: '/work/team/pipeline.json' });
    expect(c.thresholds).toEqual({ staleAfterDays: 20, warnAfterDays: 5, greenStuckAfterDays: 10 });
    expect(c).toMatchObject({ slaMinutes: 15, slotMinutes: 60, dayCount: 'business' });
    expect(c.calendar?.holidays).toEqual(['2026-12-25']);
    expect(c.files.leads).toEqual({ path: '/work/team/in/leads.csv', label: 'in/leads.csv' });
    expect(c.files.history?.path).toBe('/abs/history.csv');
    expect(c.files.columns?.path).toBe('/work/team/columns.json');
  });

  it('accepts an inline pipeline, with default thresholds', () => {
    const c = parseConfig(
      {
        pipeline: {
          stages: [
            { name: 'New', category: 'open' },
            { name: 'Won', category: 'won' },
          ],
        },
      },
      '/c.json',
    );
    expect(c.pipeline).toMatchObject({ inline: { stages: [{ name: 'New' }, { name: 'Won' }], staleAfterDays: 30 } });
  });

  it('accepts an empty file', () => {
    expect(parseConfig({}, '/c.json')).toMatchObject({ thresholds: {}, files: {} });
  });

  it('rejects unknown keys, one line each, naming the file, with the allowed keys and a suggestion', () => {
    const lines = problems({ timezone: 'UTC', thresholds: { staleDays: 3 }, files: { lead: 'x.csv' }, colour: 'red' });
    expect(lines).toHaveLength(4);
    for (const line of lines) expect(line.startsWith('/cfg/panopticon.config.json: ')).toBe(true);
    expect(lines).toContainEqual(expect.stringContaining('timezone: unknown key (did you mean "timeZone"?)'));
    expect(lines).toContainEqual(expect.stringMatching(/colour: unknown key.*; allowed keys: \$schema, timeZone, pipeline/));
    expect(lines).toContainEqual(expect.stringContaining('thresholds.staleDays: unknown key (did you mean "staleAfterDays"?)'));
    expect(lines).toContainEqual(expect.stringContaining('files.lead: unknown key (did you mean "leads"?)'));
  });

  it('points the key renamed after 0.1.0 at its new name', () => {
    expect(problems({ bucketMinutes: 60 })).toEqual([expect.stringContaining('bucketMinutes: unknown key (did you mean "slotMinutes"?)')]);
  });

  it('names the key and the bad value of each wrong value', () => {
    const lines = problems({
      timeZone: 'Mars/Olympus',
      thresholds: { staleAfterDays: -3, warnAfterDays: 2.5 },
      slaMinutes: '60',
      slotMinutes: 7,
      dayCount: 'weekly',
      files: { leads: '' },
    });
    const line = (key: string) => lines.find((l) => l.includes(`.json: ${key}:`));
    expect(line('timeZone')).toContain('Unknown time zone "Mars/Olympus"');
    expect(line('thresholds.staleAfterDays')).toMatch(/at least 1 day, got -3/);
    expect(line('thresholds.warnAfterDays')).toMatch(/whole number of days, got 2.5/);
    expect(line('slaMinutes')).toMatch(/whole number, got "60"/);
    expect(line('slotMinutes')).toMatch(/must divide a day \(1440 minutes\), got 7/);
    expect(line('dayCount')).toMatch(/"calendar" or "business", got "weekly"/);
    expect(line('files.leads')).toMatch(/empty/);
    expect(lines).toHaveLength(7);
  });

  it('reports problems inside an inline pipeline and the business calendar by their full key', () => {
    const lines = problems({
      pipeline: { stages: [{ name: 'New', category: 'maybe' }] },
      calendar: { weeklyHours: [[{ start: '9am', end: '17:00' }]] },
    });
    expect(lines.some((l) => l.includes('pipeline.stages.0.category:') && l.includes('"maybe"'))).toBe(true);
    expect(lines.some((l) => l.includes('calendar.weeklyHours:'))).toBe(true);
    expect(lines.some((l) => l.includes('calendar.weeklyHours.0.0.start:') && l.includes('"9am"'))).toBe(true);
  });

  it('rejects warnAfterDays above staleAfterDays', () => {
    expect(problems({ thresholds: { staleAfterDays: 5, warnAfterDays: 9 } })).toEqual([
      '/cfg/panopticon.config.json: thresholds.warnAfterDays: 9 must not exceed thresholds.staleAfterDays (5)',
    ]);
  });

  it('names the file when it is not JSON or cannot be read', () => {
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{ "timeZone": "UTC", }');
    expect(() => loadConfig(bad)).toThrow(`The config file ${bad} is not valid JSON`);
    expect(() => loadConfig(join(tmp, 'missing.json'))).toThrow(/Cannot read the config file .*missing\.json: no such file/);
  });
});

describe('the config file in the commands', () => {
  it('is found in the working directory; its file paths and time zone are used', async () => {
    const dir = project({ timeZone: 'America/New_York', pipeline: 'data/pipeline.json', files: DATA_FILES });
    const withConfig = await run(dir, 'kpis', '--format', 'json', '--quiet', '--as-of', '2026-10-31');
    expect(withConfig.code, withConfig.stderr).toBe(0);
    const k = JSON.parse(withConfig.stdout);
    expect(k.source).toBe('data/leads.csv');
    expect(k.timeZone).toBe('America/New_York');
    // The same figures as the bundled sample (the same files) as of the same date.
    const sample = JSON.parse((await run(tmp, 'kpis', '--format', 'json', '--quiet')).stdout);
    expect(k.followUp).toEqual(sample.followUp);
    expect(k.response).toEqual(sample.response);
  });

  it('thresholds override the pipeline; --config names the file explicitly', async () => {
    const dir = project({ thresholds: { staleAfterDays: 10, warnAfterDays: 3 } });
    const base = JSON.parse((await run(tmp, 'kpis', '--format', 'json', '--quiet')).stdout);
    const r = await run(tmp, 'kpis', '--format', 'json', '--quiet', '--config', join(dir, CONFIG_FILE_NAME));
    expect(r.code, r.stderr).toBe(0);
    const k = JSON.parse(r.stdout);
    expect(k.followUp.stale).toBeGreaterThan(base.followUp.stale);
    expect(k.followUp.stale + k.followUp.atRisk + k.followUp.awaiting).toBe(
      base.followUp.stale + base.followUp.atRisk + base.followUp.awaiting,
    );
  });

  it('flags override the config: --tz, --sla, --day-count, --leads', async () => {
    const dir = project({
      timeZone: 'Asia/Kolkata',
      pipeline: 'data/pipeline.json',
      slaMinutes: 5,
      dayCount: 'business',
      files: DATA_FILES,
    });
    const fromConfig = JSON.parse((await run(dir, 'kpis', '--format', 'json', '--quiet', '--as-of', '2026-10-31')).stdout);
    expect(fromConfig.timeZone).toBe('Asia/Kolkata');
    expect(fromConfig.slaMinutes).toBe(5);
    const overridden = JSON.parse(
      (
        await run(
          dir,
          'kpis',
          '--format',
          'json',
          '--quiet',
          '--as-of',
          '2026-10-31',
          '--tz',
          'America/New_York',
          '--sla',
          '60',
          '--day-count',
          'calendar',
        )
      ).stdout,
    );
    expect(overridden.timeZone).toBe('America/New_York');
    expect(overridden.slaMinutes).toBe(60);
    const sample = JSON.parse((await run(tmp, 'kpis', '--format', 'json', '--quiet')).stdout);
    expect(overridden.followUp).toEqual(sample.followUp);
    // business days count fewer days than calendar days: fewer leads are stale
    expect(fromConfig.followUp.stale).toBeLessThanOrEqual(overridden.followUp.stale);

    const leads = join(tmp, 'one.csv');
    writeFileSync(leads, 'lead_id,received_time,first_contact_time\n1,2026-10-01 09:00,2026-10-01 09:03\n');
    const flagged = JSON.parse((await run(dir, 'kpis', '--format', 'json', '--quiet', '--leads', leads)).stdout);
    expect(flagged.response.total).toBe(1);
  });

  it('sets the heatmap slot length and SLA; flags override', async () => {
    const dir = project({ slotMinutes: 60, slaMinutes: 15, files: DATA_FILES, timeZone: 'America/New_York' });
    const r = JSON.parse((await run(dir, 'heatmap', '--format', 'json', '--quiet')).stdout);
    expect(r).toMatchObject({ slotMinutes: 60, slaMinutes: 15 });
    const o = JSON.parse((await run(dir, 'heatmap', '--format', 'json', '--quiet', '--slot', '30', '--sla', '60')).stdout);
    expect(o).toMatchObject({ slotMinutes: 30, slaMinutes: 60 });
  });

  it('a bad config stops every data command with exit 2 (usage), one line per problem naming the file', async () => {
    const dir = project({ timezone: 'UTC', thresholds: { staleAfterDays: 0 } });
    for (const command of ['kpis', 'attention', 'heatmap', 'check', 'report']) {
      const r = await run(dir, command, ...(command === 'report' ? ['--out', join(dir, 'x.html')] : []));
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain(`The config file ${join(dir, CONFIG_FILE_NAME)} is not valid (2 problems):`);
      expect(r.stderr).toContain('timezone: unknown key (did you mean "timeZone"?)');
      expect(r.stderr).toContain('thresholds.staleAfterDays: staleAfterDays must be at least 1 day, got 0');
    }
  });

  it('report reads the config too', async () => {
    const dir = project({ timeZone: 'America/New_York', slaMinutes: 15, slotMinutes: 60, files: DATA_FILES });
    const r = await run(dir, 'report', '--quiet', '--as-of', '2026-10-31');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(dir, 'dashboard.html'));
    const { readFileSync } = await import('node:fs');
    const html = readFileSync(join(dir, 'dashboard.html'), 'utf8');
    expect(html).toContain('response SLA 15 minutes in 60-minute slots');
    expect(html).toContain('Data: <strong>data/leads.csv</strong>');
  });
});

describe('recordUrl and digest.locators (the dashboard lead dialog)', () => {
  it('accept an http(s) template with {id} and a locator → address map, and name the key of a bad value', () => {
    const config = parseConfig(
      { recordUrl: 'https://crm.example.com/leads/{id}', digest: { locators: { Ana: 'ana@example.com' } } },
      '/cfg/panopticon.config.json',
    );
    expect(config.recordUrl).toBe('https://crm.example.com/leads/{id}');
    expect(config.digest?.locators).toEqual({ Ana: 'ana@example.com' });
    expect(problems({ recordUrl: 'https://crm.example.com/leads/' })).toEqual([
      expect.stringMatching(/recordUrl: expected an http\(s\) URL with \{id\}/),
    ]);
    expect(problems({ recordUrl: 'javascript:alert(1)//{id}' })).toEqual([
      expect.stringContaining('recordUrl: expected an http(s) URL with {id}'),
    ]);
    expect(problems({ digest: { locators: { Ana: 5 } } })).toEqual([expect.stringContaining('digest.locators.Ana')]);
  });
});
