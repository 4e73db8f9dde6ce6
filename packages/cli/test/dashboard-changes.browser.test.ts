/**
 * What changed on the needs-attention list, in a real browser (Debian's Chromium driven by playwright-core,
 * as dashboard.browser.test.ts): the "new" and "worse" marks of the rows and the "Resolved since" list of
 * a page written by the built `panopticon report` from data built for it (fixtures/changed-leads.ts), the
 * marks equal to core's `attentionChanges` for the same data, and axe-core clean. Never skipped: without
 * Chromium it fails, saying how to install it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { attentionChanges, endOfLocalDay, needsAttention, parseDayNumber } from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PIPELINE } from '../src/settings/json-files.js';
import { dashboardBrowser, graveViolations, settled } from './browser-page.js';
import { AS_OF, NEW_ID, PROGRESSED_ID, PROGRESSED_NAME, SAME_ID, SINCE, WORSE_ID, writeChangedLeads } from './fixtures/changed-leads.js';
import { runCli } from './fixtures/dashboard-cli.js';

const { tmp, open } = dashboardBrowser('panopticon-changes-');
const dataDir = join(tmp, 'data');
const flags = writeChangedLeads(dataDir);
const defaultPage = join(tmp, 'default.html');
const earlierPage = join(tmp, 'earlier.html');
const EARLIER = '2026-03-20';

/** Each drawn row's lead id and its mark's text ("" = none). */
async function marks(page: Page): Promise<Record<string, string>> {
  await settled(page);
  return page.$$eval('#att-table tbody tr', (trs) =>
    Object.fromEntries(
      trs
        .filter((tr) => tr.querySelector('[data-lead]'))
        .map((tr) => [
          tr.querySelector('[data-lead]')!.getAttribute('data-lead')!,
          tr.querySelector('td.reason .change')?.textContent ?? '',
        ]),
    ),
  );
}

/** Each row of the "Resolved since" table as its cells' text. */
function resolvedRows(page: Page): Promise<string[][]> {
  return page.$$eval('#resolved-table tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim() ?? '')),
  );
}

/** The marks core's `attentionChanges` gives for the fixture's data, comparing the list at `since` with the one at `asOf`. */
async function coreChanges(since: string): Promise<{ marks: Record<string, string>; resolved: [string, string][] }> {
  const timeZone = 'UTC';
  const { leads } = await loadFiles({ leads: join(dataDir, 'leads.csv'), stageHistory: join(dataDir, 'stage_history.csv'), timeZone });
  const options = { timeZone, pipeline: DEFAULT_PIPELINE, asOf: endOfLocalDay(parseDayNumber(AS_OF), timeZone) };
  const before = needsAttention(leads, { ...options, asOf: endOfLocalDay(parseDayNumber(since), timeZone) });
  const c = attentionChanges(leads, before, options);
  const result: Record<string, string> = Object.fromEntries(c.current.map((r) => [r.leadId, '']));
  for (const r of c.added) result[r.leadId] = 'new';
  for (const w of c.worse) result[w.row.leadId] = 'worse';
  return { marks: result, resolved: c.resolved.map((r) => [r.before.leadId, r.why]) };
}

beforeAll(async () => {
  runCli(tmp, 'report', ...flags, '--as-of', AS_OF, '--quiet', '--out', defaultPage);
  runCli(tmp, 'report', ...flags, '--as-of', AS_OF, '--since', EARLIER, '--quiet', '--out', earlierPage);
});

describe('what changed since a day before the as-of', () => {
  it('marks the lead new on the list "new" and the one gone from at risk to stale "worse", as visible text', async () => {
    const { page, context, errors } = await open(defaultPage);
    expect(await marks(page)).toEqual({ [NEW_ID]: 'new', [WORSE_ID]: 'worse', [SAME_ID]: '' });
    const worse = page.locator(`tr:has([data-lead="${WORSE_ID}"]) td.reason .change`);
    expect(await worse.isVisible()).toBe(true);
    expect(await worse.getAttribute('title')).toBe(`Worse since ${SINCE} 23:59: was at risk`);
    expect(await page.textContent('#att-changes')).toBe(`Since ${SINCE} 23:59: 1 new, 1 worse, 1 resolved.`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists the lead that progressed under "Resolved since", with why', async () => {
    const { page, context } = await open(defaultPage);
    expect(await page.textContent('#resolved-title')).toBe(`Resolved since ${SINCE} 23:59`);
    expect(await resolvedRows(page)).toEqual([
      [`${PROGRESSED_NAME} ${PROGRESSED_ID}`, 'At risk', 'progressed', 'Follow-Up (progressed)', 'Dana Reyes'],
    ]);
    // Its Download CSV saves the same row.
    const [saved] = await Promise.all([page.waitForEvent('download'), page.click('button[data-download="resolved"]')]);
    expect(readFileSync((await saved.path())!, 'utf8')).toBe(
      `leadId,name,was,why,stage,status,locator\n${PROGRESSED_ID},${PROGRESSED_NAME},at-risk,progressed,Follow-Up,progressed,Dana Reyes\n`,
    );
    await context.close();
  });

  it('axe-core finds no serious or critical violation', async () => {
    const { page, context } = await open(defaultPage);
    expect(graveViolations(await new AxeBuilder({ page }).include('#attention').analyze())).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('the marks are core’s attentionChanges', () => {
  for (const [label, file, since] of [
    ['a day before the as-of', defaultPage, SINCE],
    [`--since ${EARLIER}`, earlierPage, EARLIER],
  ] as const) {
    it(`for the same data, compared with ${label}`, async () => {
      const expected = await coreChanges(since);
      const { page, context } = await open(file);
      expect(await marks(page)).toEqual(expected.marks);
      const resolved = await resolvedRows(page);
      expect(resolved.map((cells) => [cells[0]!.split(' ').pop(), cells[2]])).toEqual(expected.resolved);
      await context.close();
    });
  }

  it('--since on or after --as-of is a usage error naming both', () => {
    expect(() => runCli(tmp, 'report', ...flags, '--as-of', AS_OF, '--since', AS_OF, '--quiet', '--out', join(tmp, 'x.html'))).toThrow(
      /exited 2:[\s\S]*--since \(2026-03-31\) must be before --as-of/,
    );
  });
});
