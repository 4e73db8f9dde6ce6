import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { filterLeads } from './filter.js';

const leads = [
  { id: 'a', createdAt: new Date('2025-06-01T00:00:00Z'), team: 'East', locator: 'Ana' },
  { id: 'b', createdAt: new Date('2025-06-02T00:00:00Z'), team: 'West', locator: 'Bo' },
  { id: 'c', createdAt: new Date('2025-06-03T00:00:00Z'), team: null, locator: null },
  { id: 'd', createdAt: new Date('2025-06-04T00:00:00Z'), locator: 'Ana' },
];
const ids = (xs: { id: string }[]) => xs.map((x) => x.id);

describe('filterLeads', () => {
  it('keeps every lead (a copy) when no filter is given; empty input gives empty output', () => {
    const out = filterLeads(leads);
    expect(ids(out)).toEqual(['a', 'b', 'c', 'd']);
    expect(out).not.toBe(leads);
    expect(filterLeads([], { team: 'East' })).toEqual([]);
  });

  it('period by createdAt: from inclusive, to exclusive', () => {
    expect(ids(filterLeads(leads, { from: new Date('2025-06-02T00:00:00Z'), to: new Date('2025-06-04T00:00:00Z') }))).toEqual(['b', 'c']);
    expect(ids(filterLeads(leads, { from: new Date('2025-06-03T00:00:00Z') }))).toEqual(['c', 'd']);
    expect(ids(filterLeads(leads, { to: new Date('2025-06-01T00:00:00.001Z') }))).toEqual(['a']);
    expect(filterLeads(leads, { from: new Date('2025-06-04T00:00:00Z'), to: new Date('2025-06-01T00:00:00Z') })).toEqual([]);
  });

  it('team and locator: exact match on a name or any of a list', () => {
    expect(ids(filterLeads(leads, { team: 'East' }))).toEqual(['a']);
    expect(ids(filterLeads(leads, { team: 'east' }))).toEqual([]);
    expect(ids(filterLeads(leads, { team: ['East', 'West'] }))).toEqual(['a', 'b']);
    expect(ids(filterLeads(leads, { locator: 'Ana' }))).toEqual(['a', 'd']);
    expect(ids(filterLeads(leads, { locator: 'Ana', team: 'East' }))).toEqual(['a']);
    expect(filterLeads(leads, { locator: [] })).toEqual([]);
  });

  it('rejects an invalid period bound, naming it', () => {
    expect(() => filterLeads(leads, { from: new Date('nope') })).toThrow(/from must be a valid Date; got Invalid Date/);
    expect(() => filterLeads(leads, { to: '2025-06-01' as never })).toThrow(/to must be a valid Date; got "2025-06-01"/);
  });

  it('consecutive periods partition the leads (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { maxLength: 50 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        (times, x, y, z) => {
          const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
          const ls = times.map((t) => ({ createdAt: new Date(t) }));
          const first = filterLeads(ls, { from: new Date(a), to: new Date(b) });
          const second = filterLeads(ls, { from: new Date(b), to: new Date(c) });
          const whole = filterLeads(ls, { from: new Date(a), to: new Date(c) });
          expect(first.length + second.length).toBe(whole.length);
        },
      ),
    );
  });
});
