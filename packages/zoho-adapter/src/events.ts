import type { DataIssue } from '@panopticon/core';
import { parseZohoDateTime } from './datetime.js';
import type { ResolvedAppointmentSource } from './mapping.js';
import { messages } from './messages.js';
import type { ZohoRecord } from './paging.js';
import { lookupId, rawText } from './values.js';

/**
 * The fields one Events read asks for.
 *
 * @example
 * ```ts
 * eventFields(resolveAppointmentSource({ from: 'events' }));
 * // ['Event_Title', 'Start_DateTime', 'What_Id', '$se_module', '$event_cancelled', 'Modified_Time']
 * ```
 */
export function eventFields(source: ResolvedAppointmentSource): string[] {
  return ['Event_Title', source.startField, 'What_Id', '$se_module', '$event_cancelled', 'Modified_Time'];
}

/**
 * What {@link appointmentsFromEvents} found: each lead's appointment, the issues, and the count of meetings
 * read.
 *
 * @example
 * ```ts
 * const { byLead, issues, rows, rejected }: EventAppointments = appointmentsFromEvents(events, source, 'Leads', 'UTC');
 * console.log(`${byLead.size} leads with a meeting, from ${rows} meetings (${rejected} unusable)`);
 * ```
 */
export interface EventAppointments {
  /** Lead id → the appointment instant. */
  byLead: Map<string, Date>;
  issues: DataIssue[];
  rows: number;
  accepted: number;
  rejected: number;
}

/**
 * Meetings → appointments. A meeting belongs to a lead when `$se_module` is the lead module and `What_Id`
 * holds the lead's id (leads are not valid `Who_Id`s). Cancelled meetings are skipped unless asked for;
 * of several meetings, `pick` chooses the latest (the current booking after a reschedule) or the earliest.
 * Meetings for other modules are counted as accepted and ignored.
 *
 * @example
 * ```ts
 * const source = resolveAppointmentSource({ from: 'events', pick: 'earliest' });
 * const events: ZohoRecord[] = [
 *   { id: '1', What_Id: { id: '42', name: 'Joe Smith' }, $se_module: 'Leads', Start_DateTime: '2026-03-02T10:00:00+05:30' },
 * ];
 * appointmentsFromEvents(events, source, 'Leads', 'UTC').byLead.get('42'); // 2026-03-02T04:30:00.000Z
 * ```
 */
export function appointmentsFromEvents(
  events: readonly ZohoRecord[],
  source: ResolvedAppointmentSource,
  leadModule: string,
  timeZone: string,
): EventAppointments {
  const byLead = new Map<string, Date>();
  const issues: DataIssue[] = [];
  let rejected = 0;
  const file = `zoho:${source.module}`;
  for (const event of events) {
    if (event.$se_module !== leadModule) continue;
    const leadId = lookupId(event.What_Id);
    const eventId = typeof event.id === 'string' ? event.id : rawText(event.id);
    if (leadId === null) {
      rejected++;
      issues.push({
        severity: 'error',
        code: 'event-invalid',
        message: messages.eventNoLead(),
        file,
        recordId: eventId,
        field: 'What_Id',
        value: rawText(event.What_Id),
      });
      continue;
    }
    if (event.$event_cancelled === true && !source.includeCancelled) continue;
    const startText = event[source.startField];
    const start = typeof startText === 'string' ? parseZohoDateTime(startText, timeZone) : null;
    if (start === null) {
      rejected++;
      issues.push({
        severity: 'error',
        code: 'event-invalid',
        message: messages.eventBadStart(source.startField, leadId),
        file,
        recordId: eventId,
        field: source.startField,
        value: rawText(startText),
      });
      continue;
    }
    const current = byLead.get(leadId);
    if (current === undefined || (source.pick === 'latest' ? start > current : start < current)) byLead.set(leadId, start);
  }
  return { byLead, issues, rows: events.length, accepted: events.length - rejected, rejected };
}
