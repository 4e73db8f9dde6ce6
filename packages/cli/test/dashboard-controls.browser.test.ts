/**
 * The dashboard's analysis controls in a real browser (Debian's Chromium driven by playwright-core, as the
 * other dashboard browser tests): each control's recompute in the page equals the answer of the built
 * `panopticon` for the same options (heatmap by its CSV, the period comparison by `heatmap --from --to`, the
 * SLA summary by `kpis --sla`, the team by `attention`), and the controls live in the URL hash. Never
 * skipped: without Chromium it fails, saying how to install it.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardBrowser, settled } from './browser-page.js';
import { runCli } from './fixtures/dashboard-cli.js';
import { pageStartData } from './fixtures/page-data-block.js';
import { calendarBusyDays, writeTeamPage } from './fixtures/team-page.js';

const { tmp, open } = dashboardBrowser('panopticon-controls-');
const samplePage = join(tmp, 'sample.html');

/** The heatmap's "Download CSV" as saved. */
async function heatmapCsv(page: Page): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="heatmap"]')]);
  return readFileSync((await saved.path())!, 'utf8');
}

/** Sets a control by its visible label and lets its change event run. */
async function setControl(page: Page, label: string, value: string): Promise<void> {
  const control = page.getByLabel(label, { exact: true });
  if ((await control.evaluate((e) => e.tagName)) === 'SELECT') await control.selectOption(value);
  else {
    await control.fill(value);
    await control.dispatchEvent('change');
  }
  await settled(page);
}

beforeAll(async () => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
});

