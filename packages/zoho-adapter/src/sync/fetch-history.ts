/**
 * Step 3 of a sync: stage history. First the history-tracking module (one call per 200 rows); then, as the
 * fallback, the timeline of each appointed lead the module does not cover (one call each), once the
 * records are merged and it is known which leads those are.
 */
import type { DataIssue } from '@panopticon/core';
import type { ZohoClient } from '../client.js';
import { parseZohoDateTime } from '../datetime.js';
import { ZohoApiError, ZohoAuthError } from '../errors.js';
import { mapLimit } from '../limiter.js';
import type { LeadFields } from '../map-lead.js';
import type { ZohoFieldMapping, ZohoHistoryModuleConfig } from '../mapping.js';
import { messages } from '../messages.js';
import { readAllRecords, recordPages, timelinePages, type ZohoRecord } from '../paging.js';
import type { ZohoSnapshot } from '../snapshot.js';
import { historiesFromTimeline, type TimelineHistories } from '../timeline.js';
import type { SyncProgressTracker } from './progress.js';
import { historyRowKeyOf } from './record-ids.js';

/** The rows read from the history module, in arrival order, and whether it could be read. */
export interface FetchedHistoryModule {
  rows: ZohoRecord[];
  /** Null when no history module is configured. */
  status: ZohoSnapshot['historyModule'];
}

/**
 * The history module's rows: all of them, or, given `stopAt`, newest first up to the first page that
 * reaches back past it. A module the org does not have (or the user may not read) is reported in `status`
 * with the rows read before it failed; any other failure is thrown.
 */
export async function fetchHistoryModule(
  client: ZohoClient,
  history: ZohoHistoryModuleConfig | null,
  read: { stopAt: Date | undefined; timeZone: string; bothEnds: boolean; signal: AbortSignal | undefined },
  progress: SyncProgressTracker,
): Promise<FetchedHistoryModule> {
  if (!history) return { rows: [], status: null };
  const { stopAt, signal } = read;
  const fields = [history.parent, history.stage, history.movedTo, history.time, 'Modified_Time'];
  if (history.owner !== undefined) fields.push(history.owner);
  const rows: ZohoRecord[] = [];
  const seen = new Set<string>();
  const keep = (row: ZohoRecord) => {
    seen.add(historyRowKeyOf(row));
    progress.read.historyRows = seen.size;
    rows.push(row);
  };
  try {
    if (stopAt) {
      // Newest first: new rows land on the first pages, so the read stops at the first page that
      // reaches back past the last sync (the module ignores criteria; If-Modified-Since is undocumented there).
      for await (const page of recordPages(client, history.module, {
        fields,
        params: { sort_by: 'Modified_Time', sort_order: 'desc' },
        signal,
      })) {
        let reachedOld = false;
        for (const row of page.records) {
          keep(row);
          const t = typeof row.Modified_Time === 'string' ? parseZohoDateTime(row.Modified_Time, read.timeZone) : null;
          if (t !== null && t.getTime() < stopAt.getTime()) reachedOld = true;
        }
        progress.report('read');
        if (reachedOld) break;
      }
    } else {
      await readAllRecords(client, history.module, { fields, signal, bothEnds: read.bothEnds }, (page) => {
        page.forEach(keep);
        progress.report('read');
      });
    }
    return { rows, status: { module: history.module, available: true } };
  } catch (error) {
    if (
      (error instanceof ZohoApiError && isModuleUnavailable(error)) ||
      (error instanceof ZohoAuthError && error.code === 'OAUTH_SCOPE_MISMATCH')
    ) {
      // An optional source: without the module (or the scope to read it) the timelines are the route.
      // Reported by loadResultFromSnapshot as a warning, on every load of this snapshot.
      return { rows, status: { module: history.module, available: false, reason: error.code } };
    }
    throw error;
  }
}

function isModuleUnavailable(error: ZohoApiError): boolean {
  return (
    error.code === 'INVALID_MODULE' ||
    error.code === 'NO_PERMISSION' ||
    error.code === 'INVALID_URL_PATTERN' ||
    error.code === 'API_NOT_SUPPORTED'
  );
}

/** The histories read from timelines, in the order the reads finished, and the leads whose timeline could not be read. */
export interface FetchedTimelines {
  histories: Array<{ leadId: string; history: TimelineHistories }>;
  issues: DataIssue[];
}

/**
 * The stage and owner histories of these leads, from their timelines, read concurrently up to the client's
 * limit. A timeline Zoho refuses for good (400/404) becomes a warning; any other failure is thrown.
 */
export async function fetchTimelines(
  client: ZohoClient,
  pending: readonly LeadFields[],
  read: { mapping: ZohoFieldMapping; timeZone: string; signal: AbortSignal | undefined },
  progress: SyncProgressTracker,
): Promise<FetchedTimelines> {
  const { mapping, timeZone, signal } = read;
  const out: FetchedTimelines = { histories: [], issues: [] };
  progress.timelines.total = pending.length;
  if (pending.length) progress.report('timeline');
  await mapLimit(pending, client.concurrency, async (lead) => {
    const entries: ZohoRecord[] = [];
    try {
      for await (const page of timelinePages(client, mapping.module, lead.id, { signal })) entries.push(...page.entries);
    } catch (error) {
      if (error instanceof ZohoApiError && !error.retryable && (error.status === 400 || error.status === 404)) {
        out.issues.push({
          severity: 'warning',
          code: 'timeline-unavailable',
          message: messages.timelineUnavailable(lead.id, error.code),
          file: `zoho:${mapping.module}/__timeline`,
          recordId: lead.id,
        });
        return;
      }
      throw error;
    }
    const history = historiesFromTimeline(entries, {
      leadId: lead.id,
      stageField: mapping.stage,
      locatorField: mapping.locator,
      createdAt: lead.createdAt,
      currentStage: lead.stage,
      currentLocator: lead.locator,
      timeZone,
      module: mapping.module,
    });
    out.histories.push({ leadId: lead.id, history });
    progress.read.timelines++;
    progress.timelines.done++;
    if (progress.timelines.done % 25 === 0 || progress.timelines.done === progress.timelines.total) progress.report('timeline');
  });
  return out;
}
