/**
 * The API's routes under `/crm/{version}/`: the module list, Get Records and Get Record, timelines, the
 * organization (org.ts), and Zoho's errors for what the fake org does not have. Counts each call in the stats by kind.
 */
import { timelinePage, type TimelineContext } from './history.js';
import { HttpError } from './http.js';
import { orgAnswer } from './org.js';
import type { ApiAnswer } from './http.js';
import type { RecordsApi } from './records.js';
import type { StatsBook } from './stats.js';

const API_VERSIONS = new Set(['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);

/** The handlers the routes lead to, and the stats they count in. */
export interface RouterContext {
  records: RecordsApi;
  timelines: TimelineContext;
  stats: StatsBook;
  /** The org id (`zgid`) Get Organization answers. */
  orgId: string;
}

/** The answer to an authenticated API request of `user` (a refresh token); Zoho's errors are thrown as {@link HttpError}. */
export function route(ctx: RouterContext, method: string, url: URL, user: string, ifModifiedSince: string | undefined): ApiAnswer {
  const stats = ctx.stats.stats;
  const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] !== 'crm' || !parts[1] || !API_VERSIONS.has(parts[1])) {
    stats.other++;
    throw new HttpError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
  }
  const version = parts[1];
  const rest = parts.slice(2);
  if (method !== 'GET') throw new HttpError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
  if (rest[0] === 'settings' && rest[1] === 'modules' && rest.length === 2) {
    stats.other++;
    return ctx.records.modules();
  }
  if (rest[0] === 'settings' && rest[1] === 'fields' && rest.length === 2) {
    stats.other++;
    return ctx.records.fields(url.searchParams.get('module') ?? '');
  }
  if (rest[0] === 'org' && rest.length === 1) {
    stats.other++;
    return orgAnswer(ctx.orgId);
  }
  const module = rest[0] ?? '';
  const source = ctx.records.source(module);
  if (rest.length === 3 && module === 'Deals' && rest[2] === 'Stage_History') {
    // The fake org has no deals, so every deal id is unknown.
    stats.other++;
    throw new HttpError(400, 'INVALID_DATA', 'the related id given seems to be invalid', { resource_path_index: 1 });
  }
  if (rest.length === 3 && rest[2] === '__timeline') {
    stats.timeline++;
    return timelinePage(ctx.timelines, module, rest[1]!, url.searchParams, user);
  }
  if (!source) {
    stats.other++;
    throw new HttpError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
  }
  if (rest.length === 1) {
    stats.records[module] = (stats.records[module] ?? 0) + 1;
    return ctx.records.list(module, source, url.searchParams, version, user, ifModifiedSince);
  }
  if (rest.length === 2 && rest[1] === 'deleted') {
    stats.deleted++;
    return ctx.records.deleted(module, url.searchParams, ifModifiedSince);
  }
  if (rest.length === 2) {
    stats.other++;
    return ctx.records.get(source, rest[1]!);
  }
  stats.other++;
  throw new HttpError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
}
