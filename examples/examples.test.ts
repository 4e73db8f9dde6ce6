import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

// Every example is run the way its header says a reader runs it (`node examples/run.mjs <name>`, which is
// `npm run example -- <name>`), as a separate process, and its output is checked.

const here = dirname(fileURLToPath(import.meta.url));
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'panopticon-examples-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function example(name: string, ...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [join(here, 'run.mjs'), name, ...args], { cwd: join(here, '..'), timeout: 180_000 });
  return stdout;
}

describe('examples', () => {
  it('every example program has a test below', () => {
    const programs = readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.d.ts'));
    const tested = ['csv-to-kpis.ts', 'embed-attention.ts', 'custom-pipeline.ts', 'chart-to-svg.ts', 'zoho-sync.ts'];
    expect(programs.filter((p) => !tested.includes(p))).toEqual([]);
  });

  it('csv-to-kpis prints the data-quality summary and the KPIs of the sample', async () => {
    const out = await example('csv-to-kpis');
    expect(out).toMatch(/Loaded 2897 of 2897 rows \(0 rejected\), 6 issues:/);
    expect(out).toContain('KPIs as of 2026-10-31 (America/New_York)');
    // The same figures as `panopticon kpis` on the same data.
    const expected = [
      ['leads', '600'],
      ['need attention', '90'],
      ['stale', '48'],
      ['conversion rate', "'22.4 %'"],
      ['% answered within 60 min', "'64.2 %'"],
    ] as const;
    for (const [label, value] of expected) {
      expect(out).toMatch(new RegExp(`│ ${escapeText(label)}\\s+│ ${escapeText(value)}\\s+│`));
    }
  });

  it('embed-attention groups the needs-attention list by locator, most severe first', async () => {
    const out = await example('embed-attention');
    expect(out).toBe(
      [
        '--- to Ana',
        'Ana, 2 leads need you:',
        '• Harbor Gym (Appointment Set): stale, 51 days',
        '• Elm Street Laundry (Appointment Set): at risk, 11 days',
        '--- to Ben',
        'Ben, 1 lead needs you:',
        '• Northgate Clinic (Approved): stuck in green, 36 days',
        '--- to (unassigned)',
        '(unassigned), 1 lead needs you:',
        '• Pine Motel (Appointment Set): at risk, 26 days',
        '',
      ].join('\n'),
    );
  });

  it('custom-pipeline counts business days with its own calendar and holidays', async () => {
    const out = await example('custom-pipeline');
    expect(out).toContain('J-1   2026-11-17   13 → stale            7 → at-risk');
    expect(out).toContain('J-4   2026-11-24    6 → at-risk          2 → awaiting');
    expect(out).toContain('Needs attention (business days): J-3 stalled (10 d, Lee); J-1 at-risk (7 d, Kim); J-2 at-risk (4 d, Kim)');
    expect(out).toContain('J-2 response: 3840 wall-clock minutes, 30 business minutes');
  });

  it('chart-to-svg writes a standalone SVG of the response heatmap', async () => {
    const file = join(scratch, 'heatmap.svg');
    const out = await example('chart-to-svg', file);
    expect(out).toMatch(/^Wrote .*heatmap\.svg: \d+ slots with leads, \d+ characters of SVG\.$/m);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('Response time by weekday and time of day');
    expect(svg).toContain('Monday');
  });

  it('zoho-sync reads the fake org fully, then incrementally, and computes on the leads', async () => {
    const out = await example('zoho-sync');
    expect(out).toMatch(/^sync 1 \(full\): 300 leads, \d+ API calls, \d+ data issues$/m);
    expect(out).toMatch(/^sync 2 \(incremental\): 300 leads, \d+ API calls$/m);
    expect(out).toMatch(/^as of 2026-03-31T18:00:00\.000Z: 90 appointed, \d+ need attention/m);
  });
});

function escapeText(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
