/**
 * The dashboard's time-to-event panels, in process (no browser): the page's curves, medians and speed-to-lead
 * bands equal `panopticon survival --format json|csv` for the same data and options; each caption says what
 * is censored and gives the median or "not reached" (never a number in its place); a question the data cannot
 * answer is "cannot judge" on the page and an exit 1 of the command.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { SurvivalJsonCurve } from '../src/csv-columns.js';
import { renderCsv } from '../src/format.js';
import { runMain } from './fixtures/cli-run.js';
import { embeddedPageData, pageDataOf } from './fixtures/page-data-block.js';
import { SURVIVAL_DOWNLOADS, SURVIVAL_DOWNLOAD_NAMES, survivalCsvFile } from '../src/report/survival-downloads.js';

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-report-survival-'));

const run = (...argv: string[]) => runMain(tmp, ...argv);

function readPage(path: string) {
  const html = readFileSync(path, 'utf8');
  const doc = new JSDOM(html).window.document; // parsed only: no script runs
  const data = pageDataOf(html);
  return { html, doc, data };
}

/** A curve of `panopticon survival --format json`, as the medians table shows it. */
type JsonCurve = Omit<SurvivalJsonCurve, 'stage' | 'steps'>;

/**
 * The rows of a table of the page: the row's `data-<key>`, and the numbers of the cells after the first as
 * their `data-v` holds them ("" = not reached or none → null), under `names`.
 */
function numberRows(doc: Document, selector: string, key: string, names: readonly string[]) {
  return [...doc.querySelectorAll(`${selector} tbody tr`)].map((tr) => {
    const v = [...tr.querySelectorAll('td')].slice(1).map((td) => td.getAttribute('data-v'));
    const num = (s: string | null | undefined) => (s === '' || s === null || s === undefined ? null : Number(s));
    return { [key]: tr.getAttribute(`data-${key}`), ...Object.fromEntries(names.map((name, i) => [name, num(v[i])])) };
  });
}

/** The medians table of a panel, with each row's cells' text. */
function mediansTable(doc: Document, panelId: string) {
  const selector = `#${panelId} table.survival-medians`;
  const texts = [...doc.querySelectorAll(`${selector} tbody tr`)].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent));
  return numberRows(doc, selector, 'group', ['cases', 'events', 'censored', 'median', 'p75', 'p90']).map((row, i) => ({
    ...row,
    text: texts[i]!,
  }));
}

