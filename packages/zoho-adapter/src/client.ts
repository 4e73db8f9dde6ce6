import { ZohoTokenProvider, combineSignals, networkError, type ZohoCredentials } from './auth.js';
import { checkBaseUrl, resolveHosts, type ZohoDataCenter } from './data-centers.js';
import { ZohoApiError, ZohoAuthError, ZohoConfigError, ZohoRateLimitError, type ZohoError } from './errors.js';
import { ConcurrencyLimiter } from './limiter.js';
import { messages, moduleScope } from './messages.js';
import type { ZohoCallStats, ZohoClientOptions, ZohoRequest, ZohoResponse } from './client-types.js';
import { Redactor } from './redact.js';
import { createRetryPolicy, withRetry, type RetryPolicy, type RetryPolicyOptions } from './retry.js';

export type { ZohoCallStats, ZohoClientOptions, ZohoRequest, ZohoResponse } from './client-types.js';
export { diffStats } from './client-types.js';

/**
 * A small Zoho CRM REST client: `Authorization: Zoho-oauthtoken …`, one retry policy, a concurrency
 * limit, one forced refresh and repeat on 401 `INVALID_TOKEN`, typed errors, and call/credit counts.
 *
 * @example
 * ```ts
 * const client = new ZohoClient({ credentials, dc: 'EU' });
 * const response = await client.request<{ data: ZohoRecord[] }>({ path: 'Leads', query: { fields: 'Last_Name,Lead_Status' } });
 * console.log(response.body?.data.length, 'leads in', client.stats().calls, 'call(s)');
 * ```
 */
