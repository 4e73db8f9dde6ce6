import { describe, expect, test } from 'vitest';
import { ZohoApiError, ZohoAuthError, ZohoClient, ZohoNetworkError, ZohoRateLimitError } from '../src/index.js';
import { connection, fake, fastRetry } from './helpers.js';

const list = { path: 'Leads', query: { fields: 'Last_Name', per_page: 1 } };

describe('ZohoClient against the fake server', () => {
  test('sends Zoho-oauthtoken, mints once for many calls, takes api_domain from the token response', async () => {
    const server = await fake();
    const client = new ZohoClient({ credentials: server.credentials, accountsUrl: server.accountsUrl, retry: fastRetry });
    expect(client.apiDomain).toBe('https://www.zohoapis.com');
    for (let i = 0; i < 5; i++) expect((await client.request(list)).status).toBe(200);
    expect(client.apiDomain).toBe(server.apiDomain);
    expect(server.stats.tokenMints).toBe(1);
    expect(client.stats()).toMatchObject({ calls: 5, credits: 5, retries: 0, tokenRefreshes: 1 });
  });

  test('401 INVALID_TOKEN: one forced refresh and one repeat', async () => {
    const server = await fake();
    const client = new ZohoClient(connection(server));
    await client.request(list);
    server.evictTokens();
    expect((await client.request(list)).status).toBe(200);
    expect(server.stats.tokenMints).toBe(2);
    expect(client.stats().calls).toBe(3);
  });

  test('concurrent requests that all meet a dead token trigger exactly one refresh', async () => {
    const server = await fake({ latencyMs: 20, concurrencyLimit: 25 });
    const client = new ZohoClient({ ...connection(server), concurrency: 10 });
    await Promise.all(Array.from({ length: 10 }, () => client.request(list)));
    expect(server.stats.tokenMints).toBe(1);
    server.evictTokens();
    await Promise.all(Array.from({ length: 10 }, () => client.request(list)));
    expect(server.stats.tokenMints).toBe(2);
    server.expireTokens();
    await Promise.all(Array.from({ length: 20 }, () => client.request(list)));
    expect(server.stats.tokenMints).toBe(3);
  });

  test('a token refused even after a fresh one: ZohoAuthError naming the data center, not retried further', async () => {
    const server = await fake();
    server.inject({ kind: 'status', status: 401, code: 'INVALID_TOKEN', count: Infinity });
    const client = new ZohoClient(connection(server));
    const error = (await client.request(list).catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error).toMatchObject({ status: 401, code: 'INVALID_TOKEN', retryable: false });
    expect(error.message).toMatch(/even after minting a fresh one.*data center/s);
    expect(server.stats.calls).toBe(2);
    expect(server.stats.tokenMints).toBe(2);
  });

  test('OAUTH_SCOPE_MISMATCH is an auth error that names the scopes', async () => {
    const server = await fake();
    server.inject({ kind: 'status', status: 401, code: 'OAUTH_SCOPE_MISMATCH' });
    const error = (await new ZohoClient(connection(server)).request(list).catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error.message).toMatch(/ZohoCRM\.modules/);
  });

  test.each([
    ['429 burst', { kind: 'status', status: 429, count: 3 }],
    ['500s', { kind: 'status', status: 500, count: 2 }],
    ['503', { kind: 'status', status: 503, count: 1 }],
    ['dropped connections', { kind: 'drop', count: 2 }],
    ['a body cut off mid-way', { kind: 'truncate', count: 1 }],
    ['a body that is not JSON', { kind: 'malformed-json', count: 1 }],
  ] as const)('%s: retried and answered', async (_name, fault) => {
    const server = await fake();
    server.inject(fault);
    const client = new ZohoClient(connection(server));
    const response = await client.request<{ data: unknown[] }>(list);
    expect(response.body?.data).toHaveLength(1);
    expect(client.stats().retries).toBe(fault.count);
    expect(server.pendingFaults()).toBe(0);
  });

  test('a permanent 500: ZohoApiError after the bounded attempts, listing them', async () => {
    const server = await fake();
    server.inject({ kind: 'status', status: 500, count: Infinity });
    const client = new ZohoClient({ ...connection(server), retry: { ...fastRetry, maxAttempts: 4 } });
    const error = (await client.request(list).catch((e: unknown) => e)) as ZohoApiError;
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', retryable: true });
    expect(error.attempts).toHaveLength(4);
    expect(error.message).toMatch(/GET \/crm\/v8\/Leads\?fields&per_page=1: Zoho answered 500 INTERNAL_ERROR.*Gave up after 4 attempts/s);
    expect(server.stats.calls).toBe(4);
  });

  test('429 to the end is a ZohoRateLimitError (a ZohoApiError)', async () => {
    const server = await fake();
    server.inject({ kind: 'status', status: 429, count: Infinity });
    const error = await new ZohoClient({ ...connection(server), retry: { ...fastRetry, maxAttempts: 2 } })
      .request(list)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZohoRateLimitError);
    expect(error).toBeInstanceOf(ZohoApiError);
    expect(error).toMatchObject({ status: 429, code: 'TOO_MANY_REQUESTS' });
  });

  test('a 400 is not retried and carries the code, the details and a hint', async () => {
    const server = await fake();
    const error = (await new ZohoClient(connection(server))
      .request({ path: 'Leadz', query: { fields: 'x' } })
      .catch((e: unknown) => e)) as ZohoApiError;
    expect(error).toMatchObject({ status: 400, code: 'INVALID_MODULE', retryable: false, details: { resource_path_index: 0 } });
    expect(error.message).toMatch(/module API name/);
    expect(server.stats.calls).toBe(1);
  });

  test('no server: ZohoNetworkError with the cause, retryable, after the attempts', async () => {
    const server = await fake();
    const client = new ZohoClient({ ...connection(server), retry: { ...fastRetry, maxAttempts: 2 } });
    await client.request(list);
    await server.close();
    const error = (await client.request(list).catch((e: unknown) => e)) as ZohoNetworkError;
    expect(error).toBeInstanceOf(ZohoNetworkError);
    expect(error.retryable).toBe(true);
    expect(error.status).toBeUndefined();
    expect(error.cause).toBeInstanceOf(Error);
    expect(error.attempts).toHaveLength(2);
  });

  test('a slow answer times out and is retried; an abort is not', async () => {
    const server = await fake();
    const client = new ZohoClient({ ...connection(server), timeoutMs: 100, retry: { ...fastRetry, maxAttempts: 2 } });
    await client.token();
    server.settings.latencyMs = 300;
    const slow = (await client.request(list).catch((e: unknown) => e)) as ZohoNetworkError;
    expect(slow).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expect(slow.attempts).toHaveLength(2);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 20);
    const aborted = (await client.request({ ...list, signal: controller.signal }).catch((e: unknown) => e)) as ZohoNetworkError;
    expect(aborted).toMatchObject({ code: 'ABORTED', retryable: false });
    expect(aborted.attempts).toHaveLength(1);
  });

  test('204 and 304 come back without a parsed body; X-API-CREDITS-REMAINING is surfaced', async () => {
    const server = await fake({ dailyCredits: 6 });
    const client = new ZohoClient(connection(server));
    const empty = await client.request({ path: 'Contacts', query: { fields: 'Last_Name' } });
    expect(empty).toMatchObject({ status: 204, body: null, creditsRemaining: null });
    const notModified = await client.request({ ...list, headers: { 'If-Modified-Since': '2099-01-01T00:00:00+00:00' } });
    expect(notModified).toMatchObject({ status: 304, body: null });
    await client.request(list);
    const fourth = await client.request(list);
    expect(fourth.creditsRemaining).toBe(2);
    expect(client.stats().creditsRemaining).toBe(2);
  });

  test('the concurrency limit holds: no 429 from a fake that allows exactly as many', async () => {
    const server = await fake({ latencyMs: 15, concurrencyLimit: 3 });
    const client = new ZohoClient({ ...connection(server), concurrency: 3 });
    await client.token();
    await Promise.all(Array.from({ length: 24 }, () => client.request(list)));
    expect(server.stats.maxInFlight).toBe(3);
    expect(server.stats.statuses['429']).toBeUndefined();
    expect(client.peakConcurrency).toBe(3);
  });

  test('more concurrency than the edition allows: 429s, backed off, everything answered', async () => {
    const server = await fake({ latencyMs: 10, concurrencyLimit: 2 });
    const client = new ZohoClient({ ...connection(server), concurrency: 6, retry: { ...fastRetry, maxAttempts: 12 } });
    await client.token();
    const answers = await Promise.all(Array.from({ length: 18 }, () => client.request(list)));
    expect(answers.every((a) => a.status === 200)).toBe(true);
    expect(client.stats().rateLimited).toBeGreaterThan(0);
  });

  test('missing credentials: a config error before anything is sent', () => {
    expect(() => new ZohoClient({ credentials: { clientId: 'a', clientSecret: '', refreshToken: '' } })).toThrow(
      /clientSecret, refreshToken missing/,
    );
  });
});
