/**
 * A custom pipeline and business calendar: a solar installer with its own stages and thresholds, whose
 * export uses its own column names, and whose follow-up clock counts business days only (Monday–Friday,
 * minus its holidays) instead of every calendar day.
 *
 *   npm run example -- custom-pipeline
 */
import type { BusinessCalendar } from '@panopticon/core';
import {
  BusinessCalendarSchema,
  endOfLocalDay,
  followUp,
  needsAttention,
  parseDayNumber,
  parsePipeline,
  responseMinutes,
} from '@panopticon/core';
import { loadFiles } from '@panopticon/core/files';

// The pipeline: stages in order, each with a category; thresholds in days. "Proposal Sent" has its own
// staleAfterDays, so a lead held there 5 days after progressing is *stalled*.
const pipeline = parsePipeline({
  stages: [
    { name: 'Inquiry', category: 'open' },
    { name: 'Site Visit Booked', category: 'open' },
    { name: 'Proposal Sent', category: 'open', staleAfterDays: 5 },
    { name: 'Contract Signed', category: 'green' },
    { name: 'Install Scheduled', category: 'delivery' },
    { name: 'Installed', category: 'won' },
    { name: 'Dead', category: 'lost' },
  ],
  staleAfterDays: 10,
  warnAfterDays: 3,
  greenStuckAfterDays: 7,
});

// The business calendar: weekly hours Monday first (an empty list is a day off) and holidays.
const calendar: BusinessCalendar = BusinessCalendarSchema.parse({
  weeklyHours: [
    [
      { start: '08:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
    [{ start: '08:00', end: '17:00' }],
    [{ start: '08:00', end: '17:00' }],
    [{ start: '08:00', end: '17:00' }],
    [{ start: '08:00', end: '15:00' }],
    [],
    [],
  ],
  holidays: ['2026-11-26', '2026-11-27'], // Thanksgiving and the day after
});

// The installer's export, with its own headers: the `columns` option maps them to Panopticon's names.
const leadsCsv = `Job,Customer,Created,First Call,Visit,Status,Rep
J-1,Rivera,2026-11-02 09:15,2026-11-02 09:40,2026-11-17 10:00,Site Visit Booked,Kim
J-2,Osei,2026-11-06 16:30,2026-11-09 08:30,2026-11-20 14:00,Site Visit Booked,Kim
J-3,Larsen,2026-11-03 11:00,2026-11-03 11:05,2026-11-10 09:00,Proposal Sent,Lee
J-4,Nakamura,2026-11-04 13:00,,2026-11-24 15:00,Site Visit Booked,Lee
`;
const historyCsv = `Job,Status,When
J-1,Site Visit Booked,2026-11-02 09:40
J-2,Site Visit Booked,2026-11-09 08:30
J-3,Site Visit Booked,2026-11-03 11:05
J-3,Proposal Sent,2026-11-12 10:00
J-4,Site Visit Booked,2026-11-04 13:00
`;
const timeZone = 'America/Denver';
const { leads, issues } = await loadFiles({
  leads: { text: leadsCsv },
  stageHistory: { text: historyCsv },
  timeZone,
  pipeline,
  columns: {
    leads: {
      lead_id: 'Job',
      name: 'Customer',
      received_time: 'Created',
      first_contact_time: 'First Call',
      appointment_time: 'Visit',
      stage: 'Status',
      locator: 'Rep',
    },
    stageHistory: { lead_id: 'Job', stage: 'Status', changed_at: 'When' },
  },
});
if (issues.length > 0) throw new Error(`unexpected data issues: ${issues.map((i) => i.message).join('; ')}`);

// The same leads on the Monday after Thanksgiving, counted in calendar days and in business days.
const asOf = endOfLocalDay(parseDayNumber('2026-11-30'), timeZone);
console.log(`Follow-up as of 2026-11-30 (${timeZone}); pipeline thresholds: at risk ≥ 3, stale ≥ 10 days`);
console.log('lead  appointment  calendar days → status     business days → status');
for (const lead of leads) {
  const calendarDays = followUp(lead, { asOf, timeZone, pipeline });
  const businessDays = followUp(lead, { asOf, timeZone, pipeline, dayCount: 'business', calendar });
  const appointment = lead.appointmentAt!.toISOString().slice(0, 10);
  console.log(
    `${lead.id.padEnd(5)} ${appointment}   ${String(calendarDays.daysSinceAppointment).padStart(2)} → ${calendarDays.status.padEnd(10)}` +
      `      ${String(businessDays.daysSinceAppointment).padStart(2)} → ${businessDays.status}`,
  );
}

const attention = needsAttention(leads, { asOf, timeZone, pipeline, dayCount: 'business', calendar });
console.log(`\nNeeds attention (business days): ${attention.map((r) => `${r.leadId} ${r.reason} (${r.days} d, ${r.locator})`).join('; ')}`);

// The same calendar drives the business-hours response clock: J-2 arrived Friday 16:30 and was called
// Monday 08:30. On the wall clock that is 2 days and 16 hours; in business hours only 0 minutes remain on
// Friday (the day ends at 15:00) plus 30 minutes on Monday.
const j2 = leads.find((l) => l.id === 'J-2')!;
console.log(
  `\nJ-2 response: ${responseMinutes(j2)} wall-clock minutes, ${responseMinutes(j2, { clock: 'business', timeZone, calendar })} business minutes`,
);
