#!/usr/bin/env node
// Measures the dashboard at scale: generates N appointed leads (scripts/gen-appointed.mjs, seeded), times
// `panopticon report` writing the page (the built CLI as a process, wall clock), reports the file size, and
// times opening it in headless Chromium (Debian's /usr/bin/chromium or $CHROMIUM): navigation to the `load`
// event, first contentful paint, the page script's "tables drawn" mark, and the first frame after it.
// Run `npm run build` first.   Usage: node scripts/measure-dashboard.mjs [N=10000] [RUNS=3]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { AS_OF, TIME_ZONE, generate } from './gen-appointed.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [n = '10000', runs = '3'] = process.argv.slice(2);
const RUNS = Number(runs);
const work = mkdtempSync(join(tmpdir(), 'panopticon-measure-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;

try {
  const data = join(work, 'data');
  mkdirSync(data);
  for (const [name, text] of Object.entries(generate(Number(n)))) writeFileSync(join(data, name), text);
  const html = join(work, 'dashboard.html');
  const args = [
    join(root, 'packages/cli/bin/panopticon.js'),
    'report',
    '--quiet',
    '--leads',
    join(data, 'leads.csv'),
    '--history',
    join(data, 'stage_history.csv'),
    '--owners',
    join(data, 'owner_history.csv'),
    '--schedule',
    join(data, 'schedule.csv'),
    '--pipeline',
    join(data, 'pipeline.json'),
    '--tz',
    TIME_ZONE,
    '--as-of',
    AS_OF,
    '--out',
    html,
  ];

  const write = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: work, encoding: 'utf8' });
    const t = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`panopticon report failed:\n${r.stderr}`);
    write.push(t);
  }
  const bytes = statSync(html).size;

  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  const open = [];
  let rows = 0;
  try {
    const url = pathToFileURL(html).href;
    for (let i = 0; i < RUNS + 1; i++) {
      const page = await browser.newPage();
      const t0 = Date.now();
      await page.goto(url, { waitUntil: 'load' });
      const wall = Date.now() - t0;
      const m = await page.evaluate(
        () =>
          new Promise((done) =>
            requestAnimationFrame(() =>
              requestAnimationFrame(() => {
                const nav = performance.getEntriesByType('navigation')[0];
                const fcp = performance.getEntriesByName('first-contentful-paint')[0];
                const ready = performance.getEntriesByName('panopticon:ready')[0];
                done({
                  load: nav.loadEventEnd,
                  fcp: fcp ? fcp.startTime : NaN,
                  ready: ready ? ready.startTime : NaN,
                  painted: performance.now(),
                  rows: document.querySelectorAll('#att-table tbody tr').length,
                });
              }),
            ),
          ),
      );
      rows = m.rows;
      if (i > 0) open.push({ wall, ...m }); // the first open warms Chromium's caches; it is left out
      await page.close();
    }
  } finally {
    await browser.close();
  }

  const lines = [
    `Dashboard for ${Number(n).toLocaleString('en-US')} appointed leads (seeded, scripts/gen-appointed.mjs), ${RUNS} runs, median:`,
    `  write the report (panopticon report, whole process)   ${ms(median(write))}   (runs: ${write.map(ms).join(', ')})`,
    `  file size                                             ${(bytes / 1024 / 1024).toFixed(2)} MB (${bytes.toLocaleString('en-US')} bytes)`,
    `  open in Chromium: navigation → load event             ${ms(median(open.map((o) => o.load)))}   (goto → load, wall clock: ${ms(median(open.map((o) => o.wall)))})`,
    `  first contentful paint                                ${ms(median(open.map((o) => o.fcp)))}`,
    `  tables drawn (script mark)                            ${ms(median(open.map((o) => o.ready)))}`,
    `  first frame after the tables are drawn                ${ms(median(open.map((o) => o.painted)))}   (${rows.toLocaleString('en-US')} needs-attention rows)`,
    `  budget: write < 3000 ms, open < 2000 ms`,
  ];
  console.log(lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