export class ZohoClient {
  readonly dc: ZohoDataCenter;
  readonly accountsUrl: string;
  readonly apiVersion: string;
  readonly #auth: ZohoTokenProvider;
  readonly #retry: RetryPolicy;
  readonly #limiter: ConcurrencyLimiter;
  readonly #redactor: Redactor;
  readonly #fetch: typeof globalThis.fetch;
  readonly #timeoutMs: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onLog: ((line: string) => void) | undefined;
  readonly #now: () => number;
  #apiDomain: string;
  readonly #apiDomainFixed: boolean;
  #clockSkewMs: number | null = null;
  readonly #stats: Omit<ZohoCallStats, 'tokenRefreshes'> = {
    calls: 0,
    credits: 0,
    retries: 0,
    rateLimited: 0,
    creditsRemaining: null,
    byStatus: {},
  };

  constructor(options: ZohoClientOptions) {
    const { credentials } = options;
    const missing = (['clientId', 'clientSecret', 'refreshToken'] as const).filter((k) => !credentials?.[k]);
    if (missing.length) throw new ZohoConfigError(messages.missingCredentials(missing), 'MISSING_CREDENTIALS');
    const hosts = resolveHosts(options);
    this.dc = hosts.dc;
    this.accountsUrl = hosts.accountsUrl;
    this.#apiDomain = hosts.apiDomain;
    this.#apiDomainFixed = hosts.apiDomainFixed;
    this.apiVersion = options.apiVersion ?? 'v8';
    this.#fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.#now = options.now ?? Date.now;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#signal = options.signal;
    this.#onLog = options.onLog;
    this.#redactor = new Redactor();
    const retry = options.retry;
    this.#retry = retry && 'delayFor' in retry ? retry : createRetryPolicy(retry);
    this.#limiter = new ConcurrencyLimiter(options.concurrency ?? 5);
    this.#auth = new ZohoTokenProvider(credentials, {
      accountsUrl: this.accountsUrl,
      dcLabel: `${this.dc} (${this.accountsUrl})`,
      fetch: this.#fetch,
      now: this.#now,
      retry: this.#retry,
      redactor: this.#redactor,
      timeoutMs: this.#timeoutMs,
      ...(options.tokenCache ? { cache: options.tokenCache } : {}),
      ...(options.refreshMarginMs === undefined ? {} : { refreshMarginMs: options.refreshMarginMs }),
    });
  }

  /** The API domain in use (from the options, or from the last token response). */
  get apiDomain(): string {
    return this.#apiDomain;
  }

  /** The concurrency limit. */
  get concurrency(): number {
    return this.#limiter.limit;
  }

  /** The most requests that were ever in flight at once. */
  get peakConcurrency(): number {
    return this.#limiter.peak;
  }

  /**
   * Zoho's clock minus ours, in ms, from the `Date` header of the last API response (null before any).
   * Incremental syncs use it so that `If-Modified-Since` is right even when the local clock is off.
   */
  get clockSkewMs(): number | null {
    return this.#clockSkewMs;
  }

  /** The redactor that knows this client's secrets (for callers that log or write files). */
  get redactor(): Redactor {
    return this.#redactor;
  }

  /** A copy of the counters so far. */
  stats(): ZohoCallStats {
    return { ...this.#stats, byStatus: { ...this.#stats.byStatus }, tokenRefreshes: this.#auth.refreshCount };
  }

  /** Forces the next request to mint a token (e.g. after the user rotated credentials elsewhere). */
  async token(): Promise<void> {
    await this.#auth.getToken(this.#signal);
  }

  /** Sends one request under the retry policy and the concurrency limit. */
  async request<T = unknown>(request: ZohoRequest): Promise<ZohoResponse<T>> {
    const signal = anySignal(this.#signal, request.signal);
    return withRetry(this.#retry, () => this.#limiter.run(() => this.#send<T>(request, signal)), {
      signal,
      onRetry: () => {
        this.#stats.retries++;
      },
    });
  }

  /**
   * A token, its errors final: the token provider already retried the mint under the same policy, and
   * retrying it again here would multiply the tries (and spend Zoho's ten mints per ten minutes).
   */
  async #token(signal: AbortSignal | undefined) {
    try {
      return await this.#auth.getToken(signal);
    } catch (error) {
      if (error instanceof Error && 'retryable' in error) (error as { retryable: boolean }).retryable = false;
      throw error;
    }
  }

  /** One try, plus at most one repeat after a forced token refresh if the token was refused. */
  async #send<T>(request: ZohoRequest, signal: AbortSignal | undefined): Promise<ZohoResponse<T>> {
    let token = await this.#token(signal);
    let response = await this.#fetchOnce(request, token.token, token.apiDomain, signal);
    if (response.status === 401) {
      const body = await readJson(response);
      const code = errorCodeOf(body);
      if (code === 'INVALID_TOKEN' || code === 'INVALID_OAUTHTOKEN' || code === 'AUTHENTICATION_FAILURE') {
        this.#auth.invalidate(token.token);
        token = await this.#token(signal);
        response = await this.#fetchOnce(request, token.token, token.apiDomain, signal);
        if (response.status === 401) throw this.#errorFor(request, response, await readJson(response), true);
      } else {
        throw this.#errorFor(request, response, body, false);
      }
    }
    return this.#finish<T>(request, response);
  }

  async #fetchOnce(
    request: ZohoRequest,
    token: string,
    tokenApiDomain: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<Response> {
    if (!this.#apiDomainFixed && tokenApiDomain && tokenApiDomain !== this.#apiDomain) {
      // The token response names the API host of the user's data center; use it unless one was given.
      try {
        this.#apiDomain = checkBaseUrl(tokenApiDomain, 'api_domain');
      } catch {
        // Not https (or not loopback http): keep the configured host rather than send a token there.
      }
    }
    const url = this.#url(request);
    const method = request.method ?? 'GET';
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers, authorization: `Zoho-oauthtoken ${token}` };
    let body: string | undefined;
    if (request.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(request.body);
    }
    const started = this.#now();
    this.#stats.calls++;
    let response: Response;
    try {
      response = await this.#fetch(url, { method, headers, body, signal: combineSignals(signal, this.#timeoutMs) });
    } catch (error) {
      this.#count('network');
      this.#log(`${method} ${this.#describe(request)} → network error (${this.#now() - started} ms)`);
      throw networkError(error, signal, `${method} ${this.#describe(request)}`, this.#redactor);
    }
    this.#count(String(response.status));
    this.#log(`${method} ${this.#describe(request)} → ${response.status} (${this.#now() - started} ms)`);
    const serverDate = Date.parse(response.headers.get('date') ?? '');
    if (Number.isFinite(serverDate)) this.#clockSkewMs = serverDate - this.#now();
    const remaining = response.headers.get('x-api-credits-remaining');
    if (remaining !== null && remaining.trim() !== '' && Number.isFinite(Number(remaining)))
      this.#stats.creditsRemaining = Number(remaining);
    return response;
  }

  async #finish<T>(request: ZohoRequest, response: Response): Promise<ZohoResponse<T>> {
    const creditsRemaining = this.#stats.creditsRemaining;
    if (response.status === 204 || response.status === 304) {
      // No content / not modified: there is no body to parse (Zoho may still send a content type).
      await response.body?.cancel().catch(() => undefined);
      this.#stats.credits += request.credits ?? 1;
      return { status: response.status, body: null, headers: response.headers, creditsRemaining };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw networkError(error, undefined, `${request.method ?? 'GET'} ${this.#describe(request)}`, this.#redactor);
    }
    let parsed: unknown;
    let parseFailed = false;
    try {
      parsed = text === '' ? null : JSON.parse(text);
    } catch {
      parseFailed = true;
    }
    if (response.status >= 200 && response.status < 300) {
      if (parseFailed) {
        throw new ZohoApiError(
          this.#redactor.redact(messages.invalidJson(request.method ?? 'GET', this.#describe(request), response.status)),
          {
            status: response.status,
            code: 'INVALID_RESPONSE',
            retryable: true,
          },
        );
      }
      this.#stats.credits += request.credits ?? 1;
      return { status: response.status, body: parsed as T, headers: response.headers, creditsRemaining };
    }
    throw this.#errorFor(request, response, parseFailed ? null : parsed, false);
  }

  #errorFor(request: ZohoRequest, response: Response, body: unknown, afterRefresh: boolean): ZohoError {
    const status = response.status;
    const code = errorCodeOf(body) ?? `HTTP_${status}`;
    const zohoMessage =
      body && typeof body === 'object' && typeof (body as { message?: unknown }).message === 'string'
        ? (body as { message: string }).message
        : undefined;
    // Redacted too: a proxy or a buggy endpoint may echo the request, token included.
    const details = body && typeof body === 'object' ? this.#redactor.redactValue((body as { details?: unknown }).details) : undefined;
    const what = `${request.method ?? 'GET'} ${this.#describe(request)}`;
    if (status === 401 || code === 'OAUTH_SCOPE_MISMATCH') {
      return new ZohoAuthError(
        this.#redactor.redact(
          messages.apiAuth(what, code, zohoMessage, afterRefresh, `${this.dc} (${this.#apiDomain})`, scopeOf(request.path)),
        ),
        {
          status,
          code,
          retryable: false,
          details,
        },
      );
    }
    if (status === 429) {
      this.#stats.rateLimited++;
      return new ZohoRateLimitError(this.#redactor.redact(messages.rateLimited(what, this.#limiter.limit)), {
        status,
        code,
        retryable: this.#retry.isRetryableStatus(429),
        details,
      });
    }
    return new ZohoApiError(this.#redactor.redact(messages.apiError(what, status, code, zohoMessage, details)), {
      status,
      code,
      retryable: this.#retry.isRetryableStatus(status),
      details,
    });
  }

  #url(request: ZohoRequest): string {
    const path = request.path.replace(/^\/+/, '');
    const full = path.startsWith('crm/') ? `${this.#apiDomain}/${path}` : `${this.#apiDomain}/crm/${this.apiVersion}/${path}`;
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(request.query ?? {})) if (v !== undefined) params.set(k, String(v));
    const qs = params.toString();
    return qs ? `${full}?${qs}` : full;
  }

  /** The path and the query names (never values that could be long or sensitive), for messages. */
  #describe(request: ZohoRequest): string {
    const path = request.path.replace(/^\/+/, '');
    const keys = Object.entries(request.query ?? {})
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (k === 'page' || k === 'per_page' || k === 'sort_by' || k === 'sort_order' || k === 'converted' ? `${k}=${v}` : k));
    return `/crm/${this.apiVersion}/${path}${keys.length ? `?${keys.join('&')}` : ''}`;
  }

  #count(key: string): void {
    this.#stats.byStatus[key] = (this.#stats.byStatus[key] ?? 0) + 1;
  }

  #log(line: string): void {
    this.#onLog?.(this.#redactor.redact(line));
  }
}

