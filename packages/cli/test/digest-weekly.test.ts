import { describe, expect, it } from 'vitest';
import { computeWeekly, renderWeeklyText, weeklyJson } from '../src/digest/weekly.js';
import { createDocument } from '../src/report/document.js';

// A lead arriving at `at` (UTC) and first contacted `minutes` later.
const lead = (id: string, at: string, minutes: number) => {
  const createdAt = new Date(at);
  return { id, createdAt, firstContactAt: new Date(createdAt.getTime() + minutes * 60_000), locator: 'ana', team: null };
};

describe('the weekly response report', () => {
  it('lists a slot whose share within the SLA fell against the week before, and both weeks’ speed to lead', async () => {
    const leads = [
      // Monday 09:00 slot: answered in 5 minutes the week before, in 2 hours this week.
      lead('a', '2026-10-12T09:10:00Z', 5),
      lead('b', '2026-10-19T09:10:00Z', 120),
      // Tuesday 10:00: as good in both weeks, so not listed.
      lead('c', '2026-10-13T10:05:00Z', 10),
      lead('d', '2026-10-20T10:05:00Z', 10),
    ];
    const asOf = new Date('2026-10-24T23:59:59.999Z');
    const r = await computeWeekly(leads, { asOf, timeZone: 'UTC', slaMinutes: 60, slotMinutes: 30 }, await createDocument());
    expect(r.worseSlots.map((c) => [c.day, c.slot, c.current.pctWithinSla, c.previous.pctWithinSla])).toEqual([
      ['Monday', '09:00', 0, 100],
    ]);
    expect([r.now.total, r.now.withinSla, r.before.total, r.before.withinSla]).toEqual([2, 1, 2, 2]);
    expect(r.subject).toBe('Panopticon weekly: response 50.0 % within 60 min (−50.0 pts) — week to 2026-10-24');
    expect(renderWeeklyText(r)).toContain('  - Monday 09:00: 0.0 % within the SLA (was 100.0 %), 1 lead');
    // JSON: ratios, named as such; no percentage under an ambiguous name.
    const { png: _png, ...facts } = r;
    const json = weeklyJson(facts);
    expect(json.now.withinSlaRatio).toBe(0.5);
    expect(json.worseSlots[0]).toMatchObject({ current: { withinSlaRatio: 0 }, previous: { withinSlaRatio: 1 }, deltaRatio: -1 });
    expect(JSON.stringify(json)).not.toMatch(/pctWithinSla|deltaPct/);
    expect(Buffer.from(r.png.subarray(1, 4)).toString('latin1')).toBe('PNG');
  });
});
