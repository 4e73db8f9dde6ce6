/**
 * The dashboard as an investigation tool, in a real browser (Debian's Chromium driven by playwright-core,
 * as dashboard.browser.test.ts): accessibility (axe-core, text size, phone width, dark mode, print), the
 * lead dialog, the CSV downloads and the state kept in the URL hash, against pages written by the built
 * `panopticon report`. Never skipped: without Chromium it fails, saying how to install it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardBrowser, graveViolations, settled, type OpenOptions } from './browser-page.js';
import { runCli } from './fixtures/dashboard-cli.js';
import { type KpisJson, localDate } from './fixtures/dashboard-json.js';
import { HOSTILE_NAME, HOSTILE_STAGE, writeHostileData } from './fixtures/hostile.js';
import { KNOWN_EMAIL, KNOWN_ID, KNOWN_NAME, RECORD_URL, writeKnownLead } from './fixtures/known-lead.js';
import { pageStartData } from './fixtures/page-data-block.js';

const { tmp, open } = dashboardBrowser('panopticon-investigate-');
const samplePage = join(tmp, 'sample.html');
const sample60Page = join(tmp, 'sample-60.html');
const knownPage = join(tmp, 'known.html');
const hostilePage = join(tmp, 'hostile.html');

/** A page of the sample dashboard (or of `file`) in a fresh context. */
const openSample = ({ file = samplePage, ...options }: OpenOptions & { file?: string } = {}) => open(file, options);

beforeAll(async () => {
  runCli(tmp, 'report', '--quiet', '--out', samplePage);
  runCli(tmp, 'report', '--quiet', '--slot', '60', '--out', sample60Page);
  runCli(tmp, 'report', ...writeKnownLead(join(tmp, 'known')), '--quiet', '--out', knownPage);
  runCli(tmp, 'report', ...writeHostileData(join(tmp, 'hostile')), '--quiet', '--out', hostilePage);
});

describe('the dashboard is legible and accessible', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`axe-core finds no serious or critical violation (${colorScheme} scheme)`, async () => {
      const { page, context, errors } = await openSample({ colorScheme });
      expect(graveViolations(await new AxeBuilder({ page }).analyze())).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
      // axe-core checks the contrast of every element of every figure: slow on a shared machine.
    }, 240_000);
  }

  it('writes no text under 12 px, in the page or in its figures', async () => {
    const { page, context } = await openSample();
    const small = await page.evaluate(() => {
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent?.trim() || parent.closest('script,style,title,[hidden]')) continue;
        const style = getComputedStyle(parent);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        let size = Number.parseFloat(style.fontSize);
        // In a figure, the size as drawn: the SVG's font size times the figure's scale on screen.
        const svg = parent.closest('svg');
        if (svg) size *= svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        if (size < 11.5) found.push(`${parent.tagName} "${node.textContent.trim().slice(0, 30)}" ${size.toFixed(1)}px`);
      }
      return found;
    });
    expect(small).toEqual([]);
    await context.close();
  });

  it('at a phone’s width the page never scrolls sideways (tables and figures scroll in their panels)', async () => {
    // 375 px: the narrowest common phone (iPhone SE, mini); with the lead dialog open too.
    const { page, context } = await openSample({ width: 375 });
    const overflow = () => page.evaluate(() => document.scrollingElement!.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.locator('#att-table button[data-lead]').first().click();
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.$eval('#lead-dialog', (d) => d.getBoundingClientRect().right)).toBeLessThanOrEqual(375);
    await context.close();
  });

  it('green → delivery shows every lead, not the longest few', async () => {
    const { page, context } = await openSample();
    const { subtitle, bars } = await page.$eval('svg[data-figure="green-to-delivery"]', (svg) => ({
      subtitle: svg.textContent ?? '',
      bars: [...svg.querySelectorAll('rect')].filter((r) => r.querySelector('title')).length,
    }));
    const leads = Number(/· (\d+) leads? ·/.exec(subtitle)?.[1]);
    expect(leads).toBeGreaterThan(30);
    expect(bars).toBe(leads);
    expect(subtitle).not.toContain('showing');
    await context.close();
  });

  it('has a print style sheet that hides the controls and lets tables run their full length', async () => {
    const { page, context } = await openSample();
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.filters', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await page.$eval('#att-table', (el) => getComputedStyle(el.parentElement!).overflow)).toBe('visible');
    await context.close();
  });

  it('every control can be reached with the keyboard', async () => {
    const { page, context } = await openSample();
    const reached = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => document.activeElement?.id || document.activeElement?.getAttribute('data-sort') || '');
      if (id) reached.add(id);
    }
    for (const id of ['print', 'f-reason', 'f-locator', 'f-stage', 'f-q', 'f-reset', 'reason', 'days']) expect(reached).toContain(id);
    await context.close();
  });
});