describe('the dashboard on the sample data: time to event as panopticon survival computes it', () => {
  let page: ReturnType<typeof readPage>;
  beforeAll(async () => {
    const r = await run('report', '--quiet', '--out', join(tmp, 'sample.html'));
    expect(r.code, r.stderr).toBe(0);
    page = readPage(join(tmp, 'sample.html'));
  });

  for (const [of, panel, download] of [
    ['first-contact', 'first-contact-survival', 'first-contact-curve'],
    ['appointment-progress', 'appointment-progress-survival', 'appointment-progress-curve'],
  ] as const) {
    it(`--of ${of}: the page's curve (its download) is the command's CSV byte for byte, its medians the command's JSON`, async () => {
      const csv = await run('survival', '--of', of, '--format', 'csv', '--quiet');
      expect(csv.code, csv.stderr).toBe(0);
      const file = survivalCsvFile(download, page.data);
      expect(file.text).toBe(csv.stdout);
      expect(file.name).toBe(`${SURVIVAL_DOWNLOADS[download].file}-2026-10-31.csv`);
      expect(file.text.split('\n').length).toBeGreaterThan(50); // every step, not a summary
      // Embedded as the steps' times and counts (survival-rows.ts), not as the rows: they came back exactly.
      const embedded = embeddedPageData(page.html).survivalCsv[download]!;
      expect(Object.keys(embedded)).toEqual(['curves']);

      const json = JSON.parse((await run('survival', '--of', of, '--format', 'json', '--quiet')).stdout) as { curves: JsonCurve[] };
      // The embedded rows are the JSON's steps: time, at risk, events, censored, survival, band.
      const steps = page.data.survivalCsv[download]!;
      const all = json.curves[0] as JsonCurve & { steps: Record<string, number | null>[] };
      expect(steps.map((r) => r.slice(2, 9))).toEqual(
        all.steps.map((s) => [s.time, s.atRisk, s.events, s.censored, s.survival, s.lower, s.upper]),
      );
      const table = mediansTable(page.doc, panel);
      expect(table.map(({ text: _, ...row }) => row)).toEqual(
        json.curves.map((c) => ({
          group: c.group,
          cases: c.cases,
          events: c.events,
          censored: c.censored,
          median: c.median,
          p75: c.p75,
          p90: c.p90,
        })),
      );
      // The figure's median dot is the command's median.
      const dot = page.doc.querySelector(`#${panel} svg[data-figure="survival-curve"] circle title`)?.textContent;
      expect(all.median).not.toBeNull();
      expect(dot).toMatch(new RegExp(`^all: median ${String(Number.isInteger(all.median) ? all.median : all.median!.toFixed(1))} `));
    });
  }

  it('each curve caption says what is censored and gives the median, or "not reached" with no number in its place', async () => {
    const first = page.doc.querySelector('#first-contact-survival-caption')!.textContent!;
    expect(first).toContain('not contacted by then are censored at the as-of instant');
    expect(first).toMatch(/Median: \d+ min: half the cases had been contacted by then\./);
    const progress = page.doc.querySelector('#appointment-progress-survival-caption')!.textContent!;
    expect(progress).toContain('still waiting for progress are censored at the as-of instant');
    expect(progress).toMatch(/Median: \d+(\.\d)? d/);
    // The sample's progress curve stays above one quarter: 75 % and 90 % are not reached, in words.
    const json = JSON.parse((await run('survival', '--of', 'appointment-progress', '--format', 'json', '--quiet')).stdout);
    expect(json.curves[0].p75).toBeNull();
    const row = mediansTable(page.doc, 'appointment-progress-survival')[0]!;
    expect(row.text.slice(5)).toEqual(['not reached', 'not reached']);
  });

  it('the speed-to-lead bands are those of panopticon survival --of speed-to-lead: counts, Wilson interval, open leads apart', async () => {
    const csv = await run('survival', '--of', 'speed-to-lead', '--format', 'csv', '--quiet');
    expect(csv.code, csv.stderr).toBe(0);
    expect(survivalCsvFile('speed-to-lead', page.data).text).toBe(csv.stdout);
    const json = JSON.parse((await run('survival', '--of', 'speed-to-lead', '--format', 'json', '--quiet')).stdout) as {
      bands: { band: string; leads: number; converted: number; notConverted: number; open: number; conversionRatio: number | null }[];
    };
    const rows = numberRows(page.doc, '#speed-to-lead table.speed-bands', 'band', [
      'leads',
      'converted',
      'notConverted',
      'open',
      'conversionRatio',
    ]);
    expect(rows).toEqual(
      json.bands.map(({ band, leads, converted, notConverted, open, conversionRatio }) => ({
        band,
        leads,
        converted,
        notConverted,
        open,
        conversionRatio,
      })),
    );
    const never = page.doc.querySelector('#speed-to-lead tr[data-band="never"]')!.textContent!;
    expect(never).toContain('no decided leads'); // never-contacted leads are all still open: no rate, not 0 %
    const caption = page.doc.querySelector('#speed-to-lead-caption')!.textContent!;
    const open = json.bands.reduce((n, b) => n + b.open, 0);
    expect(caption).toContain(`the ${open} leads still open are reported as open, not as failures`);
    expect(caption).toContain('This is an association, not a cause');
    expect(page.doc.querySelector('#speed-to-lead svg[data-figure="speed-to-lead"] desc')!.textContent).toContain(
      'an association, not a cause',
    );
  });

  it('places the panels: first contact and speed to lead in the response section, appointment progress in the follow-up section', () => {
    expect(page.doc.querySelector('#response #first-contact-survival svg[data-figure="survival-curve"]')).not.toBeNull();
    expect(page.doc.querySelector('#response #speed-to-lead svg[data-figure="speed-to-lead"]')).not.toBeNull();
    expect(page.doc.querySelector('#follow-up #appointment-progress-survival svg[data-figure="survival-curve"]')).not.toBeNull();
    expect(page.doc.querySelector('nav a[href="#follow-up"]')).not.toBeNull();
    for (const name of SURVIVAL_DOWNLOAD_NAMES) expect(page.doc.querySelectorAll(`button[data-download="${name}"]`)).toHaveLength(1);
  });
});

