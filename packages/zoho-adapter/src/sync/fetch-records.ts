/**
 * Steps 2 and 4 of a sync: read the Leads records, and the meetings when appointments come from Events,
 * with `If-Modified-Since` in an incremental sync. They return the records as they arrived; nothing is
 * merged here.
 */
import type { ZohoClient } from '../client.js';
import { eventFields } from '../events.js';
import type { ResolvedAppointmentSource } from '../mapping.js';
import { readAllRecords, recordPages, type ZohoRecord } from '../paging.js';
import type { SyncProgressTracker } from './progress.js';
import { leadIdOf } from './record-ids.js';

/** Where and how far back to read. */
export interface FetchWindow {
  /** Only records modified after this (incremental sync); everything when undefined. */
  since: Date | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Every Leads record modified in the window, in arrival order (a full read from both ends repeats the records
 * where the cursors meet); `progress.read.leads` counts the distinct ones.
 */
export async function fetchLeads(
  client: ZohoClient,
  leads: { module: string; fields: string[]; bothEnds: boolean },
  window: FetchWindow,
  progress: SyncProgressTracker,
): Promise<ZohoRecord[]> {
  const out: ZohoRecord[] = [];
  const seen = new Set<string>();
  // converted=both: Zoho hides converted leads by default. Ordered by id, so edits during the read
  // do not move records between pages.
  await readAllRecords(
    client,
    leads.module,
    { fields: leads.fields, params: { converted: 'both' }, ifModifiedSince: window.since, signal: window.signal, bothEnds: leads.bothEnds },
    (records) => {
      for (const record of records) {
        seen.add(leadIdOf(record) ?? JSON.stringify(record));
        out.push(record);
      }
      progress.read.leads = seen.size;
      progress.report('read');
    },
  );
  return out;
}

/** Every meeting modified in the window when appointments come from Events; none otherwise. */
export async function fetchEvents(
  client: ZohoClient,
  appointments: ResolvedAppointmentSource,
  window: FetchWindow,
  progress: SyncProgressTracker,
): Promise<ZohoRecord[]> {
  if (appointments.from !== 'events') return [];
  const out: ZohoRecord[] = [];
  for await (const page of recordPages(client, appointments.module, {
    fields: eventFields(appointments),
    ifModifiedSince: window.since,
    signal: window.signal,
  })) {
    out.push(...page.records);
    progress.read.events += page.records.length;
    progress.report('read');
  }
  return out;
}
