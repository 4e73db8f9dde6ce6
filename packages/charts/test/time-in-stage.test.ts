import { describe, expect, it } from 'vitest';
import { CATEGORY_COLORS, timeInStageFigure } from '../src/index.js';
import { AS_OF, PIPELINE, TIME_ZONE, visits } from './fixtures.js';
import { texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const DAY = 86_400_000;

describe('timeInStageFigure', () => {
  it('one row per working stage in pipeline order; won and lost stages left out by default', () => {
    const svg = timeInStageFigure(visits(), { document: makeDocument(), pipeline: PIPELINE });
    expect(texts(svg, 'y-axis tick label')).toEqual([
      'New',
      'Contacted',
      'Appointment Set',
      'Follow-Up',
      'Green - Approved',
      'Delivery Requested',
    ]);
    const all = timeInStageFigure(visits(), {
      document: makeDocument(),
      pipeline: PIPELINE,
      categories: ['open', 'green', 'delivery', 'won', 'lost'],
    });
    expect(texts(all, 'y-axis tick label')).toHaveLength(8);
  });

  it('marks finished visits as ticks, open visits as hollow circles, and the median', () => {
    const list = [
      { stage: 'Follow-Up', durationMs: 2 * DAY, open: false },
      { stage: 'Follow-Up', durationMs: 4 * DAY, open: false },
      { stage: 'Follow-Up', durationMs: 9 * DAY, open: false },
      { stage: 'Follow-Up', durationMs: 30 * DAY, open: true, name: 'Ada Lee' },
      { stage: 'Green - Approved', durationMs: 1 * DAY, open: false },
    ];
    const svg = timeInStageFigure(list, { document: makeDocument(), pipeline: PIPELINE });
    const [ticks, medians] = [...svg.querySelectorAll('g[aria-label="tick"]')];
    expect(ticks!.querySelectorAll('line')).toHaveLength(4);
    const circles = [...svg.querySelectorAll('g[aria-label="dot"] circle')];
    expect(circles).toHaveLength(1);
    expect(tipOf(circles[0]!)).toBe('Ada Lee · in Follow-Up for 30 days so far (still there)');
    expect(circles[0]!.parentElement!.getAttribute('fill')).toBe('white');
    expect([...medians!.querySelectorAll('line')].map(tipOf)).toEqual([
      'Follow-Up: median 4 days over 3 finished visits; 1 lead there now',
      'Green - Approved: median 1 day over 1 finished visit; 0 leads there now',
    ]);
    expect([...ticks!.querySelectorAll('line')].map((l) => l.getAttribute('stroke'))).toEqual([
      CATEGORY_COLORS.open,
      CATEGORY_COLORS.open,
      CATEGORY_COLORS.open,
      CATEGORY_COLORS.green,
    ]);
  });

  it('groups visits past maxMarks, keeping the figure light and the medians exact', () => {
    const many = Array.from({ length: 6000 }, (_, i) => ({
      stage: i % 2 ? 'Follow-Up' : 'New',
      durationMs: ((i * 7919) % 100_000) * 864_000,
      open: i % 10 === 0,
    }));
    const svg = timeInStageFigure(many, { document: makeDocument(), pipeline: PIPELINE });
    const [ticks, medians] = [...svg.querySelectorAll('g[aria-label="tick"]')];
    expect(ticks!.querySelectorAll('line').length).toBeLessThanOrEqual(2 * 201);
    expect(svg.querySelectorAll('g[aria-label="dot"] circle').length).toBeLessThanOrEqual(2 * 201);
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toContain(
      '5400 finished visits, 600 leads still in a stage (grouped by 5 days)',
    );
    const followUp = many
      .filter((v) => v.stage === 'Follow-Up' && !v.open)
      .map((v) => v.durationMs / DAY)
      .sort((a, b) => a - b);
    const exact = (followUp[followUp.length / 2 - 1]! + followUp[followUp.length / 2]!) / 2;
    expect(tipOf(medians!.querySelectorAll('line')[1]!)).toContain(
      `median ${Math.round(exact * 10) / 10} days over 3000 finished visits; 0 leads there now`,
    );
    expect(tipOf(ticks!.querySelector('line')!)).toMatch(/^(New|Follow-Up): \d+ finished visits? of about \d+ days$/);
  });

  it('works without a pipeline (stages in order of appearance, all open)', () => {
    const svg = timeInStageFigure(
      [
        { stage: 'B', durationMs: DAY, open: false },
        { stage: 'A', durationMs: DAY, open: true },
      ],
      { document: makeDocument() },
    );
    expect(texts(svg, 'y-axis tick label')).toEqual(['A', 'B']);
  });

  it('gives a "no data" figure for [] and shows asOf in the zone', () => {
    const svg = timeInStageFigure([], { document: makeDocument(), asOf: AS_OF, timeZone: TIME_ZONE });
    expect(svg.getAttribute('data-empty')).toBe('true');
    expect(svg.textContent).toContain('No stage history');
    expect(svg.querySelector('.panopticon-subtitle')?.textContent).toBe('as of 2026-03-31 (America/New_York)');
  });
});
