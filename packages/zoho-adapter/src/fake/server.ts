/**
 * A fake Zoho CRM for tests and demos: two real HTTP servers on 127.0.0.1 (the accounts server and the
 * API domain), implementing the checklist of zoho-api.md §10 over a seeded in-memory org, with fault
 * injection. Nothing here is used by the adapter itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Lead } from '@panopticon/core';
import { formatZohoDateTime, parseOffset, parseZohoDateTime } from '../datetime.js';
import { compareIds } from '../values.js';
import { CoqlError, coqlCredits, parseCoql, runCoql } from './coql.js';
import { fakeZohoDataFromLeads, generateFakeZohoData, FakeZohoData, type FakeDataOptions, type FakeEvent, type FakeHistoryRow, type FakeLead } from './data.js';
import { createRng, type Rng } from './random.js';

/**
 * A fault to inject into matching requests.
 *
 * @example
 * ```ts
 * const fault: FakeZohoFault = { kind: 'status', status: 429, code: 'TOO_MANY_REQUESTS', count: 3, match: '/Leads' };
 * fake.inject(fault, { kind: 'drop' }, { kind: 'expire-tokens' });
 * const result = await syncFromEnv(fake.env); // retries through every fault
 * fake.pendingFaults(); // 0
 * ```
 */
export type FakeZohoFault =
  | {
      /** Answer with this status and a Zoho error body (429 TOO_MANY_REQUESTS, 500 INTERNAL_ERROR, …). */
      kind: 'status';
      status: number;
      code?: string;
      /** How many matching requests get it. Default 1; `Infinity` for a permanent failure. */
      count?: number;
      /** Let this many matching requests through first. Default 0. */
      after?: number;
      /** Only requests whose path (without query) matches. */
      match?: string | RegExp;
      /** `api` (default) or `accounts`. */
      target?: 'api' | 'accounts';
    }
  | { kind: 'drop'; count?: number; after?: number; match?: string | RegExp; target?: 'api' | 'accounts' }
  | { kind: 'truncate'; count?: number; after?: number; match?: string | RegExp }
  | { kind: 'malformed-json'; count?: number; after?: number; match?: string | RegExp }
  | { kind: 'expire-tokens'; after?: number; match?: string | RegExp }
  | { kind: 'evict-tokens'; after?: number; match?: string | RegExp };

/**
 * Options of {@link startFakeZoho}: the org it serves, its limits, its latency and the faults it injects.
 *
 * @example
 * ```ts
 * const options: FakeZohoOptions = {
 *   data: { leads: 500, appointed: 150, seed: 3 },
 *   historyModule: false, // an org without history tracking: timelines only
 *   concurrencyLimit: 5,
 *   latencyMs: { min: 5, max: 20 },
 * };
 * const fake = await startFakeZoho(options);
 * ```
 */
export interface FakeZohoOptions {
  /** The org: ready data, or options for the seeded generator. Default: 100 generated leads. */
  data?: FakeZohoData | FakeDataOptions;
  /** Serve exactly these leads instead (e.g. a CSV export loaded by core). */
  leads?: readonly Lead[];
  clientId?: string;
  clientSecret?: string;
  /** Valid refresh token(s); each is a different API user. */
  refreshToken?: string | readonly string[];
  /** Delay before each answer, in ms (fixed, or uniform in [min, max]). Default 0. */
  latencyMs?: number | { min: number; max: number };
  /** Concurrent API requests allowed; more get 429 at once (not queued). Default 10 (Standard edition). */
  concurrencyLimit?: number;
  /** Credits per 24 h; past it every call gets 429. `X-API-CREDITS-REMAINING` appears past 50 %. Default 100,000. */
  dailyCredits?: number;
  /** Access-token lifetime. Default 3600 s. */
  tokenTtlSeconds?: number;
  /** Live access tokens per refresh token; minting more evicts the oldest. Default 15. */
  maxActiveTokens?: number;
  /** Mints per refresh token per 10 minutes before "Access Denied". Default 10. */
  mintLimit?: number;
  /** The history-tracking module's API name, or false when the org has none. Default `Lead_Status_History`. */
  historyModule?: string | false;
  /** Offset of emitted date-times. Default `+05:30`. */
  offset?: string;
  /** The server's clock (epoch ms). Default `Date.now`. */
  now?: () => number;
  /** Seed for tokens and random faults. Default 1. */
  seed?: number;
  /** Faults to apply from the start. */
  faults?: FakeZohoFault[];
  /** Random faults per API request (seeded): probabilities of a 500, a 429 and a dropped connection. */
  errorRates?: { status500?: number; status429?: number; drop?: number };
  /** Answer token requests in the pre-2020 shape (`expires_in` in ms plus `expires_in_sec`). Default false. */
  legacyTokenShape?: boolean;
}

