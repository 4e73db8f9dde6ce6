import { appointmentProgressSurvival, firstContactSurvival, kaplanMeier, parsePipeline, speedToLead, type Lead } from '@panopticon/core';
import { describe, expect, it } from 'vitest';
import { speedToLeadFigure, survivalCurveFigure, toSvgString } from '../src/index.js';
import { checkSnapshot, makeDocument } from './snapshot.js';

// Seeded leads (a linear congruential generator, so the snapshots are stable) with a fixed asOf.
const AS_OF = new Date('2026-03-31T23:59:59.999Z');
const TIME_ZONE = 'America/New_York';
const PIPELINE = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

function seededLeads(count: number): Lead[] {
  let s = 20260331;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const leads: Lead[] = [];
  for (let i = 0; i < count; i++) {
    const created = Date.UTC(2026, 2, 1) + Math.floor(next() * 29 * 24) * 3_600_000;
    const wait = next() < 0.15 ? null : Math.round(next() ** 3 * 3000);
    const outcome = next();
    const appointment = created + 2 * 86_400_000;
    const closedAt = appointment + Math.round(next() * 10) * 86_400_000;
    const stage = closedAt > AS_OF.getTime() || outcome < 0.3 ? 'Appointment Set' : outcome < 0.6 ? 'Green/Delivered' : 'Lost';
    leads.push({
      id: String(i),
      name: `Lead ${i}`,
      locator: null,
      team: i % 2 === 0 ? 'East' : 'West',
      stage,
      createdAt: new Date(created),
      firstContactAt: wait === null ? null : new Date(created + wait * 60_000),
      appointmentAt: new Date(appointment),
      stageHistory: [
        { stage: 'Appointment Set', at: new Date(created) },
        ...(stage === 'Appointment Set' ? [] : [{ stage, at: new Date(closedAt) }]),
      ],
    });
  }
  return leads;
}

const leads = seededLeads(200);
const byTeam = firstContactSurvival(leads, { asOf: AS_OF, by: 'team' });
const FIGURES: Record<string, (document: Document) => SVGSVGElement> = {
  'survival-first-contact-by-team': (document) =>
    survivalCurveFigure(byTeam.groups, { document, logTime: true, stillLabel: 'Still waiting', asOf: AS_OF, timeZone: TIME_ZONE }),
  'survival-appointment-progress': (document) =>
    survivalCurveFigure(
      [{ group: 'all', curve: appointmentProgressSurvival(leads, { asOf: AS_OF, timeZone: TIME_ZONE, pipeline: PIPELINE }).curve }],
      {
        document,
        unit: 'days',
        title: 'Appointment to first progress',
      },
    ),
  'survival-empty': (document) => survivalCurveFigure([{ group: 'all', curve: kaplanMeier([]) }], { document }),
  'speed-to-lead': (document) =>
    speedToLeadFigure(speedToLead(leads, { asOf: AS_OF, timeZone: TIME_ZONE, pipeline: PIPELINE }), {
      document,
      asOf: AS_OF,
      timeZone: TIME_ZONE,
    }),
  'speed-to-lead-empty': (document) =>
    speedToLeadFigure(speedToLead([], { asOf: AS_OF, timeZone: TIME_ZONE, pipeline: PIPELINE }), { document }),
};

describe('survival figures: SVG snapshots (test/output/<name>.svg)', () => {
  for (const [name, render] of Object.entries(FIGURES)) {
    it(name, () => {
      expect(checkSnapshot(name, render(makeDocument()))).toBeNull();
    });
  }
});

describe('survivalCurveFigure', () => {
  it('draws one line per group, a dot per median reached, and says "not reached" otherwise', () => {
    const waiting = kaplanMeier([
      { duration: 5, event: true },
      { duration: 50, event: false },
      { duration: 60, event: false },
    ]);
    const svg = survivalCurveFigure(
      [
        { group: 'fast', curve: kaplanMeier([{ duration: 3, event: true }]) },
        { group: 'slow', curve: waiting },
      ],
      { document: makeDocument() },
    );
    const markup = toSvgString(svg);
    expect(svg.querySelectorAll('[aria-label="line"] path').length).toBe(2);
    expect(svg.querySelectorAll('[aria-label="dot"] circle').length).toBe(1);
    expect(markup).toContain('fast 3 min · slow not reached');
  });

  it('says so for no cases, never an empty chart', () => {
    const svg = survivalCurveFigure([], { document: makeDocument() });
    expect(svg.getAttribute('data-empty')).toBe('true');
  });
});

describe('speedToLeadFigure', () => {
  it('labels the figure an association and keeps open leads apart', () => {
    const markup = toSvgString(
      speedToLeadFigure(speedToLead(leads, { asOf: AS_OF, timeZone: TIME_ZONE, pipeline: PIPELINE }), { document: makeDocument() }),
    );
    expect(markup).toContain('an association, not a cause');
    expect(markup).toMatch(/\d+ open/);
  });
});