/**
 * Creates a {@link ZohoClient}: `new ZohoClient(options)`.
 *
 * @example
 * ```ts
 * const client = createZohoClient({ credentials, dc: 'IN', concurrency: 10 });
 * const { body } = await client.request<{ data: ZohoRecord[] }>({ path: 'Leads', query: { fields: 'Last_Name' } });
 * ```
 */
export function createZohoClient(options: ZohoClientOptions): ZohoClient {
  return new ZohoClient(options);
}

/** The scope a request needs: the module's READ scope, or the field list's. */
function scopeOf(path: string): string {
  const parts = path
    .replace(/^\/+/, '')
    .replace(/^crm\/[^/]+\//, '')
    .split('/');
  if (parts[0] === 'settings') return parts[1] === 'fields' ? 'ZohoCRM.settings.fields.READ' : 'ZohoCRM.settings.modules.READ';
  return moduleScope(parts[0] ?? 'leads');
}

async function readJson(response: Response): Promise<unknown> {
  try {
    const text = await response.text();
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function errorCodeOf(body: unknown): string | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const code = (body as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Some endpoints wrap errors per record: {"data":[{"code":…}]}.
  const data = (body as { data?: unknown }).data;
  if (Array.isArray(data) && data[0] && typeof data[0] === 'object' && typeof (data[0] as { code?: unknown }).code === 'string') {
    return (data[0] as { code: string }).code;
  }
  return undefined;
}

function anySignal(a: AbortSignal | undefined, b: AbortSignal | undefined): AbortSignal | undefined {
  if (a && b) return AbortSignal.any([a, b]);
  return a ?? b;
}
