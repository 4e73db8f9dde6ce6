/**
 * A fake Zoho CRM for tests and demos: two real HTTP servers on 127.0.0.1 (the accounts server and the
 * API domain) that answer as Zoho does (tokens, Get Records, history module, timelines, limits and errors)
 * over a seeded in-memory org, with fault injection. Nothing here is used by the adapter itself.
 *
 * This file wires the parts: ./auth.ts (tokens), ./records.ts (Get Records), ./history.ts (history module
 * and timelines), ./faults.ts (faults and latency), ./api.ts and ./router.ts (the API server), ./data/
 * (the org).
 */
import { FAKE_ORG_ID } from './org.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Lead } from '@panopticon/core';
import { parseOffset } from '../datetime.js';
import { apiListener } from './api.js';
import { accountsListener, TokenStore } from './auth.js';
import { fakeZohoDataFromLeads } from './data/from-leads.js';
import { generateFakeZohoData } from './data/generate.js';
import { FakeZohoData } from './data/org.js';
import { FaultQueue, Latency, type FakeZohoFault } from './faults.js';
import type { FakeZohoOptions, FakeZohoSettings } from './options.js';
import { PageTokens } from './page-tokens.js';
import { createRng } from './random.js';
import { RecordsApi } from './records.js';
import { StatsBook, type FakeZohoStats } from './stats.js';

/**
 * A running fake Zoho: its URLs, credentials and environment, its data, what it saw, and the controls a test
 * uses.
 *
 * @example
 * ```ts
 * const fake: FakeZoho = await startFakeZoho({ data: { leads: 50 } });
 * try {
 *   const result = await syncLeads({ env: fake.env });
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
  /** `ZOHO_*` variables pointing at this server, for `syncLeads({ env })`. */
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
  expectedLeads(options?: { appointmentsFrom?: 'field' | 'events'; ownerHistory?: boolean; ownerFromRows?: boolean }): Lead[];
  close(): Promise<void>;
}

/**
 * Starts the fake Zoho on two loopback ports. Close it with `close()`.
 *
 * @example
 * ```ts
 * const fake = await startFakeZoho({ data: { leads: 5000, appointed: 1500 }, latencyMs: 50 });
 * const result = await syncLeads({ env: fake.env, store: dir });
 * console.log(`${result.leads.length} leads in ${fake.stats.calls} calls`);
 * await fake.close();
 * ```
 */
export async function startFakeZoho(options: FakeZohoOptions = {}): Promise<FakeZoho> {
  const now = options.now ?? Date.now;
  // One seeded source for tokens, page tokens, latency and random faults, drawn in request order.
  const rng = createRng(options.seed ?? 1);
  const data =
    options.data instanceof FakeZohoData
      ? options.data
      : options.leads
        ? fakeZohoDataFromLeads(options.leads, { ownerRows: options.ownerRows ?? false })
        : generateFakeZohoData(options.data ?? {});
  const clientId = options.clientId ?? '1000.FAKECLIENTID0000000000000000';
  const clientSecret = options.clientSecret ?? 'fake-client-secret-0000000000000000000000';
  const refreshTokens = new Set(
    options.refreshToken === undefined
      ? ['1000.fakerefresh00000000000000000000.00000000000000000000000000000000']
      : [options.refreshToken].flat(),
  );
  const mainRefresh = [...refreshTokens][0]!;
  const offsetMinutes = parseOffset(options.offset ?? '+05:30');
  const settings: FakeZohoSettings = {
    latencyMs: options.latencyMs ?? 0,
    concurrencyLimit: options.concurrencyLimit ?? 10,
    dailyCredits: options.dailyCredits ?? 100_000,
    historyModule: options.historyModule === undefined ? 'Lead_Status_History' : options.historyModule,
    errorRates: options.errorRates ?? {},
    tokenTtlSeconds: options.tokenTtlSeconds ?? 3600,
    scopes: options.scopes ?? null,
  };

  const stats = new StatsBook();
  const faults = new FaultQueue();
  faults.inject(...(options.faults ?? []));
  const latency = new Latency(rng, () => settings.latencyMs);
  const tokenTtlSeconds = () => settings.tokenTtlSeconds;
  const tokens = new TokenStore(
    refreshTokens,
    { maxActive: options.maxActiveTokens ?? 15, mintLimit: options.mintLimit ?? 10, ttlSeconds: tokenTtlSeconds },
    rng,
    now,
    stats,
  );
  const pageTokens = new PageTokens(rng, now);
  const records = new RecordsApi({
    data,
    offsetMinutes,
    historyModule: () => settings.historyModule,
    pageTokens,
    rng,
    ...(options.fieldNames ? { fieldNames: options.fieldNames } : {}),
  });
  const timelines = { data, offsetMinutes, pageTokens, onTimeline: (id: string) => void stats.stats.timelineLeadIds.push(id) };
  const api = createServer(
    apiListener({
      records,
      timelines,
      stats,
      orgId: options.orgId ?? FAKE_ORG_ID,
      limits: () => settings,
      scopes: () => settings.scopes,
      tokens,
      faults,
      latency,
      rng,
    }),
  );
  // The open sockets of both servers, destroyed on close so that keep-alive connections do not hold it up.
  const sockets = new Set<Socket>();
  const apiDomain = `http://127.0.0.1:${await listen(api, sockets)}`;
  // The token endpoint names the API domain, so it starts once that is known.
  const accounts = createServer(
    accountsListener({
      clientId,
      clientSecret,
      apiDomain,
      legacyTokenShape: options.legacyTokenShape ?? false,
      tokenTtlSeconds,
      tokens,
      faults,
      latency,
      stats,
    }),
  );
  const accountsUrl = `http://127.0.0.1:${await listen(accounts, sockets)}`;

  let closed = false;
  return {
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
      return stats.stats;
    },
    settings,
    resetStats: () => stats.reset(),
    inject: (...list) => faults.inject(...list),
    pendingFaults: () => faults.pending,
    expireTokens: () => tokens.expireAll(),
    evictTokens: () => tokens.evictAll(),
    revokeRefreshToken: (token = mainRefresh) => tokens.revoke(token),
    expectedLeads(opts = {}) {
      return data.expectedLeads({
        historyModule: settings.historyModule !== false,
        appointmentsFrom: opts.appointmentsFrom ?? 'field',
        ownerHistory: opts.ownerHistory ?? true,
        ownerFromRows: opts.ownerFromRows ?? false,
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      latency.clear();
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
}

/** Listens on a free loopback port and returns it; records the server's sockets in `sockets`. */
function listen(server: Server, sockets: Set<Socket>): Promise<number> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}
