/**
 * The commands that print what the dashboard's panels download (pipeline, green-to-delivery, appointments,
 * scorecard, heatmap --demand / --compare, attention --resolved): rates as ratios named so in JSON and as
 * percentages with one decimal in CSV, "cannot judge" (exit 1) where the data cannot answer, and usage errors
 * (exit 2) naming the flag. Their equality with the page's downloads: dashboard-panel-downloads.browser.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { folder, LEADS_WITH_APPOINTMENTS, runMain } from './fixtures/cli-run.js';

const asOf = ['--tz', 'America/New_York', '--as-of', '2026-10-31'];
const NO_APPOINTMENT_COLUMN =
  'lead_id,name,received_time,first_contact_time,stage\n1,Ana,2026-08-01 09:00,2026-08-01 09:20,Appointment Set\n';
const NO_CONTACT_COLUMN = 'lead_id,received_time,appointment_time,stage\n1,2026-08-01 09:00,2026-09-01 10:00,Appointment Set\n';

describe('rates: ratios in JSON, percent with one decimal in CSV', () => {
  it('scorecard: conversionRatio in JSON, conversionPercent in CSV, the same figure', async () => {
    const dir = folder();
    const json = JSON.parse((await runMain(dir, 'scorecard', '--quiet', '--format', 'json')).stdout) as {
      rows: { locator: string; conversionRatio: number | null }[];
    };
    const csv = (await runMain(dir, 'scorecard', '--quiet', '--format', 'csv')).stdout.trim().split('\n');
    const header = csv[0]!.split(',');
    const column = header.indexOf('conversionPercent');
    expect(column).toBeGreaterThan(0);
    const rated = json.rows.filter((r) => r.conversionRatio !== null);
    expect(rated.length).toBeGreaterThan(1);
    rated.forEach((r) => {
      const line = csv.find((l) => l.startsWith(`${r.locator},`))!;
      expect(line.split(',')[column]).toBe((r.conversionRatio! * 100).toFixed(1));
    });
  });

  it('heatmap --compare: each period’s withinSlaRatio in JSON, …WithinSlaPercent in CSV', async () => {
    const dir = folder();
    const json = JSON.parse((await runMain(dir, 'heatmap', '--compare', '--quiet', '--format', 'json')).stdout) as {
      periodA: { from: string; to: string };
      cells: { day: string; slot: string; current: { total: number; withinSla: number; withinSlaRatio: number | null } }[];
    };
    expect(json.periodA).toEqual({ from: '2026-10-04', to: '2026-10-31' });
    const csv = (await runMain(dir, 'heatmap', '--compare', '--quiet', '--format', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toBe(
      'day,slot,currentTotal,currentWithinSla,currentWithinSlaPercent,previousTotal,previousWithinSla,previousWithinSlaPercent,deltaTotal',
    );
    const withLeads = json.cells.filter((c) => c.current.total > 0);
    expect(withLeads.length).toBeGreaterThan(5);
    for (const c of withLeads) {
      expect(c.current.withinSlaRatio).toBe(c.current.withinSla / c.current.total);
      const line = csv.find((l) => l.startsWith(`${c.day},${c.slot},`))!.split(',');
      expect(line[4]).toBe((c.current.withinSlaRatio! * 100).toFixed(1));
    }
  });
});

describe('never a false all-clear', () => {
  const dir = folder({ 'none.csv': NO_APPOINTMENT_COLUMN, 'nocontact.csv': NO_CONTACT_COLUMN });

  it.each(['appointments', 'scorecard', 'attention --resolved'])(
    '%s exits 1 with the reason when the leads have no appointment column',
    async (command) => {
      const r = await runMain(dir, ...command.split(' '), '--leads', 'none.csv', ...asOf, '--quiet', '--format', 'csv');
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('none.csv has no appointment_time column');
    },
  );

  it('heatmap --compare exits 1 when there is no first-contact column (every slot would read 0 %)', async () => {
    const r = await runMain(dir, 'heatmap', '--compare', '--leads', 'nocontact.csv', ...asOf, '--quiet');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('first_contact_time');
  });
});

describe('usage errors name the flag (exit 2)', () => {
  const dir = folder({ 'leads.csv': LEADS_WITH_APPOINTMENTS });
  it.each([
    [['heatmap', '--compare', '--period-a', '2026-10-01'], '--period-a must be two dates FROM..TO'],
    [
      ['heatmap', '--compare', '--period-b', '2026-10-09..2026-10-01'],
      '--period-b must be two dates FROM..TO, the first not after the second',
    ],
    [['heatmap', '--period-a', '2026-10-01..2026-10-09'], 'add --compare'],
    [['heatmap', '--compare-weeks', '2'], "--compare-weeks is the length of --compare's default periods; add --compare"],
    [['heatmap', '--compare', '--from', '2026-10-01'], 'leave out --from and --to'],
    [['heatmap', '--demand', '--compare'], 'give --demand or --compare, not both'],
    [['heatmap', '--demand', '--engine', 'duckdb'], 'leave out --engine duckdb'],
    [['heatmap', '--demand', '--leads', 'leads.csv'], 'no staff schedule'],
    [['attention', '--since', '2026-10-01'], '--since is the earlier list of --resolved'],
    [['attention', '--resolved', '--by', 'locator'], 'give --resolved or --by, not both'],
    [['appointments', '--range', 'year'], '--range must be today, week, month or all, got "year"'],
  ])('%j', async (args, message) => {
    const r = await runMain(dir, ...args, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('appointments: the range', () => {
  it('defaults to the as-of week; --range all, --from and --to select others, in date order', async () => {
    const dir = folder();
    const rows = async (...args: string[]) =>
      JSON.parse((await runMain(dir, 'appointments', '--quiet', '--format', 'json', ...args)).stdout) as {
        from: string | null;
        to: string | null;
        rows: { date: string; time: string }[];
      };
    const week = await rows();
    expect([week.from, week.to]).toEqual(['2026-10-26', '2026-11-01']);
    const all = await rows('--range', 'all');
    expect([all.from, all.to]).toEqual([null, null]);
    const keys = all.rows.map((r) => `${r.date} ${r.time}`);
    expect(keys).toEqual([...keys].sort());
    expect(week.rows).toEqual(all.rows.filter((r) => r.date >= '2026-10-26' && r.date <= '2026-11-01'));
    const october = await rows('--from', '2026-10-01', '--to', '2026-10-31');
    expect(october.rows.length).toBeGreaterThan(week.rows.length);
    expect(october.rows).toEqual(all.rows.filter((r) => r.date >= '2026-10-01' && r.date <= '2026-10-31'));
  });
});
