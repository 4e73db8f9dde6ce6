import { columnarLeadsOf, type Lead } from '@panopticon/core';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { decodeResponseRows } from './client/response-rows.js';
import { MAX_EMBEDDED_ROWS, type ControlsData } from './controls-data.js';
import type { ReportModel } from './model.js';
import { controlsSection, responseRows } from './section-controls.js';

const TEAMS = ['East', 'West'];
const teamOf = (team: string | null | undefined) => (team == null ? -1 : TEAMS.indexOf(team));
const instant = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) });
const row = fc.record({
  created: instant,
  // A contact before the arrival is kept (core counts it as invalid), as is none.
  contact: fc.option(fc.integer({ min: -86_400_000, max: 30 * 86_400_000 }), { nil: null }),
  team: fc.constantFrom(null, ...TEAMS),
});
const asLead = (r: { created: number; contact: number | null; team: string | null }, i: number) =>
  ({
    id: String(i),
    name: '',
    createdAt: new Date(r.created),
    firstContactAt: r.contact === null ? null : new Date(r.created + r.contact),
    team: r.team,
    stageHistory: [],
  }) as unknown as Lead;

describe('the embedded response rows', () => {
  it('decode to the arrival, first contact and team of every lead created by as-of, exactly', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), instant, (rows, asOfMs) => {
        const leads = rows.map(asLead);
        const { rows: encoded, rowCount } = responseRows(columnarLeadsOf(leads).leads, new Date(asOfMs), teamOf, MAX_EMBEDDED_ROWS);
        const kept = leads.filter((l) => l.createdAt.getTime() <= asOfMs);
        expect(rowCount).toBe(kept.length);
        const decoded = decodeResponseRows(JSON.parse(JSON.stringify(encoded)), TEAMS);
        const key = (l: { createdAt: Date; firstContactAt: Date | null; team?: string | null }) =>
          `${l.createdAt.getTime()} ${l.firstContactAt?.getTime() ?? 'never'} ${l.team ?? '-'}`;
        expect(decoded.map(key).sort()).toEqual(kept.map(key).sort());
      }),
    );
  });

  it('are not embedded above the row limit: the controls stay disabled and say which options are fixed and why', () => {
    const leads = [0, 1, 2].map((i) => asLead({ created: Date.UTC(2026, 0, 5, 9, i), contact: 60_000, team: 'East' }, i));
    const { rows, rowCount } = responseRows(columnarLeadsOf(leads).leads, new Date(Date.UTC(2026, 1, 1)), teamOf, 2);
    expect(rows).toBeNull();
    expect(rowCount).toBe(3);
    const data = {
      teams: TEAMS,
      rows,
      rowCount,
      periods: { a: { from: '2026-01-01', to: '2026-01-28' }, b: { from: '2025-12-04', to: '2025-12-31' } },
    } as unknown as ControlsData;
    const doc = new JSDOM(controlsSection({ slotMinutes: 30, slaMinutes: 60 } as ReportModel, data).toString()).window.document;
    for (const id of ['v-slot', 'v-sla', 'v-clock', 'v-team', 'v-a-from', 'v-b-to'])
      expect((doc.getElementById(id) as HTMLInputElement).disabled, id).toBe(true);
    const fixed = doc.getElementById('v-fixed')!.textContent!;
    expect(fixed).toContain('slot length 30 minutes, SLA 60 minutes, calendar clock, all teams');
    expect(fixed).toContain(
      `the data has 3 response rows, more than the ${MAX_EMBEDDED_ROWS.toLocaleString('en-US')} this page recomputes`,
    );
  });
});