describe('the analysis controls', () => {
  it('have the visible labels Slot length, SLA (minutes), Clock, Team, Period A and Period B', async () => {
    const { page, context, errors } = await open(samplePage);
    for (const label of ['Slot length', 'SLA (minutes)', 'Clock', 'Team']) {
      const control = page.getByLabel(label, { exact: true });
      expect(await control.isVisible()).toBe(true);
      expect(await control.isEnabled()).toBe(true);
    }
    for (const name of ['Period A', 'Period B']) expect(await page.getByRole('group', { name, exact: true }).isVisible()).toBe(true);
    expect(await page.$$eval('#v-slot option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['15', '30', '60', '120']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('slot length changed in the page from 30 to 60: the heatmap download equals panopticon heatmap --slot 60 --format csv', async () => {
    const { page, context, errors } = await open(samplePage);
    expect(await heatmapCsv(page)).toBe(runCli(tmp, 'heatmap', '--quiet', '--format', 'csv'));
    await setControl(page, 'Slot length', '60');
    const text = await heatmapCsv(page);
    expect(text).toBe(runCli(tmp, 'heatmap', '--quiet', '--slot', '60', '--format', 'csv'));
    expect(text).not.toBe(runCli(tmp, 'heatmap', '--quiet', '--format', 'csv'));
    // The figure was redrawn for hour slots: 7 × 24 cells.
    expect(
      await page.$$eval('svg[data-figure="response-heatmap"] rect title', (ts) => ts.filter((t) => /–/.test(t.textContent!)).length),
    ).toBe(7 * 24);
    expect(errors).toEqual([]);
    await context.close();
  });

  const cases: [string, [label: string, value: string][], string[]][] = [
    ['slot 15', [['Slot length', '15']], ['--slot', '15']],
    [
      'slot 120 and SLA 30',
      [
        ['Slot length', '120'],
        ['SLA (minutes)', '30'],
      ],
      ['--slot', '120', '--sla', '30'],
    ],
    ['business clock', [['Clock', 'business']], ['--clock', 'business']],
    [
      'team East, SLA 15, business clock',
      [
        ['Team', 'East'],
        ['SLA (minutes)', '15'],
        ['Clock', 'business'],
      ],
      ['--team', 'East', '--sla', '15', '--clock', 'business'],
    ],
  ];
  for (const [name, settings, flags] of cases) {
    it(`${name}: the recomputed heatmap equals panopticon heatmap ${flags.join(' ')}`, async () => {
      const { page, context, errors } = await open(samplePage);
      for (const [label, value] of settings) await setControl(page, label, value);
      expect(await heatmapCsv(page)).toBe(runCli(tmp, 'heatmap', '--quiet', ...flags, '--format', 'csv'));
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('SLA (minutes) redraws the summary and bands as panopticon kpis --sla computes them', async () => {
    const { page, context } = await open(samplePage);
    await setControl(page, 'SLA (minutes)', '30');
    const kpis = JSON.parse(runCli(tmp, 'kpis', '--quiet', '--sla', '30', '--format', 'json')) as {
      response: { withinSlaRatio: number; total: number; bands: Record<string, number> };
    };
    const summary = await page.textContent('#response-summary');
    expect(summary).toContain(
      `${(kpis.response.withinSlaRatio * 100).toFixed(1)} % of ${kpis.response.total} new leads were first contacted within 30 minutes`,
    );
    const bands = await page.$$eval('#response-bands span', (ss) => ss.map((s) => s.textContent));
    expect(bands).toEqual(Object.entries(kpis.response.bands).map(([b, n]) => `${b === 'never' ? 'never contacted' : `${b} min`}: ${n}`));
    await context.close();
  });

  it('Period A and Period B: each side of the comparison equals panopticon heatmap --from --to for that period', async () => {
    const { page, context, errors } = await open(samplePage);
    const a = { from: await page.inputValue('#v-a-from'), to: await page.inputValue('#v-a-to') };
    // Any two ranges: A the first half of the page's recent period, B a span that overlaps both of the page's.
    const b = { from: await page.inputValue('#v-b-from'), to: a.to };
    const aTo = new Date(Date.parse(`${a.from}T00:00:00Z`) + 13 * 86_400_000).toISOString().slice(0, 10);
    await page.fill('#v-a-to', aTo);
    await page.dispatchEvent('#v-a-to', 'change');
    await page.fill('#v-b-to', b.to);
    await page.dispatchEvent('#v-b-to', 'change');
    await settled(page);
    const titles = await page.$$eval('svg[data-figure="heatmap-comparison"] rect title', (ts) => ts.map((t) => t.textContent!));
    for (const [range, label] of [
      [{ from: a.from, to: aTo }, `${a.from} to ${aTo}`],
      [b, `${b.from} to ${b.to}`],
    ] as const) {
      const cli = JSON.parse(runCli(tmp, 'heatmap', '--quiet', '--from', range.from, '--to', range.to, '--format', 'json')) as {
        cells: { day: string; slot: string; total: number; withinSla: number }[];
      };
      expect(cli.cells.length).toBeGreaterThan(0);
      // Every cell with leads in either period: "Monday 09:00–09:30\n<label>: 50% within 60 min (1 of 2 leads)\n…"
      // (or "<label>: no leads"); a cell with none in both says only that.
      const shown = new Map<string, string>();
      for (const t of titles) {
        const [heading, ...lines] = t.split('\n');
        const side = lines.find((l) => l.startsWith(`${label}: `));
        if (heading && side) shown.set(heading.replace(/–.*$/, ''), side.slice(label.length + 2));
      }
      expect(titles.filter((t) => /–/.test(t.split('\n')[0]!))).toHaveLength(7 * 48);
      for (const cell of cli.cells)
        expect(shown.get(`${cell.day} ${cell.slot}`)).toMatch(new RegExp(`\\(${cell.withinSla} of ${cell.total} leads?\\)$`));
      const counted = [...shown.values()].filter((v) => v !== 'no leads').length;
      expect(counted).toBe(cli.cells.length);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Team narrows the needs-attention list (as panopticon attention lists the team’s rows), the appointments and the scorecard', async () => {
    const { page, context, errors } = await open(samplePage);
    const all = JSON.parse(runCli(tmp, 'attention', '--quiet', '--format', 'json')) as { rows: { leadId: string; team: string | null }[] };
    await setControl(page, 'Team', 'East');
    await page.click('button[data-range="month"]');
    const east = all.rows.filter((r) => r.team === 'East').map((r) => r.leadId);
    expect(east.length).toBeGreaterThan(0);
    expect(east.length).toBeLessThan(all.rows.length);
    const shown = await page.$$eval('#att-table tbody button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')));
    expect(shown).toEqual(east);
    const downloaded = await (async () => {
      const [saved] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="attention"]')]);
      return (
        readFileSync((await saved.path())!, 'utf8')
          .trim()
          .split('\n').length - 1
      );
    })();
    expect(downloaded).toBe(east.length);
    // The scorecard: the team's locators only, each with fewer or as many leads as in the whole scorecard.
    const locators = await page.$$eval('#scorecard tbody tr td:first-child', (tds) => tds.map((td) => td.getAttribute('data-v')));
    expect(locators.length).toBeGreaterThan(0);
    const appointmentsEast = await page.$$eval('#cal-table tbody button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')));
    // The calendar figure: as panopticon report draws it from the East leads alone; every team's is the page's own.
    const other = await context.newPage();
    await other.goto(pathToFileURL(writeTeamPage(tmp, 'East')).href, { waitUntil: 'load' });
    const eastCalendar = await calendarBusyDays(other);
    expect(Object.keys(eastCalendar).length).toBeGreaterThan(3);
    expect(await calendarBusyDays(page)).toEqual(eastCalendar);
    expect(await page.locator('#cal-figure .cal-day.in').count()).toBeGreaterThan(27); // the month still marked
    await other.goto(pathToFileURL(samplePage).href, { waitUntil: 'load' });
    const wholeCalendar = await calendarBusyDays(other);
    expect(wholeCalendar).not.toEqual(eastCalendar);
    await setControl(page, 'Team', '');
    expect(await calendarBusyDays(page)).toEqual(wholeCalendar);
    const appointmentsAll = await page.$$eval('#cal-table tbody button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')));
    expect(appointmentsAll.length).toBeGreaterThan(appointmentsEast.length);
    expect(appointmentsEast.every((id) => appointmentsAll.includes(id))).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000); // the East page is written by the CLI inside the test
});

