import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { leadsArb } from '../follow-up/arbitraries.js';
import type { Lead } from './lead.js';
import { LeadColumnsBuilder, leadAt, leadColumnsOf } from './lead-columns.js';

describe('lead columns', () => {
  it('hold every field of every lead: leadAt gives each lead back without its histories (property)', () => {
    fc.assert(
      fc.property(leadsArb(1200), (leads) => {
        const columns = leadColumnsOf(leads);
        expect(columns.length).toBe(leads.length);
        expect(columns.createdAt.length).toBe(leads.length);
        leads.forEach((lead, i) => {
          const { stageHistory: _s, ownerHistory: _o, ...fields } = lead;
          expect(leadAt(columns, i)).toEqual({ company: null, source: null, assignedAt: null, ...fields, stageHistory: [] });
        });
      }),
      { numRuns: 30 },
    );
  });

  it('read none as NaN and null, keep every instant to the millisecond, and name a bad index', () => {
    const lead: Lead = {
      id: '7',
      name: '',
      company: 'Acme',
      locator: null,
      team: undefined,
      source: null,
      stage: 'New',
      createdAt: new Date('2026-03-08T06:59:59.999Z'),
      assignedAt: new Date('2026-03-08T07:00:00.001Z'),
      firstContactAt: null,
      appointmentAt: new Date(-1),
      stageHistory: [],
    };
    const columns = leadColumnsOf([lead]);
    expect(Array.from(columns.firstContactAt)).toEqual([Number.NaN]);
    expect(Array.from(columns.appointmentAt)).toEqual([-1]);
    expect(columns.team).toEqual([null]);
    expect(leadAt(columns, 0)).toEqual({ ...lead, team: null });
    expect(() => leadAt(columns, 1)).toThrow('lead index 1 is out of range (0 to 0)');
    expect(() => leadAt(columns, 0.5)).toThrow(RangeError);
  });

  it('grow past their first allocation, and let a loader fill in stage and locator', () => {
    const builder = new LeadColumnsBuilder();
    for (let i = 0; i < 3000; i++)
      builder.push(String(i), `n${i}`, null, 'ana', null, null, 'New', i * 1000, Number.NaN, Number.NaN, i % 2 ? i : Number.NaN);
    expect(builder.ids.length).toBe(3000);
    expect(builder.createdAtMs[2999]).toBe(2_999_000);
    builder.setStage(5, 'Lost');
    builder.setLocator(6, null);
    const columns = builder.finish();
    expect(columns.length).toBe(3000);
    expect(columns.appointmentAt.length).toBe(3000);
    expect(columns.appointmentAt[2999]).toBe(2999);
    expect(leadAt(columns, 5).stage).toBe('Lost');
    expect(leadAt(columns, 6).locator).toBeNull();
    expect(leadAt(columns, 2998).appointmentAt).toBeNull();
  });

  it('grow from any starting capacity, even none (leadColumnsOf sizes the builder to its leads)', () => {
    for (const capacity of [0, 1, 3]) {
      const builder = new LeadColumnsBuilder(capacity);
      for (let i = 0; i < 10; i++) builder.push(String(i), 'n', null, null, null, null, 'New', i, Number.NaN, Number.NaN, i * 2);
      const columns = builder.finish();
      expect(columns.length).toBe(10);
      expect(Array.from(columns.createdAt)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(Array.from(columns.appointmentAt)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    }
    expect(leadColumnsOf([]).length).toBe(0);
  });
});
