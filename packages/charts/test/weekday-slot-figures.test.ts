import { describe, expect, it } from 'vitest';
import { UNCOVERED_COLOR, coverageHeatmapFigure, demandVsCoverageFigure, heatmapComparisonFigure } from '../src/index.js';
import { comparisonCells, coverageCells, demandCells } from './fixtures.js';
import { cellByHeading, cellRects, fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

describe('coverageHeatmapFigure', () => {
  it('draws 7 × 48 cells; slots with nobody on shift are hatched', () => {
    const svg = coverageHeatmapFigure(coverageCells(), { document: makeDocument() });
    expect(cellRects(svg)).toHaveLength(336);
    const night = cellByHeading(svg, 'Monday 03:00');
    expect(fillOf(night)).toBe('url(#panopticon-coverage-heatmap-empty)');
    expect(tipOf(night)).toBe('Monday 03:00–03:30\nNobody on shift');
    expect(fillOf(cellByHeading(svg, 'Monday 12:00'))).toMatch(/^rgb\(/);
  });

  it('lists who is on shift in the tooltip, sorted, and says how many', () => {
    const svg = coverageHeatmapFigure(coverageCells(), { document: makeDocument() });
    expect(tipOf(cellByHeading(svg, 'Monday 12:00'))).toBe(
      'Monday 12:00–12:30\n4 reps on shift: Ana Souza, Kenji Dubois, Priya Nair, Tomás Haddad',
    );
    const few = coverageHeatmapFigure(coverageCells(), { document: makeDocument(), maxNames: 2 });
    expect(tipOf(cellByHeading(few, 'Monday 12:00'))).toBe('Monday 12:00–12:30\n4 reps on shift: Ana Souza, Kenji Dubois and 2 more');
  });

  it('gives a "no data" figure for an empty schedule', () => {
    for (const cells of [[], coverageCells().map((c) => ({ ...c, reps: 0, repNames: [] }))]) {
      const svg = coverageHeatmapFigure(cells, { document: makeDocument() });
      expect(svg.getAttribute('data-empty')).toBe('true');
      expect(svg.textContent).toContain('No shifts in the schedule');
    }
  });
});

describe('demandVsCoverageFigure', () => {
  it('makes slots with leads and nobody on shift stand out', () => {
    const cells = demandCells();
    const svg = demandVsCoverageFigure(cells, { document: makeDocument() });
    expect(cellRects(svg)).toHaveLength(336);
    const uncovered = cells.filter((c) => c.uncovered);
    expect(uncovered.length).toBeGreaterThan(0);
    const red = cellRects(svg).filter((r) => fillOf(r) === UNCOVERED_COLOR);
    expect(red).toHaveLength(uncovered.length);
    for (const r of red) expect(tipOf(r)).toMatch(/leads? · nobody on shift \(uncovered\)$/);
    // Outlined too, not only coloured.
    expect(red[0]!.parentElement!.getAttribute('stroke-width')).toBe('1.5');
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toContain(`${uncovered.length} slots with leads and nobody on shift`);
  });

  it('covered slots are shaded by leads; slots without leads are hatched', () => {
    const svg = demandVsCoverageFigure(demandCells(), { document: makeDocument() });
    const covered = cellRects(svg).filter((r) => /rep(s)? on shift$/.test(tipOf(r)) && !tipOf(r).includes('No leads'));
    expect(covered.length).toBeGreaterThan(0);
    for (const r of covered) expect(fillOf(r)).toMatch(/^rgb\(/);
    for (const r of cellRects(svg).filter((r) => tipOf(r).includes('No leads')))
      expect(fillOf(r)).toBe('url(#panopticon-demand-vs-coverage-empty)');
  });

  it('gives a "no data" figure without leads', () => {
    const svg = demandVsCoverageFigure(
      demandCells().map((c) => ({ ...c, leads: 0, uncovered: false })),
      { document: makeDocument() },
    );
    expect(svg.getAttribute('data-empty')).toBe('true');
  });
});

describe('heatmapComparisonFigure', () => {
  const cell = (slotIndex: number, now: number | null, before: number | null) => ({
    day: 'Monday' as const,
    weekday: 0,
    slot: `${String(Math.floor(slotIndex / 2)).padStart(2, '0')}:${slotIndex % 2 ? '30' : '00'}`,
    slotIndex,
    current: { total: now === null ? 0 : 10, withinSla: now === null ? 0 : now / 10, pctWithinSla: now },
    previous: { total: before === null ? 0 : 10, withinSla: before === null ? 0 : before / 10, pctWithinSla: before },
    deltaTotal: (now === null ? 0 : 10) - (before === null ? 0 : 10),
    deltaPct: now !== null && before !== null ? now - before : null,
  });

  it('colours the change on a diverging scale centred at 0', () => {
    const svg = heatmapComparisonFigure([cell(0, 80, 40), cell(1, 50, 50), cell(2, 20, 60), cell(3, 50, null)], {
      document: makeDocument(),
    });
    const up = fillOf(cellByHeading(svg, 'Monday 00:00'))!;
    const same = fillOf(cellByHeading(svg, 'Monday 00:30'))!;
    const down = fillOf(cellByHeading(svg, 'Monday 01:00'))!;
    const channels = (c: string) => c.match(/\d+/g)!.map(Number) as [number, number, number];
    expect(channels(up)[2]).toBeGreaterThan(channels(up)[0]); // blue: better
    expect(channels(down)[0]).toBeGreaterThan(channels(down)[2]); // red: worse
    // No change is RdBu's near-white middle.
    for (const v of channels(same)) expect(v).toBeGreaterThan(230);
    expect(Math.abs(channels(same)[0] - channels(same)[2])).toBeLessThan(10);
    // The legend is symmetric around 0.
    expect([...svg.querySelectorAll('.panopticon-legend-ramp text')].map((t) => t.textContent)).toEqual([
      'Change in % within SLA (points)',
      '−40',
      '−20',
      '0',
      '+20',
      '+40',
    ]);
  });

  it('hatches slots that cannot be compared and explains both periods in the tooltip', () => {
    const svg = heatmapComparisonFigure([cell(0, 80, 40), cell(3, 50, null)], {
      document: makeDocument(),
      currentLabel: 'March',
      previousLabel: 'February',
    });
    const lone = cellByHeading(svg, 'Monday 01:30');
    expect(fillOf(lone)).toBe('url(#panopticon-heatmap-comparison-empty)');
    expect(tipOf(lone)).toBe(
      'Monday 01:30–02:00\nMarch: 50.0 % within 60 min (5 of 10 leads)\nFebruary: no leads\nChange: not comparable · leads +10',
    );
    expect(tipOf(cellByHeading(svg, 'Monday 00:00'))).toContain('Change: +40.0 pts');
  });

  it('renders the fixture comparison and a "no data" figure for []', () => {
    expect(cellRects(heatmapComparisonFigure(comparisonCells(), { document: makeDocument() }))).toHaveLength(336);
    const empty = heatmapComparisonFigure([], { document: makeDocument() });
    expect(empty.getAttribute('data-empty')).toBe('true');
    expect(texts(empty, 'cell')).toEqual([]);
  });
});