describe('the dashboard on small data: "not reached" and "cannot judge"', () => {
  it('a first-contact curve that stays above one half says "not reached" and prints no median', async () => {
    const dir = join(tmp, 'slow');
    mkdirSync(dir, { recursive: true });
    // One lead answered after 10 minutes, two never: the curve ends at 2/3.
    writeFileSync(
      join(dir, 'leads.csv'),
      [
        'lead_id,received_time,first_contact_time,appointment_time,stage',
        '1,2026-03-02T09:00:00Z,2026-03-02T09:10:00Z,2026-03-02T15:00:00Z,Appointment Set',
        '2,2026-03-02T10:00:00Z,,,New',
        '3,2026-03-02T11:00:00Z,,,New',
      ].join('\n'),
    );
    const flags = ['--leads', join(dir, 'leads.csv'), '--tz', 'UTC', '--as-of', '2026-03-02', '--quiet'];
    const r = await run('report', ...flags, '--out', join(dir, 'page.html'));
    expect(r.code, r.stderr).toBe(0);
    const { doc, data } = readPage(join(dir, 'page.html'));
    const caption = doc.querySelector('#first-contact-survival-caption')!.textContent!;
    expect(caption).toContain('Median: not reached');
    expect(caption).not.toMatch(/Median: \d/);
    const row = mediansTable(doc, 'first-contact-survival')[0]!;
    expect(row).toMatchObject({ cases: 3, events: 1, censored: 2, median: null, p75: null, p90: null });
    expect(row.text.slice(4)).toEqual(['not reached', 'not reached', 'not reached']);
    const csv = await run('survival', ...flags, '--format', 'csv');
    expect(renderCsv(SURVIVAL_DOWNLOADS['first-contact-curve'].columns, data.survivalCsv['first-contact-curve']!)).toBe(csv.stdout);
  });

  it('without a first-contact column the response panels say "cannot judge" (no curve of leads all "waiting"), and the command exits 1', async () => {
    const dir = join(tmp, 'no-contact');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'leads.csv'),
      ['lead_id,received_time,appointment_time,stage', '1,2026-03-02T09:00:00Z,2026-03-03T09:00:00Z,Appointment Set'].join('\n'),
    );
    const flags = ['--leads', join(dir, 'leads.csv'), '--tz', 'UTC', '--as-of', '2026-03-10', '--quiet'];
    await run('report', ...flags, '--out', join(dir, 'page.html'));
    const { doc, data } = readPage(join(dir, 'page.html'));
    for (const id of ['first-contact-survival', 'speed-to-lead']) {
      const panel = doc.getElementById(id)!;
      expect(panel.hasAttribute('data-cannot-judge'), id).toBe(true);
      expect(panel.textContent).toContain('first_contact_time');
      expect(panel.querySelector('svg, button[data-download]')).toBeNull();
    }
    expect(data.survivalCsv['first-contact-curve']).toBeNull();
    expect(data.survivalCsv['speed-to-lead']).toBeNull();
    // The follow-up curve can still be judged.
    expect(doc.querySelector('#appointment-progress-survival svg[data-figure="survival-curve"]')).not.toBeNull();
    for (const of of ['first-contact', 'speed-to-lead']) {
      const r = await run('survival', ...flags, '--of', of, '--format', 'json');
      expect(r.code, of).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('first_contact_time');
    }
    expect((await run('survival', ...flags, '--of', 'appointment-progress', '--format', 'json')).code).toBe(0);
  });
});
