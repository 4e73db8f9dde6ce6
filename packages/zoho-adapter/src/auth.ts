import { ZohoAuthError, ZohoError, ZohoNetworkError, isAbortError } from './errors.js';
import { messages } from './messages.js';
import type { Redactor } from './redact.js';
import { withRetry, type RetryPolicy } from './retry.js';
import type { TokenCache } from './token-cache.js';

/**
 * The self-client credentials (docs/zoho.md). All three are secrets and never leave this module unredacted.
 *
 * @example
 * ```ts
 * const credentials: ZohoCredentials = {
 *   clientId: process.env.ZOHO_CLIENT_ID!,
 *   clientSecret: process.env.ZOHO_CLIENT_SECRET!,
 *   refreshToken: process.env.ZOHO_REFRESH_TOKEN!,
 * };
 * const client = createZohoClient({ credentials, dc: 'EU' });
 * ```
 */
export interface ZohoCredentials {
  clientId: string;
  clientSecret: string;
  refreshToken: string;
}

/**
 * A minted access token.
 *
 * @example
 * ```ts
 * const provider = new ZohoTokenProvider(credentials, options);
 * const { token, expiresAt, apiDomain }: AccessToken = await provider.getToken();
 * console.log(`valid ${Math.round((expiresAt - Date.now()) / 60_000)} more minutes, for ${apiDomain ?? 'the DC default'}`);
 * ```
 */
export interface AccessToken {
  token: string;
  /** Epoch ms at which Zoho stops accepting it. */
  expiresAt: number;
  /** The `api_domain` of the token response: the API host of the user's data center. */
  apiDomain: string | undefined;
}

/**
 * Options of the client's token provider: where it mints tokens, and with what.
 *
 * @example
 * ```ts
 * const options: TokenProviderOptions = {
 *   accountsUrl: ZOHO_DATA_CENTERS.EU.accountsUrl,
 *   dcLabel: 'EU (https://accounts.zoho.eu)',
 *   fetch: globalThis.fetch,
 *   now: Date.now,
 *   retry: createRetryPolicy({ maxAttempts: 3 }),
 *   redactor: new Redactor(),
 * };
 * const provider = new ZohoTokenProvider(credentials, options);
 * ```
 */
export interface TokenProviderOptions {
  /** The accounts host of the credentials' data center. */
  accountsUrl: string;
  /** A label for messages, e.g. `EU (https://accounts.zoho.eu)`. */
  dcLabel: string;
  fetch: typeof globalThis.fetch;
  /** Epoch ms; injected in tests. */
  now: () => number;
  retry: RetryPolicy;
  redactor: Redactor;
  /** Refresh this long before expiry (capped at half the token's life). Default 5 minutes. */
  refreshMarginMs?: number;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number;
  /** Keeps the token between processes (the snapshot directory's token file), so commands share one. */
  cache?: TokenCache;
}

/**
 * Mints and caches access tokens with the refresh-token grant.
 *
 * - Success is the presence of `access_token`: Zoho answers errors with HTTP 200 and `{"error": …}`.
 * - The token is cached until shortly before it expires; `expires_in` is seconds, except in the old shape
 *   that also carried `expires_in_sec`, where it was milliseconds.
 * - One refresh in flight at a time, shared by every caller (single flight): Zoho allows only 10 mints per
 *   refresh token per 10 minutes and keeps 15 live tokens, so parallel refreshes would evict each other.
 * - `invalidate(token)` drops the cache only if it still holds that token, so many requests failing with
 *   the same stale token cause exactly one refresh.
 *
 * @example
 * ```ts
 * const provider = new ZohoTokenProvider(credentials, options);
 * const first = await provider.getToken(); // minted
 * await provider.getToken(); // the same token, from the cache
 * provider.invalidate(first.token); // after a 401 INVALID_TOKEN
 * await provider.getToken(); // a new one: provider.refreshCount === 2
 * ```
 */
export class ZohoTokenProvider {
  readonly #credentials: ZohoCredentials;
  readonly #options: TokenProviderOptions;
  #cached: (AccessToken & { lifetimeMs?: number }) | null = null;
  #inflight: Promise<AccessToken> | null = null;
  #mints = 0;
  /** A token the API refused: never taken from the shared cache again. */
  #refused: string | null = null;

  constructor(credentials: ZohoCredentials, options: TokenProviderOptions) {
    this.#credentials = { ...credentials };
    this.#options = options;
    options.redactor.add(credentials.clientSecret, credentials.refreshToken, credentials.clientId);
  }

  /** Tokens minted so far. */
  get refreshCount(): number {
    return this.#mints;
  }

