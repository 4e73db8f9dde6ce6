import { heatmapGrid } from '@panopticon/core';
import { describe, expect, it } from 'vitest';
import { COLOR_BLIND_SAFE_SCHEME, responseHeatmapFigure, toSvgString } from '../src/index.js';
import { chartMessages } from '../src/messages.js';
import { heatmapCells } from './fixtures.js';
import { cellByHeading, cellRects, fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const cell = (weekday: number, slotIndex: number, total: number, withinSla: number, medianMinutes: number | null = 23) => ({
  day: (['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const)[weekday]!,
  weekday,
  slot: `${String(Math.floor(slotIndex / 2)).padStart(2, '0')}:${slotIndex % 2 ? '30' : '00'}`,
  slotIndex,
  total,
  contacted: total,
  withinSla,
  pctWithinSla: total ? (withinSla / total) * 100 : null,
  neverContacted: 0,
  invalid: 0,
  medianMinutes,
  p90Minutes: medianMinutes === null ? null : medianMinutes * 3,
});

describe('responseHeatmapFigure', () => {
  it('draws the full 7 × 48 grid for 30-minute slots, whatever cells are given', () => {
    const svg = responseHeatmapFigure([cell(0, 17, 12, 9)], { document: makeDocument() });
    expect(cellRects(svg)).toHaveLength(7 * 48);
    expect(responseHeatmapFigure(heatmapCells(), { document: makeDocument() }).querySelectorAll('g[aria-label="cell"] rect')).toHaveLength(
      336,
    );
  });

  it('draws 7 × 24 cells for 60-minute slots, read from the cells or given', () => {
    const cells = heatmapCells(3, 60);
    expect(cellRects(responseHeatmapFigure(cells, { document: makeDocument() }))).toHaveLength(168);
    expect(cellRects(responseHeatmapFigure(cells, { document: makeDocument(), slotMinutes: 60 }))).toHaveLength(168);
  });

  it('rows run Monday → Sunday', () => {
    const svg = responseHeatmapFigure(heatmapCells(), { document: makeDocument() });
    expect(texts(svg, 'y-axis tick label')).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
  });

  it('an empty slot is hatched and outlined, never filled from the colour scale', () => {
    const svg = responseHeatmapFigure([cell(0, 17, 12, 9)], { document: makeDocument() });
    const empty = cellByHeading(svg, 'Monday 08:00–08:30');
    expect(fillOf(empty)).toBe('url(#panopticon-response-heatmap-empty)');
    expect(tipOf(empty)).toBe('Monday 08:00–08:30\nNo leads');
    expect(svg.querySelector('pattern#panopticon-response-heatmap-empty')).not.toBeNull();
    // Empty cells of a full grid (heatmapGrid) are just as empty.
    const full = responseHeatmapFigure(heatmapGrid([cell(0, 17, 12, 9)]), { document: makeDocument() });
    expect(fillOf(cellByHeading(full, 'Sunday 23:30–24:00'))).toBe('url(#panopticon-response-heatmap-empty)');
  });

  it('colours % within SLA on a fixed 0–100 red → yellow → green scale', () => {
    const svg = responseHeatmapFigure([cell(0, 0, 4, 0), cell(0, 1, 4, 2), cell(0, 2, 4, 4)], { document: makeDocument() });
    // Whatever the data's range, 0 % is RdYlGn's red end, 50 % its yellow middle and 100 % its green end.
    expect(fillOf(cellByHeading(svg, 'Monday 00:00'))).toBe('rgb(165, 0, 38)');
    expect(fillOf(cellByHeading(svg, 'Monday 00:30'))).toBe('rgb(249, 247, 174)');
    expect(fillOf(cellByHeading(svg, 'Monday 01:00'))).toBe('rgb(0, 104, 55)');
    const narrow = responseHeatmapFigure([cell(0, 0, 4, 2), cell(0, 1, 4, 3)], { document: makeDocument() });
    expect(fillOf(cellByHeading(narrow, 'Monday 00:00'))).toBe('rgb(249, 247, 174)');
  });

  it('offers a colour-blind-safe scheme', () => {
    expect(COLOR_BLIND_SAFE_SCHEME).toBe('cividis');
    const svg = responseHeatmapFigure([cell(0, 0, 4, 0), cell(0, 1, 4, 4)], { document: makeDocument(), scheme: COLOR_BLIND_SAFE_SCHEME });
    const low = fillOf(cellByHeading(svg, 'Monday 00:00'));
    const high = fillOf(cellByHeading(svg, 'Monday 00:30'));
    expect(low).not.toBe('rgb(165, 0, 38)');
    expect(low).toMatch(/^rgb\(0, 3[0-9], [0-9]+\)$/); // cividis starts dark blue
    expect(high).toMatch(/^rgb\(2[0-9]{2}, 2[0-9]{2}, [0-9]{1,2}\)$/); // and ends yellow
  });

  it('gives each cell a tooltip with total, within SLA, % and median response', () => {
    const svg = responseHeatmapFigure([cell(0, 17, 12, 9, 23), { ...cell(1, 20, 4, 1, 95), neverContacted: 1, invalid: 1 }], {
      document: makeDocument(),
    });
    expect(tipOf(cellByHeading(svg, 'Monday 08:30–09:00'))).toBe(
      'Monday 08:30–09:00\n12 leads · 9 within 60 min (75.0 %)\nMedian response 23 min · p90 1 h 9 min',
    );
    expect(tipOf(cellByHeading(svg, 'Tuesday 10:00'))).toBe(
      'Tuesday 10:00–10:30\n4 leads · 1 within 60 min (25.0 %)\nMedian response 1 h 35 min · p90 4 h 45 min\n1 never contacted · 1 invalid',
    );
  });

  it('has a title, a subtitle, labelled axes and a legend', () => {
    const svg = responseHeatmapFigure(heatmapCells(), { document: makeDocument(), timeZone: 'America/New_York', slaMinutes: 30 });
    expect(svg.querySelector('title')?.textContent).toBe('Response time by weekday and time of day');
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toContain('within 30 minutes');
    expect(texts(svg, 'x-axis label')).toEqual(['Time of day, slot start (America/New_York)']);
    expect(texts(svg, 'y-axis label')[0]).toContain('Weekday');
    expect(svg.querySelector('.panopticon-legend-ramp text')?.textContent).toBe('% within 30-minute SLA');
    expect([...svg.querySelectorAll('.panopticon-legend-swatch text')].map((t) => t.textContent)).toEqual(['No leads']);
  });

  it('gives a "no data" figure for [] and for a grid without leads', () => {
    for (const cells of [[], heatmapGrid([])]) {
      const svg = responseHeatmapFigure(cells, { document: makeDocument() });
      expect(svg.getAttribute('data-empty')).toBe('true');
      expect(svg.getAttribute('data-figure')).toBe('response-heatmap');
      expect(svg.textContent).toContain('No leads in this period');
      expect(cellRects(svg)).toHaveLength(0);
    }
  });

  it('rejects a slot length that does not divide the day', () => {
    expect(() => responseHeatmapFigure([cell(0, 1, 1, 1)], { document: makeDocument(), slotMinutes: 7 })).toThrow(
      chartMessages.invalidSlotMinutes(7),
    );
  });

  it('uses the id option for its pattern, so two styles can share a page', () => {
    const svg = responseHeatmapFigure([cell(0, 1, 1, 1)], { document: makeDocument(), id: 'week-12' });
    expect(toSvgString(svg)).toContain('url(#week-12-empty)');
  });
});
