/**
 * The fake accounts server: the token endpoint (`POST /oauth/v2/token`, refresh-token grant), the access
 * tokens it mints (lifetime, at most `maxActive` live per refresh token, at most `mintLimit` mints per
 * 10 minutes) and the check of the API's `Zoho-oauthtoken` header.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import type { FaultQueue, Latency } from './faults.js';
import { HttpError, readBody, send } from './http.js';
import type { Rng } from './random.js';
import type { StatsBook } from './stats.js';

/** The scopes every minted token reports: what the adapter reads (records and settings). */
export const GRANTED_SCOPES = 'ZohoCRM.modules.ALL ZohoCRM.settings.ALL';

const MINT_WINDOW_MS = 10 * 60_000;

interface TokenRecord {
  refreshToken: string;
  expiresAt: number;
}

/** Refresh tokens (one per API user), the access tokens minted from them, and their limits. */
export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();
  readonly #liveByRefresh = new Map<string, string[]>();
  readonly #mintTimes = new Map<string, number[]>();

  constructor(
    readonly refreshTokens: Set<string>,
    readonly limits: { maxActive: number; mintLimit: number; ttlSeconds: () => number },
    readonly rng: Rng,
    readonly now: () => number,
    readonly stats: StatsBook,
  ) {}

  /** A new access token for this refresh token (its oldest live token is evicted past `maxActive`). */
  mint(refreshToken: string): string {
    const token = `1000.${this.rng.hex(32)}.${this.rng.hex(32)}`;
    this.#tokens.set(token, { refreshToken, expiresAt: this.now() + this.limits.ttlSeconds() * 1000 });
    const live = this.#liveByRefresh.get(refreshToken) ?? [];
    live.push(token);
    while (live.length > this.limits.maxActive) this.#tokens.delete(live.shift()!);
    this.#liveByRefresh.set(refreshToken, live);
    this.stats.stats.tokenMints++;
    return token;
  }

  /** Counts a mint of this refresh token now; false when it is past the limit of the last 10 minutes. */
  allowMint(refreshToken: string): boolean {
    const t = this.now();
    const recent = (this.#mintTimes.get(refreshToken) ?? []).filter((x) => x > t - MINT_WINDOW_MS);
    if (recent.length >= this.limits.mintLimit) {
      this.#mintTimes.set(refreshToken, recent);
      return false;
    }
    recent.push(t);
    this.#mintTimes.set(refreshToken, recent);
    return true;
  }

  /** The refresh token (API user) behind a request's `Zoho-oauthtoken` header; 401 INVALID_TOKEN otherwise. */
  authenticate(req: IncomingMessage): string {
    const header = req.headers.authorization ?? '';
    const m = /^Zoho-oauthtoken (\S+)$/.exec(header);
    const record = m ? this.#tokens.get(m[1]!) : undefined;
    if (!record || record.expiresAt <= this.now()) throw new HttpError(401, 'INVALID_TOKEN', 'invalid oauth token');
    return record.refreshToken;
  }

  /** Every live access token expires now. */
  expireAll(): void {
    for (const record of this.#tokens.values()) record.expiresAt = Math.min(record.expiresAt, this.now());
  }

  /** Every access token is forgotten. */
  evictAll(): void {
    this.#tokens.clear();
    this.#liveByRefresh.clear();
  }

  /** The refresh token stops working, and so do its access tokens. */
  revoke(refreshToken: string): void {
    this.refreshTokens.delete(refreshToken);
    for (const [t, record] of this.#tokens) if (record.refreshToken === refreshToken) this.#tokens.delete(t);
  }
}

/** What the accounts server needs: the client it accepts, its tokens, faults and latency, and the API domain it names. */
export interface AccountsServerContext {
  clientId: string;
  clientSecret: string;
  apiDomain: string;
  /** Answer in the pre-2020 shape (`expires_in` in ms plus `expires_in_sec`). */
  legacyTokenShape: boolean;
  tokenTtlSeconds: () => number;
  tokens: TokenStore;
  faults: FaultQueue;
  latency: Latency;
  stats: StatsBook;
}

/** The accounts server's request handler: only the token endpoint; Zoho's token errors are HTTP 200 with `{"error"}`. */
export function accountsListener(ctx: AccountsServerContext): RequestListener {
  return (req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = await readBody(req).catch(() => '');
      if (url.pathname !== '/oauth/v2/token' || req.method !== 'POST') {
        send(res, 404, { error: 'invalid_request' });
        return;
      }
      ctx.stats.stats.tokenRequests++;
      await ctx.latency.wait();
      const fault = ctx.faults.take('accounts', url.pathname);
      if (fault) {
        ctx.stats.stats.faultsInjected++;
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
      send(res, 200, grant(ctx, params));
    })().catch(() => {
      if (!res.headersSent) send(res, 500, { error: 'server_error' });
    });
  };
}

/** The token endpoint's answer to these parameters (a new access token, or Zoho's error). */
function grant(ctx: AccountsServerContext, params: URLSearchParams): Record<string, unknown> {
  if (params.get('grant_type') !== 'refresh_token') return { error: 'unsupported_grant_type' };
  if (params.get('client_id') !== ctx.clientId || params.get('client_secret') !== ctx.clientSecret) return { error: 'invalid_client' };
  const refresh = params.get('refresh_token') ?? '';
  if (!ctx.tokens.refreshTokens.has(refresh)) return { error: 'invalid_code' };
  if (!ctx.tokens.allowMint(refresh)) {
    return {
      error: 'Access Denied',
      error_description: 'You have made too many requests continuously. Please try again after some time.',
      status: 'failure',
    };
  }
  const accessToken = ctx.tokens.mint(refresh);
  const ttl = ctx.tokenTtlSeconds();
  return ctx.legacyTokenShape
    ? { access_token: accessToken, api_domain: ctx.apiDomain, token_type: 'Bearer', expires_in_sec: ttl, expires_in: ttl * 1000 }
    : { access_token: accessToken, scope: GRANTED_SCOPES, api_domain: ctx.apiDomain, token_type: 'Bearer', expires_in: ttl };
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
