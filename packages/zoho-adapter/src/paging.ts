/**
 * Zoho's paging, in one place, as async iterators of pages.
 *
 * Why it looks like this (the records API's paging rules, as the fake server in src/fake/records.ts models them):
 * - `fields` is mandatory when listing (v3+) and at most 50 names, so it is always sent and checked here.
 * - `per_page` is at most 200. `page` works only for the first 2,000 records (pages 1–10); past that,
 *   Zoho answers DISCRETE_PAGINATION_LIMIT_EXCEEDED, and the next page must be asked for with
 *   `info.next_page_token` instead. The token is bound to every other parameter, so the follow-up request
 *   repeats them unchanged, only swapping `page` for `page_token`; it cannot be combined with `page`.
 * - An empty result is 204 and "nothing changed since If-Modified-Since" is 304, both without a body.
 * - `info.count` is the size of this page, not a total; `info.page` stays 1 on token pages, so it is
 *   never relied on.
 * - The Timeline API pages differently: `per_page` on the first request only, `page_token` alone after.
 * - A token lasts 24 h; if one expires mid-read (EXPIRED_VALUE) the read restarts once from page 1, which
 *   is safe because callers merge records by id.
 */
import type { ZohoClient, ZohoResponse } from './client.js';
import { formatZohoDateTime } from './datetime.js';
import { ZohoApiError, ZohoConfigError } from './errors.js';
import { messages } from './messages.js';

/**
 * The largest `per_page`, and the last record reachable with `page`.
 *
 * @example
 * ```ts
 * const calls = Math.ceil(leadCount / MAX_PER_PAGE); // Get Records calls of a full read of Leads
 * ```
 */
export const MAX_PER_PAGE = 200;

/**
 * The last record `page` can reach (pages 1–10 of 200); past it, {@link recordPages} follows
 * `next_page_token`.
 *
 * @example
 * ```ts
 * const discretePages = MAX_DISCRETE_RECORDS / MAX_PER_PAGE; // 10
 * ```
 */
export const MAX_DISCRETE_RECORDS = 2000;

/**
 * The most field names one Get Records call may ask for.
 *
 * @example
 * ```ts
 * const fields = leadFields(DEFAULT_FIELD_MAPPING, resolveAppointmentSource(undefined));
 * console.log(`${MAX_FIELDS - fields.length} fields left for extraFields`);
 * ```
 */
export const MAX_FIELDS = 50;
// 100,000 records is Zoho's reach via Get Records; one extra page of slack, then we stop.
const MAX_PAGES = 100_000 / MAX_PER_PAGE + 1;

/**
 * A record as Zoho sends it: `id` plus the requested fields.
 *
 * @example
 * ```ts
 * const record: ZohoRecord = { id: '5725767000010000123', Last_Name: 'Smith', Owner: { id: '5725767000000411001', name: 'Ana Souza' } };
 * const { lead, issues } = mapLeadRecord(record, context);
 * ```
 */
export type ZohoRecord = Record<string, unknown>;

/**
 * The `info` object of a list response.
 *
 * @example
 * ```ts
 * for await (const page of recordPages(client, 'Leads', { fields: ['Last_Name'] })) {
 *   const info: ZohoPageInfo | null = page.info;
 *   console.log(info?.count, info?.more_records ? 'more follow' : 'last page');
 * }
 * ```
 */
export interface ZohoPageInfo {
  per_page?: number;
  count?: number;
  page?: number;
  more_records?: boolean;
  next_page_token?: string | null;
  previous_page_token?: string | null;
  page_token_expiry?: string | null;
  sort_by?: string;
  sort_order?: string;
}

/**
 * One page of {@link recordPages}: its records, Zoho's `info`, its place in the read and its HTTP status.
 *
 * @example
 * ```ts
 * const pages: AsyncGenerator<RecordPage> = recordPages(client, 'Leads', { fields: ['Last_Name'] });
 * for await (const { records, index, status } of pages) console.log(`page ${index} (HTTP ${status}): ${records.length} records`);
 * ```
 */
export interface RecordPage {
  records: ZohoRecord[];
  info: ZohoPageInfo | null;
  /** 1-based index of this page within the read. */
  index: number;
  /** The HTTP status (200, 204 or 304). */
  status: number;
}

/**
 * Options of {@link recordPages}.
 *
 * @example
 * ```ts
 * const options: RecordPagesOptions = {
 *   fields: ['Last_Name', 'Lead_Status'],
 *   params: { converted: 'both', sort_order: 'asc' },
 *   ifModifiedSince: new Date('2026-03-30T00:00:00Z'),
 * };
 * for await (const page of recordPages(client, 'Leads', options)) console.log(page.records.length);
 * ```
 */
