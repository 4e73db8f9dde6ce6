/**
 * The dashboard page builder, in process (no browser): escaping of every CRM string, the JSON block, the
 * Content-Security-Policy and its hashes, and KPI tiles equal to `panopticon kpis --format json`.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, cspHash } from '../src/report/csp.js';
import { escapeHtml, jsonForScript } from '../src/report/escape.js';
import { DATA_ELEMENT_ID } from '../src/report/page-data.js';
import { longDate } from '../src/report/text.js';
import { formatTileValue } from '../src/report/tiles.js';
import { runMain } from './fixtures/cli-run.js';
import { pageDataOf } from './fixtures/page-data-block.js';
import { HOSTILE_COMMENT, HOSTILE_LOCATOR, HOSTILE_NAME, HOSTILE_STAGE, writeHostileData } from './fixtures/hostile.js';

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-report-'));

const run = (...argv: string[]) => runMain(tmp, ...argv);

/** The parts of a written page the tests look at. */
function readPage(path: string) {
  const html = readFileSync(path, 'utf8');
  const doc = new JSDOM(html).window.document; // parsed only: jsdom runs no script by default
  const scripts = [...doc.querySelectorAll('script')];
  const inline = scripts.filter((s) => !s.hasAttribute('type'));
  const json = scripts.find((s) => s.id === DATA_ELEMENT_ID)!;
  const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
  return { html, doc, inline, json, data: pageDataOf(html), csp };
}

