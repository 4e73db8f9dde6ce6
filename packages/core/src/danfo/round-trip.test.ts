import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import type { Pipeline } from '../model/pipeline.js';
import { parsePipeline } from '../model/pipeline.js';
import { readFileSync } from 'node:fs';
import { aggregateBySlot, heatmapGrid } from '../response/heatmap.js';
import type { HeatmapCell } from '../response/heatmap.js';
import { locatorScorecard } from '../follow-up/scorecard.js';
import type { LocatorScorecardRow } from '../follow-up/scorecard.js';
import { comparePeriods } from '../response/compare.js';
import { needsAttention } from '../follow-up/attention.js';
import { loadFiles } from '../sources/tables/load-files.js';
import { endOfLocalDay } from '../time/wall-clock.js';
import { parseDayNumber } from '../time/civil.js';
import { fromDataFrame, toDataFrame } from './index.js';

// The bundled sample data: real-sized results with nulls, Dates and nested objects.
const data = (name: string) => fileURLToPath(new URL(`../../../../examples/data/${name}`, import.meta.url));
const timeZone = 'America/New_York';
const asOf = endOfLocalDay(parseDayNumber('2026-10-31'), timeZone);
let leads: Lead[];
let pipeline: Pipeline;

beforeAll(async () => {
  pipeline = parsePipeline(JSON.parse(readFileSync(data('pipeline.json'), 'utf8')));
  ({ leads } = await loadFiles({
    leads: data('leads.csv'),
    stageHistory: data('stage_history.csv'),
    ownerHistory: data('owner_history.csv'),
    timeZone,
    pipeline,
  }));
});

describe('danfo round trip', () => {
  it('round-trips a heatmap (aggregateBySlot) exactly, with its null medians', () => {
    const cells = aggregateBySlot(leads, { timeZone });
    expect(cells.length).toBeGreaterThan(50);
    const df = toDataFrame(cells);
    expect(df.shape).toEqual([cells.length, Object.keys(cells[0]!).length]);
    expect(df.columns).toEqual(Object.keys(cells[0]!));
    expect(fromDataFrame<HeatmapCell>(df)).toEqual(cells);
    // The full grid has cells with no leads: pctWithinSla and the quantiles are null there.
    const grid = heatmapGrid(cells);
    expect(grid.some((c) => c.pctWithinSla === null)).toBe(true);
    expect(fromDataFrame(toDataFrame(grid))).toEqual(grid);
  });

  it('round-trips a scorecard (locatorScorecard), nesting the status counts again', () => {
    const rows = locatorScorecard(leads, { asOf, timeZone, pipeline });
    expect(rows.length).toBeGreaterThan(1);
    const df = toDataFrame(rows);
    expect(df.columns).toContain('counts.stale');
    expect(df.columns).not.toContain('counts');
    expect(fromDataFrame<LocatorScorecardRow>(df)).toEqual(rows);
  });

  it('round-trips rows with Dates (needsAttention) and two levels of nesting (comparePeriods)', () => {
    const attention = needsAttention(leads, { asOf, timeZone, pipeline });
    expect(fromDataFrame(toDataFrame(attention))).toEqual(attention);
    const comparison = comparePeriods(leads, {
      timeZone,
      current: { from: new Date('2026-10-01T04:00:00Z'), to: new Date('2026-11-01T04:00:00Z') },
      previous: { from: new Date('2026-09-01T04:00:00Z'), to: new Date('2026-10-01T04:00:00Z') },
    });
    const df = toDataFrame(comparison);
    expect(df.columns).toContain('current.pctWithinSla');
    expect(fromDataFrame(df)).toEqual(comparison);
  });
});
