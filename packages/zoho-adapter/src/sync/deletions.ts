/**
 * Deletions in an incremental sync: `GET /{module}/deleted` with `If-Modified-Since` lists the leads
 * deleted since the last sync (shared by Zoho for the recycle bin and purged records alike), and they leave
 * the snapshot with everything read about them. A converted lead is not deleted: it stays in Leads
 * (`converted=both`) and counts as won.
 */
import type { ZohoClient } from '../client.js';
import { formatZohoDateTime } from '../datetime.js';
import { MAX_PER_PAGE } from '../paging.js';
import type { ZohoSnapshot } from '../snapshot.js';
import { lookupId } from '../values.js';

/** Zoho's answer to Get Deleted Records. */
interface DeletedPage {
  data?: Array<{ id?: unknown }>;
  info?: { more_records?: boolean };
}

/** The ids of the records of `module` deleted after `since` (one call per 200; a 204 when there are none). */
export async function fetchDeletedIds(client: ZohoClient, module: string, since: Date, signal: AbortSignal | undefined): Promise<string[]> {
  const ids: string[] = [];
  const headers = { 'If-Modified-Since': formatZohoDateTime(since) };
  for (let page = 1; ; page++) {
    const response = await client.request<DeletedPage>({
      path: `${module}/deleted`,
      query: { type: 'all', page, per_page: MAX_PER_PAGE },
      headers,
      ...(signal ? { signal } : {}),
    });
    const records = response.body?.data ?? [];
    for (const record of records) if (typeof record.id === 'string') ids.push(record.id);
    if (!response.body?.info?.more_records || records.length === 0) return ids;
  }
}

/**
 * Removes deleted leads from the snapshot: their records, history-module rows (by the lookup `parentField`),
 * meetings (by `linkField`), timelines and observed changes. Returns how many leads the snapshot held.
 */
export function removeDeletedLeads(
  snapshot: ZohoSnapshot,
  ids: readonly string[],
  fields: { parent: string | null; link: string },
): number {
  const gone = new Set(ids);
  let removed = 0;
  for (const id of gone) {
    if (snapshot.leads[id]) removed++;
    delete snapshot.leads[id];
    delete snapshot.timelines[id];
    delete snapshot.observed[id];
  }
  if (gone.size === 0) return 0;
  if (fields.parent !== null) {
    for (const [key, row] of Object.entries(snapshot.historyRows)) {
      const leadId = lookupId(row[fields.parent]);
      if (leadId !== null && gone.has(leadId)) delete snapshot.historyRows[key];
    }
  }
  for (const [key, event] of Object.entries(snapshot.events)) {
    const leadId = lookupId(event[fields.link]);
    if (leadId !== null && gone.has(leadId)) delete snapshot.events[key];
  }
  return removed;
}
