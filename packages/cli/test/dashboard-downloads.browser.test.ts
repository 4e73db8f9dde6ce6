/**
 * The dashboard's figure downloads and the team's calendar in a real browser (Debian's Chromium driven by
 * playwright-core, as the other dashboard browser tests): the time-in-stage and needs-attention-by-locator
 * downloads equal `panopticon time-in-stage --format csv` and `panopticon attention --by locator --format csv`,
 * every figure panel has its "Download CSV", and the Team control redraws the appointment calendar as the
 * page written by `panopticon report` from that team's leads alone draws it. Never skipped: without
 * Chromium it fails, saying how to install it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { runCli } from './fixtures/dashboard-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-downloads-'));
const samplePage = join(tmp, 'sample.html');
const eastPage = join(tmp, 'east.html');
const sampleDir = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
let browser: Browser;

async function open(file: string): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  const errors: string[] = [];
  // Anything but the page's own file is refused and reported as an error.
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    errors.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  return { page, context, errors };
}

/** A "Download CSV" as saved: its file name and text. */
async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return { file: saved.suggestedFilename(), text: readFileSync((await saved.path())!, 'utf8') };
}

/** The fields of one CSV line (quoted fields may hold commas). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') fields.push(field), (field = '');
    else field += c;
  }
  fields.push(field);
  return fields;
}

/** The calendar figure's day cells that hold appointments: their date → fill colour and tooltip. */
async function busyDays(page: Page): Promise<Record<string, { fill: string | null; title: string }>> {
  const cells = await page.$$eval('#cal-figure rect.cal-day', (rects) =>
    rects.map((r) => [r.getAttribute('data-day')!, r.getAttribute('fill'), r.querySelector('title')?.textContent ?? ''] as const),
  );
  return Object.fromEntries(
    cells.filter(([, , title]) => / appointments? · most urgent: /.test(title)).map(([day, fill, title]) => [day, { fill, title }]),
  );
}

beforeAll(async () => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
  // The sample's East leads alone (with every history row: those of other leads are reported and left out).
  const [header, ...rows] = readFileSync(join(sampleDir, 'leads.csv'), 'utf8').trimEnd().split('\n');
  const team = csvFields(header!).indexOf('team');
  const east = join(tmp, 'east-leads.csv');
  writeFileSync(east, [header, ...rows.filter((l) => csvFields(l)[team] === 'East')].join('\n') + '\n');
  const sample = JSON.parse(readFileSync(join(sampleDir, 'sample.json'), 'utf8')) as { asOf: string; timeZone: string };
  runCli(
    tmp,
    'report',
    '--quiet',
    '--leads',
    east,
    '--history',
    join(sampleDir, 'stage_history.csv'),
    '--owners',
    join(sampleDir, 'owner_history.csv'),
    '--pipeline',
    join(sampleDir, 'pipeline.json'),
    '--as-of',
    sample.asOf,
    '--tz',
    sample.timeZone,
    '--out',
    eastPage,
  );
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the figure downloads', () => {
  it('time in stage saves panopticon time-in-stage --format csv, byte for byte', async () => {
    const { page, context, errors } = await open(samplePage);
    const saved = await download(page, 'time-in-stage');
    expect(saved.file).toMatch(/^time-in-stage-\d{4}-\d{2}-\d{2}\.csv$/);
    const cli = runCli(tmp, 'time-in-stage', '--quiet', '--format', 'csv');
    expect(saved.text).toBe(cli);
    expect(cli.split('\n')[0]).toBe('stage,category,visits,openVisits,medianDays,p90Days,meanDays');
    // The rows are the figure's stages: open, green and delivery ones, none won or lost.
    const stages = cli.trim().split('\n').slice(1).map(csvFields);
    expect(stages.length).toBeGreaterThan(3);
    expect(new Set(stages.map((f) => f[1]))).toEqual(new Set(['open', 'green', 'delivery']));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('needs attention by locator saves panopticon attention --by locator --format csv, byte for byte, one row per locator of the list', async () => {
    const { page, context, errors } = await open(samplePage);
    const saved = await download(page, 'attention-by-locator');
    expect(saved.file).toMatch(/^attention-by-locator-\d{4}-\d{2}-\d{2}\.csv$/);
    const cli = runCli(tmp, 'attention', '--quiet', '--by', 'locator', '--format', 'csv');
    expect(saved.text).toBe(cli);
    // Each locator's count is its number of rows in panopticon attention's list.
    const list = JSON.parse(runCli(tmp, 'attention', '--quiet', '--format', 'json')) as {
      rows: { locator: string | null; reason: string }[];
    };
    const [head, ...lines] = cli.trim().split('\n');
    expect(head).toBe('locator,needsAttention,stale,stuck-in-green,stalled,at-risk');
    const counted = lines.map(csvFields);
    expect(counted.reduce((n, f) => n + Number(f[1]), 0)).toBe(list.rows.length);
    for (const [locator, total, ...reasons] of counted) {
      const mine = list.rows.filter((r) => (r.locator ?? '') === locator);
      expect(Number(total), locator).toBe(mine.length);
      expect(reasons.map(Number), locator).toEqual(
        ['stale', 'stuck-in-green', 'stalled', 'at-risk'].map((reason) => mine.filter((r) => r.reason === reason).length),
      );
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every figure panel has a Download CSV; the calendar’s is its appointment list', async () => {
    const { page, context } = await open(samplePage);
    const panels = await page.$$eval('.panel.figure, aside.figure', (els) =>
      els.map((el) => [
        el.querySelector('svg')?.getAttribute('data-figure') ?? el.id,
        el.querySelector('button[data-download]')?.getAttribute('data-download') ?? null,
      ]),
    );
    expect(Object.fromEntries(panels)).toEqual({
      'attention-by-locator': 'attention-by-locator',
      'appointment-calendar': null,
      'pipeline-snapshot': 'snapshot',
      'pipeline-trend': 'trend',
      'time-in-stage': 'time-in-stage',
      'green-to-delivery': 'green-to-delivery',
      'response-heatmap': 'heatmap',
      'demand-vs-coverage': 'demand',
      'heatmap-comparison': 'comparison',
    });
    expect(await page.$$eval('#calendar button[data-download]', (bs) => bs.map((b) => b.getAttribute('data-download')))).toEqual([
      'appointments',
    ]);
    await context.close();
  });
});

describe('the Team control and the appointment calendar', () => {
  it('Team East redraws the calendar as panopticon report draws it from the East leads alone; All teams restores it', async () => {
    const east = await open(eastPage);
    const expected = await busyDays(east.page);
    const eastAsOf = await east.page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!).controls.asOf);
    await east.context.close();
    const { page, context, errors } = await open(samplePage);
    expect(await page.evaluate(() => JSON.parse(document.getElementById('report-data')!.textContent!).controls.asOf)).toBe(eastAsOf);
    const whole = await busyDays(page);
    await page.getByLabel('Team', { exact: true }).selectOption('East');
    const shown = await busyDays(page);
    expect(Object.keys(expected).length).toBeGreaterThan(3);
    expect(shown).toEqual(expected);
    expect(shown).not.toEqual(whole);
    // The range buttons still mark the redrawn figure's days.
    await page.click('button[data-range="month"]');
    expect(await page.locator('#cal-figure .cal-day.in').count()).toBeGreaterThan(27);
    await page.getByLabel('Team', { exact: true }).selectOption('');
    expect(await busyDays(page)).toEqual(whole);
    expect(errors).toEqual([]);
    await context.close();
  });
});
