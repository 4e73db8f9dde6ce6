/**
 * The fake org's records as the API sends them: Get Records shapes of Leads, the history-tracking module
 * and Events, and a lead's timeline. Date-times carry `offsetMinutes`, as an org's do.
 */
import { formatZohoDateTime } from '../../datetime.js';
import type { FakeEvent, FakeHistoryRow, FakeLead, FakeUser } from './model.js';
import { fullName } from './users.js';

/** A lead as Get Records returns it (all fields; the server keeps only the requested ones). */
export function leadRecord(lead: FakeLead, appointmentsAs: 'field' | 'events' | 'both', offsetMinutes: number): Record<string, unknown> {
  const dt = (ms: number | null) => (ms === null ? null : formatZohoDateTime(ms, offsetMinutes));
  const owner = lead.owners[lead.owners.length - 1]!.user;
  const record: Record<string, unknown> = {
    id: lead.id,
    Owner: { name: owner.name, id: owner.id, email: owner.email },
    First_Name: lead.firstName,
    Last_Name: lead.lastName,
    Full_Name: fullName(lead),
    Company: lead.company,
    Email: lead.email,
    Phone: lead.phone,
    Lead_Status: lead.stages[lead.stages.length - 1]!.stage,
    Lead_Source: lead.source,
    Team: lead.team !== undefined ? lead.team : owner.team,
    Created_Time: dt(lead.createdAt),
    Modified_Time: dt(lead.modifiedAt),
    Last_Activity_Time: dt(lead.modifiedAt),
    First_Contact_Time: dt(lead.firstContactAt),
    Appointment_Date: appointmentsAs === 'events' ? null : dt(lead.appointmentAt),
    Converted__s: lead.converted,
    Converted_Date_Time: dt(lead.convertedAt),
    Created_By: { name: owner.name, id: owner.id, email: owner.email },
    Modified_By: { name: owner.name, id: owner.id, email: owner.email },
  };
  switch (lead.malformed) {
    case 'bad-created-time':
      record.Created_Time = '2025-02-30T25:61:00+05:30';
      break;
    case 'missing-stage':
      record.Lead_Status = null;
      break;
    case 'numeric-id':
      // What a careless JSON encoder would send: the number loses its last digits on the way.
      record.id = Number(lead.id);
      break;
    case 'bad-appointment':
      record.Appointment_Date = 'next Tuesday';
      break;
    default:
      break;
  }
  return record;
}

/**
 * A history-module row; `lead` is the row's lead when the org still has it. `Lead_Owner` is the owner during
 * the row where the module tracks owners (`ownerRows`), else a snapshot column: the current owner.
 */
export function historyRecord(
  row: FakeHistoryRow,
  lead: FakeLead | undefined,
  offsetMinutes: number,
  ownerRows: boolean,
): Record<string, unknown> {
  const owner = ownerRows ? row.owner : lead?.owners.at(-1)?.user;
  return {
    id: row.id,
    Full_Name: { name: lead ? `${lead.firstName} ${lead.lastName}` : null, id: row.leadId },
    Lead_Status: row.stage,
    Moved_To__s: row.movedTo,
    Duration_Days: row.durationDays,
    Modified_Time: formatZohoDateTime(row.at, offsetMinutes),
    Modified_By: { name: row.by.name, id: row.by.id, email: row.by.email },
    Lead_Owner: owner ? { name: owner.name, id: owner.id } : null,
  };
}

/** A meeting as Get Records on Events returns it. */
export function eventRecord(event: FakeEvent, offsetMinutes: number): Record<string, unknown> {
  const dt = (ms: number) => formatZohoDateTime(ms, offsetMinutes);
  return {
    id: event.id,
    Event_Title: event.title,
    Start_DateTime: dt(event.start),
    End_DateTime: dt(event.end),
    All_day: false,
    What_Id: event.whatId === null ? null : { name: event.whatName, id: event.whatId },
    $se_module: event.module,
    $event_cancelled: event.cancelled,
    Owner: { name: event.owner.name, id: event.owner.id, email: event.owner.email },
    Created_Time: dt(event.createdAt),
    Modified_Time: dt(event.modifiedAt),
  };
}

/** The lead's timeline, newest first (Zoho's order). */
export function leadTimeline(lead: FakeLead, offsetMinutes: number): Array<Record<string, unknown>> {
  const dt = (ms: number) => formatZohoDateTime(ms, offsetMinutes);
  const name = `${lead.firstName} ${lead.lastName}`;
  const record = { name, id: lead.id, module: { api_name: 'Leads', id: '5725767000000002175' } };
  const entries: Array<{ at: number; entry: Record<string, unknown> }> = [];
  let n = 0;
  const entryId = () => `${lead.id.slice(0, 10)}${String(900_000_000 + n++).padStart(9, '0')}`;
  const by = (u: FakeUser) => ({ name: u.name, id: u.id });
  const first = lead.owners[0]!.user;
  // One audit entry: who did it, and the field it changed (none for the record's creation).
  const push = (at: number, doneBy: FakeUser, fieldHistory: Array<Record<string, unknown>> | null) =>
    entries.push({
      at,
      entry: {
        id: entryId(),
        audited_time: dt(at),
        action: fieldHistory ? 'updated' : 'added',
        source: 'crm_ui',
        type: null,
        extension: null,
        done_by: by(doneBy),
        record,
        related_record: null,
        automation_details: null,
        field_history: fieldHistory,
      },
    });
  const change = (api_name: string, field_label: string, id: string, data_type: string, old: unknown, now: unknown) => [
    { api_name, field_label, id, data_type, _value: { old, new: now } },
  ];
  push(lead.createdAt, first, null);
  lead.stages.slice(1).forEach((s, i) => {
    push(s.at, first, change('Lead_Status', 'Lead Status', '5725767000000002611', 'picklist', lead.stages[i]!.stage, s.stage));
  });
  lead.owners.slice(1).forEach((o, i) => {
    push(o.at, o.user, change('Owner', 'Lead Owner', '5725767000000002593', 'ownerlookup', lead.owners[i]!.user.name, o.user.name));
  });
  for (const x of lead.noise) {
    push(x.at, first, change(x.field, x.field.replace(/_/g, ' '), '5725767000000002001', 'text', x.old, x.new));
  }
  return entries.sort((a, b) => b.at - a.at).map((e) => e.entry);
}
