/**
 * Stage history in the fake org: the history-tracking module's rows (read through Get Records) and the
 * timeline of a lead (`GET /Leads/{id}/__timeline`, paged by page token, newest first).
 */
import type { FakeHistoryRow } from './data/model.js';
import type { FakeZohoData } from './data/org.js';
import { type ApiAnswer, HttpError, type ModuleSource } from './http.js';
import type { PageTokens } from './page-tokens.js';

/** The history-tracking module as Get Records sees it: one row per stay, entered at Modified_Time. */
export function historyModuleSource(data: FakeZohoData, offsetMinutes: number): ModuleSource {
  return {
    items: data.historyRows,
    id: (r) => (r as FakeHistoryRow).id,
    created: (r) => (r as FakeHistoryRow).at,
    modified: (r) => (r as FakeHistoryRow).at,
    render: (r) => data.historyRecord(r as FakeHistoryRow, offsetMinutes),
  };
}

/** What a timeline read needs: the org, page tokens, and where to note the leads whose timeline was asked for. */
export interface TimelineContext {
  data: FakeZohoData;
  offsetMinutes: number;
  pageTokens: PageTokens;
  /** Called with the lead id of every timeline request that passed the checks. */
  onTimeline: (leadId: string) => void;
}

/** `GET /{module}/{id}/__timeline`: one page of the lead's timeline (Leads only). */
export function timelinePage(ctx: TimelineContext, module: string, id: string, query: URLSearchParams, user: string): ApiAnswer {
  const { data, pageTokens } = ctx;
  if (module !== 'Leads')
    throw new HttpError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
  const lead = data.lead(id);
  if (!lead) throw new HttpError(400, 'INVALID_DATA', 'the related id given seems to be invalid', { resource_path_index: 1 });
  if (query.has('page_token') && query.has('per_page')) {
    throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'per_page cannot be given with page_token', {
      ambiguity_due_to: ['per_page', 'page_token'],
    });
  }
  ctx.onTimeline(id);
  const binding = JSON.stringify(['timeline', id]);
  let offset = 0;
  let perPage = 200;
  if (query.has('page_token')) {
    const record = pageTokens.get(query.get('page_token')!);
    if (!record || record.user !== user)
      throw new HttpError(400, 'INVALID_DATA', 'The token given seems to be invalid', { param_name: 'page_token' });
    if (record.binding !== binding) throw new HttpError(400, 'TOKEN_BOUND_DATA_MISMATCH', 'token mismatch', { param_name: 'page_token' });
    offset = record.offset;
  } else if (query.has('per_page')) {
    perPage = Number(query.get('per_page'));
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200)
      throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'per_page' });
  }
  const entries = data.timeline(lead, ctx.offsetMinutes);
  const slice = entries.slice(offset, offset + perPage);
  if (slice.length === 0) return { status: 204 };
  const more = offset + perPage < entries.length;
  const nextToken = more ? pageTokens.issue(binding, offset + perPage, user) : null;
  return {
    status: 200,
    body: {
      __timeline: slice,
      info: { per_page: perPage, page: 1, count: slice.length, more_records: more, next_page_token: nextToken, previous_page_token: null },
    },
  };
}
