/**
 * The figures on core's real output: the bundled sample data loaded with `loadFiles`, every metric computed,
 * every figure rendered. Checks that the figure inputs are exactly core's result types, at run time too.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Lead, LoadResult } from '@panopticon/core';
import {
  aggregateBySlot,
  comparePeriods,
  demandVsCoverage,
  endOfLocalDay,
  followUpStatus,
  greenToDelivery,
  heatmapGrid,
  needsAttention,
  parseDayNumber,
  parsePipeline,
  pipelineSnapshot,
  pipelineTrend,
  scheduleCoverage,
  stageVisits,
} from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  appointmentCalendarFigure,
  attentionByLocatorFigure,
  coverageHeatmapFigure,
  demandVsCoverageFigure,
  greenToDeliveryFigure,
  heatmapComparisonFigure,
  pipelineSnapshotFigure,
  pipelineTrendFigure,
  responseHeatmapFigure,
  timeInStageFigure,
  toSvgString,
} from '../src/index.js';
import { cellRects, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const DATA = join(dirname(fileURLToPath(import.meta.url)), '../../../examples/data');
const sample = JSON.parse(readFileSync(join(DATA, 'sample.json'), 'utf8')) as { timeZone: string; asOf: string };
const timeZone = sample.timeZone;
const asOf = endOfLocalDay(parseDayNumber(sample.asOf), timeZone);
const pipeline = parsePipeline(JSON.parse(readFileSync(join(DATA, 'pipeline.json'), 'utf8')));

let loaded: LoadResult;
let leads: Lead[];
beforeAll(async () => {
  loaded = await loadFiles({
    leads: join(DATA, 'leads.csv'),
    stageHistory: join(DATA, 'stage_history.csv'),
    ownerHistory: join(DATA, 'owner_history.csv'),
    schedule: join(DATA, 'schedule.csv'),
    timeZone,
    pipeline,
  });
  leads = loaded.leads;
});

const rendered = (svg: SVGSVGElement) => {
  expect(svg.getAttribute('data-empty')).toBeNull();
  expect(toSvgString(svg)).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  return svg;
};

describe('figures from core on the sample data', () => {
  it('response heatmap, coverage, demand vs coverage, comparison', () => {
    const cells = aggregateBySlot(leads, { timeZone });
    expect(cells.length).toBeGreaterThan(0);
    const heat = rendered(responseHeatmapFigure(cells, { document: makeDocument(), timeZone }));
    expect(cellRects(heat)).toHaveLength(336);
    const busiest = cells.reduce((a, b) => (b.total > a.total ? b : a));
    const tip = tipOf(cellRects(heat).find((r) => tipOf(r).startsWith(`${busiest.day} ${busiest.slot}`))!);
    expect(tip).toContain(`${busiest.total} leads · ${busiest.withinSla} within 60 min`);
    expect(cellRects(rendered(responseHeatmapFigure(heatmapGrid(cells), { document: makeDocument() })))).toHaveLength(336);

    const coverage = scheduleCoverage(loaded.schedule ?? []);
    rendered(coverageHeatmapFigure(coverage, { document: makeDocument(), timeZone }));
    rendered(demandVsCoverageFigure(demandVsCoverage(cells, coverage), { document: makeDocument(), timeZone }));

    const mid = new Date(asOf.getTime() - 90 * 86_400_000);
    const current = { from: mid, to: asOf };
    const previous = { from: new Date(mid.getTime() - 90 * 86_400_000), to: mid };
    rendered(heatmapComparisonFigure(comparePeriods(leads, { timeZone, current, previous }), { document: makeDocument(), timeZone }));
  });

  it('calendar, attention, pipeline, time in stage, green → delivery', () => {
    const options = { asOf, timeZone, pipeline };
    const appointments = leads.map((lead) => ({
      appointmentAt: lead.appointmentAt,
      status: followUpStatus(lead, options),
      name: lead.name,
      locator: lead.locator,
    }));
    rendered(appointmentCalendarFigure(appointments, { document: makeDocument(), asOf, timeZone }));
    const attention = needsAttention(leads, options);
    // AttentionRow is itself a calendar appointment (appointmentAt, status, name, locator).
    rendered(appointmentCalendarFigure(attention, { document: makeDocument(), asOf, timeZone }));
    const byLocator = rendered(attentionByLocatorFigure(attention, { document: makeDocument(), asOf, timeZone }));
    const totals = [...byLocator.querySelectorAll('g[aria-label="text"] text')].map((t) => Number(t.firstChild?.textContent));
    expect(totals.reduce((a, b) => a + b, 0)).toBe(attention.length);

    rendered(pipelineSnapshotFigure(pipelineSnapshot(leads, { at: asOf, pipeline }), { document: makeDocument(), asOf, timeZone }));
    const trend = pipelineTrend(leads, { from: new Date(asOf.getTime() - 120 * 86_400_000), to: asOf, every: 'week', timeZone, pipeline });
    rendered(pipelineTrendFigure(trend, { document: makeDocument(), timeZone }));

    const visits = leads.flatMap((l) => stageVisits(l, { asOf }).map((v) => ({ ...v, leadId: l.id, name: l.name })));
    rendered(timeInStageFigure(visits, { document: makeDocument(), pipeline, asOf, timeZone }));

    const green = greenToDelivery(leads, options);
    rendered(greenToDeliveryFigure(green, { document: makeDocument(), asOf, timeZone, greenStuckAfterDays: pipeline.greenStuckAfterDays }));
  });
});
