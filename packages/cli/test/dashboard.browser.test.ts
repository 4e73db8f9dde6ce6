/**
 * The dashboard in a real browser: Debian's Chromium (or $CHROMIUM_PATH) driven by playwright-core, against
 * pages written by the built `panopticon report` run as a process. The tiles must show the numbers of
 * `panopticon kpis --format json`; the filters, sorting and calendar ranges must work; nothing may be
 * logged as an error, no request may leave the page, and no string from the data may run as script.
 *
 * This test is never skipped: without Chromium it fails, saying how to install it (CI runs
 * `apt-get install -y chromium`). It also writes the screenshot docs/dashboard.png.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settled } from './browser-page.js';
import { runCli } from './fixtures/dashboard-cli.js';
import { type AttentionJson, type KpisJson, localDate } from './fixtures/dashboard-json.js';
import { HOSTILE_AS_OF, HOSTILE_LOCATOR, HOSTILE_NAME, HOSTILE_STAGE, writeHostileData } from './fixtures/hostile.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

const generator = fileURLToPath(new URL('../../../scripts/gen-appointed.mjs', import.meta.url));
const screenshot = fileURLToPath(new URL('../../../docs/dashboard.png', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-browser-'));

/** The built CLI as a process, in the temporary directory (so no panopticon.config.json is picked up). */
const cli = (...args: string[]): string => runCli(tmp, ...args);

/** A page with everything it logs and requests recorded. */
interface Opened {
  page: Page;
  url: string;
  errors: string[];
  requests: string[];
  blocked: string[];
}

let context: BrowserContext;
let sample: Opened;
let hostile: Opened;
let large: Opened;
let largeRows: number;
let kpis: KpisJson;
let attention: AttentionJson;

