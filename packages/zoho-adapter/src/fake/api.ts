/**
 * The fake API server's request pipeline: log the request, turn away what exceeds the concurrency limit,
 * wait the latency, apply an injected or random fault, authenticate, charge a credit against the daily
 * allowance, route, and write the answer (cut off or malformed when a fault says so).
 */
import type { RequestListener } from 'node:http';
import type { TokenStore } from './auth.js';
import { randomFault, type FaultQueue, type FaultRates, type Latency } from './faults.js';
import { HttpError, readBody, send, zohoError } from './http.js';
import type { Rng } from './random.js';
import type { ApiAnswer } from './http.js';
import { route, type RouterContext } from './router.js';
import type { FakeZohoStats } from './stats.js';

/** What the API server needs besides the routes: limits read on every request, tokens, faults, latency. */
export interface ApiServerContext extends RouterContext {
  limits: () => { concurrencyLimit: number; dailyCredits: number; errorRates: FaultRates };
  tokens: TokenStore;
  faults: FaultQueue;
  latency: Latency;
  rng: Rng;
}

/** The API server's request handler. */
export function apiListener(ctx: ApiServerContext): RequestListener {
  const book = ctx.stats;
  let inFlight = 0;
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const log: FakeZohoStats['requests'][number] = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      status: 0,
    };
    const ims = req.headers['if-modified-since'];
    if (typeof ims === 'string') log.ifModifiedSince = ims;
    if (book.stats.requests.length < 20_000) book.stats.requests.push(log);
    book.stats.calls++;
    inFlight++;
    book.stats.maxInFlight = Math.max(book.stats.maxInFlight, inFlight);
    const finish = (status: number | 'dropped') => {
      log.status = status;
      book.countStatus(String(status));
    };
    void (async () => {
      await readBody(req).catch(() => '');
      const limits = ctx.limits();
      if (inFlight > limits.concurrencyLimit) {
        finish(429);
        send(res, 429, zohoError('TOO_MANY_REQUESTS', 'Concurrency limit exceeded for this user and app. Try again later.'));
        return;
      }
      await ctx.latency.wait();
      const fault = ctx.faults.take('api', url.pathname);
      // The roll is drawn for every request, so the seeded sequence does not depend on the queued faults.
      const roll = ctx.rng.next();
      const applied = fault ?? randomFault(ctx.limits().errorRates, roll);
      if (applied) {
        book.stats.faultsInjected++;
        switch (applied.kind) {
          case 'drop':
            finish('dropped');
            req.socket.destroy();
            return;
          case 'status': {
            finish(applied.status);
            const code =
              applied.code ?? (applied.status === 429 ? 'TOO_MANY_REQUESTS' : applied.status >= 500 ? 'INTERNAL_ERROR' : 'INVALID_DATA');
            send(res, applied.status, zohoError(code, applied.status === 429 ? 'Too many requests' : 'Internal server error occurred.'));
            return;
          }
          case 'expire-tokens':
            ctx.tokens.expireAll();
            break;
          case 'evict-tokens':
            ctx.tokens.evictAll();
            break;
          default:
            break;
        }
      }
      let result: ApiAnswer;
      try {
        const user = ctx.tokens.authenticate(req);
        if (book.stats.creditsUsed >= ctx.limits().dailyCredits)
          throw new HttpError(429, 'TOO_MANY_REQUESTS', 'API limit exceeded for the 24-hour window.');
        result = route(ctx, req.method ?? 'GET', url, user, typeof ims === 'string' ? ims : undefined);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        finish(error.status);
        send(res, error.status, zohoError(error.code, error.message, error.details));
        return;
      }
      book.stats.creditsUsed += 1;
      const { dailyCredits } = ctx.limits();
      const headers: Record<string, string> = {};
      if (book.stats.creditsUsed > dailyCredits / 2)
        headers['X-API-CREDITS-REMAINING'] = String(Math.max(0, dailyCredits - book.stats.creditsUsed));
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
  };
}
