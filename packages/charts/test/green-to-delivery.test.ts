import type { GreenToDeliveryRow } from '@panopticon/core';
import { describe, expect, it } from 'vitest';
import { GREEN_TO_DELIVERY_STATES, greenToDeliveryFigure } from '../src/index.js';
import { AS_OF, TIME_ZONE, greenRows } from './fixtures.js';
import { fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const row = (
  leadId: string,
  days: number,
  done: boolean,
  stuck = false,
  category: GreenToDeliveryRow['category'] = done ? 'delivery' : 'green',
): GreenToDeliveryRow => ({
  leadId,
  name: `Lead ${leadId}`,
  locator: 'Ana',
  stage: category === 'green' ? 'Green - Approved' : 'Delivery Requested',
  category,
  greenAt: new Date('2026-03-01T15:00:00Z'),
  deliveryAt: done ? new Date('2026-03-09T15:00:00Z') : null,
  days,
  stuck,
  done,
});

describe('greenToDeliveryFigure', () => {
  it('one bar per lead, waiting first and longest first, coloured by state', () => {
    const svg = greenToDeliveryFigure([row('a', 8, true), row('b', 20, false, true), row('c', 3, false), row('d', 12, true)], {
      document: makeDocument(),
    });
    expect(texts(svg, 'y-axis tick label')).toEqual(['Lead b', 'Lead c', 'Lead d', 'Lead a']);
    expect([...svg.querySelectorAll('g[aria-label="bar"] rect')].map(fillOf)).toEqual([
      GREEN_TO_DELIVERY_STATES.stuck.color,
      GREEN_TO_DELIVERY_STATES.waiting.color,
      GREEN_TO_DELIVERY_STATES.delivered.color,
      GREEN_TO_DELIVERY_STATES.delivered.color,
    ]);
  });

  it('draws the stuck threshold as a dashed rule at its x position', () => {
    const svg = greenToDeliveryFigure([row('a', 28, false, true)], { document: makeDocument(), greenStuckAfterDays: 14 });
    const rules = [...svg.querySelectorAll('g[aria-label="rule"]')];
    const threshold = rules.find((g) => g.getAttribute('stroke-dasharray') === '4,3')!;
    const zero = rules.find((g) => g.getAttribute('stroke-dasharray') === null)!;
    const x = (g: Element) =>
      Number(
        g.querySelector('line')!.getAttribute('x1') ??
          g
            .querySelector('line')!
            .getAttribute('transform')
            ?.match(/translate\(([\d.]+)/)?.[1],
      );
    const bar = svg.querySelector('g[aria-label="bar"] rect')!;
    const barEnd = Number(bar.getAttribute('x')) + Number(bar.getAttribute('width'));
    // 14 days sits halfway between 0 and the 28-day bar's end.
    expect(x(threshold)).toBeCloseTo((x(zero) + barEnd) / 2, 0);
    expect(svg.textContent).toContain('stuck after 14 days');
  });

  it('dates in tooltips are read in the given zone', () => {
    const svg = greenToDeliveryFigure([row('a', 8, true)], { document: makeDocument(), timeZone: 'Pacific/Kiritimati' });
    // 15:00 UTC is 05:00 the next day at UTC+14.
    expect(tipOf(svg.querySelector('g[aria-label="bar"] rect')!)).toBe(
      'Lead a · Ana\nDelivery requested · 8 days\nStage: Delivery Requested\nGreen since 2026-03-02 · delivery 2026-03-10',
    );
  });

  it('caps the leads shown and can leave out delivered ones', () => {
    const data = greenRows();
    const capped = greenToDeliveryFigure(data, { document: makeDocument(), maxLeads: 5, asOf: AS_OF, timeZone: TIME_ZONE });
    expect(texts(capped, 'y-axis tick label')).toHaveLength(5);
    expect(capped.querySelector('.panopticon-subtitle')?.textContent).toContain(`showing 5 of ${data.rows.length}`);
    const pending = greenToDeliveryFigure(data, { document: makeDocument(), pendingOnly: true });
    expect(texts(pending, 'y-axis tick label')).toHaveLength(data.pending);
  });

  it('gives a "no data" figure for no rows', () => {
    const svg = greenToDeliveryFigure([], { document: makeDocument() });
    expect(svg.getAttribute('data-empty')).toBe('true');
    expect(svg.textContent).toContain('No lead has reached green');
  });
});
