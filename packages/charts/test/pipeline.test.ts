import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, pipelineSnapshotFigure, pipelineTrendFigure } from '../src/index.js';
import { chartMessages } from '../src/messages.js';
import { AS_OF, PIPELINE, TIME_ZONE, snapshotRows, trendRows } from './fixtures.js';
import { fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

describe('pipelineSnapshotFigure', () => {
  it('draws one bar per stage in pipeline order, coloured by category', () => {
    const svg = pipelineSnapshotFigure(snapshotRows(), { document: makeDocument() });
    expect(texts(svg, 'y-axis tick label')).toEqual(PIPELINE.stages.map((s) => s.name));
    const bars = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(bars).toHaveLength(8);
    expect(bars.map(fillOf)).toEqual(PIPELINE.stages.map((s) => CATEGORY_COLORS[s.category]));
    expect(tipOf(bars[2]!)).toBe('Appointment Set (open)\n31 leads · 21.8 % of 142');
    expect(texts(svg, 'text')).toEqual(['14', '22', '31', '18', '9', '5', '27', '16']);
    expect(texts(svg, 'x-axis label')[0]).toContain('Leads');
  });

  it('shows "as of" in the zone, and insists on a zone with asOf', () => {
    const svg = pipelineSnapshotFigure(snapshotRows(), { document: makeDocument(), asOf: AS_OF, timeZone: 'Asia/Tokyo' });
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toContain('as of 2026-04-01 (Asia/Tokyo)');
    expect(() => pipelineSnapshotFigure(snapshotRows(), { document: makeDocument(), asOf: AS_OF })).toThrow(
      chartMessages.asOfNeedsTimeZone('pipelineSnapshotFigure'),
    );
  });

  it('gives a "no data" figure for [] and for all-zero counts', () => {
    for (const rows of [[], snapshotRows().map((r) => ({ ...r, count: 0 }))]) {
      const svg = pipelineSnapshotFigure(rows, { document: makeDocument() });
      expect(svg.getAttribute('data-empty')).toBe('true');
      expect(svg.textContent).toContain('No leads in the pipeline');
    }
  });
});

describe('pipelineTrendFigure', () => {
  it('draws one line per stage, in category shades, with the dates as given', () => {
    const svg = pipelineTrendFigure(trendRows(), { document: makeDocument(), timeZone: TIME_ZONE });
    expect(svg.querySelectorAll('g[aria-label="line"] path')).toHaveLength(8);
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(80);
    expect(tipOf(dots[0]!)).toBe('2026-01-27\nNew: 10 leads');
    expect(tipOf(dots.at(-1)!)).toMatch(/^2026-03-31\nLost: \d+ leads$/);
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toBe(
      'Leads per stage at the end of each date, 2026-01-27 to 2026-03-31 (America/New_York)',
    );
    const legend = [...svg.querySelectorAll('.panopticon-legend-swatch')];
    expect(legend.map((g) => g.textContent)).toEqual(PIPELINE.stages.map((s) => s.name));
    // The first open stage takes the category's own colour; green and delivery stages theirs.
    expect(legend[0]!.querySelector('line')!.getAttribute('stroke')).toBe(CATEGORY_COLORS.open);
    expect(legend[4]!.querySelector('line')!.getAttribute('stroke')).toBe(CATEGORY_COLORS.green);
  });

  it('groups by category and keeps only the categories asked for', () => {
    const svg = pipelineTrendFigure(trendRows(), { document: makeDocument(), groupBy: 'category', categories: ['open', 'green'] });
    const dots = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(dots).toHaveLength(20);
    const first = trendRows()
      .filter((r) => r.date === '2026-01-27' && r.category === 'open')
      .reduce((n, r) => n + r.count, 0);
    expect(tipOf(dots[0]!)).toBe(`2026-01-27\nOpen: ${first} leads`);
    expect([...svg.querySelectorAll('.panopticon-legend-swatch')].map((g) => g.textContent)).toEqual(['Open', 'Green (approved)']);
  });

  it('stacks areas on request', () => {
    const svg = pipelineTrendFigure(trendRows(), { document: makeDocument(), stacked: true, groupBy: 'category' });
    expect(svg.querySelectorAll('g[aria-label="area"] path')).toHaveLength(5);
  });

  it('gives a "no data" figure for []', () => {
    const svg = pipelineTrendFigure([], { document: makeDocument() });
    expect(svg.getAttribute('data-empty')).toBe('true');
    expect(svg.textContent).toContain('No pipeline history in this period');
  });
});
