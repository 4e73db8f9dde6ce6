/**
 * Every expected failure of the command line: one message naming the flag, key or file, the documented
 * exit code (2 usage, 3 input unreadable), never a stack trace or Node's own wording.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, folder, LEADS_WITH_APPOINTMENTS, runBuilt, runMain, type RunResult } from './fixtures/cli-run.js';

const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });

/** No stack trace, no Node internals: only the message. */
function expectPlain(r: RunResult): void {
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toContain('node:internal');
  expect(r.stderr).not.toContain('To specify a positional argument');
}

describe('usage errors exit 2, naming what is wrong', () => {
  it.each([
    [['kpi'], 'unknown command "kpi" (did you mean "kpis"?)'],
    [['attenton'], 'did you mean "attention"?'],
    [['kpis', '--leed', 'leads.csv'], 'unknown option --leed (did you mean --leads?)'],
    [['report', '--compare-week', '3'], 'did you mean --compare-weeks?'],
    [['heatmap', '--bucket', '60'], 'unknown option --bucket (did you mean --slot?)'],
    [['kpis', '--leads'], '--leads needs a value (FILE)'],
    [['kpis', '--quiet=yes'], '--quiet takes no value'],
    [['report', '--slot', '0x1E'], '--slot must be a whole number from 1 to 1440, got "0x1E".'],
    [['report', '--compare-weeks', '1e8'], '--compare-weeks must be a whole number from 1 to 260, got "1e8".'],
    [['report', '--compare-weeks', '100000000'], '--compare-weeks must be a whole number from 1 to 260, got "100000000".'],
    [['kpis', '--sla', ' 30'], '--sla must be a whole number from 1 to 43200, got " 30".'],
    [['kpis', '--sla', '-5'], '--sla'],
    [['kpis', '--issue-examples', '1.5'], '--issue-examples must be a whole number from 0 to 1000000, got "1.5".'],
    [['kpis', '--tz', 'EST'], '--tz: "EST" is an abbreviation, not an IANA time zone name; use "America/New_York"'],
    [['kpis', '--tz', 'pst'], 'use "America/Los_Angeles"'],
    [['kpis', '--tz', 'Japan'], '--tz: "Japan" is not an IANA time zone name of the form Area/Location'],
    [['kpis', '--tz', 'utc'], 'use "UTC"'],
    [['kpis', '--tz', 'europe/paris'], '--tz: "europe/paris" is not written as IANA writes it; use "Europe/Paris"'],
    [['kpis', '--leads', 'leads.csv', '--zoho'], '--leads and --zoho both name where the leads come from'],
    [['heatmap', '--history', 'leads.csv', '--zoho'], '--history and --zoho'],
    [['kpis', '--offline'], '--offline works only with --zoho'],
    [['attention', '--store', 'snap'], '--store works only with --zoho'],
    [['report', '--owner-history'], '--owner-history works only with --zoho'],
  ])('%j', async (args, message) => {
    const r = await runMain(dir, ...args);
    expect(r.stderr).toContain(message);
    expect(r.code).toBe(2);
    expectPlain(r);
  });

  it('accepts UTC and IANA names', async () => {
    expect((await runMain(dir, 'kpis', '--leads', 'leads.csv', '--tz', 'UTC', '-q', '--format', 'json')).code).toBe(0);
    expect((await runMain(dir, 'kpis', '--leads', 'leads.csv', '--tz', 'Asia/Kolkata', '-q', '--format', 'json')).code).toBe(0);
  });
});

describe('a named input file that does not exist exits 3 in every command', () => {
  it.each([
    ['heatmap', '--history'],
    ['heatmap', '--owners'],
    ['heatmap', '--schedule'],
    ['check', '--columns'],
    ['kpis', '--pipeline'],
    ['attention', '--config'],
    ['report', '--leads'],
  ])('%s %s missing.csv', async (command, flag) => {
    const args = flag === '--leads' ? [command, flag, 'missing.csv'] : [command, '--leads', 'leads.csv', flag, 'missing.csv'];
    const r = await runMain(dir, ...args);
    expect(r.stderr).toContain('missing.csv');
    expect(r.stderr).toMatch(/Cannot read .*no such file/);
    expect(r.code).toBe(3);
    expectPlain(r);
  });

  it('a folder named as a file is refused too', async () => {
    const r = await runMain(dir, 'heatmap', '--leads', 'leads.csv', '--schedule', '.');
    expect(r.stderr).toContain('is a folder, not a file');
    expect(r.code).toBe(3);
  });

  it.each([['/dev/null'], ['-']])('a pipe, a device or "-" named as a file is refused, saying what to do: %s', async (leads) => {
    const r = await runMain(dir, 'kpis', '--leads', leads);
    expect(r.stderr).toContain(leads === '-' ? '"-" (standard input) is not read' : '/dev/null is a pipe or device, not a regular file');
    expect(r.stderr).toContain('save the data to a file');
    expect(r.stderr).not.toContain('folder');
    expect(r.code).toBe(3);
  });
});

