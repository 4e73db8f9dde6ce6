// The fake server behaves as Zoho's API does where the adapter relies on it (auth, paging, history, limits),
// checked over HTTP with plain fetch.
import { describe, expect, test } from 'vitest';
import { fake } from './helpers.js';

async function token(server: Awaited<ReturnType<typeof fake>>, body?: Record<string, string>) {
  const params = new URLSearchParams(
    body ?? {
      grant_type: 'refresh_token',
      client_id: server.credentials.clientId,
      client_secret: server.credentials.clientSecret,
      refresh_token: server.credentials.refreshToken,
    },
  );
  const res = await fetch(`${server.accountsUrl}/oauth/v2/token`, { method: 'POST', body: params });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A fresh access token minted from `refreshToken` (default: the server's own). */
async function accessToken(server: Awaited<ReturnType<typeof fake>>, refreshToken = server.credentials.refreshToken) {
  const { clientId, clientSecret } = server.credentials;
  const r = await token(server, {
    grant_type: 'refresh_token',
    client_id: clientId,
    client_secret: clientSecret,
    refresh_token: refreshToken,
  });
  return r.body.access_token as string;
}

async function get(server: Awaited<ReturnType<typeof fake>>, path: string, accessToken: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.apiDomain}${path}`, { headers: { authorization: `Zoho-oauthtoken ${accessToken}`, ...headers } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as Record<string, any>) : null };
}

describe('fake Zoho: tokens', () => {
  test('a valid refresh token: 200 with access_token, api_domain, Bearer, expires_in seconds', async () => {
    const server = await fake();
    const r = await token(server);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, api_domain: server.apiDomain });
    expect(r.body.access_token).toMatch(/^1000\.[0-9a-f]{32}\.[0-9a-f]{32}$/);
  });
  test('query-string parameters and multipart bodies are accepted too', async () => {
    const server = await fake();
    const c = server.credentials;
    const q = new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: c.clientId,
      client_secret: c.clientSecret,
      refresh_token: c.refreshToken,
    });
    const viaQuery = await fetch(`${server.accountsUrl}/oauth/v2/token?${q}`, { method: 'POST' });
    expect(await viaQuery.json()).toHaveProperty('access_token');
    const form = new FormData();
    for (const [k, v] of q) form.set(k, v);
    const viaMultipart = await fetch(`${server.accountsUrl}/oauth/v2/token`, { method: 'POST', body: form });
    expect(await viaMultipart.json()).toHaveProperty('access_token');
  });
  test('errors are HTTP 200 with {"error"}: invalid_code, invalid_client, Access Denied after 10 mints', async () => {
    const server = await fake();
    const c = server.credentials;
    expect(
      await token(server, { grant_type: 'refresh_token', client_id: c.clientId, client_secret: c.clientSecret, refresh_token: 'nope' }),
    ).toEqual({ status: 200, body: { error: 'invalid_code' } });
    expect(
      await token(server, { grant_type: 'refresh_token', client_id: c.clientId, client_secret: 'wrong', refresh_token: c.refreshToken }),
    ).toEqual({ status: 200, body: { error: 'invalid_client' } });
    for (let i = 0; i < 10; i++) expect((await token(server)).body).toHaveProperty('access_token');
    const denied = await token(server);
    expect(denied.status).toBe(200);
    expect(denied.body).toMatchObject({ error: 'Access Denied', status: 'failure' });
  });
  test('at most 15 live tokens per refresh token: the 16th evicts the oldest', async () => {
    const server = await fake({ mintLimit: 100 });
    const minted: string[] = [];
    for (let i = 0; i < 16; i++) minted.push(await accessToken(server));
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name', minted[0]!)).status).toBe(401);
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name', minted[1]!)).status).toBe(200);
  });
});

describe('fake Zoho: API', () => {
  test('without a valid Zoho-oauthtoken header: 401 INVALID_TOKEN (Bearer is not accepted)', async () => {
    const server = await fake();
    const t = await accessToken(server);
    const bearer = await fetch(`${server.apiDomain}/crm/v8/Leads?fields=Last_Name`, { headers: { authorization: `Bearer ${t}` } });
    expect(bearer.status).toBe(401);
    expect(await bearer.json()).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
    server.expireTokens();
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name', t)).status).toBe(401);
  });
  test('fields: required (REQUIRED_PARAM_MISSING), at most 50 (LIMIT_EXCEEDED); unknown module: INVALID_MODULE', async () => {
    const server = await fake();
    const t = await accessToken(server);
    expect((await get(server, '/crm/v8/Leads', t)).body).toMatchObject({
      code: 'REQUIRED_PARAM_MISSING',
      details: { param_name: 'fields' },
    });
    const many = Array.from({ length: 51 }, (_, i) => `F${i}`).join(',');
    expect(await get(server, `/crm/v8/Leads?fields=${many}`, t)).toMatchObject({ status: 400, body: { code: 'LIMIT_EXCEEDED' } });
    expect(await get(server, '/crm/v8/Leadz?fields=Last_Name', t)).toMatchObject({
      status: 400,
      body: { code: 'INVALID_MODULE', details: { resource_path_index: 0 } },
    });
  });
  test('page limits: page × per_page > 2000, page with page_token, per_page > 200', async () => {
    const server = await fake();
    const t = await accessToken(server);
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name&page=11', t)).body).toMatchObject({
      code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
    });
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name&page=10&per_page=200', t)).status).toBe(204);
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name&page=1&page_token=x', t)).body).toMatchObject({
      code: 'AMBIGUITY_DURING_PROCESSING',
    });
    expect((await get(server, '/crm/v8/Leads?fields=Last_Name&per_page=201', t)).status).toBe(400);
  });
  test('defaults: converted=false, sort by id desc, info shape, fields only, ids are 19-digit strings, datetimes with offset', async () => {
    const server = await fake({ data: { leads: 60, appointed: 30 } });
    const t = await accessToken(server);
    const r = await get(server, '/crm/v8/Leads?fields=Last_Name,Created_Time,Converted__s&per_page=200', t);
    const converted = server.data.leads.filter((l) => l.converted).length;
    expect(converted).toBeGreaterThan(0);
    expect(r.body!.data).toHaveLength(60 - converted);
    expect(r.body!.data.every((d: any) => d.Converted__s === false)).toBe(true);
    const ids = r.body!.data.map((d: any) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(ids.every((id: unknown) => typeof id === 'string' && /^\d{19}$/.test(id))).toBe(true);
    expect(Object.keys(r.body!.data[0]).sort()).toEqual(['Converted__s', 'Created_Time', 'Last_Name', 'id']);
    expect(r.body!.data[0].Created_Time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+05:30$/);
    expect(r.body!.info).toEqual({
      per_page: 200,
      count: 60 - converted,
      page: 1,
      sort_by: 'id',
      sort_order: 'desc',
      more_records: false,
      next_page_token: null,
      previous_page_token: null,
      page_token_expiry: null,
      call: false,
      email: false,
    });
    const both = await get(server, '/crm/v8/Leads?fields=Last_Name&converted=both', t);
    expect(both.body!.data).toHaveLength(60);
  });
  test('page tokens: bound to the query and the user, expiring after 24 h', async () => {
    let now = Date.UTC(2026, 3, 1);
    const server = await fake({ data: { leads: 450 }, refreshToken: ['1000.user.one', '1000.user.two'], now: () => now });
    const t1 = await accessToken(server, '1000.user.one');
    const t2 = await accessToken(server, '1000.user.two');
    const first = await get(server, '/crm/v8/Leads?fields=Last_Name&converted=both', t1);
    const next = first.body!.info.next_page_token as string;
    expect(first.body!.info.more_records).toBe(true);
    expect(first.body!.info.page_token_expiry).toMatch(/\+05:30$/);
    expect((await get(server, `/crm/v8/Leads?fields=Last_Name&converted=both&page_token=${next}`, t1)).body!.data).toHaveLength(200);
    expect((await get(server, `/crm/v8/Leads?fields=Last_Name&converted=true&page_token=${next}`, t1)).body).toMatchObject({
      code: 'TOKEN_BOUND_DATA_MISMATCH',
    });
    expect((await get(server, `/crm/v8/Leads?fields=Last_Name&converted=both&page_token=${next}`, t2)).body).toMatchObject({
      code: 'INVALID_DATA',
    });
    now += 24 * 3_600_000;
    const t3 = await accessToken(server, '1000.user.one');
    expect((await get(server, `/crm/v8/Leads?fields=Last_Name&converted=both&page_token=${next}`, t3)).body).toMatchObject({
      code: 'EXPIRED_VALUE',
    });
  });
  test('If-Modified-Since: only later changes; nothing changed → 304 with no body; no records → 204 with no body', async () => {
    const server = await fake({ data: { leads: 50 } });
    const t = await accessToken(server);
    const none = await get(server, '/crm/v8/Leads?fields=Last_Name&converted=both', t, {
      'If-Modified-Since': '2030-01-01T00:00:00+05:30',
    });
    expect(none.status).toBe(304);
    expect(none.text).toBe('');
    server.data.changeStage(server.data.leads[3]!.id, 'Lost', Date.UTC(2030, 0, 2));
    const one = await get(server, '/crm/v8/Leads?fields=Lead_Status&converted=both', t, {
      'If-Modified-Since': '2030-01-01T00:00:00+05:30',
    });
    expect(one.body!.data).toEqual([{ id: server.data.leads[3]!.id, Lead_Status: 'Lost' }]);
    const empty = await get(server, '/crm/v8/Contacts?fields=Last_Name', t);
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
  });
  test('history module rows; timeline paging', async () => {
    const server = await fake({ data: { leads: 20, appointed: 10 } });
    const t = await accessToken(server);
    const rows = await get(
      server,
      '/crm/v8/Lead_Status_History?fields=Full_Name,Lead_Status,Moved_To__s,Modified_Time,Duration_Days&sort_by=Modified_Time&sort_order=desc',
      t,
    );
    expect(rows.body!.data.length).toBe(server.data.historyRows.length);
    const open = rows.body!.data.filter((r: any) => r.Moved_To__s === null);
    expect(open.length).toBe(20);
    expect(open.every((r: any) => r.Duration_Days === null)).toBe(true);
    const lead = server.data.leads[0]!;
    const tl = await get(server, `/crm/v8/Leads/${lead.id}/__timeline?per_page=2`, t);
    expect(tl.body!.__timeline).toHaveLength(2);
    expect(tl.body!.info).toMatchObject({ per_page: 2, more_records: true });
    const again = await get(server, `/crm/v8/Leads/${lead.id}/__timeline?per_page=2&page_token=${tl.body!.info.next_page_token}`, t);
    expect(again.body).toMatchObject({ code: 'AMBIGUITY_DURING_PROCESSING' });
    expect((await get(server, `/crm/v8/Leads/${lead.id}/__timeline?page_token=${tl.body!.info.next_page_token}`, t)).status).toBe(200);
    expect((await get(server, '/crm/v8/Leads/123/__timeline', t)).body).toMatchObject({
      code: 'INVALID_DATA',
      details: { resource_path_index: 1 },
    });
  });
  test('concurrency gate: 429 TOO_MANY_REQUESTS at once, without Retry-After', async () => {
    const server = await fake({ concurrencyLimit: 2, latencyMs: 50 });
    const t = await accessToken(server);
    const results = await Promise.all(Array.from({ length: 5 }, () => get(server, '/crm/v8/Leads?fields=Last_Name', t)));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBe(3);
    expect(limited[0]!.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 'error' });
    expect(limited[0]!.headers.get('retry-after')).toBeNull();
  });
  test('credits: X-API-CREDITS-REMAINING once past half the allowance, then 429', async () => {
    const server = await fake({ dailyCredits: 4 });
    const t = await accessToken(server);
    const seen: Array<string | null> = [];
    for (let i = 0; i < 5; i++) {
      const r = await get(server, '/crm/v8/Leads?fields=Last_Name', t);
      seen.push(r.status === 429 ? '429' : r.headers.get('x-api-credits-remaining'));
    }
    expect(seen).toEqual([null, null, '1', '0', '429']);
  });
});