/**
 * What the fake server saw.
 *
 * @example
 * ```ts
 * await syncFromEnv(fake.env, { store: dir });
 * const { calls, records, timeline, statuses }: FakeZohoStats = fake.stats;
 * console.log(`${calls} calls: ${records['Leads']} Leads pages, ${timeline} timelines, ${statuses['429'] ?? 0} × 429`);
 * fake.resetStats(); // count the next sync alone
 * ```
 */
export interface FakeZohoStats {
  /** API requests received (every outcome). */
  calls: number;
  /** Get Records calls per module. */
  records: Record<string, number>;
  timeline: number;
  coql: number;
  other: number;
  /** Lead ids whose timeline was requested, in order (with repeats for extra pages). */
  timelineLeadIds: string[];
  tokenRequests: number;
  tokenMints: number;
  /** Answers by status (`"200"`, `"429"`, `"dropped"`). */
  statuses: Record<string, number>;
  faultsInjected: number;
  maxInFlight: number;
  creditsUsed: number;
  /** Every API request: method, path, query and status (for assertions; never holds a token). */
  requests: Array<{ method: string; path: string; query: Record<string, string>; status: number | 'dropped'; ifModifiedSince?: string }>;
}

/**
 * Runtime settings a test may change while the server runs.
 *
 * @example
 * ```ts
 * const settings: FakeZohoSettings = fake.settings;
 * settings.historyModule = false; // the org switches history tracking off
 * settings.dailyCredits = fake.stats.creditsUsed; // and has no credits left: every further call gets 429
 * ```
 */
export interface FakeZohoSettings {
  latencyMs: number | { min: number; max: number };
  concurrencyLimit: number;
  dailyCredits: number;
  historyModule: string | false;
  errorRates: { status500?: number; status429?: number; drop?: number };
  tokenTtlSeconds: number;
}

/**
 * A running fake Zoho: its URLs, credentials and environment, its data, what it saw, and the controls a test
 * uses.
 *
 * @example
 * ```ts
 * const fake: FakeZoho = await startFakeZoho({ data: { leads: 50 } });
 * try {
 *   const result = await syncFromEnv(fake.env);
 *   expect(result.leads).toEqual(fake.expectedLeads());
 * } finally {
 *   await fake.close();
 * }
 * ```
 */
export interface FakeZoho {
  /** The API domain (same as `apiDomain`). */
  url: string;
  /** The accounts server (`POST {accountsUrl}/oauth/v2/token`). */
  accountsUrl: string;
  apiDomain: string;
  /** The credentials it accepts. */
  credentials: { clientId: string; clientSecret: string; refreshToken: string };
  /** `ZOHO_*` variables pointing at this server, for `syncFromEnv`. */
  env: Record<string, string>;
  data: FakeZohoData;
  stats: FakeZohoStats;
  settings: FakeZohoSettings;
  resetStats(): void;
  /** Queues faults. */
  inject(...faults: FakeZohoFault[]): void;
  /** Faults still queued. */
  pendingFaults(): number;
  /** Every live access token expires now. */
  expireTokens(): void;
  /** Every access token is forgotten (revoked or evicted). */
  evictTokens(): void;
  /** The refresh token stops working (`invalid_code`); default: the main one. */
  revokeRefreshToken(token?: string): void;
  /** What a correct adapter returns for this org and configuration. */
  expectedLeads(options?: { appointmentsFrom?: 'field' | 'events'; ownerHistory?: boolean }): Lead[];
  close(): Promise<void>;
}

interface TokenRecord {
  refreshToken: string;
  expiresAt: number;
}

interface PageTokenRecord {
  binding: string;
  offset: number;
  user: string;
  expiresAt: number;
}

interface QueuedFault {
  fault: FakeZohoFault;
  skip: number;
  left: number;
}

class HttpError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly details: Record<string, unknown> = {},
  ) {}
}

