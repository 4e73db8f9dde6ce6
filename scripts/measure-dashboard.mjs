#!/usr/bin/env node
// Measures the dashboard against its budgets (issue 14 point 8) and prints the figures; nothing is asserted.
// 1. N appointed leads with stage and owner histories and a schedule (scripts/gen-appointed.mjs, seeded):
//    `panopticon report` (the built CLI as a process, wall clock and peak memory), the page's size, opening it
//    in headless Chromium (Debian's /usr/bin/chromium or $CHROMIUM) to its first complete render (the script's
//    "ready" mark and the frame after it), and the re-render after a change of each analysis control (the
//    change event to the next frame, in the page's own clock). Each open and change also prints the renderer
//    process's CPU time (Chromium's ProcessTime metric), which the machine's load sways far less than the clock.
// 2. R response rows (scripts/gen-responses.mjs, seeded): `panopticon report`'s peak memory, the page's size,
//    that it opens, and whether its controls recompute or say they are fixed (above the row limit of
//    packages/cli/src/report/controls-data.ts the rows are not embedded).
// Run `npm run build` first.   Usage: node scripts/measure-dashboard.mjs [N=100000] [R=1000000] [RUNS=3] [PAGE] (R=0: part 1 only;
// PAGE: measure that page, written before, instead of writing one: pages of two builds compared on one machine;
// a PAGE that does not exist yet is written there and kept)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { AS_OF, TIME_ZONE, generate } from './gen-appointed.mjs';
import { writeResponses } from './gen-responses.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';
import { dataFlags } from './data-flags.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [n = '100000', responseRows = '1000000', runs = '3', page] = process.argv.slice(2);
const RUNS = Number(runs);
const work = mkdtempSync(join(tmpdir(), 'panopticon-measure-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x)} ms`;
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const cli = join(root, 'packages/cli/bin/panopticon.js');
const TIME = '/usr/bin/time';

/** Runs `panopticon report …`: wall-clock ms and peak resident memory in bytes (GNU time's %M, when present). */
function report(args) {
  const timed = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = timed
    ? spawnSync(TIME, ['-f', 'PEAK_RSS_KB=%M', process.execPath, cli, 'report', '--quiet', ...args], { cwd: work, encoding: 'utf8' })
    : spawnSync(process.execPath, [cli, 'report', '--quiet', ...args], { cwd: work, encoding: 'utf8' });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  // Exit 1 = findings (a question cannot be judged: a response export has no appointments); the page is written.
  if (r.status !== 0 && r.status !== 1) throw new Error(`panopticon report failed:\n${r.stderr}`);
  const kb = /PEAK_RSS_KB=(\d+)/.exec(r.stderr ?? '');
  return { wall, peak: kb ? Number(kb[1]) * 1024 : NaN };
}

/**
 * CPU seconds of the page's renderer process since it started (Chromium's ProcessTime metric: parsing, script,
 * style, layout and paint, with their helper threads). Wall-clock figures grow with the machine's load; this
 * one far less.
 */
async function rendererCpu(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ProcessTime')?.value ?? Number.NaN;
}

/**
 * Opens the page: navigation to its first complete render (the script's mark, then the next frame), to every part
 * drawn (no aria-busy left), and the renderer's CPU time from its start to then (each page opens in a renderer
 * process of its own).
 */
async function openPage(browser, url) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  const wall = Date.now() - t0;
  const m = await page.evaluate(
    () =>
      new Promise((done) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const nav = performance.getEntriesByType('navigation')[0];
            const ready = performance.getEntriesByName('panopticon:ready')[0];
            const painted = performance.now();
            // Then every part drawn (the rows below the visible ones are drawn when the browser is idle).
            const wait = () =>
              document.querySelector('[aria-busy="true"]')
                ? requestAnimationFrame(wait)
                : requestAnimationFrame(() =>
                    done({
                      interactive: nav.domInteractive,
                      load: nav.loadEventEnd,
                      ready: ready ? ready.startTime : NaN,
                      painted,
                      settled: performance.now(),
                      rows: document.querySelectorAll('#att-table tbody tr').length,
                      fixed: document.getElementById('v-fixed')?.textContent ?? null,
                      enabled: !(document.getElementById('v-slot')?.disabled ?? true),
                    }),
                  );
            wait();
          }),
        ),
      ),
  );
  const cpu = (await rendererCpu(cdp)) * 1000;
  return { page, cdp, errors, wall, cpu, ...m };
}

