/**
 * What every dashboard browser test (dashboard-*.browser.test.ts) starts with: a temporary folder for the
 * pages it writes, Debian's Chromium (launchChromium() of scripts/chromium.mjs) for the whole file, and a way
 * to open a page in a fresh context that records every request leaving the page, script error, console error
 * and warning, so that a test can assert there were none.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../../scripts/chromium.mjs';

/** A page in its own context, with what went wrong in it so far. */
export interface OpenedPage {
  page: Page;
  context: BrowserContext;
  /** Requests refused (anything but the page's own file), script errors, console errors and warnings. */
  errors: string[];
}

export interface OpenOptions {
  /** Viewport width in CSS pixels (1440 by default; the height is always 1000). */
  width?: number;
  colorScheme?: 'light' | 'dark';
  /** Appended to the page's URL, with its `#`. */
  hash?: string;
}

/**
 * Makes a temporary folder and registers the hooks that launch Chromium before the file's tests and close it
 * (and remove the folder) after them. Call it once, at the top of a test file.
 */
export function dashboardBrowser(prefix: string): { tmp: string; open: (file: string, options?: OpenOptions) => Promise<OpenedPage> } {
  const tmp = mkdtempSync(join(tmpdir(), prefix));
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  async function open(file: string, options: OpenOptions = {}): Promise<OpenedPage> {
    if (!browser) throw new Error('dashboardBrowser(): Chromium is not running (open() called outside a test)');
    const context = await browser.newContext({
      viewport: { width: options.width ?? 1440, height: 1000 },
      colorScheme: options.colorScheme ?? 'light',
      acceptDownloads: true,
    });
    const errors: string[] = [];
    // Anything but the page's own file (and what it makes itself: data: and blob: URLs) is refused and reported.
    await context.route(/^(?!file:|data:|blob:)/, (route) => {
      errors.push(`request: ${route.request().url()}`);
      return route.abort();
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
    });
    await page.goto(pathToFileURL(file).href + (options.hash ?? ''), { waitUntil: 'load' });
    await settled(page);
    return { page, context, errors };
  }

  return { tmp, open };
}

/**
 * Waits until the page has drawn every part: the parts off screen are drawn when the browser is idle, and say
 * `aria-busy="true"` until then (client/off-screen.ts). Call it after a change and before reading what it drew.
 */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

/** axe-core's serious and critical violations, one line each (rule, count, first place): `[]` when clean. */
export function graveViolations(result: Awaited<ReturnType<AxeBuilder['analyze']>>): string[] {
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes[0]?.target.join(' ')}`);
}