const API_VERSIONS = new Set(['v2', 'v2.1', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8']);
const EMPTY_MODULES = new Set(['Contacts', 'Accounts', 'Deals', 'Tasks', 'Calls', 'Products']);
const SORTABLE = new Set(['id', 'Created_Time', 'Modified_Time']);
const DAY = 86_400_000;

interface ModuleSource {
  items: readonly unknown[];
  id(item: unknown): string;
  created(item: unknown): number;
  modified(item: unknown): number;
  converted?(item: unknown): boolean;
  render(item: unknown): Record<string, unknown>;
}

/**
 * Starts the fake Zoho on two loopback ports. Close it with `close()`.
 *
 * @example
 * ```ts
 * const fake = await startFakeZoho({ data: { leads: 5000, appointed: 1500 }, latencyMs: 50 });
 * const result = await syncFromEnv(fake.env, { store: dir });
 * console.log(`${result.leads.length} leads in ${fake.stats.calls} calls`);
 * await fake.close();
 * ```
 */
export async function startFakeZoho(options: FakeZohoOptions = {}): Promise<FakeZoho> {
  const now = options.now ?? Date.now;
  const rng: Rng = createRng(options.seed ?? 1);
  const data =
    options.data instanceof FakeZohoData
      ? options.data
      : options.leads
        ? fakeZohoDataFromLeads(options.leads)
        : generateFakeZohoData(options.data ?? {});
  const clientId = options.clientId ?? '1000.FAKECLIENTID0000000000000000';
  const clientSecret = options.clientSecret ?? 'fake-client-secret-0000000000000000000000';
  const refreshTokens = new Set(
    options.refreshToken === undefined ? ['1000.fakerefresh00000000000000000000.00000000000000000000000000000000'] : [options.refreshToken].flat(),
  );
  const mainRefresh = [...refreshTokens][0]!;
  const offsetMinutes = parseOffset(options.offset ?? '+05:30');
  const maxActive = options.maxActiveTokens ?? 15;
  const mintLimit = options.mintLimit ?? 10;
  const legacy = options.legacyTokenShape ?? false;
  const settings: FakeZohoSettings = {
    latencyMs: options.latencyMs ?? 0,
    concurrencyLimit: options.concurrencyLimit ?? 10,
    dailyCredits: options.dailyCredits ?? 100_000,
    historyModule: options.historyModule === undefined ? 'Lead_Status_History' : options.historyModule,
    errorRates: options.errorRates ?? {},
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
  };

  const tokens = new Map<string, TokenRecord>();
  const liveByRefresh = new Map<string, string[]>();
  const mintTimes = new Map<string, number[]>();
  const pageTokens = new Map<string, PageTokenRecord>();
  const faults: QueuedFault[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let inFlight = 0;

  const freshStats = (): FakeZohoStats => ({
    calls: 0,
    records: {},
    timeline: 0,
    coql: 0,
    other: 0,
    timelineLeadIds: [],
    tokenRequests: 0,
    tokenMints: 0,
    statuses: {},
    faultsInjected: 0,
    maxInFlight: 0,
    creditsUsed: 0,
    requests: [],
  });
  const fake = { stats: freshStats() } as { stats: FakeZohoStats };
  const countStatus = (key: string) => {
    fake.stats.statuses[key] = (fake.stats.statuses[key] ?? 0) + 1;
  };

  const inject = (...list: FakeZohoFault[]) => {
    for (const fault of list) faults.push({ fault, skip: fault.after ?? 0, left: 'count' in fault && fault.count !== undefined ? fault.count : 1 });
  };
  inject(...(options.faults ?? []));

  const takeFault = (target: 'api' | 'accounts', path: string): FakeZohoFault | null => {
    for (let i = 0; i < faults.length; i++) {
      const q = faults[i]!;
      const t = 'target' in q.fault && q.fault.target ? q.fault.target : 'api';
      if (t !== target) continue;
      const m = q.fault.match;
      if (m !== undefined && !(typeof m === 'string' ? path.includes(m) : m.test(path))) continue;
      if (q.skip > 0) {
        q.skip--;
        continue;
      }
      q.left--;
      if (q.left <= 0) faults.splice(i, 1);
      return q.fault;
    }
    return null;
  };

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  const latency = () => {
    const l = settings.latencyMs;
    return typeof l === 'number' ? l : l.min + rng.next() * (l.max - l.min);
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    if (status === 204 || status === 304) {
      // Zoho sends a JSON content type even with no body.
      res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', ...headers });
      res.end();
      return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
    res.end(text);
  };
  const zohoError = (code: string, message: string, details: Record<string, unknown> = {}) => ({ code, details, message, status: 'error' });

  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > 1 << 20) {
          reject(new Error('body too large'));
          req.destroy();
        } else chunks.push(c);
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });

  // ------------------------------------------------------------------ accounts server

  const mint = (refreshToken: string) => {
    const token = `1000.${rng.hex(32)}.${rng.hex(32)}`;
    tokens.set(token, { refreshToken, expiresAt: now() + settings.tokenTtlSeconds * 1000 });
    const live = liveByRefresh.get(refreshToken) ?? [];
    live.push(token);
    while (live.length > maxActive) tokens.delete(live.shift()!);
    liveByRefresh.set(refreshToken, live);
    fake.stats.tokenMints++;
    return token;
  };

  const accounts = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req).catch(() => '');
      if (url.pathname !== '/oauth/v2/token' || req.method !== 'POST') {
        send(res, 404, { error: 'invalid_request' });
        return;
      }
      fake.stats.tokenRequests++;
      await sleep(latency());
      const fault = takeFault('accounts', url.pathname);
      if (fault) {
        fake.stats.faultsInjected++;
        if (fault.kind === 'drop') {
          req.socket.destroy();
          return;
        }
        if (fault.kind === 'status') {
          send(res, fault.status, { error: fault.code ?? 'server_error' });
          return;
        }
      }
      const params = new URLSearchParams(url.search);
      for (const [k, v] of parseForm(body, req.headers['content-type'] ?? '')) params.set(k, v);
      if (params.get('grant_type') !== 'refresh_token') {
        send(res, 200, { error: 'unsupported_grant_type' });
        return;
      }
      if (params.get('client_id') !== clientId || params.get('client_secret') !== clientSecret) {
        send(res, 200, { error: 'invalid_client' });
        return;
      }
      const refresh = params.get('refresh_token') ?? '';
      if (!refreshTokens.has(refresh)) {
        send(res, 200, { error: 'invalid_code' });
        return;
      }
      const t = now();
      const recent = (mintTimes.get(refresh) ?? []).filter((x) => x > t - 10 * 60_000);
      if (recent.length >= mintLimit) {
        mintTimes.set(refresh, recent);
        send(res, 200, { error: 'Access Denied', error_description: 'You have made too many requests continuously. Please try again after some time.', status: 'failure' });
        return;
      }
      recent.push(t);
      mintTimes.set(refresh, recent);
      const accessToken = mint(refresh);
      const ttl = settings.tokenTtlSeconds;
      send(
        res,
        200,
        legacy
          ? { access_token: accessToken, api_domain: apiDomain, token_type: 'Bearer', expires_in_sec: ttl, expires_in: ttl * 1000 }
          : { access_token: accessToken, scope: 'ZohoCRM.modules.ALL ZohoCRM.settings.ALL ZohoCRM.coql.READ', api_domain: apiDomain, token_type: 'Bearer', expires_in: ttl },
      );
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'server_error' });
    });
  });

  // ------------------------------------------------------------------ API server

  const historyModuleName = () => settings.historyModule;

  const moduleSource = (module: string): ModuleSource | null => {
    if (module === 'Leads') {
      return {
        items: data.leads,
        id: (l) => (l as FakeLead).id,
        created: (l) => (l as FakeLead).createdAt,
        modified: (l) => (l as FakeLead).modifiedAt,
        converted: (l) => (l as FakeLead).converted,
        render: (l) => data.leadRecord(l as FakeLead, offsetMinutes),
      };
    }
    if (module === 'Events') {
      return {
        items: data.events,
        id: (e) => (e as FakeEvent).id,
        created: (e) => (e as FakeEvent).createdAt,
        modified: (e) => (e as FakeEvent).modifiedAt,
        render: (e) => data.eventRecord(e as FakeEvent, offsetMinutes),
      };
    }
    const history = historyModuleName();
    if (history && module === history) {
      return {
        items: data.historyRows,
        id: (r) => (r as FakeHistoryRow).id,
        created: (r) => (r as FakeHistoryRow).at,
        modified: (r) => (r as FakeHistoryRow).at,
        render: (r) => data.historyRecord(r as FakeHistoryRow, offsetMinutes),
      };
    }
    if (EMPTY_MODULES.has(module)) return { items: [], id: () => '', created: () => 0, modified: () => 0, render: () => ({}) };
    return null;
  };

  // Sorted orders, cached until the data changes (sorting 15k rows per page would dominate a timing run).
  const sortCache = new Map<string, { version: number; length: number; items: unknown[] }>();
  const sortedItems = (module: string, source: ModuleSource, sortBy: string, sortOrder: string): unknown[] => {
    const cacheKey = `${module}|${sortBy}|${sortOrder}`;
    const cached = sortCache.get(cacheKey);
    if (cached && cached.version === data.version && cached.length === source.items.length) return cached.items;
    const key = sortBy === 'Created_Time' ? source.created : sortBy === 'Modified_Time' ? source.modified : null;
    const dir = sortOrder === 'asc' ? 1 : -1;
    const items = [...source.items].sort((a, b) => dir * ((key ? key(a) - key(b) : 0) || compareIds(source.id(a), source.id(b))));
    sortCache.set(cacheKey, { version: data.version, length: source.items.length, items });
    return items;
  };

  const authenticate = (req: IncomingMessage): TokenRecord => {
    const header = req.headers.authorization ?? '';
    const m = /^Zoho-oauthtoken (\S+)$/.exec(header);
    const record = m ? tokens.get(m[1]!) : undefined;
    if (!record || record.expiresAt <= now()) throw new HttpError(401, 'INVALID_TOKEN', 'invalid oauth token');
    return record;
  };

  const listRecords = (module: string, source: ModuleSource, query: URLSearchParams, version: string, user: string, ifModifiedSince: string | undefined) => {
    const fieldsParam = query.get('fields');
    const versionNumber = Number(version.slice(1));
    if ((fieldsParam === null || fieldsParam.trim() === '') && versionNumber >= 3) {
      throw new HttpError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param_name: 'fields' });
    }
    const fields = (fieldsParam ?? '').split(',').map((f) => f.trim()).filter(Boolean);
    if (fields.length > 50) throw new HttpError(400, 'LIMIT_EXCEEDED', 'Fields limit exceeded', { limit: 50, param_name: 'fields' });
    const perPage = query.has('per_page') ? Number(query.get('per_page')) : 200;
    if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'per_page' });
    if (query.has('page') && query.has('page_token')) throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'page and page_token cannot be given together', { ambiguity_due_to: ['page', 'page_token'] });
    if (query.has('cvid') && query.has('sort_by')) throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'cvid and sort_by cannot be given together', { ambiguity_due_to: ['cvid', 'sort_by'] });
    const sortBy = query.get('sort_by') ?? 'id';
    if (!SORTABLE.has(sortBy)) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'sort_by' });
    const sortOrder = query.get('sort_order') ?? 'desc';
    if (sortOrder !== 'asc' && sortOrder !== 'desc') throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'sort_order' });
    const converted = query.get('converted') ?? 'false';
    if (!['true', 'false', 'both'].includes(converted)) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'converted' });
    let since: number | null = null;
    if (ifModifiedSince !== undefined) {
      const parsed = parseZohoDateTime(ifModifiedSince, 'UTC') ?? (Number.isNaN(Date.parse(ifModifiedSince)) ? null : new Date(Date.parse(ifModifiedSince)));
      if (!parsed) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { header_name: 'If-Modified-Since' });
      since = parsed.getTime();
    }

    let offset: number;
    let pageNumber = 1;
    const binding = JSON.stringify([module, ...[...query.entries()].filter(([k]) => k !== 'page' && k !== 'page_token').sort(), ifModifiedSince ?? null]);
    if (query.has('page_token')) {
      const record = pageTokens.get(query.get('page_token')!);
      if (!record || record.user !== user) throw new HttpError(400, 'INVALID_DATA', 'The token given seems to be invalid', { param_name: 'page_token' });
      if (record.expiresAt <= now()) throw new HttpError(400, 'EXPIRED_VALUE', 'The page token has expired', { param_name: 'page_token' });
      if (record.binding !== binding) throw new HttpError(400, 'TOKEN_BOUND_DATA_MISMATCH', 'The parameters do not match those the token was issued for', { param_name: 'page_token' });
      offset = record.offset;
      if (offset + perPage > 100_000) throw new HttpError(400, 'PAGINATION_LIMIT_EXCEEDED', 'You cannot fetch more than 100000 records', { limit: 100000 });
    } else {
      pageNumber = query.has('page') ? Number(query.get('page')) : 1;
      if (!Number.isInteger(pageNumber) || pageNumber < 1) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'page' });
      if (pageNumber * perPage > 2000) {
        throw new HttpError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', 'You cannot fetch more than 2000 records using page. Use page_token instead.', { limit: 2000 });
      }
      offset = (pageNumber - 1) * perPage;
    }

    let items = sortedItems(module, source, sortBy, sortOrder);
    if (source.converted && converted !== 'both') items = items.filter((i) => source.converted!(i) === (converted === 'true'));
    if (since !== null) items = items.filter((i) => source.modified(i) > since!);
    if (items.length === 0) return since !== null ? { status: 304 as const } : { status: 204 as const };
    const slice = items.slice(offset, offset + perPage);
    if (slice.length === 0) return { status: 204 as const };
    const more = offset + perPage < items.length;
    let nextToken: string | null = null;
    if (more) {
      nextToken = rng.hex(24);
      pageTokens.set(nextToken, { binding, offset: offset + perPage, user, expiresAt: now() + DAY });
    }
    const wanted = new Set(fields);
    const records = slice.map((item) => {
      const full = source.render(item);
      const out: Record<string, unknown> = { id: full.id };
      for (const f of wanted.size ? wanted : Object.keys(full)) if (f in full) out[f] = full[f];
      return out;
    });
    return {
      status: 200 as const,
      body: {
        data: records,
        info: {
          per_page: perPage,
          count: records.length,
          page: pageNumber,
          sort_by: sortBy,
          sort_order: sortOrder,
          more_records: more,
          next_page_token: nextToken,
          previous_page_token: offset > 0 && query.has('page_token') ? rng.hex(24) : null,
          page_token_expiry: nextToken ? formatZohoDateTime(now() + DAY, offsetMinutes) : null,
          call: false,
          email: false,
        },
      },
    };
  };

  const timeline = (module: string, id: string, query: URLSearchParams, user: string) => {
    if (module !== 'Leads') throw new HttpError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
    const lead = data.lead(id);
    if (!lead) throw new HttpError(400, 'INVALID_DATA', 'the related id given seems to be invalid', { resource_path_index: 1 });
    if (query.has('page_token') && query.has('per_page')) {
      throw new HttpError(400, 'AMBIGUITY_DURING_PROCESSING', 'per_page cannot be given with page_token', { ambiguity_due_to: ['per_page', 'page_token'] });
    }
    fake.stats.timelineLeadIds.push(id);
    const binding = JSON.stringify(['timeline', id]);
    let offset = 0;
    let perPage = 200;
    if (query.has('page_token')) {
      const record = pageTokens.get(query.get('page_token')!);
      if (!record || record.user !== user) throw new HttpError(400, 'INVALID_DATA', 'The token given seems to be invalid', { param_name: 'page_token' });
      if (record.binding !== binding) throw new HttpError(400, 'TOKEN_BOUND_DATA_MISMATCH', 'token mismatch', { param_name: 'page_token' });
      offset = record.offset;
    } else if (query.has('per_page')) {
      perPage = Number(query.get('per_page'));
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > 200) throw new HttpError(400, 'INVALID_DATA', 'invalid data', { param_name: 'per_page' });
    }
    const entries = data.timeline(lead, offsetMinutes);
    const slice = entries.slice(offset, offset + perPage);
    if (slice.length === 0) return { status: 204 as const };
    const more = offset + perPage < entries.length;
    let nextToken: string | null = null;
    if (more) {
      nextToken = rng.hex(24);
      pageTokens.set(nextToken, { binding, offset: offset + perPage, user, expiresAt: now() + DAY });
    }
    return {
      status: 200 as const,
      body: { __timeline: slice, info: { per_page: perPage, page: 1, count: slice.length, more_records: more, next_page_token: nextToken, previous_page_token: null } },
    };
  };

  const coql = (body: string, version: string) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      throw new HttpError(400, 'INVALID_DATA', 'body is not JSON', {});
    }
    const text = parsed && typeof parsed === 'object' ? (parsed as { select_query?: unknown }).select_query : undefined;
    if (typeof text !== 'string') throw new HttpError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', { param_name: 'select_query' });
    try {
      const query = parseCoql(text, Number(version.slice(1)) >= 7 ? 100_000 : 10_000);
      const source = moduleSource(query.module);
      if (!source) throw new CoqlError('INVALID_QUERY', 'invalid module', { reason: 'invalid module', module: query.module });
      const result = runCoql(query, source.items.map((i) => source.render(i)));
      if (result.data.length === 0) return { status: 204 as const, credits: coqlCredits(query.limit) };
      return { status: 200 as const, body: { data: result.data, info: { count: result.data.length, more_records: result.moreRecords } }, credits: coqlCredits(query.limit) };
    } catch (error) {
      if (error instanceof CoqlError) throw new HttpError(400, error.code, error.message, error.details);
      throw error;
    }
  };

  const api = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log: FakeZohoStats['requests'][number] = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), status: 0 };
    const ims = req.headers['if-modified-since'];
    if (typeof ims === 'string') log.ifModifiedSince = ims;
    if (fake.stats.requests.length < 20_000) fake.stats.requests.push(log);
    fake.stats.calls++;
    inFlight++;
    fake.stats.maxInFlight = Math.max(fake.stats.maxInFlight, inFlight);
    const finish = (status: number | 'dropped') => {
      log.status = status;
      countStatus(String(status));
    };
    void (async () => {
      const body = await readBody(req).catch(() => '');
      if (inFlight > settings.concurrencyLimit) {
        finish(429);
        send(res, 429, zohoError('TOO_MANY_REQUESTS', 'Concurrency limit exceeded for this user and app. Try again later.'));
        return;
      }
      await sleep(latency());
      const fault = takeFault('api', url.pathname);
      const rates = settings.errorRates;
      const roll = rng.next();
      const randomFault: FakeZohoFault | null =
        roll < (rates.drop ?? 0)
          ? { kind: 'drop' }
          : roll < (rates.drop ?? 0) + (rates.status500 ?? 0)
            ? { kind: 'status', status: 500 }
            : roll < (rates.drop ?? 0) + (rates.status500 ?? 0) + (rates.status429 ?? 0)
              ? { kind: 'status', status: 429 }
              : null;
      const applied = fault ?? randomFault;
      if (applied) {
        fake.stats.faultsInjected++;
        switch (applied.kind) {
          case 'drop':
            finish('dropped');
            req.socket.destroy();
            return;
          case 'status': {
            finish(applied.status);
            const code = applied.code ?? (applied.status === 429 ? 'TOO_MANY_REQUESTS' : applied.status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_DATA');
            send(res, applied.status, zohoError(code, applied.status === 429 ? 'Too many requests' : 'Internal server error occurred.'));
            return;
          }
          case 'expire-tokens':
            for (const record of tokens.values()) record.expiresAt = Math.min(record.expiresAt, now());
            break;
          case 'evict-tokens':
            tokens.clear();
            liveByRefresh.clear();
            break;
          default:
            break;
        }
      }
      let result: { status: number; body?: unknown; credits?: number };
      try {
        const auth = authenticate(req);
        if (fake.stats.creditsUsed >= settings.dailyCredits) throw new HttpError(429, 'TOO_MANY_REQUESTS', 'API limit exceeded for the 24-hour window.');
        result = route(req.method ?? 'GET', url, body, auth.refreshToken, typeof ims === 'string' ? ims : undefined);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        finish(error.status);
        send(res, error.status, zohoError(error.code, error.message, error.details));
        return;
      }
      fake.stats.creditsUsed += result.credits ?? 1;
      const headers: Record<string, string> = {};
      if (fake.stats.creditsUsed > settings.dailyCredits / 2) headers['X-API-CREDITS-REMAINING'] = String(Math.max(0, settings.dailyCredits - fake.stats.creditsUsed));
      finish(result.status);
      if (applied?.kind === 'truncate' && result.status === 200) {
        // Headers and half the body, then the connection drops.
        const text = JSON.stringify(result.body);
        res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', 'content-length': Buffer.byteLength(text), ...headers });
        res.write(text.slice(0, Math.floor(text.length / 2)));
        setImmediate(() => req.socket.destroy());
        return;
      }
      if (applied?.kind === 'malformed-json' && result.status === 200) {
        res.writeHead(200, { 'content-type': 'application/json;charset=UTF-8', ...headers });
        res.end('{"data":[{"id":"1"');
        return;
      }
      send(res, result.status, result.body, headers);
    })()
      .catch(() => {
        finish(500);
        send(res, 500, zohoError('INTERNAL_ERROR', 'Internal server error occurred.'));
      })
      .finally(() => {
        inFlight--;
      });
  });

  const route = (method: string, url: URL, body: string, user: string, ifModifiedSince: string | undefined): { status: number; body?: unknown; credits?: number } => {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'crm' || !parts[1] || !API_VERSIONS.has(parts[1])) {
      fake.stats.other++;
      throw new HttpError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
    }
    const version = parts[1];
    const rest = parts.slice(2);
    if (rest.length === 1 && rest[0] === 'coql') {
      fake.stats.coql++;
      if (method !== 'POST') throw new HttpError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
      return coql(body, version);
    }
    if (method !== 'GET') throw new HttpError(400, 'INVALID_REQUEST_METHOD', 'The http request method type is not a valid one');
    if (rest[0] === 'settings' && rest[1] === 'modules' && rest.length === 2) {
      fake.stats.other++;
      const modules = ['Leads', 'Contacts', 'Accounts', 'Deals', 'Events', 'Tasks', 'Calls', ...(historyModuleName() ? [historyModuleName() as string] : [])];
      return { status: 200, body: { modules: modules.map((m, i) => ({ api_name: m, module_name: m, id: String(5725767000000002175n + BigInt(i)), api_supported: true, generated_type: m.endsWith('_History') ? 'linking' : 'default' })) } };
    }
    const module = rest[0] ?? '';
    const source = moduleSource(module);
    if (rest.length === 3 && module === 'Deals' && rest[2] === 'Stage_History') {
      // The fake org has no deals, so every deal id is unknown.
      fake.stats.other++;
      throw new HttpError(400, 'INVALID_DATA', 'the related id given seems to be invalid', { resource_path_index: 1 });
    }
    if (rest.length === 3 && rest[2] === '__timeline') {
      fake.stats.timeline++;
      return timeline(module, rest[1]!, url.searchParams, user);
    }
    if (!source) {
      fake.stats.other++;
      throw new HttpError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { resource_path_index: 0 });
    }
    if (rest.length === 1) {
      fake.stats.records[module] = (fake.stats.records[module] ?? 0) + 1;
      return listRecords(module, source, url.searchParams, version, user, ifModifiedSince);
    }
    if (rest.length === 2) {
      fake.stats.other++;
      const item = source.items.find((i) => source.id(i) === rest[1]);
      if (!item) return { status: 204 };
      return { status: 200, body: { data: [source.render(item)] } };
    }
    fake.stats.other++;
    throw new HttpError(404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
  };

  for (const server of [api, accounts]) server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const listen = (server: Server) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    });
  const apiPort = await listen(api);
  const accountsPort = await listen(accounts);
  const apiDomain = `http://127.0.0.1:${apiPort}`;
  const accountsUrl = `http://127.0.0.1:${accountsPort}`;

  let closed = false;
  const handle: FakeZoho = {
    url: apiDomain,
    accountsUrl,
    apiDomain,
    credentials: { clientId, clientSecret, refreshToken: mainRefresh },
    env: {
      ZOHO_CLIENT_ID: clientId,
      ZOHO_CLIENT_SECRET: clientSecret,
      ZOHO_REFRESH_TOKEN: mainRefresh,
      ZOHO_DC: 'US',
      ZOHO_ACCOUNTS_URL: accountsUrl,
      ZOHO_API_DOMAIN: apiDomain,
    },
    data,
    get stats() {
      return fake.stats;
    },
    settings,
    resetStats() {
      fake.stats = freshStats();
    },
    inject,
    pendingFaults: () => faults.length,
    expireTokens() {
      for (const record of tokens.values()) record.expiresAt = Math.min(record.expiresAt, now());
    },
    evictTokens() {
      tokens.clear();
      liveByRefresh.clear();
    },
    revokeRefreshToken(token = mainRefresh) {
      refreshTokens.delete(token);
      for (const [t, record] of tokens) if (record.refreshToken === token) tokens.delete(t);
    },
    expectedLeads(opts = {}) {
      return data.expectedLeads({ historyModule: settings.historyModule !== false, appointmentsFrom: opts.appointmentsFrom ?? 'field', ownerHistory: opts.ownerHistory ?? false });
    },
    async close() {
      if (closed) return;
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const s of sockets) s.destroy();
      await Promise.all(
        [api, accounts].map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      );
    },
  };
  return handle;
}

/** Form fields of a urlencoded or multipart body (the TS SDK sends multipart). */
function parseForm(body: string, contentType: string): Array<[string, string]> {
  if (body === '') return [];
  if (contentType.includes('multipart/form-data')) {
    const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2];
    if (!boundary) return [];
    const out: Array<[string, string]> = [];
    for (const part of body.split(`--${boundary}`)) {
      const split = part.indexOf('\r\n\r\n');
      if (split < 0) continue;
      const name = /name="([^"]+)"/.exec(part.slice(0, split))?.[1];
      if (name) out.push([name, part.slice(split + 4).replace(/\r\n$/, '')]);
    }
    return out;
  }
  if (contentType.includes('application/json')) {
    try {
      const value = JSON.parse(body) as Record<string, unknown>;
      return Object.entries(value).map(([k, v]) => [k, String(v)]);
    } catch {
      return [];
    }
  }
  return [...new URLSearchParams(body)];
}
