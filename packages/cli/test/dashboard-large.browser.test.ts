/**
 * The dashboard of a generated data set of 20,000 appointed leads with stage and owner histories
 * (scripts/gen-appointed.mjs, seeded) in a real browser (Debian's Chromium, as the other dashboard browser
 * tests): its compact JSON block (embedded-data.ts) decodes to the same rows, so the page opens with no
 * error, its downloads equal the built `panopticon`'s CSV for the same data and options, and a control's
 * recompute equals `panopticon heatmap`. No timing is asserted (scripts/measure-dashboard.mjs prints those).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { AS_OF, TIME_ZONE, generate } from '../../../scripts/gen-appointed.mjs';
import { settled } from './browser-page.js';
import { runCli } from './fixtures/dashboard-cli.js';

const LEADS = 20_000;
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-large-'));
const pagePath = join(tmp, 'dashboard.html');
let browser: Browser;
let page: Page;
const errors: string[] = [];

const data = [
  ...['leads', 'history', 'owners'].flatMap((flag, i) => [
    `--${flag}`,
    join(tmp, ['leads.csv', 'stage_history.csv', 'owner_history.csv'][i]!),
  ]),
  ...['--schedule', join(tmp, 'schedule.csv'), '--pipeline', join(tmp, 'pipeline.json'), '--tz', TIME_ZONE, '--as-of', AS_OF, '--quiet'],
];

/** The output of the built `panopticon`, written to a file (the 20,000-lead lists outgrow a pipe's buffer). */
function cli(...args: string[]): string {
  const format = args[args.indexOf('--format') + 1]!;
  const out = join(tmp, `out-${args.join('-').replace(/[^\w-]/g, '')}.${format}`);
  runCli(tmp, ...args, ...data, '--out', out);
  return readFileSync(out, 'utf8');
}

/** A "Download CSV" as saved. */
async function download(name: string): Promise<string> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return readFileSync((await saved.path())!, 'utf8');
}

beforeAll(async () => {
  for (const [name, text] of Object.entries(generate(LEADS))) writeFileSync(join(tmp, name), text);
  runCli(tmp, 'report', ...data, '--out', pagePath);
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  // Anything but the page's own file is refused and reported as an error.
  await context.route(/^(?!file:|data:|blob:)/, (route) => {
    errors.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(pathToFileURL(pagePath).href, { waitUntil: 'load' });
  await settled(page);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe(`the dashboard of ${LEADS.toLocaleString('en-US')} generated leads`, () => {
  it('opens with no error and lists the needs-attention rows of panopticon attention, saving them byte for byte', async () => {
    const csv = cli('attention', '--format', 'csv');
    const rows = csv.trim().split('\n').length - 1;
    expect(rows).toBeGreaterThan(1000);
    expect(await page.textContent('#att-count')).toContain(`of ${rows.toLocaleString('en-US')} leads`);
    expect(await page.$$eval('#att-table tbody tr:not(.more-row)', (trs) => trs.length)).toBe(500);
    expect(await download('attention')).toBe(csv);
    expect(errors).toEqual([]);
  }, 300_000);

  it('saves the follow-up curve as panopticon survival --of appointment-progress --format csv writes it', async () => {
    const text = await download('appointment-progress-curve');
    expect(text).toBe(cli('survival', '--of', 'appointment-progress', '--format', 'csv'));
    expect(text.split('\n').length).toBeGreaterThan(5000); // every step, rebuilt in the page
    expect(errors).toEqual([]);
  }, 300_000);

  it('opens a lead of the list with its timeline', async () => {
    const button = page.locator('#att-table tbody button[data-lead]').first();
    const id = await button.getAttribute('data-lead');
    await button.click();
    expect(await page.textContent('#lead-title')).toContain(`#${id}`);
    expect(await page.$$eval('#lead-body table.timeline tbody tr', (trs) => trs.length)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(errors).toEqual([]);
  }, 300_000);

  it('recomputes the heatmap for slot length 60 and a team as panopticon heatmap --slot 60 --team does', async () => {
    const team = await page.$eval('#v-team option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.getByLabel('Slot length', { exact: true }).selectOption('60');
    await page.getByLabel('Team', { exact: true }).selectOption(team);
    await settled(page);
    expect(await download('heatmap')).toBe(cli('heatmap', '--slot', '60', '--team', team, '--format', 'csv'));
    // The team narrows the needs-attention list to the team's rows of panopticon attention.
    const lines = cli('attention', '--format', 'ndjson').trim().split('\n');
    const teamRows = lines.filter((l) => (JSON.parse(l) as { team: string | null }).team === team).length;
    expect(await page.textContent('#att-count')).toContain(`${teamRows.toLocaleString('en-US')} matching leads`);
    expect(errors).toEqual([]);
  }, 300_000);
});
