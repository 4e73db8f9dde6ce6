/**
 * What the commands print and write: "cannot judge" where the data cannot answer (never a 0 or an empty
 * list), bounded issue lists that say how many were left out, CSV that a spreadsheet cannot run, and
 * outputs that never overwrite an input, never appear half written and never interleave.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, folder, LEADS_WITH_APPOINTMENTS, runMain } from './fixtures/cli-run.js';

const NO_APPOINTMENT_COLUMN =
  'lead_id,name,received_time,first_contact_time,stage\n1,Ana,2026-08-01 09:00,2026-08-01 09:20,Appointment Set\n';
const EMPTY_APPOINTMENTS =
  'lead_id,received_time,first_contact_time,appointment_time\n1,2026-08-01 09:00,2026-08-01 09:20,\n2,2026-08-02 09:00,,TBD\n';
const NO_CONTACT_COLUMN = 'lead_id,received_time,appointment_time,stage\n1,2026-08-01 09:00,2026-09-01 10:00,Appointment Set\n';
const asOf = ['--tz', 'America/New_York', '--as-of', '2026-10-31'];

describe('never a false all-clear', () => {
  const dir = folder({ 'none.csv': NO_APPOINTMENT_COLUMN, 'empty.csv': EMPTY_APPOINTMENTS, 'nocontact.csv': NO_CONTACT_COLUMN });

  it('kpis prints the follow-up figures as "cannot judge" and exits 1 with the reason', async () => {
    const r = await runMain(dir, 'kpis', '--leads', 'none.csv', ...asOf, '--format', 'json');
    expect(r.code).toBe(1);
    const kpis = JSON.parse(r.stdout);
    expect(kpis.followUp.leads).toBe(1);
    for (const key of ['appointed', 'needsAttention', 'stale', 'conversionRatio']) expect(kpis.followUp[key], key).toBe('cannot judge');
    expect(kpis.response.withinSlaRatio).toBe(1); // the response question can be judged
    expect(r.stderr).toContain('follow-up cannot be judged: none.csv has no appointment_time column, so no lead counts as appointed');
    expect(r.stderr).toContain('--columns');
    const table = await runMain(dir, 'kpis', '--leads', 'none.csv', ...asOf);
    expect(table.stdout).toMatch(/followUp\.needsAttention\s+cannot judge/);
    expect(table.code).toBe(1);
  });

  it('a column whose every value is empty or unreadable cannot be judged either', async () => {
    const r = await runMain(dir, 'kpis', '--leads', 'empty.csv', ...asOf, '--format', 'json', '-q');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).followUp.appointed).toBe('cannot judge');
    expect(r.stderr).toContain('every appointment_time value in empty.csv is empty or unreadable');
  });

  it('without a first-contact column the response figures cannot be judged', async () => {
    const r = await runMain(dir, 'kpis', '--leads', 'nocontact.csv', ...asOf, '--format', 'json');
    const kpis = JSON.parse(r.stdout);
    expect(kpis.response.withinSlaRatio).toBe('cannot judge');
    expect(kpis.response.total).toBe(1);
    expect(kpis.followUp.appointed).toBe(1);
    expect(r.stderr).toContain('response time cannot be judged');
    expect(r.code).toBe(1);
  });

  it('heatmap exits 1 with the reason instead of a grid of 0 %', async () => {
    const d = folder({ 'never.csv': 'lead_id,received_time,first_contact_time\n1,2026-08-01 09:00,\n2,2026-08-02 09:00,\n' });
    const r = await runMain(d, 'heatmap', '--leads', 'never.csv', '--tz', 'UTC', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('panopticon heatmap: response time cannot be judged');
  });

  it('attention exits 1 with the reason instead of an empty list', async () => {
    const r = await runMain(dir, 'attention', '--leads', 'none.csv', ...asOf);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('panopticon attention: follow-up cannot be judged');
  });

  it('check reports it as an error-level finding naming the question and the fix', async () => {
    const r = await runMain(dir, 'check', '--leads', 'none.csv', '--tz', 'UTC');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error: none.csv, field appointment_time: follow-up cannot be judged');
    const json = JSON.parse((await runMain(dir, 'check', '--leads', 'none.csv', '--tz', 'UTC', '--format', 'json')).stdout);
    expect(json.cannotJudge).toMatchObject([{ question: 'follow-up', cause: 'no-column', field: 'appointment_time', file: 'none.csv' }]);
    expect(json.issues[0]).toMatchObject({ severity: 'error', code: 'cannot-judge', field: 'appointment_time' });
  });

  it('the page shows a cannot-judge panel in place of the all-clear', async () => {
    const r = await runMain(dir, 'report', '--leads', 'none.csv', ...asOf, '--out', 'page.html', '-q');
    expect(r.code).toBe(1);
    const page = readFileSync(join(dir, 'page.html'), 'utf8');
    expect(page).toContain('Cannot judge: follow-up');
    expect(page).toContain('appointments: cannot judge');
    expect(page).toContain('data-kpi="followUp.stale" data-value="cannot judge"');
    expect(page).not.toContain('Every appointed lead has moved on time');
    expect(page).not.toContain('Nothing needs attention');
  });

  it('data that can be judged is judged as before', async () => {
    const d = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
    const r = await runMain(d, 'attention', '--leads', 'leads.csv', ...asOf, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).rows.map((row: { leadId: string }) => row.leadId)).toEqual(['1']);
  });
});

describe('issues are bounded: counted by code, the first N kept as examples', () => {
  // Every row kept, each with one warning: an unreadable assigned_time.
  const rows = Array.from({ length: 250 }, (_, i) => `${i},2026-01-0${(i % 9) + 1} 09:00,2026-01-10 09:00,2026-02-01 10:00,bad ${i}`);
  const dir = folder({
    'bad.csv': `lead_id,received_time,first_contact_time,appointment_time,assigned_time\n${rows.join('\n')}\n`,
  });

  it('check --format json lists 100 of each code by default and says how many were left out', async () => {
    const r = await runMain(dir, 'check', '--leads', 'bad.csv', '--tz', 'UTC', '--format', 'json');
    const json = JSON.parse(r.stdout);
    expect(json.issues).toHaveLength(100);
    expect(json.issueSummary).toMatchObject({ found: 250, omitted: 150, examplesPerCode: 100 });
    expect(json.issueSummary.byCode['unparseable-timestamp']).toEqual({ found: 250, omitted: 150 });
    expect(json.stats).toMatchObject({ rows: 250, accepted: 250, rejected: 0 });
  });

  it('--issue-examples and the config key issueExamples set N; the table says what was left out', async () => {
    const flag = await runMain(dir, 'check', '--leads', 'bad.csv', '--tz', 'UTC', '--issue-examples', '3');
    expect(flag.stdout).toContain('250 issues:');
    expect(flag.stdout).toContain('… and 247 more not listed (247 unparseable-timestamp; the first 3 of each kind are listed');
    writeFileSync(join(dir, 'panopticon.config.json'), JSON.stringify({ issueExamples: 7 }));
    const config = JSON.parse((await runMain(dir, 'check', '--leads', 'bad.csv', '--tz', 'UTC', '--format', 'json')).stdout);
    unlinkSync(join(dir, 'panopticon.config.json'));
    expect(config.issues).toHaveLength(7);
    expect(config.issueSummary.omitted).toBe(243);
  });

  it('stderr counts every issue, not only those kept', async () => {
    const r = await runMain(dir, 'kpis', '--leads', 'bad.csv', '--tz', 'UTC', '--as-of', '2026-03-01', '--issue-examples', '2');
    expect(r.stderr).toContain('0 errors, 250 warnings');
    expect(r.stderr).toContain('… and 230 more');
  });
});

describe('CSV written by Panopticon', () => {
  it('escapes formula-leading cells and writes instants in the zone with their offset', async () => {
    const hostile = [
      ['1', '=HYPERLINK(""http://x"",""click"")'],
      ['2', '+cmd'],
      ['3', '-2+3'],
      ['4', '@SUM(A1)'],
    ];
    const leads =
      'lead_id,name,received_time,first_contact_time,appointment_time,stage,locator\n' +
      hostile.map(([id, name]) => `${id},"${name}",2026-08-01 09:00,2026-08-01 09:20,2026-09-01 10:00,Appointment Set,=Rep`).join('\n');
    const dir = folder({ 'leads.csv': `${leads}\n` });
    const r = await runMain(dir, 'attention', '--leads', 'leads.csv', ...asOf, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"",""click"")"`);
    expect(r.stdout).toContain(",'+cmd,'=Rep,");
    expect(r.stdout).toContain(",'-2+3,");
    expect(r.stdout).toContain(",'@SUM(A1),");
    // 10:00 in New York on 2026-09-01 (EDT), as the page shows it, not 14:00Z.
    expect(r.stdout).toContain(',2026-09-01T10:00:00-04:00,');
    const kpis = await runMain(dir, 'kpis', '--leads', 'leads.csv', ...asOf, '--format', 'csv');
    expect(kpis.stdout).toContain('asOf,2026-10-31T23:59:59.999-04:00');
  });
});

describe('outputs', () => {
  it('refuses to write the page over an input, whatever the path looks like', async () => {
    const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
    for (const out of ['leads.csv', './leads.csv', join(dir, 'leads.csv')]) {
      const r = await runMain(dir, 'report', '--leads', 'leads.csv', ...asOf, '-o', out);
      expect(r.stderr).toContain('is an input of this command');
      expect(r.code).toBe(2);
    }
    expect(readFileSync(join(dir, 'leads.csv'), 'utf8')).toBe(LEADS_WITH_APPOINTMENTS);
  });

  it('writes through a temporary file: nothing but the page is left in the folder', async () => {
    const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
    const r = await runMain(dir, 'report', '--leads', 'leads.csv', ...asOf, '-o', 'page.html');
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['leads.csv', 'page.html']);
  });

  it('a missing output folder is an error naming it', async () => {
    const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
    const r = await runMain(dir, 'report', '--leads', 'leads.csv', ...asOf, '-o', 'no/such/page.html');
    expect(r.stderr).toContain(`does the folder ${join(dir, 'no/such')} exist?`);
    expect(r.code).toBe(3);
  });

  it('a second report to the same path waits for the lock held by the first', async () => {
    const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
    const lock = join(dir, 'page.html.lock');
    writeFileSync(lock, String(process.pid)); // a live process holds it
    const child = spawn(process.execPath, [BIN, 'report', '--leads', 'leads.csv', ...asOf, '-o', 'page.html'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (d) => void (stderr += d));
    const done = new Promise<number | null>((resolve) => child.on('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(existsSync(join(dir, 'page.html'))).toBe(false); // still waiting
    unlinkSync(lock);
    expect(await done).toBe(0);
    expect(stderr).toBe('');
    expect(readFileSync(join(dir, 'page.html'), 'utf8')).toContain('</html>');
    expect(existsSync(lock)).toBe(false);
  });
});

describe('the bundled sample', () => {
  it('prints one note about its deliberate warnings, no warning the user cannot act on', async () => {
    const r = await runMain(folder(), 'kpis', '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'data quality: the sample data has 6 deliberate warnings (one of each kind a real export shows); ' +
        'panopticon check lists them, docs/data-quality.md explains them.\n',
    );
    const check = await runMain(folder(), 'check', '--format', 'json');
    expect(
      JSON.parse(check.stdout)
        .issues.map((i: { code: string }) => i.code)
        .sort(),
    ).toEqual([
      'contact-before-created',
      'history-before-created',
      'missing-stage',
      'unknown-stage',
      'unknown-stage',
      'unparseable-timestamp',
    ]);
  });
});
