/**
 * Each panel's "Download CSV" against the command that answers the same question, in a real browser
 * (Debian's Chromium driven by playwright-core, as dashboard.browser.test.ts): the pipeline snapshot and trend,
 * green → delivery, demand vs coverage, the period comparison, the resolved list, the appointment list and the
 * scorecard, each byte for byte equal to `panopticon … --format csv` for the same data, as-of and options, and
 * again after the page's filters change (the range, the Team control, the slot length, the periods). Pages
 * written by the built `panopticon report`. Never skipped: without Chromium it fails, saying how to install it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardBrowser, settled } from './browser-page.js';
import { AS_OF, PROGRESSED_ID, writeChangedLeads } from './fixtures/changed-leads.js';
import { runCli } from './fixtures/dashboard-cli.js';

const { tmp, open } = dashboardBrowser('panopticon-panel-csv-');
const samplePage = join(tmp, 'sample.html');
const changedFlags = writeChangedLeads(join(tmp, 'changed'));
const changedPage = join(tmp, 'changed.html');
const EARLIER = '2026-03-20';
const earlierPage = join(tmp, 'earlier.html');

/** Clicks a panel's "Download CSV" and returns the file's name and text. */
async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return { file: saved.suggestedFilename(), text: readFileSync((await saved.path())!, 'utf8') };
}

/** `panopticon …args --quiet --format csv` on the sample data (the page's own). */
const cliCsv = (...args: string[]) => runCli(tmp, ...args, '--quiet', '--format', 'csv');

/** Sets an analysis control (by id) and lets its change event run. */
async function setControl(page: Page, id: string, value: string): Promise<void> {
  if ((await page.$eval(`#${id}`, (e) => e.tagName)) === 'SELECT') await page.selectOption(`#${id}`, value);
  else {
    await page.fill(`#${id}`, value);
    await page.dispatchEvent(`#${id}`, 'change');
  }
  await settled(page);
}

beforeAll(() => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
  runCli(tmp, 'report', ...changedFlags, '--as-of', AS_OF, '--quiet', '--out', changedPage);
  runCli(tmp, 'report', ...changedFlags, '--as-of', AS_OF, '--since', EARLIER, '--quiet', '--out', earlierPage);
});

describe('each panel saves what its command prints', () => {
  it.each([
    ['snapshot', 'pipeline'],
    ['trend', 'pipeline --trend'],
    ['green-to-delivery', 'green-to-delivery'],
    ['demand', 'heatmap --demand'],
    ['comparison', 'heatmap --compare'],
    // The list shows this week when the page opens, as `appointments` does by default.
    ['appointments', 'appointments'],
    ['scorecard', 'scorecard'],
  ])('%s equals panopticon %s --format csv, byte for byte', async (name, command) => {
    const { page, context, errors } = await open(samplePage);
    const { file, text } = await download(page, name);
    expect(file).toMatch(/-\d{4}-\d{2}-\d{2}\.csv$/);
    // Rows, not a header alone: the comparison is of something.
    expect(text.trim().split('\n').length).toBeGreaterThan(1);
    expect(text).toBe(cliCsv(...command.split(' ')));
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const [label, file, since] of [
    ['a day before the as-of', changedPage, []],
    [`--since ${EARLIER}`, earlierPage, ['--since', EARLIER]],
  ] as const) {
    it(`the resolved list (since ${label}) equals panopticon attention --resolved --format csv`, async () => {
      const { page, context, errors } = await open(file);
      const { text } = await download(page, 'resolved');
      expect(text).toContain(PROGRESSED_ID);
      expect(text).toBe(runCli(tmp, 'attention', '--resolved', ...since, ...changedFlags, '--as-of', AS_OF, '--quiet', '--format', 'csv'));
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

describe('with the page’s filters applied, the same options on the command line', () => {
  it('the appointment list of a range, then of one team, equals panopticon appointments --range / --from --to / --team', async () => {
    const { page, context, errors } = await open(samplePage);
    await page.click('button[data-range="month"]');
    const month = (await download(page, 'appointments')).text;
    expect(month).toBe(cliCsv('appointments', '--range', 'month'));
    await page.click('button[data-range="custom"]');
    await setControl(page, 'cal-from', '2026-09-15');
    await setControl(page, 'cal-to', '2026-10-20');
    const custom = (await download(page, 'appointments')).text;
    expect(custom.trim().split('\n').length).toBeGreaterThan(2);
    expect(custom).toBe(cliCsv('appointments', '--from', '2026-09-15', '--to', '2026-10-20'));
    const team = (await page.$$eval('#v-team option', (os) => os.map((o) => (o as HTMLOptionElement).value))).find((t) => t !== '')!;
    await setControl(page, 'v-team', team);
    const ofTeam = (await download(page, 'appointments')).text;
    expect(ofTeam).not.toBe(custom);
    expect(ofTeam).toBe(cliCsv('appointments', '--from', '2026-09-15', '--to', '2026-10-20', '--team', team));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the scorecard of one team equals panopticon scorecard --team', async () => {
    const { page, context, errors } = await open(samplePage);
    const teams = (await page.$$eval('#v-team option', (os) => os.map((o) => (o as HTMLOptionElement).value))).filter((t) => t !== '');
    expect(teams.length).toBeGreaterThan(1);
    for (const team of teams) {
      await setControl(page, 'v-team', team);
      expect((await download(page, 'scorecard')).text).toBe(cliCsv('scorecard', '--team', team));
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('demand and the comparison, redrawn by the controls, equal panopticon heatmap --demand / --compare with the same options', async () => {
    const { page, context, errors } = await open(samplePage);
    const team = (await page.$$eval('#v-team option', (os) => os.map((o) => (o as HTMLOptionElement).value))).find((t) => t !== '')!;
    await setControl(page, 'v-slot', '60');
    await setControl(page, 'v-sla', '30');
    await setControl(page, 'v-team', team);
    const options = ['--slot', '60', '--sla', '30', '--team', team];
    expect((await download(page, 'demand')).text).toBe(cliCsv('heatmap', '--demand', ...options));
    expect((await download(page, 'comparison')).text).toBe(cliCsv('heatmap', '--compare', ...options));
    // Any two periods.
    await setControl(page, 'v-a-from', '2026-09-01');
    await setControl(page, 'v-a-to', '2026-10-15');
    await setControl(page, 'v-b-from', '2026-07-01');
    await setControl(page, 'v-b-to', '2026-08-31');
    const compared = (await download(page, 'comparison')).text;
    expect(compared).toBe(
      cliCsv('heatmap', '--compare', ...options, '--period-a', '2026-09-01..2026-10-15', '--period-b', '2026-07-01..2026-08-31'),
    );
    expect(compared).not.toBe(cliCsv('heatmap', '--compare', ...options));
    expect(errors).toEqual([]);
    await context.close();
  });
});
