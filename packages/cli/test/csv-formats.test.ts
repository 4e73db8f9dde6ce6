import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBuilt } from './fixtures/cli-run.js';

// --delimiter, --encoding and --date-format (and their config keys) on the real-shaped exports of
// packages/core/test/fixtures/exports, run as a user does: the built command.
const exportFile = (name: string) => fileURLToPath(new URL(`../../core/test/fixtures/exports/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-formats-'));

const run = (...args: string[]) => runBuilt(process.cwd(), ...args);
interface Issue {
  severity: string;
  code: string;
  field?: string;
  message: string;
}
const check = (...args: string[]) => {
  const r = run('check', '--format', 'json', ...args);
  return {
    ...r,
    report: r.code === 0 || r.code === 1 ? (JSON.parse(r.stdout) as { stats: { accepted: number }; issues: Issue[] }) : undefined,
  };
};

// None of these exports has an appointment column: check names that as its one error (follow-up cannot be
// judged) and exits 1, never an all-clear; everything else it reads.
function expectOnlyFollowUpUnjudged(r: ReturnType<typeof check>, questions = ['follow-up']) {
  expect(r.code).toBe(1);
  const errors = r.report!.issues.filter((i) => i.severity === 'error');
  expect(errors.map((i) => i.code)).toEqual(questions.map(() => 'cannot-judge'));
  for (const [i, q] of questions.entries()) expect(errors[i]!.message).toContain(`${q} cannot be judged`);
}

describe('reading real exports from the command line', () => {
  it('check reads a Windows-1252 Salesforce export with US dates and says how', () => {
    const result = check('--leads', exportFile('salesforce-leads-cp1252.csv'), '--tz', 'America/New_York');
    const { report } = result;
    expectOnlyFollowUpUnjudged(result);
    expect(report!.stats.accepted).toBe(3);
    const codes = report!.issues.map((i) => [i.severity, i.code, i.field]);
    expect(codes).toContainEqual(['info', 'encoding-detected', undefined]);
    expect(codes).toContainEqual(['info', 'column-read-as', 'Lead Owner']);
    expect(codes).toContainEqual(['info', 'date-format', 'Created Date']);
    // Its stages are not in the default pipeline: warnings, once per stage; nothing else.
    expect(new Set(report!.issues.filter((i) => i.severity === 'warning').map((i) => i.code))).toEqual(new Set(['unknown-stage']));
  });

  it('--date-format decides an ambiguous column; the config key does the same', () => {
    const leads = exportFile('eu-ambiguous-dates.csv');
    const flag = run(
      'attention',
      '--leads',
      leads,
      '--tz',
      'UTC',
      '--date-format',
      'DD/MM/YYYY',
      '--as-of',
      '2025-12-31',
      '--format',
      'json',
    );
    expect(flag.code).toBe(1);
    expect(flag.stderr).toContain('follow-up cannot be judged');
    expect(flag.stderr).toContain('notes on how the files were read');
    const config = join(tmp, 'panopticon.config.json');
    writeFileSync(config, JSON.stringify({ timeZone: 'UTC', files: { leads }, dateFormat: 'DD/MM/YYYY' }));
    const result = check('--config', config);
    const { report } = result;
    expectOnlyFollowUpUnjudged(result);
    expect(report!.issues.find((i) => i.code === 'date-format' && i.field === 'received_time')!.message).toContain(
      'DD/MM/YYYY (day first): as the date format setting (--date-format DD/MM/YYYY) says',
    );
  });

  it('reads a Zoho report export whose dates name the month, with no option, at the wall time in --tz', () => {
    const leads = join(tmp, 'zoho-report.csv');
    writeFileSync(
      leads,
      'Record Id,Lead Name,Lead Owner,Lead Status,Created Time,First Contact Time\n1001,A,Ann,New,"Jun 04, 2026 04:03 PM","Jun 04, 2026 05:10 PM"\n',
    );
    const result = check('--leads', leads, '--tz', 'America/Chicago');
    expectOnlyFollowUpUnjudged(result);
    expect(result.report!.stats.accepted).toBe(1);
    expect(result.report!.issues.find((i) => i.code === 'date-format' && i.field === 'Created Time')!.message).toBe(
      'Created Time is read as dates with English month names (Jun 4, 2026 or 4-Jun-2026): its values name the month (e.g. "Jun 04, 2026 04:03 PM").',
    );
    // Received Thursday 4 June 16:03 in Chicago (not UTC: that would be 11:03), first contact 67 minutes later.
    const heatmap = run('heatmap', '--leads', leads, '--tz', 'America/Chicago', '--as-of', '2026-06-30', '--format', 'json', '--quiet');
    const cells = (JSON.parse(heatmap.stdout) as { cells: { day: string; slot: string; total: number; medianMinutes: number }[] }).cells;
    expect(cells.map((c) => [c.day, c.slot, c.total, c.medianMinutes])).toEqual([['Thursday', '16:00', 1, 67]]);
  });

  it('--delimiter forces the separator (by name), and heatmap reads a semicolon export', () => {
    const leads = exportFile('pipedrive-deals-semicolon.csv');
    const forced = check('--leads', leads, '--tz', 'Europe/Berlin', '--delimiter', 'semicolon');
    // A Pipedrive deals export has no first-contact column either.
    expectOnlyFollowUpUnjudged(forced, ['follow-up', 'response time']);
    expect(forced.report!.stats.accepted).toBe(2);
    expect(forced.report!.issues.map((i) => i.code)).not.toContain('delimiter-detected');
    const heatmap = run('heatmap', '--leads', leads, '--tz', 'Europe/Berlin', '--as-of', '2025-12-31', '--format', 'json');
    expect(heatmap.code).toBe(1);
    expect(heatmap.stderr).toContain('response time cannot be judged: every first_contact_time value');
  });

  it("--encoding utf-16le reads Excel's Unicode text; a wrong delimiter or encoding name is a usage error naming the flag", () => {
    const utf16 = check('--leads', exportFile('hubspot-contacts-utf16le.txt'), '--tz', 'America/New_York', '--encoding', 'utf-16le');
    expectOnlyFollowUpUnjudged(utf16);
    expect(utf16.report!.stats.accepted).toBe(2);
    const encoding = run('check', '--encoding', 'ebcdic');
    expect(encoding.code).toBe(2);
    expect(encoding.stderr).toContain('--encoding must be');
    const delimiter = run('check', '--delimiter', '::');
    expect(delimiter.code).toBe(2);
    expect(delimiter.stderr).toContain('--delimiter must be one character');
    const format = run('check', '--date-format', 'D/M/Y');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--date-format must be');
  });
});