describe('the analysis controls in the URL hash', () => {
  it('join the hash and are restored on reload', async () => {
    const { page, context, errors } = await open(samplePage);
    await setControl(page, 'Slot length', '60');
    await setControl(page, 'SLA (minutes)', '45');
    await setControl(page, 'Clock', 'business');
    await setControl(page, 'Team', 'West');
    await page.fill('#v-b-from', '2026-01-05');
    await page.dispatchEvent('#v-b-from', 'change');
    await page.waitForFunction(() => location.hash.includes('b='));
    const hash = Object.fromEntries(new URLSearchParams((await page.evaluate(() => location.hash)).slice(1)));
    expect(hash).toMatchObject({ slot: '60', sla: '45', clock: 'business', team: 'West' });
    expect(hash.b).toMatch(/^2026-01-05~\d{4}-\d{2}-\d{2}$/);
    const before = await heatmapCsv(page);
    await page.reload({ waitUntil: 'load' });
    expect(await page.inputValue('#v-slot')).toBe('60');
    expect(await page.inputValue('#v-sla')).toBe('45');
    expect(await page.inputValue('#v-clock')).toBe('business');
    expect(await page.inputValue('#v-team')).toBe('West');
    expect(await page.inputValue('#v-b-from')).toBe('2026-01-05');
    expect(await heatmapCsv(page)).toBe(before);
    expect(before).toBe(
      runCli(tmp, 'heatmap', '--quiet', '--slot', '60', '--sla', '45', '--clock', 'business', '--team', 'West', '--format', 'csv'),
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a crafted or invalid hash runs no script and falls back to the page’s own settings, with no error', async () => {
    const crafted = new URLSearchParams({
      slot: '7',
      sla: '-3"><img src=x onerror="window.__pwned=1">',
      clock: 'sundial',
      team: '<svg onload="window.__pwned=2">',
      a: '2026-13-45~<script>window.__pwned=3</script>',
      b: 'x~y~z',
    });
    const { page, context, errors } = await open(samplePage, { hash: `#${crafted.toString()}` });
    expect(await page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)).toBe('undefined');
    expect(await page.$$eval('img, main script, svg[onload]', (els) => els.length)).toBe(0);
    expect(await page.inputValue('#v-slot')).toBe('30');
    expect(await page.inputValue('#v-sla')).toBe('60');
    expect(await page.inputValue('#v-clock')).toBe('wall');
    expect(await page.inputValue('#v-team')).toBe('');
    expect(await page.textContent('#v-status')).toBe('');
    expect(await heatmapCsv(page)).toBe(runCli(tmp, 'heatmap', '--quiet', '--format', 'csv'));
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** The issues (info, warnings, errors) `panopticon check` lists for the leads and history files of `dir`, named as the page names them. */
function cliIssues(dir: string, timeZone: string, leads: string, history: string): string[] {
  const check = spawnSync(
    process.execPath,
    [fileURLToPath(new URL('../bin/panopticon.js', import.meta.url)), 'check', '--leads', leads, '--history', history, '--tz', timeZone],
    { cwd: dir, encoding: 'utf8', maxBuffer: 256 << 20 },
  );
  return check.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^(info|warning|error): /.test(l));
}

describe('Open a file', () => {
  it('analyses another export in the page with core’s reader, lists its data-quality issues, and makes no request', async () => {
    const sample = join(fileURLToPath(new URL('../sample/', import.meta.url)));
    const dir = join(tmp, 'export');
    mkdirSync(dir, { recursive: true });
    const leadsCsv = join(dir, 'leads.csv');
    // The sample's leads with two more rows: one the reader rejects (its arrival is not a date), one it keeps.
    const text = readFileSync(join(sample, 'leads.csv'), 'utf8').trimEnd();
    writeFileSync(
      leadsCsv,
      `${text}\n999001,Bad Date,yesterday-ish,,,New,,East,Web,,\n999002,Late Night,2026-10-20 23:50:00,2026-10-21 00:20:00,,New,,North,Web,,\n`,
    );
    const historyCsv = join(dir, 'stage_history.csv');
    writeFileSync(historyCsv, readFileSync(join(sample, 'stage_history.csv'), 'utf8'));
    const { page, context, errors } = await open(samplePage);
    const data = await pageStartData(page);
    expect(await page.getByText('Nothing leaves this machine').isVisible()).toBe(true);
    await page.getByLabel('Open a file', { exact: true }).setInputFiles([leadsCsv, historyCsv]);
    await page.waitForSelector('#open-result:not([hidden])');
    const result = await page.textContent('#open-result');
    // The CLI's reader reports the same issues (run where the files are, so it names them as the page does).
    const expected = cliIssues(dir, data.timeZone, 'leads.csv', 'stage_history.csv');
    const line = text.split('\n').length + 1;
    expect(expected.some((l) => l.startsWith(`error: leads.csv line ${line}, record 999001, field received_time`))).toBe(true);
    const listed = await page.$$eval('#open-result li', (lis) => lis.map((li) => li.textContent));
    expect(listed).toEqual(expected);
    expect(result).toMatch(/1 rejected/);
    // The Team control offers the export's teams, and the heatmap is the export's, as panopticon heatmap computes it.
    expect(await page.$$eval('#v-team option', (os) => os.map((o) => (o as HTMLOptionElement).value))).toContain('North');
    const exportHeatmap = (...flags: string[]) =>
      runCli(
        tmp,
        'heatmap',
        '--quiet',
        '--leads',
        leadsCsv,
        '--tz',
        data.timeZone,
        '--as-of',
        data.controls.asOf,
        ...flags,
        '--format',
        'csv',
      );
    expect(await heatmapCsv(page)).toBe(exportHeatmap());
    await setControl(page, 'Slot length', '60');
    expect(await heatmapCsv(page)).toBe(exportHeatmap('--slot', '60'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hands the reader the file’s bytes: a gzipped Windows-1252 export and a UTF-16 history read as the CLI reads them', async () => {
    const sample = join(fileURLToPath(new URL('../sample/', import.meta.url)));
    const dir = join(tmp, 'export-bytes');
    mkdirSync(dir, { recursive: true });
    // Accented names (Tomás, Chloé) and a rejected row whose value is accented: File.text() would have made each é a U+FFFD.
    const text = `${readFileSync(join(sample, 'leads.csv'), 'utf8').trimEnd()}\n999003,Zoé Émile,hier-ish é,,,New,,East,Web,,\n`;
    writeFileSync(join(dir, 'leads.csv.gz'), gzipSync(Buffer.from(text, 'latin1')));
    const history = readFileSync(join(sample, 'stage_history.csv'), 'utf8');
    writeFileSync(join(dir, 'stage_history.csv'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(history, 'utf16le')]));
    const { page, context, errors } = await open(samplePage);
    const data = await pageStartData(page);
    await page.getByLabel('Open a file', { exact: true }).setInputFiles([join(dir, 'leads.csv.gz'), join(dir, 'stage_history.csv')]);
    await page.waitForSelector('#open-result:not([hidden])');
    const listed = await page.$$eval('#open-result li', (lis) => lis.map((li) => li.textContent));
    const expected = cliIssues(dir, data.timeZone, 'leads.csv.gz', 'stage_history.csv');
    expect(expected.some((l) => l.includes('record 999003, field received_time, value "hier-ish é"'))).toBe(true);
    expect(listed).toEqual(expected);
    expect(await page.textContent('#open-result')).toMatch(/leads\.csv\.gz, stage_history\.csv: .* 1 rejected/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