describe('settings files are strict and friendly', () => {
  it('an unknown key in pipeline.json is an error with a suggestion (exit 2)', async () => {
    const d = folder({
      'leads.csv': LEADS_WITH_APPOINTMENTS,
      'pipeline.json': JSON.stringify({ stages: [{ name: 'New', category: 'open', categry: 'x' }], staleAfterDay: 20 }),
    });
    const r = await runMain(d, 'kpis', '--leads', 'leads.csv', '--pipeline', 'pipeline.json');
    expect(r.stderr).toContain('staleAfterDay: unknown key (did you mean "staleAfterDays"?)');
    expect(r.stderr).toContain('stages.0.categry: unknown key (did you mean "category"?)');
    expect(r.code).toBe(2);
  });

  it('an unknown key in an inline pipeline of panopticon.config.json too', async () => {
    const d = folder({
      'leads.csv': LEADS_WITH_APPOINTMENTS,
      'panopticon.config.json': JSON.stringify({ pipeline: { stages: [{ name: 'New', category: 'open' }], warnAfterDay: 3 } }),
    });
    const r = await runMain(d, 'kpis', '--leads', 'leads.csv');
    expect(r.stderr).toContain('pipeline.warnAfterDay: unknown key (did you mean "warnAfterDays"?)');
    expect(r.code).toBe(2);
  });

  it('columns.json: an unknown column gets a suggestion, a header that is not text names its key (never "trim is not a function")', async () => {
    const d = folder({
      'leads.csv': LEADS_WITH_APPOINTMENTS,
      'columns.json': JSON.stringify({ leads: { appointment_tim: 'Appt', lead_id: 5 }, leadz: {} }),
    });
    const r = await runMain(d, 'check', '--leads', 'leads.csv', '--columns', 'columns.json');
    expect(r.stderr).toContain('leads.appointment_tim: unknown key (did you mean "appointment_time"?)');
    expect(r.stderr).toContain('leadz: unknown key (did you mean "leads"?)');
    expect(r.stderr).toContain('leads.lead_id: expected the header as text');
    expect(r.stderr).not.toContain('is not a function');
    expect(r.code).toBe(2);
  });

  it('a UTF-8 byte-order mark is accepted in pipeline.json, columns.json and panopticon.config.json', async () => {
    const bom = '\uFEFF';
    const d = folder({
      'export.csv': LEADS_WITH_APPOINTMENTS.replace('appointment_time', 'Appt'),
      'pipeline.json':
        bom +
        JSON.stringify({
          stages: [
            { name: 'Appointment Set', category: 'open' },
            { name: 'New', category: 'open' },
          ],
        }),
      'columns.json': bom + JSON.stringify({ leads: { appointment_time: 'Appt' } }),
      'panopticon.config.json': bom + JSON.stringify({ timeZone: 'UTC', files: { leads: 'export.csv', columns: 'columns.json' } }),
    });
    const r = await runMain(d, 'kpis', '--pipeline', 'pipeline.json', '--as-of', '2026-10-31', '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).followUp.appointed).toBe(1);
  });

  it('a config value out of range is a usage error naming the key', async () => {
    const d = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS, 'panopticon.config.json': JSON.stringify({ slaMinutes: 1e9 }) });
    const r = await runMain(d, 'kpis', '--leads', 'leads.csv');
    expect(r.stderr).toContain('slaMinutes: must be at most 43200 minutes');
    expect(r.code).toBe(2);
  });
});

describe('the built command', () => {
  it('prints no stack trace for an expected failure, and documented exit codes', () => {
    const missing = runBuilt(dir, 'heatmap', '--leads', 'leads.csv', '--owners', 'nope.csv');
    expect(missing.code).toBe(3);
    expect(missing.stderr.trim()).toBe(`Cannot read the owners file nope.csv: no such file (${join(dir, 'nope.csv')}).`);
    const usage = runBuilt(dir, 'kpis', '--bogus');
    expect(usage.code).toBe(2);
    expectPlain(usage);
  });

  it('exits quietly when the reader of its output goes away (EPIPE)', () => {
    // Enough output to fill the pipe: a check listing 20,000 issues as CSV, read by a reader that stops at once.
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},Lead ${i},2026-01-01 09:00,TBD,,New`);
    writeFileSync(join(dir, 'many.csv'), `lead_id,name,received_time,first_contact_time,appointment_time,stage\n${rows.join('\n')}\n`);
    const script =
      '"$NODE" "$BIN" check --leads many.csv --tz UTC --format csv --issue-examples 100000 2>err.txt | head -c 10 >/dev/null; ' +
      'echo "status ${PIPESTATUS[0]}"; cat err.txt';
    const r = spawnSync('/bin/bash', ['-c', script], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE: process.execPath, BIN } });
    // Quiet: nothing on stderr (no EPIPE trace); 0 when the pipe closed first, 1 (issues found) otherwise.
    expect(r.stdout).toMatch(/^status [01]\n$/);
  });
});
