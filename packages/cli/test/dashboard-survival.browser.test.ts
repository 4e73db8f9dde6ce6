/**
 * The dashboard's time-to-event panels in a real browser (Debian's Chromium driven by playwright-core, as
 * dashboard.browser.test.ts): time to first contact and speed to lead in the response section, appointment to
 * first progress in the follow-up section, each drawn and readable; their "Download CSV" files equal to
 * `panopticon survival --of … --format csv` byte for byte; and axe-core finds no serious or critical
 * violation in them, in the light and the dark scheme. Never skipped: without Chromium it fails, saying how
 * to install it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardBrowser, graveViolations } from './browser-page.js';
import { runCli } from './fixtures/dashboard-cli.js';

const { tmp, open } = dashboardBrowser('panopticon-survival-page-');
const samplePage = join(tmp, 'sample.html');

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

beforeAll(async () => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
});

describe('the time-to-event panels', () => {
  it('render in their sections: a figure drawn at a legible size, the caption, the medians or bands table', async () => {
    const { page, context, errors } = await open(samplePage);
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
    const { page, context, errors } = await open(samplePage);
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
      const { page, context } = await open(samplePage, { colorScheme });
      let builder = new AxeBuilder({ page });
      for (const p of PANELS) builder = builder.include(`#${p.id}`);
      const result = await builder.include('#follow-up .section-head').analyze();
      expect(graveViolations(result)).toEqual([]);
      expect(result.passes.length).toBeGreaterThan(0); // it looked at something
      await context.close();
    }, 180_000);
  }
});