  /** A valid access token: the cached one, the one being minted, or a newly minted one. */
  async getToken(signal?: AbortSignal): Promise<AccessToken> {
    const cached = this.#cached;
    if (cached && this.#options.now() < cached.expiresAt - this.#margin(cached)) return cached;
    if (!this.#inflight) {
      this.#inflight = this.#fromCacheOrMint(signal).finally(() => {
        this.#inflight = null;
      });
    }
    return this.#inflight;
  }

  /** Forgets `token` if it is the cached one (after a 401 `INVALID_TOKEN`), here and in the shared cache. */
  invalidate(token: string): void {
    this.#refused = token;
    if (this.#cached?.token === token) this.#cached = null;
  }

  /** The shared cache's token while it is fresh enough, else a newly minted one (then shared). */
  async #fromCacheOrMint(signal: AbortSignal | undefined): Promise<AccessToken> {
    const { cache, redactor } = this.#options;
    const stored = await cache?.read();
    if (stored && stored.token !== this.#refused && this.#options.now() < stored.expiresAt - this.#margin(stored)) {
      redactor.add(stored.token);
      this.#cached = stored;
      return stored;
    }
    const token = await this.#mint(signal);
    await cache?.write({ token: token.token, expiresAt: token.expiresAt, lifetimeMs: token.lifetimeMs, apiDomain: token.apiDomain });
    return token;
  }

  #margin(token: AccessToken & { lifetimeMs?: number }): number {
    const margin = this.#options.refreshMarginMs ?? 5 * 60_000;
    return Math.min(margin, (token.lifetimeMs ?? Infinity) / 2);
  }

  async #mint(signal: AbortSignal | undefined): Promise<AccessToken & { lifetimeMs: number }> {
    const { accountsUrl, retry, redactor } = this.#options;
    const url = `${accountsUrl}/oauth/v2/token`;
    const token = await withRetry(
      retry,
      async () => {
        const started = this.#options.now();
        const body = new URLSearchParams({
          grant_type: 'refresh_token',
          client_id: this.#credentials.clientId,
          client_secret: this.#credentials.clientSecret,
          refresh_token: this.#credentials.refreshToken,
        });
        let response: Response;
        try {
          response = await this.#options.fetch(url, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body,
            signal: combineSignals(signal, this.#options.timeoutMs ?? 30_000),
          });
        } catch (error) {
          throw networkError(error, signal, `POST ${accountsUrl}/oauth/v2/token`, redactor);
        }
        const text = await response.text().catch((error: unknown) => {
          throw networkError(error, signal, `POST ${accountsUrl}/oauth/v2/token`, redactor);
        });
        let parsed: Record<string, unknown> | null = null;
        try {
          const value: unknown = JSON.parse(text);
          if (value !== null && typeof value === 'object') parsed = value as Record<string, unknown>;
        } catch {
          parsed = null;
        }
        if (parsed && typeof parsed.access_token === 'string' && parsed.access_token !== '') {
          const accessToken = parsed.access_token;
          redactor.add(accessToken);
          const lifetimeMs = expiresInMs(parsed);
          return {
            token: accessToken,
            expiresAt: started + lifetimeMs,
            lifetimeMs,
            apiDomain: typeof parsed.api_domain === 'string' ? parsed.api_domain : undefined,
          };
        }
        if (!response.ok && (response.status >= 500 || response.status === 429 || response.status === 408)) {
          throw new ZohoAuthError(redactor.redact(messages.tokenHttpError(response.status, this.#options.dcLabel)), {
            status: response.status,
            code: `HTTP_${response.status}`,
            retryable: true,
          });
        }
        const errorCode = parsed && typeof parsed.error === 'string' ? parsed.error : undefined;
        const description = parsed && typeof parsed.error_description === 'string' ? parsed.error_description : undefined;
        throw new ZohoAuthError(redactor.redact(messages.tokenRefused(errorCode, description, response.status, this.#options.dcLabel)), {
          status: response.status,
          code: errorCode ?? (parsed ? 'NO_ACCESS_TOKEN' : 'INVALID_RESPONSE'),
          retryable: false,
          details: errorCode === undefined ? undefined : { error: errorCode },
        });
      },
      { signal },
    );
    this.#mints++;
    this.#cached = token;
    return token;
  }
}

/** `expires_in` in ms: seconds in today's shape; milliseconds when the old `expires_in_sec` is present. */
function expiresInMs(body: Record<string, unknown>): number {
  const seconds = Number(body.expires_in_sec);
  if (Number.isFinite(seconds) && seconds > 0) return seconds * 1000;
  const value = Number(body.expires_in);
  if (Number.isFinite(value) && value > 0) return value * 1000;
  return 3600 * 1000;
}

/** The caller's signal combined with a timeout. */
export function combineSignals(signal: AbortSignal | undefined, timeoutMs: number): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  return signal ? AbortSignal.any([signal, timeout]) : timeout;
}

/** Turns a `fetch` rejection into a typed network error (aborts: not retryable; timeouts and resets: retryable). */
export function networkError(error: unknown, signal: AbortSignal | undefined, what: string, redactor: Redactor): ZohoError {
  if (error instanceof ZohoError) return error;
  if (signal?.aborted || (isAbortError(error) && !isTimeout(error))) {
    return new ZohoNetworkError(redactor.redact(messages.abortedRequest(what)), { code: 'ABORTED', retryable: false, cause: error });
  }
  if (isTimeout(error)) {
    return new ZohoNetworkError(redactor.redact(messages.timeout(what)), { code: 'TIMEOUT', retryable: true, cause: error });
  }
  const code = errorCode(error);
  return new ZohoNetworkError(redactor.redact(messages.network(what, code, error)), { code, retryable: true, cause: error });
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && error.name === 'TimeoutError';
}

function errorCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
  }
  return 'NETWORK_ERROR';
}