/** Clicks a "Download CSV" button and returns the file's name and text. */
async function download(page: Page, name: string): Promise<{ file: string; text: string }> {
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-download="${name}"]`)]);
  return { file: saved.suggestedFilename(), text: readFileSync((await saved.path())!, 'utf8') };
}

describe('Download CSV', () => {
  it('the heatmap at slot length 60 equals panopticon heatmap --slot 60 --format csv, byte for byte', async () => {
    const { page, context, errors } = await openSample({ file: sample60Page });
    const { file, text } = await download(page, 'heatmap');
    expect(file).toMatch(/^heatmap-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(text).toBe(runCli(tmp, 'heatmap', '--quiet', '--slot', '60', '--format', 'csv'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the needs-attention list saves exactly the filtered rows, as panopticon attention --format csv writes them', async () => {
    const { page, context } = await openSample();
    const all = runCli(tmp, 'attention', '--quiet', '--format', 'csv');
    expect((await download(page, 'attention')).text).toBe(all);
    const json = JSON.parse(runCli(tmp, 'attention', '--quiet', '--format', 'json')) as { rows: { locator: string | null }[] };
    const locator = json.rows.find((r) => r.locator !== null)!.locator!;
    await page.selectOption('#f-locator', locator);
    const lines = all.split('\n');
    // The sample's rows hold no line break, so line i + 1 of the CSV is row i.
    const expected = [lines[0], ...json.rows.flatMap((r, i) => (r.locator === locator ? [lines[i + 1]] : [])), ''].join('\n');
    expect((await download(page, 'attention')).text).toBe(expected);
    await context.close();
  });

  it('hostile names, stages and locators are quoted as the CLI quotes them', async () => {
    const { page, context } = await openSample({ file: hostilePage });
    const flags = writeHostileData(join(tmp, 'hostile'));
    expect((await download(page, 'attention')).text).toBe(runCli(tmp, 'attention', ...flags, '--quiet', '--format', 'csv'));
    await context.close();
  });

  it('the KPI tiles save panopticon kpis --format csv, and the data-quality issues panopticon check --format csv, byte for byte', async () => {
    const { page, context, errors } = await openSample();
    const kpis = await download(page, 'kpis');
    expect(kpis.file).toMatch(/^kpis-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(kpis.text).toBe(runCli(tmp, 'kpis', '--quiet', '--format', 'csv'));
    expect((await download(page, 'quality')).text).toBe(runCli(tmp, 'check', '--quiet', '--format', 'csv'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('every table and figure with data to save has a Download CSV button that saves its rows', async () => {
    const { page, context, errors } = await openSample();
    // Every panel of a figure has its button; the calendar's is its section's appointment list (the same
    // appointments, filtered by the same range).
    const panels = await page.$$eval('.panel.figure', (els) =>
      els.map((el) => [
        el.querySelector('svg')?.getAttribute('data-figure') ?? el.id,
        el.querySelector('button[data-download]')?.getAttribute('data-download') ?? null,
      ]),
    );
    const saved = panels.filter(([figure]) => figure !== 'appointment-calendar');
    expect(saved.length).toBeGreaterThanOrEqual(7);
    expect(Object.fromEntries(panels)['time-in-stage']).toBe('time-in-stage');
    expect(await page.getAttribute('aside.figure button[data-download]', 'data-download')).toBe('attention-by-locator');
    // Time in stage and needs attention by locator save their commands' CSV, byte for byte.
    expect((await download(page, 'time-in-stage')).text).toBe(runCli(tmp, 'time-in-stage', '--quiet', '--format', 'csv'));
    expect((await download(page, 'attention-by-locator')).text).toBe(
      runCli(tmp, 'attention', '--quiet', '--by', 'locator', '--format', 'csv'),
    );
    for (const [figure, name] of saved) expect(name, String(figure)).not.toBeNull();
    expect(await page.$$eval('#calendar button[data-download]', (bs) => bs.map((b) => b.getAttribute('data-download')))).toEqual([
      'appointments',
    ]);
    const headers: Record<string, string> = {
      snapshot: 'stage,category,count',
      trend: 'date,stage,category,count',
      'green-to-delivery': 'leadId,name,locator,stage,category,greenAt,deliveryAt,days,done,stuck',
      demand: 'day,slot,leads,reps,uncovered',
      comparison:
        'day,slot,currentTotal,currentWithinSla,currentWithinSlaPercent,previousTotal,previousWithinSla,previousWithinSlaPercent,deltaTotal',
    };
    // The sample's list lost no lead since the day before: no resolved table, so no button (the changes'
    // test, dashboard-changes.browser.test.ts, saves one).
    expect(await page.locator('button[data-download="resolved"]').count()).toBe(0);
    for (const [name, header] of Object.entries(headers)) {
      const { file, text } = await download(page, name);
      expect(file).toBe(`${name}-${(await pageStartData(page)).today}.csv`);
      const lines = text.trim().split('\n');
      expect(lines[0], name).toBe(header);
      expect(lines.length, name).toBeGreaterThan(1);
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the appointment list and the scorecard save the rows they show, in the order shown', async () => {
    const { page, context } = await openSample();
    await page.click('button[data-range="month"]');
    const listed = await page.$$eval('#cal-table tbody tr button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')));
    const appointments = (await download(page, 'appointments')).text.trim().split('\n');
    expect(appointments[0]).toBe('leadId,name,locator,stage,status,date,time');
    expect(appointments.slice(1).map((l) => l.split(',')[0])).toEqual(listed);
    await page.click('#scorecard th:nth-child(2) button');
    const shown = await page.$$eval('#scorecard tbody tr', (trs) => trs.map((tr) => (tr as HTMLTableRowElement).cells[1]!.textContent));
    const scorecard = (await download(page, 'scorecard')).text.trim().split('\n');
    expect(scorecard.slice(1).map((l) => l.split(',')[1])).toEqual(shown.map((n) => n!.replace(/,/g, '')));
    await context.close();
  });
});

describe('the lead dialog', () => {
  it('opens from a lead’s name with its status, reason, timeline, owner changes, appointment and response', async () => {
    const { page, context, errors } = await openSample({ file: knownPage });
    const opener = page.locator(`#att-table button[data-lead="${KNOWN_ID}"]`);
    await opener.click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.isVisible()).resolves.toBe(true);
    expect(await dialog.locator('#lead-title').textContent()).toBe(`${KNOWN_NAME} #${KNOWN_ID}`);
    const facts = Object.fromEntries(
      await dialog.locator('.facts dt').evaluateAll((dts) => dts.map((dt) => [dt.textContent, dt.nextElementSibling!.textContent])),
    );
    // As panopticon attention judges it: stale, 39 days since the appointment of 2026-02-20.
    expect(facts).toMatchObject({
      'Follow-up status': 'Stale',
      'Needs attention': 'Stale · 39 days',
      Locator: 'Dana Reyes',
      Team: 'East',
      'Stage now': 'Appointment Set',
      Created: '2026-02-10 09:00',
      'First contact': '2026-02-10 09:25',
      Response: '25 minutes',
      Appointment: '2026-02-20 10:00',
      'Days since appointment': '39',
      'First progress after it': 'none',
    });
    const timeline = await dialog
      .locator('.timeline tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((c) => c.textContent)));
    // Stage changes at 09:00, 09:25 and 2026-02-12 15:00; the last visit is still open at the end of 2026-03-31.
    expect(timeline).toEqual([
      ['New', '2026-02-10 09:00', '2026-02-10 09:25', '0'],
      ['Contacted', '2026-02-10 09:25', '2026-02-12 15:00', '2.2'],
      ['Appointment Set', '2026-02-12 15:00', 'still there', '47.4'],
    ]);
    expect(await dialog.locator('.owners li').allTextContents()).toEqual(['2026-02-10 09:05 → Sam Lee', '2026-02-15 12:00 → Dana Reyes']);
    expect(await dialog.getByRole('link', { name: 'Open in CRM' }).getAttribute('href')).toBe(RECORD_URL.replace('{id}', KNOWN_ID));
    const mail = new URL((await dialog.getByRole('link', { name: 'Email locator' }).getAttribute('href'))!);
    expect(mail.protocol).toBe('mailto:');
    expect(decodeURIComponent(mail.pathname)).toBe(KNOWN_EMAIL);
    expect(mail.searchParams.get('subject')).toBe(`Lead ${KNOWN_NAME} (#${KNOWN_ID}): stale, 39 days`);
    expect(mail.searchParams.get('body')).toContain('2026-02-20 10:00');

    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lead'))).toBe(KNOWN_ID);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps the keyboard in the dialog while it is open, and gives focus back to its opener when it closes', async () => {
    const { page, context } = await openSample({ file: knownPage });
    const opener = page.locator(`#att-table button[data-lead="${KNOWN_ID}"]`).first();
    await opener.focus();
    await page.keyboard.press('Enter');
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    const inside = () => page.evaluate(() => document.getElementById('lead-dialog')!.contains(document.activeElement));
    expect(await inside()).toBe(true);
    // Forwards past its last control and backwards past its first, focus stays in the dialog.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Tab');
      expect(await inside(), `Tab ${i + 1}`).toBe(true);
    }
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside(), `Shift+Tab ${i + 1}`).toBe(true);
    }
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lead'))).toBe(KNOWN_ID);
    await context.close();
  });

  it('shortens a long id on screen and keeps it whole in its tooltip', async () => {
    const { page, context } = await openSample({ file: knownPage });
    const id = page.locator(`#att-table button[data-lead="${KNOWN_ID}"] .id`);
    expect(await id.textContent()).toBe(`#${KNOWN_ID}`);
    expect(await id.getAttribute('title')).toBe(`Lead #${KNOWN_ID}`);
    expect(await id.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await context.close();
  });

  it('opens from the appointment list too, and says when no CRM link is known', async () => {
    const { page, context } = await openSample();
    await page.click('button[data-range="month"]');
    const opener = page.locator('#cal-table button[data-lead]').first();
    const id = await opener.getAttribute('data-lead');
    await opener.click();
    expect(await page.locator('#lead-title').textContent()).toContain(`#${id}`);
    expect(await page.getByRole('dialog').getByRole('link', { name: 'Open in CRM' }).count()).toBe(0);
    expect(await page.getByRole('dialog').textContent()).toContain('No CRM link');
    await page.click('#lead-close');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-lead'))).toBe(id);
    await context.close();
  });

  it('shows hostile names and stages as text and runs nothing', async () => {
    const { page, context, errors } = await openSample({ file: hostilePage });
    await page.click('#att-table button[data-lead="1"]');
    expect(await page.locator('#lead-title').textContent()).toBe(`${HOSTILE_NAME} #1`);
    expect(await page.locator('#lead-body').textContent()).toContain(HOSTILE_STAGE);
    expect(await page.$$eval('img, b', (els) => els.length)).toBe(0);
    expect(await page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)).toBe('undefined');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the view in the URL hash', () => {
  it('keeps filters, sort, the appointment range and the open lead, and restores them on reload', async () => {
    const { page, context, errors } = await openSample();
    await page.selectOption('#f-reason', 'at-risk');
    await page.click('button[data-sort="days"]');
    await page.click('button[data-range="month"]');
    const lead = page.locator('#att-table button[data-lead]').first();
    const id = await lead.getAttribute('data-lead');
    await lead.click();
    await page.waitForFunction(() => location.hash.includes('lead='));
    const hash = new URLSearchParams((await page.evaluate(() => location.hash)).slice(1));
    expect(Object.fromEntries(hash)).toEqual({ reason: 'at-risk', sort: '-days', range: 'month', lead: id });
    await settled(page);
    const rowsBefore = await page.$$eval('#att-table tbody tr button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')));

    await page.reload({ waitUntil: 'load' });
    expect(await page.inputValue('#f-reason')).toBe('at-risk');
    expect(await page.getAttribute('th:has(button[data-sort="days"])', 'aria-sort')).toBe('descending');
    expect(await page.getAttribute('button[data-range="month"]', 'aria-pressed')).toBe('true');
    expect(await page.getByRole('dialog').isVisible()).toBe(true);
    expect(await page.locator('#lead-title').textContent()).toContain(`#${id}`);
    await page.keyboard.press('Escape');
    await settled(page);
    expect(await page.$$eval('#att-table tbody tr button[data-lead]', (bs) => bs.map((b) => b.getAttribute('data-lead')))).toEqual(
      rowsBefore,
    );
    await page.waitForFunction(() => !location.hash.includes('lead='));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('"Copy link" gives the address of the view', async () => {
    const { page, context } = await openSample();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.fill('#f-q', 'Ivanova');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('copy-status')!.textContent !== '');
    const link = await page.inputValue('#copy-text');
    expect(new URL(link).hash).toBe('#q=Ivanova');
    expect(link).toBe(await page.evaluate(() => location.href));
    await context.close();
  });

  it('a crafted hash runs no script and writes no markup: its values stay text', async () => {
    const q = '<img src=x onerror="window.__pwned=1">';
    const crafted = new URLSearchParams({
      q,
      locator: '"><script>window.__pwned=2</script>',
      lead: '<svg onload="window.__pwned=3">',
      sort: 'days"><img src=x onerror="window.__pwned=4">',
      range: 'month"],img[src=x',
    });
    const { page, context, errors } = await openSample({ hash: `#${crafted.toString()}` });
    expect(await page.evaluate(() => typeof (window as { __pwned?: unknown }).__pwned)).toBe('undefined');
    expect(await page.$$eval('img, main script, svg[onload]', (els) => els.length)).toBe(0);
    expect(await page.inputValue('#f-q')).toBe(q);
    expect(await page.inputValue('#f-locator')).toBe('');
    expect(await page.getByRole('dialog').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('what changed: the KPI tiles against a week earlier', () => {
  it('each tile shows its change against panopticon kpis as of 7 days earlier, and an eight-week sparkline', async () => {
    const now = JSON.parse(runCli(tmp, 'kpis', '--quiet', '--format', 'json')) as KpisJson;
    const day = localDate(now.asOf, now.timeZone);
    const weekAgoDate = new Date(Date.parse(`${day}T00:00:00Z`) - 7 * 86_400_000).toISOString().slice(0, 10);
    const before = JSON.parse(runCli(tmp, 'kpis', '--quiet', '--format', 'json', '--as-of', weekAgoDate)) as KpisJson;
    const { page, context } = await openSample();
    const tiles = Object.fromEntries(
      await page.$$eval('[data-kpi]', (els) =>
        els.map((el) => [
          el.getAttribute('data-kpi')!,
          {
            delta: el.querySelector('.delta')!.getAttribute('data-delta'),
            spark: el.querySelector('svg.spark')?.getAttribute('aria-label') ?? '',
          },
        ]),
      ),
    );
    const signed = (d: number, unit = '') => (d === 0 ? 'no change' : `${d > 0 ? '+' : '−'}${Math.abs(d)}${unit}`);
    for (const key of ['stale', 'atRisk', 'stuckInGreen', 'stalled', 'appointed'] as const)
      expect(tiles[`followUp.${key}`]!.delta).toBe(signed(now.followUp[key]! - before.followUp[key]!));
    const pts = (a: number, b: number) => {
      const d = Number(((a - b) * 100).toFixed(1));
      return d === 0 ? 'no change' : `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
    };
    expect(tiles['response.withinSlaRatio']!.delta).toBe(pts(now.response.withinSlaRatio!, before.response.withinSlaRatio!));
    expect(tiles['followUp.conversionRatio']!.delta).toBe(pts(now.followUp.conversionRatio!, before.followUp.conversionRatio!));
    // The sparkline's last two weekly points are a week ago and now.
    const points = tiles['followUp.stale']!.spark.replace(/^.*: /, '').split(', ').map(Number);
    expect(points).toHaveLength(8);
    expect(points.slice(-2)).toEqual([before.followUp.stale, now.followUp.stale]);
    await context.close();
  });
});
