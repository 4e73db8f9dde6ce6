import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { TEST_PIPELINE, history, leadsArb, makeLead, optionsArb, permute } from './arbitraries.js';
import { greenToDelivery } from './green-to-delivery.js';
import { followUp } from './status.js';

const asOf = new Date('2025-04-30T00:00:00Z');
const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
const lead = (id: string, ...entries: [string, string][]): Lead =>
  makeLead({ id, createdAt: new Date('2025-03-01T00:00:00Z'), stageHistory: history(['New', '2025-03-01T00:00:00Z'], ...entries) });

describe('greenToDelivery', () => {
  const leads = [
    lead(
      'd4',
      ['Green - Approved', '2025-03-10T00:00:00Z'],
      ['Green - Survey', '2025-03-12T00:00:00Z'],
      ['Delivery Requested', '2025-03-14T00:00:00Z'],
    ),
    lead('w10', ['Green - Approved', '2025-03-10T00:00:00Z'], ['Green/Delivered', '2025-03-20T00:00:00Z']),
    lead('d2', ['Green - Approved', '2025-03-11T00:00:00Z'], ['Delivery Requested', '2025-03-13T00:00:00Z']),
    lead('stuck', ['Green - Approved', '2025-04-01T00:00:00Z']),
    lead('waiting', ['Green - Approved', '2025-04-20T00:00:00Z']),
    lead('dropped', ['Green - Approved', '2025-04-01T00:00:00Z'], ['Lost', '2025-04-05T00:00:00Z']),
    lead('never-green', ['Delivery Requested', '2025-03-14T00:00:00Z']),
    lead('later', ['Green - Approved', '2025-05-10T00:00:00Z']),
  ];

  it('is empty for no leads', () => {
    expect(greenToDelivery([], options)).toEqual({ rows: [], completed: 0, pending: 0, medianDays: null, p90Days: null });
  });

  it('measures first green → first delivery or won; pending rows run to asOf and are not in the median', () => {
    const g = greenToDelivery(leads, options);
    expect(g.rows.map((r) => [r.leadId, r.days, r.done, r.stuck])).toEqual([
      ['d4', 4, true, false],
      ['w10', 10, true, false],
      ['d2', 2, true, false],
      ['dropped', 29, false, false],
      ['stuck', 29, false, true],
      ['waiting', 10, false, false],
    ]);
    expect(g.rows[0]).toMatchObject({
      greenAt: new Date('2025-03-10T00:00:00Z'),
      deliveryAt: new Date('2025-03-14T00:00:00Z'),
      stage: 'Delivery Requested',
      category: 'delivery',
    });
    expect(g.rows[3]).toMatchObject({ deliveryAt: null, stage: 'Lost', category: 'lost' });
    expect({ ...g, rows: undefined }).toEqual({ rows: undefined, completed: 3, pending: 3, medianDays: 4, p90Days: 8.8 });
  });

  it('rows add up, delivery follows green, stuck rows are pending and stuck in green, whatever the input order', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.integer(), (ls, o, seed) => {
        const g = greenToDelivery(ls, o);
        expect(g.completed + g.pending).toBe(g.rows.length);
        expect(g.completed).toBe(g.rows.filter((r) => r.done).length);
        const byId = new Map(ls.map((l) => [l.id, l]));
        for (const r of g.rows) {
          expect(r.done).toBe(r.deliveryAt !== null);
          if (r.deliveryAt) expect(r.deliveryAt.getTime()).toBeGreaterThanOrEqual(r.greenAt.getTime());
          expect(r.greenAt.getTime()).toBeLessThanOrEqual(o.asOf.getTime());
          expect(r.stuck).toBe(!r.done && followUp(byId.get(r.leadId)!, o).stuckInGreen);
          expect(r.days).toBeGreaterThanOrEqual(0);
        }
        expect(greenToDelivery(permute(ls, seed), o)).toEqual(g);
      }),
    );
  });
});
