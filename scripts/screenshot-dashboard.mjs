#!/usr/bin/env node
// Screenshots the dashboard in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM):
//   node scripts/screenshot-dashboard.mjs [dashboard.html] [docs/dashboard.png] [--full] [--width 1440] [--height 1000]
// With no HTML file it writes one from the bundled sample data first (needs `npm run build`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [, value] = args.splice(i, 2);
  return value;
};
const full = args.includes('--full') ? (args.splice(args.indexOf('--full'), 1), true) : false;
const width = Number(flag('--width', '1440'));
const height = Number(flag('--height', '1000'));
const [htmlArg, pngArg = join(root, 'docs', 'dashboard.png')] = args;

const work = mkdtempSync(join(tmpdir(), 'panopticon-shot-'));
let html = htmlArg && resolve(htmlArg);
if (!html) {
  html = join(work, 'dashboard.html');
  const r = spawnSync(process.execPath, [join(root, 'packages/cli/bin/panopticon.js'), 'report', '--quiet', '--out', html], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`panopticon report failed:\n${r.stderr}`);
}
// A fresh profile each run (launchPersistentContext's user data dir is Chromium's --user-data-dir).
const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: CHROMIUM_ARGS,
  viewport: { width, height },
  deviceScaleFactor: 1,
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
  mkdirSync(dirname(resolve(pngArg)), { recursive: true });
  await page.screenshot({ path: resolve(pngArg), fullPage: full });
  console.log(`Wrote ${resolve(pngArg)}`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
