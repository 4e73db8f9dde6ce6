/**
 * The dashboard's time-to-event panels in a real browser (Debian's Chromium driven by playwright-core, as
 * dashboard.browser.test.ts): time to first contact and speed to lead in the response section, appointment to
 * first progress in the follow-up section, each drawn and readable; their "Download CSV" files equal to
 * `panopticon survival --of … --format csv` byte for byte; and axe-core finds no serious or critical
 * violation in them, in the light and the dark scheme. Never skipped: without Chromium it fails, saying how
 * to install it.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.mjs';
import { runCli } from './fixtures/dashboard-cli.js';

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-survival-page-'));
const samplePage = join(tmp, 'sample.html');
let browser: Browser;

/** The panels, where they sit, and the command their download equals. */
const PANELS = [
  { id: 'first-contact-survival', section: 'response', figure: 'survival-curve', download: 'first-contact-curve', of: 'first-contact' },
  { id: 'speed-to-lead', section: 'response', figure: 'speed-to-lead', download: 'speed-to-lead', of: 'speed-to-lead' },
  {
    id: 'appointment-progress-survival',
    section: 'follow-up',
    figure: 'survival-curve',
    download: 'appointment-progress-curve',
    of: 'appointment-progress',
  },
] as const;

async function open(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 }, colorScheme, acceptDownloads: true });
  const errors: string[] = [];
  await context.route(/^(?!file:|data:)/, (route) => {
    errors.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  await page.goto(pathToFileURL(samplePage).href, { waitUntil: 'load' });
  return { page, context, errors };
}

beforeAll(async () => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
  browser = await launchChromium();
}, 90_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the time-to-event panels', () => {
  it('render in their sections: a figure drawn at a legible size, the caption, the medians or bands table', async () => {
    const { page, context, errors } = await open();
    for (const p of PANELS) {
      const panel = page.locator(`#${p.section} #${p.id}`);
      expect(await panel.isVisible(), p.id).toBe(true);
      const figure = panel.locator(`svg[data-figure="${p.figure}"]`);
      const box = (await figure.boundingBox())!;
      expect(box.width, p.id).toBeGreaterThan(400);
      expect(box.height, p.id).toBeGreaterThan(200);
      expect(await panel.locator('table tbody tr').count(), p.id).toBeGreaterThan(0);
      expect(await panel.locator(`#${p.id}-caption`).isVisible(), p.id).toBe(true);
    }
    expect(await page.textContent('#first-contact-survival-caption')).toContain('censored');
    expect(await page.textContent('#speed-to-lead-caption')).toContain('This is an association, not a cause');
    // The nav reaches the follow-up section.
    await page.click('nav a[href="#follow-up"]');
    expect(await page.locator('#follow-up-title').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('each "Download CSV" saves exactly what panopticon survival --of … --format csv prints', async () => {
    const { page, context, errors } = await open();
    for (const p of PANELS) {
      const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`#${p.id} button[data-download="${p.download}"]`)]);
      const text = readFileSync((await saved.path())!, 'utf8');
      expect(saved.suggestedFilename(), p.id).toMatch(/-2026-10-31\.csv$/);
      expect(text, p.id).toBe(runCli(tmp, 'survival', '--of', p.of, '--quiet', '--format', 'csv'));
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no serious or critical violation in them (${colorScheme} scheme)`, async () => {
      const { page, context } = await open(colorScheme);
      let builder = new AxeBuilder({ page });
      for (const p of PANELS) builder = builder.include(`#${p.id}`);
      const result = await builder.include('#follow-up .section-head').analyze();
      const grave = result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
      expect(grave).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(0); // it looked at something
      await context.close();
    }, 180_000);
  }
});
