import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnBuilt } from './fixtures/built-cli.js';

// These tests run the built command as a user does: `npm test` builds the packages first.
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-cli-'));

const run = (...args: string[]) => spawnBuilt(args);

function file(name: string, text: string): string {
  const path = join(tmp, name);
  writeFileSync(path, text);
  return path;
}

describe('panopticon (built, as a process)', () => {
  it.each(['kpis', 'attention', 'heatmap', 'check'])('%s --help prints usage and exits 0', (command) => {
    const r = run(command, '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: panopticon ${command}`);
    expect(r.stdout).toContain('--leads');
  });

  it('prints the command list without arguments and exits 2', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('Commands:');
  });

  it('rejects an unknown flag with exit 2, naming the flag', () => {
    const r = run('kpis', '--bogus');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bogus');
  });

  it('kpis on the sample data: JSON on stdout, warnings on stderr', () => {
    const r = run('kpis', '--format', 'json');
    expect(r.code).toBe(0);
    const kpis = JSON.parse(r.stdout);
    expect(kpis.timeZone).toBe('America/New_York');
    expect(kpis.asOf).toBe('2026-11-01T03:59:59.999Z'); // end of 2026-10-31 in New York (EDT)
    expect(kpis.followUp.appointed).toBeGreaterThan(150);
    for (const key of ['stale', 'atRisk', 'awaiting', 'upcoming', 'progressed', 'won', 'lost', 'stuckInGreen', 'stalled']) {
      expect(kpis.followUp[key], key).toBeGreaterThan(0);
    }
    expect(kpis.response.withinSlaRatio).toBeGreaterThan(0);
    expect(kpis.response.withinSlaRatio).toBeLessThanOrEqual(1);
    expect(kpis.response).not.toHaveProperty('pctWithinSla');
    expect(kpis.followUp).not.toHaveProperty('conversionRate');
    expect(r.stderr).toContain('data quality');
  });

  it('kpis prints each rate the same way in the table and the CSV: a percentage with one decimal of the JSON ratio', () => {
    const json = JSON.parse(run('kpis', '--format', 'json', '-q').stdout);
    const percent = (ratio: number) => (ratio * 100).toFixed(1);
    const csv = run('kpis', '--format', 'csv', '-q').stdout;
    expect(csv).toContain(`\nfollowUp.conversionPercent,${percent(json.followUp.conversionRatio)}\n`);
    expect(csv).toContain(`\nresponse.withinSlaPercent,${percent(json.response.withinSlaRatio)}\n`);
    expect(csv).not.toMatch(/Ratio,|conversionRate|pctWithinSla/);
    const table = run('kpis', '-q').stdout;
    expect(table).toMatch(new RegExp(`followUp\\.conversionPercent +${percent(json.followUp.conversionRatio).replace('.', '\\.')}\n`));
    expect(table).toMatch(new RegExp(`response\\.withinSlaPercent +${percent(json.response.withinSlaRatio).replace('.', '\\.')}\n`));
  });

  it('attention on the sample data: rows carry the documented fields, most severe first', () => {
    const r = run('attention', '--format', 'json');
    expect(r.code).toBe(0);
    const { rows } = JSON.parse(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    const rank = { stale: 0, 'stuck-in-green': 1, stalled: 2, 'at-risk': 3 } as Record<string, number>;
    for (const row of rows) {
      for (const key of ['leadId', 'locator', 'stage', 'appointmentAt', 'status', 'reason', 'days']) expect(row).toHaveProperty(key);
    }
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(rank[a.reason]! < rank[b.reason]! || (a.reason === b.reason && a.days >= b.days)).toBe(true);
    }
    expect(new Set(rows.map((r: { leadId: string }) => r.leadId)).size).toBe(rows.length);
  });

  it('heatmap reads a plain response-time export as is (extra columns ignored, blank = never contacted)', () => {
    const leads = file(
      'export.csv',
      'lead_id,received_time,first_contact_time,rep,notes\n' +
        '1,2025-03-03 09:15:00,2025-03-03 09:45:00,Ana,"called, left message"\n' + // Monday 09:00 slot, 30 min
        '2,2025-03-03 09:29:59,2025-03-03 11:00:00,Ana,\n' + // Monday 09:00, 90 min
        '3,2025-03-03 09:30:00,,Ben,never\n' + // Monday 09:30, never contacted
        '4,2025-03-09 23:59:00,2025-03-10 00:10:00,Ben,\n', // Sunday 23:30, 11 min
    );
    const r = run('heatmap', '--leads', leads, '--tz', 'UTC', '--format', 'json');
    // Nothing wrong; two notes say how the file was read.
    expect(r.stderr).toContain('0 errors, 0 warnings, 2 notes on how the files were read');
    expect(r.stderr).toContain('read "rep" as locator');
    expect(r.stderr).toContain('1 column not read: "notes"');
    expect(r.code).toBe(0);
    const { cells } = JSON.parse(r.stdout);
    const pick = (c: Record<string, unknown>) => ({
      day: c.day,
      slot: c.slot,
      total: c.total,
      withinSla: c.withinSla,
      withinSlaRatio: c.withinSlaRatio,
    });
    expect(cells.map(pick)).toEqual([
      { day: 'Monday', slot: '09:00', total: 2, withinSla: 1, withinSlaRatio: 0.5 },
      { day: 'Monday', slot: '09:30', total: 1, withinSla: 0, withinSlaRatio: 0 },
      { day: 'Sunday', slot: '23:30', total: 1, withinSla: 1, withinSlaRatio: 1 },
    ]);
    // The CSV and the table print the same rates as a percentage with one decimal.
    const csv = run('heatmap', '--leads', leads, '--tz', 'UTC', '--format', 'csv', '-q').stdout.split('\n');
    expect(csv[0]).toBe('day,slot,total,contacted,withinSla,withinSlaPercent,neverContacted,invalid,medianMinutes,p90Minutes');
    expect(csv.slice(1, 4).map((l) => l.split(',')[5])).toEqual(['50.0', '0.0', '100.0']);
    expect(run('heatmap', '--leads', leads, '--tz', 'UTC', '-q').stdout).toContain('50.0 % (2)');
  });

  it('heatmap slot lengths naive timestamps in --tz', () => {
    const leads = file('tz.csv', 'lead_id,received_time,first_contact_time\n1,2025-03-03 09:15:00,2025-03-03 09:20:00\n');
    const kolkata = JSON.parse(run('heatmap', '--leads', leads, '--tz', 'Asia/Kolkata', '--format', 'json').stdout);
    expect(kolkata.cells[0]).toMatchObject({ day: 'Monday', slot: '09:00' });
    const offset = file('offset.csv', 'lead_id,received_time,first_contact_time\n1,2025-03-03T09:15:00Z,2025-03-03T09:20:00Z\n');
    const shifted = JSON.parse(run('heatmap', '--leads', offset, '--tz', 'Asia/Kolkata', '--format', 'json').stdout);
    expect(shifted.cells[0]).toMatchObject({ day: 'Monday', slot: '14:30' });
  });

  it('rejects a slot length that does not divide the day', () => {
    const r = run('heatmap', '--slot', '7');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('7');
  });

  it('exits 3 naming the file when it cannot be read', () => {
    const missing = join(tmp, 'no-such-file.csv');
    const r = run('kpis', '--leads', missing);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('no-such-file.csv');
  });

  it('under --strict, a row error exits 1 naming file, line and field', () => {
    const leads = file('bad.csv', 'lead_id,received_time,first_contact_time\n1,2025-03-03 09:15:00,\n2,not a time,\n');
    const r = run('heatmap', '--leads', leads, '--tz', 'UTC', '--strict');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('bad.csv');
    expect(r.stderr).toContain('line 3');
    expect(r.stderr).toContain('received_time');
    expect(r.stdout).toBe('');
  });

  it('without --strict, a bad row is reported on stderr and the rest is computed', () => {
    const leads = file('bad2.csv', 'lead_id,received_time,first_contact_time\n1,2025-03-03 09:15:00,2025-03-03 09:20:00\n2,not a time,\n');
    const r = run('heatmap', '--leads', leads, '--tz', 'UTC', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).leads).toBe(1);
    expect(r.stderr).toContain('line 3');
  });

  it('check lists the issues of the sample data on stdout, with zero rejected rows', () => {
    const r = run('check', '--format', 'json');
    expect(r.code).toBe(0);
    const { stats, issues } = JSON.parse(r.stdout);
    expect(stats.rows).toBe(stats.accepted + stats.rejected);
    expect(stats.rejected).toBe(0);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i: { severity: string }) => i.severity === 'warning')).toBe(true);
  });

  it('--as-of as a date means the end of that day in --tz', () => {
    const r = run('attention', '--as-of', '2026-09-30', '--tz', 'Asia/Kathmandu', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).asOf).toBe('2026-09-30T18:14:59.999Z');
  });

  it('heatmap and kpis are as of --as-of: later arrivals are left out, later first contacts are not contacts yet', () => {
    const leads = file(
      'as-of.csv',
      [
        'lead_id,received_time,first_contact_time',
        '1,2026-03-02 09:00:00,2026-03-02 09:10:00', // answered before the as-of date
        '2,2026-03-02 09:05:00,2026-03-04 10:00:00', // answered after it: still waiting then
        '3,2026-03-05 09:00:00,2026-03-05 09:01:00', // arrived after it
        '',
      ].join('\n'),
    );
    const heatmap = (...extra: string[]) =>
      JSON.parse(run('heatmap', '--leads', leads, '--tz', 'UTC', '--format', 'json', ...extra).stdout);
    const past = heatmap('--as-of', '2026-03-03');
    expect(past.leads).toBe(2);
    expect(past.cells).toEqual([
      expect.objectContaining({ day: 'Monday', slot: '09:00', total: 2, contacted: 1, withinSla: 1, neverContacted: 1 }),
    ]);
    const today = heatmap('--as-of', '2026-03-31');
    expect(today.leads).toBe(3);
    expect(today.cells.reduce((n: number, c: { neverContacted: number }) => n + c.neverContacted, 0)).toBe(0);

    const kpis = JSON.parse(run('kpis', '--leads', leads, '--tz', 'UTC', '--format', 'json', '--as-of', '2026-03-03').stdout);
    expect(kpis.response).toMatchObject({ total: 2, contacted: 1, withinSla: 1, withinSlaRatio: 0.5 });
  });
});