export interface RecordPagesOptions {
  /** API names to return (1–50). */
  fields: readonly string[];
  /** Default 200 (the maximum). */
  perPage?: number;
  /** Other parameters (`converted`, `sort_by`, `sort_order`, `cvid`, …), sent unchanged on every page. */
  params?: Record<string, string | undefined>;
  /** Only records modified after this instant (`If-Modified-Since`); nothing changed → no pages. */
  ifModifiedSince?: Date | undefined;
  signal?: AbortSignal | undefined;
}

/**
 * Checks a `fields` list: present, at most 50, no blanks or duplicates.
 *
 * @example
 * ```ts
 * checkFields('Leads', [' Last_Name', 'Last_Name', 'Email']); // ['Last_Name', 'Email']
 * checkFields('Leads', []); // throws a ZohoConfigError with code 'FIELDS_REQUIRED'
 * ```
 */
export function checkFields(module: string, fields: readonly string[]): string[] {
  const unique = [...new Set(fields.map((f) => f.trim()))];
  if (unique.length === 0 || unique.some((f) => f === '')) throw new ZohoConfigError(messages.fieldsMissing(module), 'FIELDS_REQUIRED');
  if (unique.length > MAX_FIELDS) throw new ZohoConfigError(messages.tooManyFields(module, unique.length, MAX_FIELDS), 'TOO_MANY_FIELDS');
  return unique;
}

/**
 * Every page of a module's records, in order: `page` 1, 2, … while they stay within the first 2,000
 * records, then `next_page_token`. Stops at the last page (`more_records: false`), at 204 or at 304.
 *
 * @example
 * ```ts
 * const leads: ZohoRecord[] = [];
 * for await (const page of recordPages(client, 'Leads', { fields: ['Last_Name', 'Lead_Status'], params: { converted: 'both' } })) {
 *   leads.push(...page.records);
 * }
 * ```
 */
export async function* recordPages(client: ZohoClient, module: string, options: RecordPagesOptions): AsyncGenerator<RecordPage> {
  const fields = checkFields(module, options.fields);
  const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Math.floor(options.perPage ?? MAX_PER_PAGE)));
  const lastDiscretePage = Math.floor(MAX_DISCRETE_RECORDS / perPage);
  const headers: Record<string, string> = {};
  if (options.ifModifiedSince) headers['If-Modified-Since'] = formatZohoDateTime(options.ifModifiedSince);
  const base: Record<string, string | undefined> = { ...options.params, fields: fields.join(','), per_page: String(perPage) };

  let restarts = 0;
  restart: for (;;) {
    let page = 1;
    let token: string | null = null;
    for (let index = 1; index <= MAX_PAGES; index++) {
      const query: Record<string, string | undefined> = token === null ? { ...base, page: String(page) } : { ...base, page_token: token };
      let response: ZohoResponse<{ data?: unknown; info?: ZohoPageInfo }>;
      try {
        response = await client.request<{ data?: unknown; info?: ZohoPageInfo }>({ path: module, query, headers, signal: options.signal });
      } catch (error) {
        if (token !== null && error instanceof ZohoApiError && error.code === 'EXPIRED_VALUE' && restarts === 0) {
          restarts++;
          continue restart;
        }
        throw error;
      }
      if (response.status === 204 || response.status === 304 || response.body === null) {
        yield { records: [], info: null, index, status: response.status };
        return;
      }
      const records = Array.isArray(response.body.data) ? (response.body.data as ZohoRecord[]) : [];
      const info: ZohoPageInfo | null = response.body.info && typeof response.body.info === 'object' ? response.body.info : null;
      yield { records, info, index, status: response.status };
      if (!info?.more_records || records.length === 0) return;
      if (page < lastDiscretePage && token === null) {
        page++;
      } else {
        const next: unknown = info.next_page_token;
        if (typeof next !== 'string' || next === '') {
          throw new ZohoApiError(messages.missingPageToken(module, index * perPage), { code: 'PAGE_TOKEN_MISSING', retryable: false });
        }
        token = next;
      }
    }
    throw new ZohoApiError(messages.tooManyPages(module, MAX_PAGES), { code: 'PAGINATION_LIMIT_EXCEEDED', retryable: false });
  }
}

/**
 * One page of {@link timelinePages}: its entries and its place in the read.
 *
 * @example
 * ```ts
 * const pages: AsyncGenerator<TimelinePage> = timelinePages(client, 'Leads', '5725767000010000123');
 * for await (const { entries, index } of pages) console.log(`page ${index}: ${entries.length} entries`);
 * ```
 */