describe('escaping', () => {
  it('escapeHtml escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
    expect(escapeHtml(null)).toBe('');
  });

  it('jsonForScript writes < > & U+2028 U+2029 as \\u escapes, and reads back the same value', () => {
    const value = { s: '</script><!-- <script>&\u2028\u2029', n: [1, null] };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(text).toContain('\\u003c/script\\u003e\\u003c!--');
    expect(text).toContain('\\u0026\\u2028\\u2029');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('cspHash is the base64 sha256 of the exact text', () => {
    const hash = createHash('sha256').update('alert(1)').digest('base64');
    expect(cspHash('alert(1)')).toBe(`'sha256-${hash}'`);
    const policy = contentSecurityPolicy({ scripts: ['a'], styles: ['b'] });
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain(`script-src ${cspHash('a')}`);
    expect(policy).toContain(`style-src ${cspHash('b')}`);
  });

  it('longDate names the weekday and month', () => {
    expect(longDate('2026-10-31')).toBe('Saturday 31 October 2026');
    expect(longDate('2024-02-29')).toBe('Thursday 29 February 2024');
  });
});

describe('panopticon report on hostile data', () => {
  let page: ReturnType<typeof readPage>;
  let flags: string[];
  beforeAll(async () => {
    flags = writeHostileData(join(tmp, 'hostile'));
    const r = await run('report', ...flags, '--quiet', '--out', join(tmp, 'hostile.html'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(join(tmp, 'hostile.html'));
    page = readPage(join(tmp, 'hostile.html'));
  });

  it('has exactly one executable script, allowed by its hash; nothing else may run or load', () => {
    expect(page.inline).toHaveLength(1);
    const policy = page.csp;
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(policy).toContain(`script-src ${cspHash(page.inline[0]!.textContent!)}`);
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:/);
    const styles = [...page.doc.querySelectorAll('style')];
    expect(styles).toHaveLength(1); // the figures' own <style> elements were merged into it
    expect(policy).toContain(`style-src ${cspHash(styles[0]!.textContent!)}`);
  });

  it('has no inline style or event-handler attribute, and no external reference', () => {
    const all = [...page.doc.querySelectorAll('*')];
    expect(all.filter((el) => el.hasAttribute('style')).map((el) => el.outerHTML.slice(0, 80))).toEqual([]);
    expect(all.filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))).toEqual([]);
    expect(page.doc.querySelectorAll('img, iframe, object, embed, link[rel=stylesheet], script[src]')).toHaveLength(0);
    expect(page.html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('shows every hostile string as text: in option labels, chips, figures and the data-quality panel', () => {
    const text = page.doc.body.textContent!;
    expect(text).toContain(HOSTILE_STAGE); // a stage filter option, the pipeline figures, the issue list
    expect(text).toContain(HOSTILE_LOCATOR);
    const options = [...page.doc.querySelectorAll('#f-stage option, #f-locator option')].map((o) => o.textContent);
    expect(options.some((o) => o!.startsWith(HOSTILE_STAGE))).toBe(true);
    expect(options.some((o) => o!.startsWith(HOSTILE_LOCATOR))).toBe(true);
    expect([...page.doc.querySelectorAll('#f-locator option')].map((o) => o.getAttribute('value'))).toContain(HOSTILE_LOCATOR);
    // Markup from data never became elements.
    expect(page.doc.querySelectorAll('b, img')).toHaveLength(0);
    // The raw strings do not appear in the markup: only their escaped forms.
    expect(page.html).not.toContain(HOSTILE_NAME);
    expect(page.html).not.toContain(HOSTILE_STAGE);
    expect(page.html).not.toContain('<b>Souza</b>');
    // U+2028 is harmless in HTML text (figure tooltips keep it); it matters only inside scripts.
    for (const script of page.doc.querySelectorAll('script')) expect(script.textContent).not.toContain('\u2028');
  });

  it('embeds the table rows as JSON that cannot end its script block and reads back exactly', () => {
    const raw = page.json.textContent!;
    expect(raw).not.toMatch(/[<>&\u2028\u2029]/);
    const names = page.data.attention.map((r) => r[1]);
    expect(names).toContain(HOSTILE_NAME);
    expect(names).toContain(HOSTILE_COMMENT);
    expect(page.data.attention.map((r) => r[4])).toContain(HOSTILE_STAGE);
    expect(page.data.attention.find((r) => r[1] === HOSTILE_COMMENT)![2]).toBeNull(); // unassigned
  });

  it('the table rows are those of panopticon attention, in its order', async () => {
    const r = await run('attention', ...flags, '--quiet', '--format', 'json');
    const { rows } = JSON.parse(r.stdout) as {
      rows: { leadId: string; reason: string; days: number; locator: string | null; stage: string }[];
    };
    expect(rows.map((x) => x.leadId)).toEqual(['1', '5', '2', '3']);
    expect(page.data.attention.map((x) => [x[0], x[7], x[8], x[2], x[4]])).toEqual(
      rows.map((x) => [x.leadId, x.reason, x.days, x.locator, x.stage]),
    );
  });
});

describe('panopticon report on the sample data', () => {
  let page: ReturnType<typeof readPage>;
  let kpis: Record<string, Record<string, number | null>>;
  beforeAll(async () => {
    const r = await run('report', '--quiet', '--out', join(tmp, 'sample.html'));
    expect(r.code, r.stderr).toBe(0);
    page = readPage(join(tmp, 'sample.html'));
    kpis = JSON.parse((await run('kpis', '--quiet', '--format', 'json')).stdout);
  });

  it('shows the eight KPI tiles with exactly the numbers of panopticon kpis --format json', () => {
    const tiles = [...page.doc.querySelectorAll('[data-kpi]')];
    expect(tiles.map((t) => t.getAttribute('data-kpi'))).toEqual([
      'followUp.appointed',
      'followUp.conversionRatio',
      'followUp.stale',
      'followUp.atRisk',
      'followUp.stuckInGreen',
      'followUp.stalled',
      'followUp.medianDaysToIntervention',
      'response.withinSlaRatio',
    ]);
    const kinds = ['count', 'rate', 'count', 'count', 'count', 'count', 'days', 'rate'] as const;
    tiles.forEach((tile, i) => {
      const [group, key] = tile.getAttribute('data-kpi')!.split('.') as [string, string];
      const expected = kpis[group]![key]!;
      expect(tile.getAttribute('data-value'), key).toBe(expected === null ? '' : String(expected));
      const shown = formatTileValue(expected, kinds[i]!);
      expect(tile.querySelector('.value .num')!.textContent, key).toBe(shown.number);
    });
    expect(page.doc.querySelector('[data-kpi="followUp.stale"] .num')!.textContent).toBe(String(kpis.followUp!.stale));
    // A rate is shown as `kpis` prints it in its table and CSV: a percentage with one decimal.
    expect(page.doc.querySelector('[data-kpi="followUp.conversionRatio"] .num')!.textContent).toBe(
      (kpis.followUp!.conversionRatio! * 100).toFixed(1),
    );
    expect(page.doc.querySelector('[data-kpi="response.withinSlaRatio"] .num')!.textContent).toBe(
      (kpis.response!.withinSlaRatio! * 100).toFixed(1),
    );
  });

  it('has as many table rows as panopticon kpis counts leads needing attention', () => {
    expect(page.data.attention).toHaveLength(kpis.followUp!.needsAttention!);
    expect(page.doc.querySelector('#att-count')!.textContent).toContain(`of ${kpis.followUp!.needsAttention} leads`);
  });

  it('draws every figure as inline SVG and opens the data-quality panel when there are issues', async () => {
    const figures = [...page.doc.querySelectorAll('svg[data-figure]')].map((s) => s.getAttribute('data-figure'));
    expect(figures).toEqual([
      'attention-by-locator',
      'appointment-calendar',
      'survival-curve',
      'pipeline-snapshot',
      'pipeline-trend',
      'time-in-stage',
      'green-to-delivery',
      'response-heatmap',
      'demand-vs-coverage',
      'heatmap-comparison',
      'survival-curve',
      'speed-to-lead',
    ]);
    expect(page.doc.querySelectorAll('svg[data-empty]')).toHaveLength(0);
    expect(page.doc.querySelectorAll('#cal-figure rect[data-day]').length).toBeGreaterThan(28);
    const quality = page.doc.querySelector('details.quality')!;
    expect(quality.hasAttribute('open')).toBe(true);
    const { issues } = JSON.parse((await run('check', '--format', 'json')).stdout) as { issues: unknown[] };
    expect(issues.length).toBeGreaterThan(0);
    expect(quality.querySelectorAll('table.issues tbody tr')).toHaveLength(issues.length);
  });

  it('is usable on paper: a print style sheet', () => {
    expect(page.doc.querySelector('style')!.textContent).toContain('@media print');
  });
});

describe('panopticon report: options and errors', () => {
  it('--help prints the usage', async () => {
    const r = await run('report', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: panopticon report');
    expect(r.stdout).toContain('--out');
  });

  it('keeps the data-quality panel collapsed when there is no issue', async () => {
    const dir = join(tmp, 'clean');
    const flags = writeHostileData(dir);
    const out = join(tmp, 'clean.html');
    // The default pipeline lists neither the hostile stage nor unknown stages: use a pipeline that does.
    const pipeline = join(dir, 'pipeline.json');
    writeFileSync(
      pipeline,
      JSON.stringify({
        stages: [
          { name: 'New', category: 'open' },
          { name: 'Appointment Set', category: 'open' },
          { name: HOSTILE_STAGE, category: 'open' },
          { name: 'Green - Approved', category: 'green' },
          { name: 'Green/Delivered', category: 'won' },
        ],
      }),
    );
    const r = await run('report', ...flags, '--pipeline', pipeline, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const { doc } = readPage(out);
    expect(doc.querySelector('details.quality')!.hasAttribute('open')).toBe(false);
    expect(doc.querySelector('details.quality summary')!.textContent).toContain('No issues');
  });

  it('names the file when it cannot write the page', async () => {
    const out = join(tmp, 'no-such-folder', 'x.html');
    const r = await run('report', '--quiet', '--out', out);
    expect(r.code).toBe(3); // a file that cannot be read or written
    expect(r.stderr).toContain(`Cannot write the dashboard to ${out}: ENOENT`);
  });

  it('rejects a slot length that does not divide the day, naming it', async () => {
    const r = await run('report', '--slot', '7', '--out', join(tmp, 'x.html'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--slot');
  });
});
