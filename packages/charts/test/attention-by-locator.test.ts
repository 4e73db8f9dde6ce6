import { UNASSIGNED_LOCATOR } from '@panopticon/core';
import { describe, expect, it } from 'vitest';
import { REASON_COLORS, STATUS_COLORS, attentionByLocatorFigure } from '../src/index.js';
import { AS_OF, TIME_ZONE, attentionRows } from './fixtures.js';
import { fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const row = (locator: string | null, reason: 'stale' | 'stuck-in-green' | 'stalled' | 'at-risk') => ({
  locator,
  reason,
  status: reason === 'stale' ? ('stale' as const) : reason === 'at-risk' ? ('at-risk' as const) : ('progressed' as const),
});

describe('attentionByLocatorFigure', () => {
  it('one bar per locator, most leads first, stacked by reason in severity order', () => {
    const rows = [
      row('Bea', 'at-risk'),
      row('Bea', 'stale'),
      row('Al', 'stalled'),
      row('Bea', 'stale'),
      row(null, 'stuck-in-green'),
      row('Al', 'at-risk'),
    ];
    const svg = attentionByLocatorFigure(rows, { document: makeDocument() });
    expect(texts(svg, 'y-axis tick label')).toEqual(['Bea', 'Al', UNASSIGNED_LOCATOR]);
    const segments = [...svg.querySelectorAll('g[aria-label="bar"] rect')];
    expect(segments.map((s) => tipOf(s).replace('\n', ': '))).toEqual([
      'Bea: 2 leads stale',
      'Bea: 1 lead at risk',
      'Al: 1 lead stalled',
      'Al: 1 lead at risk',
      `${UNASSIGNED_LOCATOR}: 1 lead stuck in green`,
    ]);
    expect(segments.map(fillOf)).toEqual([
      REASON_COLORS.stale,
      REASON_COLORS['at-risk'],
      REASON_COLORS.stalled,
      REASON_COLORS['at-risk'],
      REASON_COLORS['stuck-in-green'],
    ]);
    // Stale is stacked first (leftmost) in Bea's bar.
    expect(Number(segments[0]!.getAttribute('x'))).toBeLessThan(Number(segments[1]!.getAttribute('x')));
    expect(texts(svg, 'text')).toEqual(['3', '2', '1']);
  });

  it('stacks by status on request, and sums the tail into "Other locators"', () => {
    const svg = attentionByLocatorFigure(attentionRows(), { document: makeDocument(), by: 'status', maxLocators: 4 });
    const locators = texts(svg, 'y-axis tick label');
    expect(locators).toHaveLength(4);
    expect(locators[3]).toMatch(/^Other locators \(\d+\)$/);
    const total = texts(svg, 'text').reduce((n, t) => n + Number(t), 0);
    expect(total).toBe(attentionRows().length);
    const fills = new Set([...svg.querySelectorAll('g[aria-label="bar"] rect')].map(fillOf));
    expect(fills).toEqual(new Set([STATUS_COLORS.stale, STATUS_COLORS['at-risk'], STATUS_COLORS.progressed]));
  });

  it('says when nobody needs attention', () => {
    const svg = attentionByLocatorFigure([], { document: makeDocument(), asOf: AS_OF, timeZone: TIME_ZONE });
    expect(svg.getAttribute('data-empty')).toBe('true');
    expect(svg.textContent).toContain('Nobody needs attention');
  });
});
