import { describe, expect, test } from 'vitest';
import { ZohoTokenProvider } from './auth.js';
import { ZohoAuthError } from './errors.js';
import { Redactor } from './redact.js';
import { createRetryPolicy } from './retry.js';

const credentials = { clientId: '1000.CLIENTID', clientSecret: 'the-client-secret', refreshToken: '1000.refresh.token' };

/** A scripted accounts server: each call answers the next body (HTTP 200 unless given). */
function accounts(answers: Array<Record<string, unknown> | [number, Record<string, unknown>]>, delayMs = 0) {
  const calls: Array<{ url: string; body: string }> = [];
  let i = 0;
  const fetch = (async (url: string | URL, init?: RequestInit) => {
    calls.push({ url: String(url), body: String(init?.body) });
    const answer = answers[Math.min(i++, answers.length - 1)]!;
    const [status, body] = Array.isArray(answer) ? answer : [200, answer];
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

function provider(fetch: typeof globalThis.fetch, clock: { t: number }, redactor = new Redactor()) {
  return new ZohoTokenProvider(credentials, {
    accountsUrl: 'https://accounts.zoho.eu',
    dcLabel: 'EU (https://accounts.zoho.eu)',
    fetch,
    now: () => clock.t,
    retry: createRetryPolicy({ sleep: async () => undefined, maxAttempts: 3 }),
    redactor,
  });
}

const ok = (token: string, extra: Record<string, unknown> = {}) => ({
  access_token: token,
  api_domain: 'https://www.zohoapis.eu',
  token_type: 'Bearer',
  expires_in: 3600,
  ...extra,
});

describe('ZohoTokenProvider', () => {
  test('refresh-token grant as a form body to {accounts}/oauth/v2/token', async () => {
    const a = accounts([ok('t1')]);
    const token = await provider(a.fetch, { t: 0 }).getToken();
    expect(token).toMatchObject({ token: 't1', expiresAt: 3_600_000, apiDomain: 'https://www.zohoapis.eu' });
    expect(a.calls[0]!.url).toBe('https://accounts.zoho.eu/oauth/v2/token');
    expect(Object.fromEntries(new URLSearchParams(a.calls[0]!.body))).toEqual({
      grant_type: 'refresh_token',
      client_id: '1000.CLIENTID',
      client_secret: 'the-client-secret',
      refresh_token: '1000.refresh.token',
    });
  });

  test('cached until 5 minutes before expiry, on the injected clock', async () => {
    const clock = { t: 0 };
    const a = accounts([ok('t1'), ok('t2')]);
    const p = provider(a.fetch, clock);
    expect((await p.getToken()).token).toBe('t1');
    clock.t = 3_600_000 - 300_001;
    expect((await p.getToken()).token).toBe('t1');
    clock.t = 3_600_000 - 299_999;
    expect((await p.getToken()).token).toBe('t2');
    expect(p.refreshCount).toBe(2);
  });

  test('a short-lived token is refreshed at half its life, not every call', async () => {
    const clock = { t: 0 };
    const a = accounts([ok('t1', { expires_in: 60 }), ok('t2', { expires_in: 60 })]);
    const p = provider(a.fetch, clock);
    await p.getToken();
    clock.t = 29_000;
    expect((await p.getToken()).token).toBe('t1');
    clock.t = 31_000;
    expect((await p.getToken()).token).toBe('t2');
  });

  test('the old shape: expires_in in ms when expires_in_sec is present', async () => {
    const a = accounts([{ access_token: 't1', expires_in_sec: 3600, expires_in: 3_600_000 }]);
    expect((await provider(a.fetch, { t: 0 }).getToken()).expiresAt).toBe(3_600_000);
  });

  test('single flight: 20 concurrent callers, one mint', async () => {
    const a = accounts([ok('t1'), ok('t2')], 20);
    const p = provider(a.fetch, { t: 0 });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => p.getToken()));
    expect(new Set(tokens.map((t) => t.token))).toEqual(new Set(['t1']));
    expect(a.calls.length).toBe(1);
  });

  test('invalidate only drops the token it names, so many 401s cause one refresh', async () => {
    const a = accounts([ok('t1'), ok('t2'), ok('t3')], 5);
    const p = provider(a.fetch, { t: 0 });
    const stale = (await p.getToken()).token;
    const fresh = await Promise.all(
      Array.from({ length: 10 }, async () => {
        p.invalidate(stale);
        return (await p.getToken()).token;
      }),
    );
    expect(new Set(fresh)).toEqual(new Set(['t2']));
    p.invalidate(stale);
    expect((await p.getToken()).token).toBe('t2');
    expect(a.calls.length).toBe(2);
  });

  test.each([
    ['invalid_client', /invalid_client.*data center EU.*ZOHO_DC/s],
    ['invalid_code', /invalid_code.*revoked.*ZOHO_DC/s],
    ['Access Denied', /10 access tokens.*10 minutes/s],
  ])('HTTP 200 with {"error": "%s"} is a ZohoAuthError saying what to do', async (code, message) => {
    const a = accounts([{ error: code }]);
    const error = (await provider(a.fetch, { t: 0 })
      .getToken()
      .catch((e: unknown) => e)) as ZohoAuthError;
    expect(error).toBeInstanceOf(ZohoAuthError);
    expect(error).toMatchObject({ status: 200, code, retryable: false });
    expect(error.message).toMatch(message);
    expect(a.calls.length).toBe(1);
  });

  test('5xx from the accounts server is retried', async () => {
    const a = accounts([[503, { error: 'busy' }], ok('t1')]);
    expect((await provider(a.fetch, { t: 0 }).getToken()).token).toBe('t1');
    expect(a.calls.length).toBe(2);
  });

  test('minted tokens and the credentials are registered with the redactor', async () => {
    const redactor = new Redactor();
    await provider(accounts([ok('1000.minted-access-token')]).fetch, { t: 0 }, redactor).getToken();
    expect(redactor.redact('x 1000.minted-access-token the-client-secret 1000.refresh.token')).toBe('x [redacted] [redacted] [redacted]');
  });
});