async function open(htmlPath: string): Promise<Opened> {
  const page = await context.newPage();
  const url = pathToFileURL(htmlPath).href;
  const opened: Opened = { page, url, errors: [], requests: [], blocked: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') opened.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => opened.errors.push(`pageerror: ${e.message}`));
  page.on('request', (r) => opened.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  await settled(page);
  return opened;
}

/** The visible rows of the needs-attention table. */
async function tableRows(page: Page) {
  await settled(page);
  return page.$$eval('#att-table tbody tr:not(.empty-row):not(.more-row)', (trs) =>
    trs.map((tr) => {
      const cells = (tr as HTMLTableRowElement).cells;
      return {
        reason: cells[0]!.querySelector('.pill')!.textContent!,
        days: Number(cells[1]!.lastChild!.textContent),
        locator: cells[2]!.textContent!,
        id: cells[3]!.querySelector('.id')!.textContent!.slice(1),
        lead: cells[3]!.textContent!,
        stage: cells[4]!.textContent!,
        appointment: cells[5]!.textContent!,
      };
    }),
  );
}

async function resetFilters(page: Page) {
  await page.click('#f-reset');
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is required for the dashboard browser test and was not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM to its path.`,
    );
  }
  const samplePage = join(tmp, 'sample.html');
  cli('report', '--quiet', '--out', samplePage);
  kpis = JSON.parse(cli('kpis', '--quiet', '--format', 'json')) as KpisJson;
  attention = JSON.parse(cli('attention', '--quiet', '--format', 'json')) as AttentionJson;
  const hostilePage = join(tmp, 'hostile.html');
  cli('report', ...writeHostileData(join(tmp, 'hostile')), '--quiet', '--out', hostilePage);
  // A larger generated set (scripts/gen-appointed.mjs): more needs-attention rows than are drawn at once.
  const gen = spawnSync(process.execPath, [generator, '2500', join(tmp, 'large')], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(gen.stderr);
  const largeFlags = [
    '--leads',
    'large/leads.csv',
    '--history',
    'large/stage_history.csv',
    '--pipeline',
    'large/pipeline.json',
    '--tz',
    'America/New_York',
    '--as-of',
    '2026-10-31',
    '--quiet',
  ];
  const largePage = join(tmp, 'large.html');
  cli('report', ...largeFlags, '--out', largePage);
  largeRows = (JSON.parse(cli('attention', ...largeFlags, '--format', 'json')) as AttentionJson).rows.length;

  context = await chromium.launchPersistentContext(join(tmp, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 1000 },
    deviceScaleFactor: 1,
  });
  // Anything but the page's own file is recorded and refused: nothing may leave the page.
  await context.route(/^(?!file:)/, (route) => {
    blockedRequests.push(route.request().url());
    return route.abort();
  });
  sample = await open(samplePage);
  hostile = await open(hostilePage);
  large = await open(largePage);
}, 300_000);

const blockedRequests: string[] = [];

afterAll(async () => {
  await context?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the dashboard in Chromium (sample data)', () => {
  // A background tab gets no animation frames, which Playwright's actions wait for.
  beforeAll(() => sample.page.bringToFront());
  it('shows the KPI tiles with the numbers of panopticon kpis --format json', async () => {
    const tiles = await sample.page.$$eval('[data-kpi]', (els) =>
      els.map((el) => ({ kpi: el.getAttribute('data-kpi')!, text: (el.querySelector('.value') as HTMLElement).innerText.trim() })),
    );
    expect(tiles).toHaveLength(8);
    const count = (n: number) => n.toLocaleString('en-US');
    const f = kpis.followUp;
    const r = kpis.response;
    const days = (n: number | null) => (n === null ? '—' : `${Number.isInteger(n) ? n : n.toFixed(1)} ${n === 1 ? 'day' : 'days'}`);
    expect(Object.fromEntries(tiles.map((t) => [t.kpi, t.text]))).toEqual({
      'followUp.appointed': count(f.appointed!),
      'followUp.conversionRatio': `${(f.conversionRatio! * 100).toFixed(1)}%`,
      'followUp.stale': count(f.stale!),
      'followUp.atRisk': count(f.atRisk!),
      'followUp.stuckInGreen': count(f.stuckInGreen!),
      'followUp.stalled': count(f.stalled!),
      'followUp.medianDaysToIntervention': days(f.medianDaysToIntervention!),
      'response.withinSlaRatio': `${(r.withinSlaRatio! * 100).toFixed(1)}%`,
    });
  });

  it('lists every lead of panopticon attention, in its order, with a count', async () => {
    const rows = await tableRows(sample.page);
    expect(rows.map((x) => x.id)).toEqual(attention.rows.map((x) => x.leadId));
    expect(rows).toHaveLength(kpis.followUp.needsAttention!);
    expect(await sample.page.textContent('#att-count')).toBe(`Showing ${rows.length} of ${rows.length} leads`);
  });

  it('filtering by a locator shows exactly that locator’s rows', async () => {
    const counts = new Map<string, number>();
    for (const row of attention.rows) if (row.locator) counts.set(row.locator, (counts.get(row.locator) ?? 0) + 1);
    const [locator, n] = [...counts].sort((a, b) => a[1] - b[1])[Math.floor(counts.size / 2)]!;
    await sample.page.selectOption('#f-locator', locator);
    const rows = await tableRows(sample.page);
    expect(rows).toHaveLength(n);
    expect(new Set(rows.map((x) => x.locator))).toEqual(new Set([locator]));
    expect(rows.map((x) => x.id).sort()).toEqual(
      attention.rows
        .filter((x) => x.locator === locator)
        .map((x) => x.leadId)
        .sort(),
    );
    expect(await sample.page.textContent('#att-count')).toBe(`Showing ${n} of ${attention.rows.length} leads`);
    // The locator chips do the same, and a second click clears the filter.
    await resetFilters(sample.page);
    const chip = sample.page.locator('.chip', { hasText: locator });
    await chip.click();
    expect((await tableRows(sample.page)).map((x) => x.id).sort()).toEqual(rows.map((x) => x.id).sort());
    await chip.click();
    expect(await tableRows(sample.page)).toHaveLength(attention.rows.length);
  });

  it('combines filters: reason and stage', async () => {
    await resetFilters(sample.page);
    await sample.page.selectOption('#f-reason', 'at-risk');
    const atRisk = await tableRows(sample.page);
    expect(atRisk.length).toBe(attention.rows.filter((x) => x.reason === 'at-risk').length);
    expect(new Set(atRisk.map((x) => x.reason))).toEqual(new Set(['At risk']));
    const stage = attention.rows.find((x) => x.reason === 'at-risk')!.stage;
    await sample.page.selectOption('#f-stage', stage);
    expect((await tableRows(sample.page)).map((x) => x.id).sort()).toEqual(
      attention.rows
        .filter((x) => x.reason === 'at-risk' && x.stage === stage)
        .map((x) => x.leadId)
        .sort(),
    );
    await resetFilters(sample.page);
  });

  it('"New today" keeps the leads that reached their threshold today', async () => {
    const page = sample.page;
    await resetFilters(page);
    await settled(page);
    const newToday = await page.$$eval('#att-table tbody tr', (trs) => trs.filter((tr) => tr.querySelector('td.days .new')).length);
    expect(newToday).toBeGreaterThan(0);
    await page.selectOption('#f-reason', 'new');
    const rows = await tableRows(page);
    expect(rows).toHaveLength(newToday);
    const thresholds: Record<string, number> = { Stale: 30, 'At risk': 7, 'Stuck in green': 14, Stalled: 14 }; // the sample pipeline's
    for (const row of rows) expect(row.days).toBe(thresholds[row.reason]);
    await resetFilters(page);
  });

  it('sorting by days orders the rows (most first, then fewest first)', async () => {
    await resetFilters(sample.page);
    await sample.page.click('button[data-sort="days"]');
    expect(await sample.page.getAttribute('th:has(button[data-sort="days"])', 'aria-sort')).toBe('descending');
    const down = (await tableRows(sample.page)).map((x) => x.days);
    expect(down).toHaveLength(attention.rows.length);
    expect(down).toEqual([...down].sort((a, b) => b - a));
    await sample.page.click('button[data-sort="days"]');
    expect(await sample.page.getAttribute('th:has(button[data-sort="days"])', 'aria-sort')).toBe('ascending');
    const up = (await tableRows(sample.page)).map((x) => x.days);
    expect(up).toEqual([...down].sort((a, b) => a - b));
    // Any other column sorts too.
    await sample.page.click('button[data-sort="locator"]');
    const locators = (await tableRows(sample.page)).map((x) => x.locator);
    expect(locators).toEqual([...locators].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
  });

  it('the appointment date range keeps exactly the rows whose appointment falls in it', async () => {
    await resetFilters(sample.page);
    const dates = attention.rows
      .filter((x) => x.appointmentAt)
      .map((x) => localDate(x.appointmentAt!, kpis.timeZone))
      .sort();
    const from = dates[Math.floor(dates.length / 4)]!;
    const to = dates[Math.floor((dates.length * 3) / 4)]!;
    await sample.page.fill('#f-from', from);
    await sample.page.fill('#f-to', to);
    const rows = await tableRows(sample.page);
    const expected = attention.rows.filter(
      (x) => x.appointmentAt && localDate(x.appointmentAt, kpis.timeZone) >= from && localDate(x.appointmentAt, kpis.timeZone) <= to,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(attention.rows.length);
    expect(rows.map((x) => x.id).sort()).toEqual(expected.map((x) => x.leadId).sort());
    for (const row of rows) expect(row.appointment.slice(0, 10) >= from && row.appointment.slice(0, 10) <= to).toBe(true);
    await resetFilters(sample.page);
    expect(await tableRows(sample.page)).toHaveLength(attention.rows.length);
  });

  it('the calendar lists today, this week, this month and a custom range, and marks those days', async () => {
    const page = sample.page;
    const listed = async () =>
      page.$$eval('#cal-table tbody tr:not(.empty-row)', (trs) =>
        trs.map((tr) => (tr as HTMLTableRowElement).cells[0]!.textContent!.slice(0, 10)),
      );
    const marked = async () => page.$$eval('#cal-figure .cal-day.in', (cells) => cells.map((c) => c.getAttribute('data-day')!).sort());
    const inRange = (days: string[], from: string, to: string) => days.every((d) => d >= from && d <= to);

    await page.click('button[data-range="month"]');
    const month = await listed();
    expect(month.length).toBeGreaterThan(0);
    expect(inRange(month, '2026-10-01', '2026-10-31')).toBe(true);
    expect(await page.textContent('#cal-summary')).toContain(`${month.length} appointment`);
    const monthDays = await marked();
    expect(monthDays[0]).toBe('2026-10-01');
    expect(monthDays[monthDays.length - 1]).toBe('2026-10-31');

    await page.click('button[data-range="week"]');
    expect(inRange(await listed(), '2026-10-26', '2026-11-01')).toBe(true);
    expect(await marked()).toEqual(['2026-10-26', '2026-10-27', '2026-10-28', '2026-10-29', '2026-10-30', '2026-10-31', '2026-11-01']);

    await page.click('button[data-range="today"]');
    expect(inRange(await listed(), '2026-10-31', '2026-10-31')).toBe(true);
    expect(await marked()).toEqual(['2026-10-31']);

    await page.click('button[data-range="custom"]');
    await page.fill('#cal-from', '2026-09-01');
    await page.fill('#cal-to', '2026-09-15');
    const custom = await listed();
    expect(custom.length).toBeGreaterThan(0);
    expect(inRange(custom, '2026-09-01', '2026-09-15')).toBe(true);
    expect(await page.getAttribute('button[data-range="custom"]', 'aria-pressed')).toBe('true');
  });

  it('logs no error and requests nothing but its own file', () => {
    expect(sample.errors).toEqual([]);
    expect(sample.requests.filter((u) => u !== sample.url && !u.startsWith('data:'))).toEqual([]);
    expect(blockedRequests).toEqual([]);
  });

  it('writes the screenshot docs/dashboard.png', async () => {
    const page = sample.page;
    await resetFilters(page);
    await page.reload({ waitUntil: 'load' });
    await page.evaluate(() => window.scrollTo(0, 0));
    mkdirSync(join(screenshot, '..'), { recursive: true });
    await page.screenshot({ path: screenshot });
    expect(existsSync(screenshot)).toBe(true);
  });
});

describe('the dashboard in Chromium (hostile strings)', () => {
  beforeAll(() => hostile.page.bringToFront());
  it('runs no script from the data', async () => {
    expect(await hostile.page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)).toBe('undefined');
    expect(await hostile.page.$$eval('img, b', (els) => els.length)).toBe(0);
  });

  it('shows the names, stages and locators as text', async () => {
    const rows = await tableRows(hostile.page);
    const one = rows.find((x) => x.id === '1')!;
    expect(one.lead).toBe(`${HOSTILE_NAME} #1`);
    expect(one.stage).toBe(HOSTILE_STAGE);
    expect(one.locator).toBe(HOSTILE_LOCATOR);
    expect(rows.find((x) => x.id === '3')!.locator).toBe('(unassigned)');
    await hostile.page.selectOption('#f-locator', HOSTILE_LOCATOR);
    expect((await tableRows(hostile.page)).map((x) => x.id).sort()).toEqual(['1', '2']);
    await hostile.page.selectOption('#f-stage', HOSTILE_STAGE);
    expect((await tableRows(hostile.page)).map((x) => x.id)).toEqual(['1']);
    await hostile.page.fill('#f-q', '<img');
    expect((await tableRows(hostile.page)).map((x) => x.id)).toEqual(['1']);
    expect(await hostile.page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)).toBe('undefined');
    // Figures draw it as text too (the axis label shortened, the tooltip in full).
    expect(await hostile.page.$eval('svg[data-figure="pipeline-snapshot"]', (svg) => svg.textContent)).toContain(HOSTILE_STAGE);
    expect(await hostile.page.textContent('h1')).toContain(HOSTILE_AS_OF === '2026-03-31' ? 'Tuesday 31 March 2026' : '');
  });

  it('logs no error and requests nothing but its own file', () => {
    expect(hostile.errors).toEqual([]);
    expect(hostile.requests.filter((u) => u !== hostile.url && !u.startsWith('data:'))).toEqual([]);
    expect(blockedRequests).toEqual([]);
  });
});

