import { describe, expect, test } from 'vitest';
import { appointmentsFromEvents } from './events.js';
import { resolveAppointmentSource } from './mapping.js';

const event = (id: string, what: string | null, start: unknown, module = 'Leads', cancelled = false) => ({
  id,
  Start_DateTime: start,
  What_Id: what === null ? null : { name: 'x', id: what },
  $se_module: module,
  $event_cancelled: cancelled,
});

describe('appointmentsFromEvents', () => {
  const source = resolveAppointmentSource({ from: 'events' });
  test('meetings linked to leads by What_Id; latest non-cancelled wins; other modules ignored', () => {
    const r = appointmentsFromEvents(
      [
        event('1', 'L1', '2024-05-01T10:00:00+05:30'),
        event('2', 'L1', '2024-05-03T10:00:00+05:30'),
        event('3', 'L1', '2024-05-09T10:00:00+05:30', 'Leads', true),
        event('4', 'A1', '2024-05-05T10:00:00+05:30', 'Accounts'),
        event('5', 'L2', '2024-06-01T09:00:00-07:00'),
      ],
      source,
      'Leads',
      'UTC',
    );
    expect([...r.byLead]).toEqual([
      ['L1', new Date('2024-05-03T04:30:00Z')],
      ['L2', new Date('2024-06-01T16:00:00Z')],
    ]);
    expect(r).toMatchObject({ rows: 5, accepted: 5, rejected: 0, issues: [] });
  });
  test('earliest, and cancelled meetings when asked', () => {
    const events = [event('1', 'L1', '2024-05-03T10:00:00+00:00'), event('2', 'L1', '2024-05-01T10:00:00+00:00', 'Leads', true)];
    expect(
      appointmentsFromEvents(events, resolveAppointmentSource({ from: 'events', pick: 'earliest' }), 'Leads', 'UTC').byLead.get('L1'),
    ).toEqual(new Date('2024-05-03T10:00:00Z'));
    expect(
      appointmentsFromEvents(
        events,
        resolveAppointmentSource({ from: 'events', pick: 'earliest', includeCancelled: true }),
        'Leads',
        'UTC',
      ).byLead.get('L1'),
    ).toEqual(new Date('2024-05-01T10:00:00Z'));
  });
  test('bad meetings are issues', () => {
    const r = appointmentsFromEvents([event('1', null, '2024-05-01T10:00:00+00:00'), event('2', 'L1', 'tomorrow')], source, 'Leads', 'UTC');
    expect(r.rejected).toBe(2);
    expect(r.issues.map((i) => [i.code, i.field])).toEqual([
      ['event-invalid', 'What_Id'],
      ['event-invalid', 'Start_DateTime'],
    ]);
  });
});
