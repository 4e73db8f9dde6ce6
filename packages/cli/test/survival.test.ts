import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadFiles } from '@panopticon/core/files';
import { describe, expect, it } from 'vitest';
import type { SurvivalJsonStep } from '../src/csv-columns.js';
import { runBuilt } from './fixtures/cli-run.js';

// `panopticon survival`, built and run as a process, checked against a second, deliberately plain
// Kaplan–Meier written here (no code shared with core): for each distinct time, n = cases with duration ≥ t,
// d = events at t; S ← S (1 − d/n); Greenwood Σ d/(n(n − d)); log-log band S^exp(∓z σ / |ln S|).
const sampleDir = fileURLToPath(new URL('../../../examples/data/', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-survival-'));
const Z95 = 1.959963984540054;

const run = (...args: string[]) => runBuilt(process.cwd(), ...args);

/** The oracle's steps, in the shape `panopticon survival --format json` writes them. */
type OracleStep = SurvivalJsonStep;

function oracleKm(cases: { duration: number; event: boolean }[]): { steps: OracleStep[]; median: number | null } {
  const times = [...new Set(cases.map((c) => c.duration))].sort((a, b) => a - b);
  let s = 1;
  let sum = 0;
  let median: number | null = null;
  const steps = times.map((time) => {
    const n = cases.filter((c) => c.duration >= time).length;
    const d = cases.filter((c) => c.duration === time && c.event).length;
    const censored = cases.filter((c) => c.duration === time && !c.event).length;
    s *= 1 - d / n;
    sum += n === d ? Number.POSITIVE_INFINITY : d / (n * (n - d));
    if (median === null && d > 0 && s <= 0.5 + 1e-12) median = time;
    const sigma = Math.sqrt(sum) / Math.abs(Math.log(s));
    const band =
      s === 0
        ? { lower: null, upper: null }
        : s === 1
          ? { lower: 1, upper: 1 }
          : { lower: s ** Math.exp(Z95 * sigma), upper: s ** Math.exp(-Z95 * sigma) };
    return { time, atRisk: n, events: d, censored, survival: s, ...band };
  });
  return { steps, median };
}

function expectSameCurve(actual: { steps: OracleStep[]; median: number | null }, expected: { steps: OracleStep[]; median: number | null }) {
  expect(actual.median).toBe(expected.median);
  expect(actual.steps.length).toBe(expected.steps.length);
  actual.steps.forEach((step, i) => {
    const want = expected.steps[i]!;
    expect([step.time, step.atRisk, step.events, step.censored]).toEqual([want.time, want.atRisk, want.events, want.censored]);
    expect(Math.abs(step.survival - want.survival)).toBeLessThan(1e-9);
    for (const k of ['lower', 'upper'] as const) {
      if (want[k] === null) expect(step[k]).toBeNull();
      else expect(Math.abs(step[k]! - want[k]!)).toBeLessThan(1e-9);
    }
  });
}

describe('panopticon survival (built, as a process)', () => {
  it('--of first-contact on a small file: the JSON equals the plain oracle, open leads censored at --as-of', () => {
    // Minutes after arrival: 5, 5, 12, never (censored), 30, contact before creation (invalid), contact after --as-of (censored).
    const leads = join(tmp, 'leads.csv');
    writeFileSync(
      leads,
      [
        'lead_id,received_time,first_contact_time,team',
        '1,2026-03-02T09:00:00Z,2026-03-02T09:05:00Z,East',
        '2,2026-03-02T10:00:00Z,2026-03-02T10:05:00Z,East',
        '3,2026-03-02T11:00:00Z,2026-03-02T11:12:00Z,West',
        '4,2026-03-02T22:00:00Z,,West',
        '5,2026-03-02T12:00:00Z,2026-03-02T12:30:00Z,West',
        '6,2026-03-02T13:00:00Z,2026-03-02T12:00:00Z,East',
        '7,2026-03-02T23:00:00Z,2026-03-03T08:00:00Z,East',
      ].join('\n'),
    );
    const r = run('survival', '--leads', leads, '--tz', 'UTC', '--as-of', '2026-03-02', '--by', 'team', '--format', 'json', '-q');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ of: 'first-contact', by: 'team', unit: 'minutes', clock: 'wall', counts: { leads: 7, invalid: 1 } });
    // as-of = 2026-03-02 23:59:59.999 UTC: lead 4 waited 119.99998 min, lead 7 (contacted the next day) 59.99998 min.
    const asOfMs = Date.parse('2026-03-02T23:59:59.999Z');
    const waited = (received: string) => (asOfMs - Date.parse(received)) / 60_000;
    const east = [
      { duration: 5, event: true },
      { duration: 5, event: true },
      { duration: waited('2026-03-02T23:00:00Z'), event: false },
    ];
    const west = [
      { duration: 12, event: true },
      { duration: waited('2026-03-02T22:00:00Z'), event: false },
      { duration: 30, event: true },
    ];
    const byGroup = Object.fromEntries(out.curves.map((c: { group: string }) => [c.group, c]));
    expect(Object.keys(byGroup)).toEqual(['all', 'East', 'West']);
    expectSameCurve(byGroup.all, oracleKm([...east, ...west]));
    expectSameCurve(byGroup.East, oracleKm(east));
    expectSameCurve(byGroup.West, oracleKm(west));
    expect(byGroup.all).toMatchObject({ cases: 6, events: 4, censored: 2, median: 12 });

    const csv = run('survival', '--leads', leads, '--tz', 'UTC', '--as-of', '2026-03-02', '--format', 'csv', '-q')
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toBe('stage,group,time,atRisk,events,censored,survival,lower,upper,median');
    expect(csv[1]).toMatch(/^,all,5,6,2,0,0\.666666666666666\d*,/);
    expect(csv).toHaveLength(1 + byGroup.all.steps.length);
  });

  it('--of first-contact on the sample data equals the oracle on the leads file read here', async () => {
    const r = run('survival', '--format', 'json', '-q');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    const sample = JSON.parse(readFileSync(join(sampleDir, 'sample.json'), 'utf8'));
    const asOfMs = Date.parse(out.asOf);
    // The sample read by core's CSV reader (not by the survival code); the cases worked out here.
    const { leads } = await loadFiles({ leads: join(sampleDir, sample.files.leads), timeZone: sample.timeZone });
    const cases: { duration: number; event: boolean }[] = [];
    let invalid = 0;
    for (const lead of leads) {
      const created = lead.createdAt.getTime();
      if (created > asOfMs) continue;
      const contacted = lead.firstContactAt === null ? Number.NaN : lead.firstContactAt.getTime();
      if (contacted <= asOfMs && contacted < created) invalid++;
      else if (contacted <= asOfMs) cases.push({ duration: (contacted - created) / 60_000, event: true });
      else cases.push({ duration: (asOfMs - created) / 60_000, event: false });
    }
    expect(out.counts.invalid).toBe(invalid);
    expectSameCurve(out.curves[0], oracleKm(cases));
    // and kpis prints the same median, beside the median of contacted leads
    const kpis = JSON.parse(run('kpis', '--format', 'json', '-q').stdout);
    expect(kpis.response.medianMinutesToFirstContact).toBe(out.curves[0].median);
    expect(Object.keys(kpis.response).slice(6, 8)).toEqual(['medianMinutes', 'medianMinutesToFirstContact']);
  });

  it('--of stage and --of appointment-progress print their curves; the table says "not reached", never a made-up figure', () => {
    const stage = JSON.parse(run('survival', '--of', 'stage', '--format', 'json', '-q').stdout);
    expect(stage.unit).toBe('days');
    expect(stage.curves.find((c: { stage: string }) => c.stage === 'Lost')).toMatchObject({ events: 0, median: null });
    const progress = JSON.parse(run('survival', '--of', 'appointment-progress', '--by', 'period', '--format', 'json', '-q').stdout);
    expect(progress.counts.appointed).toBeGreaterThan(0);
    expect(progress.curves[0].cases + progress.counts.closedWithoutProgress).toBe(progress.counts.appointed);
    expect(progress.curves.slice(1).every((c: { group: string }) => /^\d{4}-\d{2}$/.test(c.group))).toBe(true);
    const table = run('survival', '--of', 'stage', '-q').stdout;
    expect(table).toContain('Time in stage as of 2026-10-31');
    expect(table).toMatch(/Lost\s+all\s+\d+\s+0\s+\d+\s+not reached/);
  });

  it('rejects a bad --of or --by with exit 2, naming the flag', () => {
    const r = run('survival', '--of', 'lunch');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--of must be first-contact, stage, appointment-progress or speed-to-lead, got "lunch"');
    expect(run('survival', '--by', 'colour').stderr).toContain('--by must be team, source, period or arrival');
    const by = run('survival', '--of', 'speed-to-lead', '--by', 'team');
    expect(by.code).toBe(2);
    expect(by.stderr).toContain('--by does not apply to --of speed-to-lead');
    expect(run('survival', '--of', 'speed-to-lead', '--converted', 'sale').stderr).toContain('--converted must be won or green');
  });

  it('--of speed-to-lead: conversion by response band with a plain Wilson interval; open leads counted apart, not as failures', () => {
    // Minutes to first contact and the stage at --as-of (the default pipeline: Green/Delivered is won, Lost is lost).
    const rows: [number | null, string][] = [
      [3, 'Green/Delivered'],
      [4, 'Lost'],
      [5, 'Appointment Set'], // 5 minutes is in 0–5
      [10, 'Green/Delivered'],
      [30, 'Lost'],
      [120, 'Lost'],
      [2880, 'Green/Delivered'],
      [null, 'New'],
      [null, 'Lost'],
    ];
    const created = Date.parse('2026-03-02T09:00:00Z');
    const file = join(tmp, 'speed.csv');
    writeFileSync(
      file,
      [
        'lead_id,received_time,first_contact_time,stage',
        ...rows.map(([m, stage], i) => {
          const contact = m === null ? '' : new Date(created + m * 60_000).toISOString();
          return `${i + 1},${new Date(created).toISOString()},${contact},${stage}`;
        }),
      ].join('\n'),
    );
    const flags = ['--leads', file, '--tz', 'UTC', '--as-of', '2026-03-10', '-q'];
    const r = run('survival', ...flags, '--of', 'speed-to-lead', '--format', 'json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      of: 'speed-to-lead',
      clock: 'wall',
      convertedAt: 'won',
      confidence: 0.95,
      counts: { leads: 9, invalid: 0 },
    });
    const wilson = (k: number, n: number) => {
      if (n === 0) return { conversionRatio: null, lower: null, upper: null };
      const p = k / n;
      const centre = (p + (Z95 * Z95) / (2 * n)) / (1 + (Z95 * Z95) / n);
      const half = (Z95 / (1 + (Z95 * Z95) / n)) * Math.sqrt((p * (1 - p)) / n + (Z95 * Z95) / (4 * n * n));
      return { conversionRatio: p, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
    };
    // [band, leads, converted, notConverted, open], worked out by hand from the rows above.
    const expected: [string, number, number, number, number][] = [
      ['0-5', 3, 1, 1, 1],
      ['5-15', 1, 1, 0, 0],
      ['15-60', 1, 0, 1, 0],
      ['60-1440', 1, 0, 1, 0],
      ['1440+', 1, 1, 0, 0],
      ['never', 2, 0, 1, 1],
    ];
    expect(out.bands).toHaveLength(expected.length);
    out.bands.forEach((b: Record<string, number | string | null>, i: number) => {
      const [band, leads, converted, notConverted, open] = expected[i]!;
      expect(b).toMatchObject({ band, leads, converted, notConverted, open, decided: converted + notConverted });
      const w = wilson(converted, converted + notConverted);
      for (const k of ['conversionRatio', 'lower', 'upper'] as const) {
        if (w[k] === null) expect(b[k]).toBeNull();
        else expect(Math.abs((b[k] as number) - w[k]!)).toBeLessThan(1e-12);
      }
    });
    const csv = run('survival', ...flags, '--of', 'speed-to-lead', '--format', 'csv')
      .stdout.trim()
      .split('\n');
    expect(csv[0]).toBe('band,leads,converted,notConverted,open,decided,conversionRatio,lower,upper');
    expect(csv[1]).toMatch(/^0-5,3,1,1,1,2,0\.5,/);
    // Converted = reached green: the sample's Follow-Up lead is still open either way; the won leads reached green.
    const green = JSON.parse(run('survival', ...flags, '--of', 'speed-to-lead', '--converted', 'green', '--format', 'json').stdout);
    expect(green.convertedAt).toBe('green');
    expect(green.bands.map((b: { converted: number }) => b.converted)).toEqual(expected.map((e) => e[2]));
    const table = run('survival', ...flags, '--of', 'speed-to-lead').stdout;
    expect(table).toContain('This is an association, not a cause');
    expect(table).toMatch(/never\s+2\s+0\s+1\s+1\s+0 %/);
  });
});