describe('the dashboard in Chromium (many leads)', () => {
  beforeAll(() => large.page.bringToFront());

  it('draws 500 rows at first, more on request, and every row before printing', async () => {
    const page = large.page;
    expect(largeRows).toBeGreaterThan(1000);
    expect(await tableRows(page)).toHaveLength(500);
    expect(await page.textContent('#att-count')).toBe(`Showing the first 500 of ${largeRows.toLocaleString('en-US')} leads`);
    await page.click('.more-row button:has-text("more")');
    expect(await tableRows(page)).toHaveLength(1000);
    await page.click('.more-row button:has-text("Show all")');
    expect(await tableRows(page)).toHaveLength(largeRows);
    expect(await page.textContent('#att-count')).toBe(
      `Showing ${largeRows.toLocaleString('en-US')} of ${largeRows.toLocaleString('en-US')} leads`,
    );
    // Sorting starts again from the first page, in the new order over every row.
    await page.click('button[data-sort="days"]');
    const days = (await tableRows(page)).map((x) => x.days);
    expect(days).toHaveLength(500);
    expect(days).toEqual([...days].sort((a, b) => b - a));
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    expect(await tableRows(page)).toHaveLength(largeRows);
    await page.emulateMedia({ media: 'screen' });
  });

  it('logs no error and requests nothing but its own file', () => {
    expect(large.errors).toEqual([]);
    expect(large.requests.filter((u) => u !== large.url && !u.startsWith('data:'))).toEqual([]);
  });
});
