import { FOLLOW_UP_STATUS_LABELS, type FollowUpStatus } from '@panopticon/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_COLORS, STATUS_ORDER, appointmentCalendarFigure } from '../src/index.js';
import { chartMessages } from '../src/messages.js';
import { AS_OF, TIME_ZONE, appointments } from './fixtures.js';
import { cellByHeading, cellRects, fillOf, texts, tipOf } from './helpers.js';
import { makeDocument } from './snapshot.js';

const at = (iso: string) => new Date(iso);

describe('appointmentCalendarFigure', () => {
  it('lays out whole weeks, Monday first, with a row per week', () => {
    const svg = appointmentCalendarFigure(appointments(), { document: makeDocument(), asOf: AS_OF, timeZone: TIME_ZONE });
    expect(texts(svg, 'x-axis tick label')).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
    const weeks = texts(svg, 'y-axis tick label');
    expect(weeks[0]).toBe('2026-02-23');
    expect(weeks.at(-1)).toBe('2026-04-13');
    // One day cell per day of those weeks, plus today's outline.
    expect(cellRects(svg)).toHaveLength(weeks.length * 7 + 1);
  });

  it('colours a day by its most urgent status and prints its count', () => {
    const asOf = at('2026-03-20T16:00:00Z');
    const list = [
      { appointmentAt: at('2026-03-04T15:00:00Z'), status: 'progressed' as const, name: 'B' },
      { appointmentAt: at('2026-03-04T16:00:00Z'), status: 'at-risk' as const, name: 'A' },
      { appointmentAt: at('2026-03-04T17:00:00Z'), status: 'won' as const },
      { appointmentAt: at('2026-03-05T15:00:00Z'), status: 'won' as const },
    ];
    const svg = appointmentCalendarFigure(list, { document: makeDocument(), asOf, timeZone: TIME_ZONE });
    const wed = cellByHeading(svg, 'Wednesday 2026-03-04');
    expect(fillOf(wed)).toBe(STATUS_COLORS['at-risk']);
    expect(tipOf(wed)).toBe(
      'Wednesday 2026-03-04\n3 appointments · most urgent: At risk\n1 at risk · 1 progressed · 1 won\nA (At risk)\nB (Progressed)',
    );
    expect(fillOf(cellByHeading(svg, 'Thursday 2026-03-05'))).toBe(STATUS_COLORS.won);
    // Days of the same weeks before the first appointment lie outside the range: greyed, not white.
    expect(fillOf(cellByHeading(svg, 'Monday 2026-03-02'))).toBe('#f7f7f7');
    expect(tipOf(cellByHeading(svg, 'Monday 2026-03-02'))).toBe('Monday 2026-03-02\nOutside the range shown');
    const counts = [...svg.querySelectorAll('g[aria-label="text"]')].at(-1)!.querySelectorAll('text');
    expect([...counts].map((t) => t.textContent)).toEqual(['3', '1']);
  });

  it('puts appointments on dates in the given time zone, not the process zone', () => {
    // 22:30 on Sunday 1 March in New York; already Monday in UTC and in the tests' Pacific/Chatham.
    const list = [{ appointmentAt: at('2026-03-02T03:30:00Z'), status: 'stale' as const }];
    const range = { from: at('2026-02-25T12:00:00Z'), to: at('2026-03-04T12:00:00Z') };
    const svg = appointmentCalendarFigure(list, { document: makeDocument(), asOf: AS_OF, timeZone: 'America/New_York', ...range });
    expect(tipOf(cellByHeading(svg, 'Sunday 2026-03-01'))).toContain('1 appointment ·');
    expect(tipOf(cellByHeading(svg, 'Monday 2026-03-02'))).toBe('Monday 2026-03-02\nNo appointments');
    const tokyo = appointmentCalendarFigure(list, { document: makeDocument(), asOf: AS_OF, timeZone: 'Asia/Tokyo', ...range });
    expect(tipOf(cellByHeading(tokyo, 'Sunday 2026-03-01'))).toBe('Sunday 2026-03-01\nNo appointments');
    expect(tipOf(cellByHeading(tokyo, 'Monday 2026-03-02'))).toContain('1 appointment ·');
  });

  it("outlines today (asOf's date in the zone)", () => {
    const svg = appointmentCalendarFigure(appointments(), { document: makeDocument(), asOf: AS_OF, timeZone: TIME_ZONE });
    const outline = [...svg.querySelectorAll('g[aria-label="cell"]')][1]!;
    expect(outline.getAttribute('fill')).toBe('none');
    expect(outline.querySelectorAll('rect')).toHaveLength(1);
    expect(tipOf(cellByHeading(svg, 'Tuesday 2026-03-31'))).toMatch(/^Tuesday 2026-03-31 \(today\)/);
  });

  it('limits the range with from/to and caps the weeks around asOf', () => {
    const svg = appointmentCalendarFigure(appointments(), {
      document: makeDocument(),
      asOf: AS_OF,
      timeZone: TIME_ZONE,
      from: at('2026-03-10T12:00:00Z'),
      to: at('2026-03-20T12:00:00Z'),
    });
    expect(texts(svg, 'y-axis tick label')).toEqual(['2026-03-09', '2026-03-16']);
    expect(tipOf(cellByHeading(svg, 'Monday 2026-03-09'))).toContain('Outside the range');
    const capped = appointmentCalendarFigure(appointments(), { document: makeDocument(), asOf: AS_OF, timeZone: TIME_ZONE, maxWeeks: 3 });
    expect(texts(capped, 'y-axis tick label')).toEqual(['2026-03-23', '2026-03-30', '2026-04-06']);
  });

  it('gives a "no data" figure without appointments in the range', () => {
    const svg = appointmentCalendarFigure([{ appointmentAt: null, status: 'no-appointment' }], {
      document: makeDocument(),
      asOf: AS_OF,
      timeZone: TIME_ZONE,
    });
    expect(svg.getAttribute('data-empty')).toBe('true');
    expect(svg.textContent).toContain('No appointments');
    const ranged = appointmentCalendarFigure(appointments(), {
      document: makeDocument(),
      asOf: AS_OF,
      timeZone: TIME_ZONE,
      from: at('2027-01-01T12:00:00Z'),
      to: at('2027-01-31T12:00:00Z'),
    });
    expect(ranged.textContent).toContain('No appointments from 2027-01-01 to 2027-01-31');
  });

  it('rejects an invalid asOf or time zone', () => {
    expect(() => appointmentCalendarFigure([], { document: makeDocument(), asOf: new Date(Number.NaN), timeZone: TIME_ZONE })).toThrow(
      chartMessages.invalidAsOf('appointmentCalendarFigure', new Date(Number.NaN)),
    );
    expect(() => appointmentCalendarFigure([], { document: makeDocument(), asOf: AS_OF, timeZone: 'Mars/Olympus' })).toThrow(
      /Mars\/Olympus/,
    );
  });

  it("lists a day's first maxNames names as a stable sort of all of them by urgency, then name, would (property)", () => {
    const day = at('2026-03-04T15:00:00Z');
    const appointment = fc.record({
      status: fc.constantFrom(...STATUS_ORDER),
      name: fc.option(fc.constantFrom('Ann', 'Bo', 'ann', 'Zed', 'Émile', ''), { nil: undefined }),
      locator: fc.constantFrom('x', 'y', undefined),
    });
    const maxNames = fc.oneof(fc.integer({ min: -4, max: 12 }), fc.constantFrom(2.5, Number.NaN, Number.POSITIVE_INFINITY));
    fc.assert(
      fc.property(fc.array(appointment, { minLength: 1, maxLength: 30 }), maxNames, (list, max) => {
        const svg = appointmentCalendarFigure(
          list.map((a) => ({ ...a, appointmentAt: day, status: a.status as FollowUpStatus })),
          { document: makeDocument(), asOf: day, timeZone: TIME_ZONE, maxNames: max },
        );
        // The oracle: every appointment sorted (stably), the named ones written, the first maxNames of them kept.
        const rank = (s: string) => STATUS_ORDER.indexOf(s as FollowUpStatus);
        const named = list
          .slice()
          .sort(
            (a, b) => rank(a.status) - rank(b.status) || ((a.name ?? '') < (b.name ?? '') ? -1 : (a.name ?? '') > (b.name ?? '') ? 1 : 0),
          )
          .filter((a) => a.name !== undefined)
          .map(
            (a) => `${a.name} (${FOLLOW_UP_STATUS_LABELS[a.status as FollowUpStatus]}${a.locator !== undefined ? `, ${a.locator}` : ''})`,
          );
        const expected = [...named.slice(0, max), ...(named.length > max ? [`and ${named.length - max} more`] : [])];
        expect(tipOf(cellByHeading(svg, 'Wednesday 2026-03-04')).split('\n').slice(3)).toEqual(expected);
      }),
    );
  });
});
