import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadDetailColumns, leadDetailReader } from './lead-detail-columns.js';
import { SharedTablesBuilder } from './page-tables.js';
import type { LeadDetail } from './page-data.js';

// "YYYY-MM-DD HH:MM" between 2000 and 2040.
const instant = fc
  .integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 })
  .map((m) => new Date(m * 60_000).toISOString().slice(0, 16).replace('T', ' '));
const text = fc.constantFrom('New', 'Appointment Set', 'Ana Souza', 'Équipe Nord', '=cmd', '', '0', 'null');
const days = fc.option(fc.integer({ min: 0, max: 4000 }).map((n) => n / 10));

const detail: fc.Arbitrary<LeadDetail> = fc.record({
  id: fc.string(),
  name: fc.string(),
  locator: fc.option(text),
  team: fc.option(text),
  stage: fc.option(text),
  status: fc.constantFrom('upcoming', 'awaiting', 'at-risk', 'stale', 'progressed', 'won', 'lost'),
  reason: fc.option(fc.constantFrom('stale', 'at-risk', 'stuck-in-green', 'stalled')),
  reasonDays: fc.option(fc.integer({ min: 0, max: 400 })),
  created: instant,
  firstContact: fc.option(instant),
  responseMinutes: days,
  appointment: fc.option(instant),
  daysSinceAppointment: fc.option(fc.integer({ min: 0, max: 400 })),
  progress: fc.option(instant),
  daysInStage: fc.option(fc.integer({ min: 0, max: 400 })),
  visits: fc.array(
    fc.tuple(
      text,
      instant,
      fc.option(instant),
      fc.integer({ min: 0, max: 4000 }).map((n) => n / 10),
    ),
  ),
  owners: fc.option(fc.array(fc.tuple(fc.option(text), instant))),
});

describe('the lead dialog facts in columns', () => {
  it('give back every lead exactly as given (property)', () => {
    fc.assert(
      fc.property(fc.array(detail, { maxLength: 20 }), (details) => {
        const shared = new SharedTablesBuilder();
        const columns = JSON.parse(JSON.stringify(leadDetailColumns(details, shared)));
        const reader = leadDetailReader(columns, JSON.parse(JSON.stringify(shared.done())));
        expect(details.map((_, i) => reader.at(i))).toEqual(details);
        expect(reader.ids).toEqual(details.map((d) => d.id));
      }),
    );
  });

  it('write each name once, the creation in minutes from the earliest and a visit from the instant before it', () => {
    const lead = (id: string, created: string): LeadDetail => ({
      id,
      name: `Lead ${id}`,
      locator: 'Ana Souza',
      team: null,
      stage: 'New',
      status: 'awaiting',
      reason: null,
      reasonDays: null,
      created,
      firstContact: null,
      responseMinutes: null,
      appointment: null,
      daysSinceAppointment: null,
      progress: null,
      daysInStage: 3,
      visits: [['New', created, null, 3]],
      owners: null,
    });
    const shared = new SharedTablesBuilder();
    const c = leadDetailColumns([lead('a', '2026-03-08 01:30'), lead('b', '2026-03-08 03:30')], shared);
    expect(shared.done().words).toEqual(['Ana Souza', 'New', 'awaiting']);
    expect(shared.done().leads).toEqual({ id: ['a', 'b'], name: ['Lead a', 'Lead b'] });
    expect(c.created).toEqual([0, 120]);
    expect(c.visitCount).toBe('22'); // packed: one visit each
    expect(c.visitEntered).toBe('11');
    expect(c.visitLeft).toBe('00'); // null, packed
    expect(c.visitTenths).toBe(true);
  });
});