export interface TimelinePage {
  entries: ZohoRecord[];
  index: number;
}

/**
 * Every page of one record's timeline. The first request carries `per_page`; later ones only
 * `page_token` (the Timeline API refuses both together).
 *
 * @example
 * ```ts
 * const entries: ZohoRecord[] = [];
 * for await (const page of timelinePages(client, 'Leads', leadId)) entries.push(...page.entries);
 * const { stage, owner } = historiesFromTimeline(entries, context);
 * ```
 */
export async function* timelinePages(
  client: ZohoClient,
  module: string,
  recordId: string,
  options: { signal?: AbortSignal | undefined; params?: Record<string, string | undefined> } = {},
): AsyncGenerator<TimelinePage> {
  const path = `${module}/${encodeURIComponent(recordId)}/__timeline`;
  let token: string | null = null;
  for (let index = 1; index <= MAX_PAGES; index++) {
    const query: Record<string, string | undefined> =
      token === null ? { ...options.params, per_page: String(MAX_PER_PAGE) } : { ...options.params, page_token: token };
    const response = await client.request<{ __timeline?: unknown; info?: ZohoPageInfo }>({ path, query, signal: options.signal });
    if (response.body === null) {
      yield { entries: [], index };
      return;
    }
    const entries = Array.isArray(response.body.__timeline) ? (response.body.__timeline as ZohoRecord[]) : [];
    yield { entries, index };
    const info = response.body.info;
    if (!info?.more_records || entries.length === 0) return;
    const next = info.next_page_token;
    if (typeof next !== 'string' || next === '') {
      throw new ZohoApiError(messages.missingPageToken(`${module} timeline of ${recordId}`, index * MAX_PER_PAGE), {
        code: 'PAGE_TOKEN_MISSING',
        retryable: false,
      });
    }
    token = next;
  }
  throw new ZohoApiError(messages.tooManyPages(`${module} timeline`, MAX_PAGES), { code: 'PAGINATION_LIMIT_EXCEEDED', retryable: false });
}

export interface ReadAllOptions extends Omit<RecordPagesOptions, 'params'> {
  /** Parameters other than `sort_order` (which this sets). */
  params?: Record<string, string | undefined>;
  /**
   * Read from both ends at once: one cursor ascending by id, one descending, each stopping where it meets
   * records the other has read. Halves the wall time of a long read (token pages are strictly sequential)
   * for at most two extra calls. Default true.
   */
  bothEnds?: boolean;
}

/**
 * Every record of a module, ordered by id (Zoho's default sort key; only `sort_order` is sent), delivered
 * page by page to `onRecords`. Ids are unique, so the two cursors of `bothEnds` can neither skip nor
 * double-count a record at the place they meet; a record created during the read lands at the ascending
 * end and is read or, at worst, picked up by the next incremental sync. Returns the pages read.
 */
export async function readAllRecords(
  client: ZohoClient,
  module: string,
  options: ReadAllOptions,
  onRecords: (records: ZohoRecord[], page: RecordPage) => void,
): Promise<number> {
  let pages = 0;
  if (options.bothEnds === false || options.ifModifiedSince) {
    for await (const page of recordPages(client, module, { ...options, params: { ...options.params, sort_order: 'asc' } })) {
      pages++;
      onRecords(page.records, page);
    }
    return pages;
  }
  const seen = { asc: new Set<string>(), desc: new Set<string>() };
  let finished = false;
  let descending: Promise<void> | null = null;
  let descError: unknown = null;
  const cursor = async (order: 'asc' | 'desc') => {
    const mine = seen[order];
    const other = seen[order === 'asc' ? 'desc' : 'asc'];
    for await (const page of recordPages(client, module, { ...options, params: { ...options.params, sort_order: order } })) {
      pages++;
      let met = false;
      for (const record of page.records) {
        const id = typeof record.id === 'string' ? record.id : JSON.stringify(record.id);
        if (other.has(id)) met = true;
        mine.add(id);
      }
      onRecords(page.records, page);
      // The second cursor starts only once the first page shows there is more than one page: a small or
      // missing module costs one call, not two.
      if (order === 'asc' && descending === null && page.info?.more_records && !met) {
        descending = cursor('desc').catch((error: unknown) => {
          descError = error;
          finished = true;
        });
      }
      if (met || finished) break;
    }
    // Reached the end, or the other cursor: either way the two together have read everything.
    finished = true;
  };
  let ascError: unknown = null;
  await cursor('asc').catch((error: unknown) => {
    ascError = error;
    finished = true;
  });
  if (descending) await descending;
  if (ascError !== null) throw ascError;
  if (descError !== null) throw descError;
  return pages;
}
