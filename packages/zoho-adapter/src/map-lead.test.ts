import { describe, expect, test } from 'vitest';
import { mapLeadRecord } from './map-lead.js';
import { resolveFieldMapping } from './mapping.js';

const context = { mapping: resolveFieldMapping(), timeZone: 'America/New_York', file: 'zoho:Leads', appointmentFromField: true };
const record = (over: Record<string, unknown> = {}) => ({
  id: '3652397000009851001',
  Owner: { name: 'Patricia Boyle', id: '554023000000235011', email: 'p.boyle@abc.com' },
  First_Name: 'Jason',
  Last_Name: 'Smith',
  Full_Name: 'Jason Smith',
  Company: 'abc',
  Lead_Status: 'Contacted',
  Lead_Source: 'Advertisement',
  Team: 'East',
  Created_Time: '2024-01-15T10:30:00+05:30',
  Modified_Time: '2024-02-02T09:01:12+05:30',
  First_Contact_Time: null,
  Appointment_Date: '2024-02-10',
  ...over,
});

describe('mapLeadRecord', () => {
  test('maps Zoho names to the lead model; ids stay strings; a date is the start of the day in the zone', () => {
    const { lead, issues } = mapLeadRecord(record(), context);
    expect(issues).toEqual([]);
    expect(lead).toEqual({
      id: '3652397000009851001',
      name: 'Jason Smith',
      company: 'abc',
      locator: 'Patricia Boyle',
      team: 'East',
      source: 'Advertisement',
      stage: 'Contacted',
      createdAt: new Date('2024-01-15T05:00:00Z'),
      firstContactAt: null,
      appointmentAt: new Date('2024-02-10T05:00:00Z'),
    });
  });
  test('a locator from another lookup or a text field', () => {
    const mapping = resolveFieldMapping({ locator: 'Locator', team: null, company: null });
    const { lead } = mapLeadRecord(record({ Locator: { name: 'Dev Patel', id: '1' } }), { ...context, mapping });
    expect(lead?.locator).toBe('Dev Patel');
    expect(lead?.team).toBeNull();
    expect(mapLeadRecord(record({ Locator: 'Ana Souza' }), { ...context, mapping }).lead?.locator).toBe('Ana Souza');
  });
  test('Full_Name missing: First_Name + Last_Name; nothing at all: a warning', () => {
    expect(mapLeadRecord(record({ Full_Name: null }), context).lead?.name).toBe('Jason Smith');
    const { lead, issues } = mapLeadRecord(record({ Full_Name: null, First_Name: null, Last_Name: null }), context);
    expect(lead?.name).toBe('');
    expect(issues).toMatchObject([{ severity: 'warning', code: 'missing-name', recordId: '3652397000009851001' }]);
  });
  test('errors name the record, the Zoho field and the value, and reject the lead', () => {
    const bad = mapLeadRecord(
      record({ Created_Time: '2025-02-30T25:61:00+05:30', Lead_Status: null, Appointment_Date: 'next Tuesday' }),
      context,
    );
    expect(bad.lead).toBeNull();
    expect(bad.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        code: 'missing-stage',
        recordId: '3652397000009851001',
        field: 'Lead_Status',
        value: 'null',
      }),
      expect.objectContaining({
        severity: 'error',
        code: 'unparseable-timestamp',
        field: 'Created_Time',
        value: '2025-02-30T25:61:00+05:30',
      }),
      expect.objectContaining({ severity: 'error', code: 'unparseable-timestamp', field: 'Appointment_Date', value: 'next Tuesday' }),
    ]);
  });
  test('a numeric id is refused (it has lost digits); a missing id too', () => {
    // biome-ignore lint/correctness/noPrecisionLoss: a numeric id beyond 2^53 (precision already lost) is the case under test
    expect(mapLeadRecord(record({ id: 3652397000009851001 }), context).issues).toMatchObject([{ code: 'invalid-id', field: 'id' }]);
    expect(mapLeadRecord(record({ id: undefined }), context).issues).toMatchObject([{ code: 'missing-id' }]);
  });
  test('appointments from Events: the field is not read', () => {
    expect(
      mapLeadRecord(record({ Appointment_Date: 'garbage' }), { ...context, appointmentFromField: false }).lead?.appointmentAt,
    ).toBeNull();
  });
});
