// The client's options, requests, responses and call counts: the shapes callers and the sync build on.
import type { TokenCache } from './token-cache.js';
import type { ZohoCredentials } from './auth.js';
import type { ZohoDataCenter } from './data-centers.js';
import type { RetryPolicy, RetryPolicyOptions } from './retry.js';

/**
 * Options of {@link ZohoClient}.
 *
 * @example
 * ```ts
 * const options: ZohoClientOptions = {
 *   credentials: { clientId, clientSecret, refreshToken },
 *   dc: 'EU',
 *   concurrency: 10,
 *   retry: { maxAttempts: 4, baseDelayMs: 500 },
 *   onLog: (line) => console.error(line),
 * };
 * const client = createZohoClient(options);
 * ```
 */
export interface ZohoClientOptions {
  credentials: ZohoCredentials;
  /** The data center of the credentials. Default `US`. */
  dc?: ZohoDataCenter | string | undefined;
  /** Overrides the DC's accounts host (tests, developer orgs). */
  accountsUrl?: string | undefined;
  /**
   * Overrides the API domain (sandbox and developer orgs, tests). Without it, the `api_domain` of the
   * token response is used, falling back to the DC's table entry.
   */
  apiDomain?: string | undefined;
  /** API version in paths: `/crm/{apiVersion}/…`. Default `v8`. */
  apiVersion?: string;
  /** Injected `fetch`. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** The clock for the token cache, in epoch ms. Default `Date.now`. */
  now?: () => number;
  /** The retry policy (one for every request). */
  retry?: RetryPolicyOptions | RetryPolicy;
  /** Most requests in flight at once. Default 5 (the Free edition's limit; paid editions allow 10–25). */
  concurrency?: number;
  /** Per-request timeout in ms. Default 30,000. */
  timeoutMs?: number;
  /** Refresh the token this long before it expires. Default 5 minutes. */
  refreshMarginMs?: number;
  /**
   * Keeps the access token between processes (a sync with a store directory keeps it there, see
   * {@link fileTokenCache}). Default: none (each client mints its own).
   */
  tokenCache?: TokenCache;
  /** Aborts every request of this client. */
  signal?: AbortSignal;
  /** Receives one redacted line per request (method, path, status, ms). Default: none. */
  onLog?: (line: string) => void;
}

/**
 * One request of `ZohoClient.request`: a path under `/crm/{version}/`, its query, and what it costs.
 *
 * @example
 * ```ts
 * const request: ZohoRequest = { path: 'Leads', query: { fields: 'Last_Name,Lead_Status', per_page: 200, page: 1 } };
 * const response = await client.request<{ data: ZohoRecord[] }>(request);
 * ```
 */
export interface ZohoRequest {
  method?: 'GET' | 'POST';
  /** A path under `/crm/{version}/` (`Leads`, `Leads/123/__timeline`, `settings/modules`). */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** A JSON body (POST). */
  body?: unknown;
  signal?: AbortSignal;
  /** API credits this call costs. Default 1. */
  credits?: number;
}

/**
 * What `ZohoClient.request` resolves to: the status, the parsed body and the headers.
 *
 * @example
 * ```ts
 * const response: ZohoResponse<{ data?: ZohoRecord[] }> = await client.request({ path: 'Leads', query: { fields: 'Last_Name' } });
 * if (response.status === 204) console.log('no leads');
 * else console.log(`${response.body?.data?.length} leads; credits left: ${response.creditsRemaining ?? 'over half'}`);
 * ```
 */
export interface ZohoResponse<T = unknown> {
  status: number;
  /** The parsed JSON body; `null` for 204 and 304, whose bodies are never parsed. */
  body: T | null;
  headers: Headers;
  /** `X-API-CREDITS-REMAINING`, when Zoho sent it (it does once half the daily credits are used). */
  creditsRemaining: number | null;
}

/**
 * Counters of one client (`client.stats()`).
 *
 * @example
 * ```ts
 * const { calls, credits, retries, byStatus }: ZohoCallStats = client.stats();
 * console.log(`${calls} calls, ${credits} credits, ${retries} back-offs, ${byStatus['429'] ?? 0} × 429`);
 * ```
 */
export interface ZohoCallStats {
  /** HTTP requests sent to the CRM API, retries and forced-refresh repeats included. */
  calls: number;
  /** API credits spent by the successful calls. */
  credits: number;
  /** Back-offs taken. */
  retries: number;
  /** 429 answers received. */
  rateLimited: number;
  /** Access tokens minted. */
  tokenRefreshes: number;
  /** The last `X-API-CREDITS-REMAINING` seen, or null. */
  creditsRemaining: number | null;
  /** Calls per response status (`"200"`, `"429"`, `"network"`). */
  byStatus: Record<string, number>;
}

/**
 * What happened between two {@link ZohoCallStats} readings.
 *
 * @example
 * ```ts
 * const before = client.stats();
 * for await (const page of recordPages(client, 'Leads', { fields: ['Last_Name'] })) console.log(page.records.length);
 * const read = diffStats(client.stats(), before); // the calls and credits of this read alone
 * ```
 */
export function diffStats(after: ZohoCallStats, before: ZohoCallStats): ZohoCallStats {
  const byStatus: Record<string, number> = {};
  for (const [k, v] of Object.entries(after.byStatus)) {
    const d = v - (before.byStatus[k] ?? 0);
    if (d) byStatus[k] = d;
  }
  return {
    calls: after.calls - before.calls,
    credits: after.credits - before.credits,
    retries: after.retries - before.retries,
    rateLimited: after.rateLimited - before.rateLimited,
    tokenRefreshes: after.tokenRefreshes - before.tokenRefreshes,
    creditsRemaining: after.creditsRemaining,
    byStatus,
  };
}