/**
 * A control's change: from setting its value and dispatching `change` to the frame after the redraw (wall clock,
 * and the renderer's CPU), then to the frame after the page has settled. Parts off screen are drawn when the
 * browser is idle (client/off-screen.ts: their elements say aria-busy="true" until then): "next frame" is the
 * animation frame after the one that drew what is on screen (it includes idle work that ran before it, if any),
 * "first frame's work done" the end of that drawing frame's own work, "settled" every part drawn.
 */
async function controlChange({ page, cdp }, id, value) {
  const cpu0 = await rendererCpu(cdp);
  const change = await page.evaluate(
    ({ id, value }) =>
      new Promise((done) => {
        const control = document.getElementById(id);
        performance.clearMeasures();
        const t0 = performance.now();
        control.value = value;
        control.dispatchEvent(new Event('change'));
        const part = (name) => performance.getEntriesByName('panopticon:' + name).at(-1)?.duration ?? 0;
        // The first frame's own work done: a message posted from its animation frame runs after its style, layout
        // and paint, before any idle work (the next animation frame may come after idle work has run).
        let frame = Number.NaN;
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          frame = performance.now() - t0;
        };
        requestAnimationFrame(() => channel.port2.postMessage(0));
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const total = performance.now() - t0;
            window.__settled = new Promise((settled) => {
              const wait = () =>
                document.querySelector('[aria-busy="true"]')
                  ? requestAnimationFrame(wait)
                  : requestAnimationFrame(() =>
                      settled({ settled: performance.now() - t0, recompute: part('recompute'), redraw: part('redraw') }),
                    );
              wait();
            });
            done({ total, frame, team: part('team-panels') });
          }),
        );
      }),
    { id, value },
  );
  // The renderer's CPU time over the same span (and the round trip of the evaluation, a few ms, in which idle work may run).
  const cpu = ((await rendererCpu(cdp)) - cpu0) * 1000;
  const settled = await page.evaluate(() => window.__settled);
  return { ...change, ...settled, cpu, settledCpu: ((await rendererCpu(cdp)) - cpu0) * 1000 };
}

/**
 * The first lead dialog opened on the page: a click on the first lead of the needs-attention table to the frame
 * after (the dialog's facts are decoded then, embedded-data.ts), wall clock and the renderer's CPU.
 */
async function firstDialog({ page, cdp }) {
  const cpu0 = await rendererCpu(cdp);
  const wall = await page.evaluate(
    () =>
      new Promise((done) => {
        const t0 = performance.now();
        document.querySelector('#att-table tbody [data-lead]').click();
        requestAnimationFrame(() =>
          requestAnimationFrame(() => done(document.getElementById('lead-dialog')?.open ? performance.now() - t0 : Number.NaN)),
        );
      }),
  );
  await page.keyboard.press('Escape');
  return { wall, cpu: ((await rendererCpu(cdp)) - cpu0) * 1000 };
}

