import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../model/lead.js';
import { TEST_PIPELINE, appointedLead, history, leadsArb, makeLead, optionsArb, permute } from './arbitraries.js';
import { needsAttention } from './attention.js';
import type { AttentionReason } from './reasons.js';
import { ATTENTION_REASONS } from './reasons.js';
import { followUp } from './status.js';

const asOf = new Date('2025-04-30T12:00:00Z');
const options = { asOf, timeZone: 'UTC', pipeline: TEST_PIPELINE };
const appointed = (id: string, appointment: string, fields: Partial<Lead> = {}) => appointedLead(id, appointment, [], fields);

describe('needsAttention', () => {
  const leads = [
    appointed('risk-8', '2025-04-22T10:00:00Z'),
    appointed('risk-10', '2025-04-20T10:00:00Z', { locator: 'bo', team: 'north' }),
    appointed('stale-31', '2025-03-30T10:00:00Z'),
    appointed('fine', '2025-04-28T10:00:00Z'),
    appointed('stalled-6', '2025-04-01T10:00:00Z', {
      stageHistory: history(['Appointment Set', '2025-03-01T00:00:00Z'], ['Follow-Up', '2025-04-24T00:00:00Z']),
    }),
    // Green since 04-10 with no appointment at all: stuck in green is about the stage, not the appointment.
    makeLead({
      id: 'stuck-20',
      createdAt: new Date('2025-03-01T00:00:00Z'),
      stageHistory: history(['New', '2025-03-01T00:00:00Z'], ['Green - Approved', '2025-04-10T00:00:00Z']),
    }),
    // Stale and stuck in green at once: listed once, as stale.
    appointed('stale-and-stuck', '2025-03-20T10:00:00Z', {
      stageHistory: history(['Green - Approved', '2025-03-01T00:00:00Z']),
    }),
    appointed('not-yet-created', '2025-03-20T10:00:00Z', { createdAt: new Date('2025-05-01T00:00:00Z') }),
  ];

  it('lists each lead once with its most severe reason, most severe first, then most days', () => {
    const rows = needsAttention(leads, options);
    expect(rows.map((r) => `${r.leadId}: ${r.reason}, ${r.days} d`)).toEqual([
      'stale-and-stuck: stale, 41 d',
      'stale-31: stale, 31 d',
      'stuck-20: stuck-in-green, 20 d',
      'stalled-6: stalled, 6 d',
      'risk-10: at-risk, 10 d',
      'risk-8: at-risk, 8 d',
    ]);
    expect(rows[4]).toEqual({
      leadId: 'risk-10',
      name: 'Lead risk-10',
      locator: 'bo',
      team: 'north',
      stage: 'Appointment Set',
      category: 'open',
      appointmentAt: new Date('2025-04-20T10:00:00Z'),
      status: 'at-risk',
      reason: 'at-risk',
      days: 10,
    });
    expect(rows[2]).toMatchObject({ status: 'no-appointment', appointmentAt: null, stage: 'Green - Approved', category: 'green' });
  });

  it('leaves stalled leads out with includeStalled: false', () => {
    expect(needsAttention(leads, { ...options, includeStalled: false }).map((r) => r.leadId)).not.toContain('stalled-6');
  });

  it('gives no rows for no leads', () => {
    expect(needsAttention([], options)).toEqual([]);
  });

  it('has one row per lead needing attention, with its most severe reason, sorted, whatever the input order', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, fc.boolean(), fc.integer(), (ls, o, includeStalled, seed) => {
        const rows = needsAttention(ls, { ...o, includeStalled });
        expect(new Set(rows.map((r) => r.leadId)).size).toBe(rows.length);
        const byId = new Map(rows.map((r) => [r.leadId, r]));
        for (const lead of ls) {
          const f = followUp(lead, o);
          const applies: Record<AttentionReason, boolean> = {
            stale: f.status === 'stale',
            'stuck-in-green': f.stuckInGreen,
            stalled: includeStalled && f.stalled,
            'at-risk': f.status === 'at-risk',
          };
          const reason = lead.createdAt <= o.asOf ? ATTENTION_REASONS.find((r) => applies[r]) : undefined;
          const row = byId.get(lead.id);
          expect(row?.reason).toBe(reason);
          if (row) {
            const days = {
              stale: f.daysSinceAppointment,
              'at-risk': f.daysSinceAppointment,
              stalled: f.daysInStage,
              'stuck-in-green': f.daysInGreen,
            }[row.reason];
            expect(row.days).toBe(days);
            expect([row.stage, row.category, row.status, row.locator]).toEqual([f.stage, f.category, f.status, lead.locator]);
          }
        }
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [rows[i - 1]!, rows[i]!];
          const order = ATTENTION_REASONS.indexOf(a.reason) - ATTENTION_REASONS.indexOf(b.reason) || b.days - a.days;
          expect(order < 0 || (order === 0 && a.leadId < b.leadId)).toBe(true);
        }
        expect(needsAttention(permute(ls, seed), { ...o, includeStalled })).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('with includeStalled: false is the same rows without the stalled ones (stalled excludes every other reason)', () => {
    fc.assert(
      fc.property(leadsArb(), optionsArb, (ls, o) => {
        const all = needsAttention(ls, o);
        expect(needsAttention(ls, { ...o, includeStalled: false })).toEqual(all.filter((r) => r.reason !== 'stalled'));
      }),
    );
  });
});
