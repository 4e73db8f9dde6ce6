import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timeInStage } from '@panopticon/core';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './fixtures/dashboard-cli.js';
import { loadSample } from './fixtures/zoho-cli.js';

// The commands behind the dashboard's "Time in stage" and "Needs attention by locator" downloads, built and
// run as a process on the sample, against core's own answer and `panopticon attention`'s list.

const tmp = mkdtempSync(join(tmpdir(), 'panopticon-figure-commands-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('panopticon time-in-stage', () => {
  it("is core's timeInStage for the open, green and delivery stages, in pipeline order", async () => {
    const out = JSON.parse(runCli(tmp, 'time-in-stage', '--quiet', '--format', 'json')) as { asOf: string; rows: { stage: string }[] };
    const { pipeline, csv } = await loadSample();
    const expected = timeInStage(csv.leads, { asOf: new Date(out.asOf), pipeline }).filter(
      (r) => r.category !== 'won' && r.category !== 'lost',
    );
    expect(expected.length).toBeGreaterThan(3);
    expect(out.rows).toEqual(expected);
    const lines = runCli(tmp, 'time-in-stage', '--quiet', '--format', 'csv').trim().split('\n');
    expect(lines[0]).toBe('stage,category,visits,openVisits,medianDays,p90Days,meanDays');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected.map((r) => r.stage));
  });
});

describe('panopticon attention --by locator', () => {
  it('counts the needs-attention list per locator and reason, most leads first', () => {
    const list = JSON.parse(runCli(tmp, 'attention', '--quiet', '--format', 'json')) as {
      rows: { locator: string | null; reason: string }[];
    };
    const out = JSON.parse(runCli(tmp, 'attention', '--quiet', '--by', 'locator', '--format', 'json')) as {
      by: string;
      rows: { locator: string | null; needsAttention: number; reasons: Record<string, number> }[];
    };
    expect(out.by).toBe('locator');
    expect(new Set(out.rows.map((r) => r.locator))).toEqual(new Set(list.rows.map((r) => r.locator)));
    for (const row of out.rows) {
      const mine = list.rows.filter((r) => r.locator === row.locator);
      expect(row.needsAttention, String(row.locator)).toBe(mine.length);
      for (const [reason, n] of Object.entries(row.reasons))
        expect(n, `${row.locator} ${reason}`).toBe(mine.filter((r) => r.reason === reason).length);
    }
    const totals = out.rows.map((r) => r.needsAttention);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const csv = runCli(tmp, 'attention', '--quiet', '--by', 'locator', '--format', 'csv').trim().split('\n');
    expect(csv[0]).toBe('locator,needsAttention,stale,stuck-in-green,stalled,at-risk');
    expect(csv).toHaveLength(out.rows.length + 1);
  });

  it('refuses another --by, naming the one it takes', () => {
    expect(() => runCli(tmp, 'attention', '--quiet', '--by', 'team')).toThrow(/--by must be locator, got "team"/);
  });
});