try {
  const lines = [];
  const browser = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1440, height: 900 },
  });
  try {
    // 1. N leads with histories.
    let html = join(work, 'dashboard.html');
    const writes = [];
    const given = page !== undefined && existsSync(page);
    if (page) html = resolve(page);
    if (!given) {
      const data = join(work, 'appointed');
      mkdirSync(data);
      for (const [name, text] of Object.entries(generate(Number(n)))) writeFileSync(join(data, name), text);
      const args = [...dataFlags(data, { schedule: true }), '--tz', TIME_ZONE, '--as-of', AS_OF, '--out', html];
      for (let i = 0; i < RUNS; i++) writes.push(report(args));
    }
    const bytes = statSync(html).size;
    const opens = [];
    const changes = { slot: [], sla: [], clock: [], team: [], period: [] };
    const dialogs = [];
    let first;
    for (let i = 0; i < RUNS + 1; i++) {
      const o = await openPage(browser, pathToFileURL(html).href);
      if (i === 0)
        first = o; // the first open warms Chromium's caches; it is left out
      else opens.push(o);
      if (i > 0) dialogs.push(await firstDialog(o));
      if (i > 0 && o.enabled) {
        changes.slot.push(await controlChange(o, 'v-slot', '60'));
        changes.sla.push(await controlChange(o, 'v-sla', '30'));
        changes.clock.push(await controlChange(o, 'v-clock', 'business'));
        const team = await o.page.$eval('#v-team option:nth-child(2)', (e) => e.value).catch(() => '');
        changes.team.push(await controlChange(o, 'v-team', team));
        changes.period.push(await controlChange(o, 'v-a-from', '2026-09-01'));
      }
      await o.page.close();
    }
    lines.push(
      `Dashboard for ${Number(n).toLocaleString('en-US')} appointed leads with histories (seeded, scripts/gen-appointed.mjs), ${RUNS} runs, median:`,
      given
        ? `  page given: ${page} (not written by this run)`
        : `  write the report (panopticon report, whole process)   ${ms(median(writes.map((w) => w.wall)))}, peak memory ${mb(median(writes.map((w) => w.peak)))}`,
      `  page size                                             ${mb(bytes)} (${bytes.toLocaleString('en-US')} bytes)   budget < 15 MB`,
      `  open: navigation → DOM interactive, → load event      ${ms(median(opens.map((o) => o.interactive)))}, ${ms(median(opens.map((o) => o.load)))}`,
      `  open: first complete render (script mark, next frame) ${ms(median(opens.map((o) => o.ready)))}, ${ms(median(opens.map((o) => o.painted)))}   budget < 1500 ms   (${first.rows.toLocaleString('en-US')} needs-attention rows drawn)`,
      `  open: every part drawn (no aria-busy left)            ${ms(median(opens.map((o) => o.settled)))}`,
      `  open: renderer CPU, process start to that             ${ms(median(opens.map((o) => o.cpu)))}`,
      `  first lead dialog: click → next frame                 ${ms(median(dialogs.map((d) => d.wall)))} (renderer CPU ${ms(median(dialogs.map((d) => d.cpu)))})`,
    );
    if (opens[0].enabled) {
      for (const [control, times] of Object.entries(changes)) {
        const part = (key) => ms(median(times.map((x) => x[key])));
        lines.push(
          `  control change → next frame (${control.padEnd(6)})            ${part('total')}   budget < 200 ms   (first frame's work done ${part('frame')}; renderer CPU ${part('cpu')}; team panels ${part('team')})`,
          `                 → settled, every part drawn        ${part('settled')}   (renderer CPU ${part('settledCpu')}; core recompute ${part('recompute')}, figures drawn ${part('redraw')})`,
        );
      }
    } else lines.push(`  controls fixed: ${opens[0].fixed}`);
    if (opens.some((o) => o.errors.length)) lines.push(`  page errors: ${opens.flatMap((o) => o.errors).join('; ')}`);
    console.log(lines.splice(0).join('\n'));

    // 2. R response rows (R=0 leaves this part out).
    if (Number(responseRows) > 0) {
      const csv = join(work, 'responses.csv');
      await writeResponses(Number(responseRows), csv);
      const big = join(work, 'responses.html');
      const w = report(['--leads', csv, '--tz', TIME_ZONE, '--as-of', '2026-01-01', '--out', big]);
      const o = await openPage(browser, pathToFileURL(big).href);
      lines.push(
        `Dashboard for ${Number(responseRows).toLocaleString('en-US')} response rows (seeded, scripts/gen-responses.mjs), one run:`,
        `  write the report                                      ${ms(w.wall)}, peak memory ${mb(w.peak)}   budget < 1024 MB`,
        `  page size                                             ${mb(statSync(big).size)}`,
        `  open: first complete render                           ${ms(o.ready)}, next frame ${ms(o.painted)}${o.errors.length ? `; page errors: ${o.errors.join('; ')}` : ''}`,
        `  analysis controls                                     ${o.enabled ? 'recompute in the page' : `fixed: ${o.fixed}`}`,
      );
      await o.page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(lines.join('\n'));
} finally {
  rmSync(work, { recursive: true, force: true });
}
