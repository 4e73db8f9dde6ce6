// A secret put in the environment never appears in any output, error, log or written file.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { syncLeads, type ZohoEnv } from '../src/index.js';
import { TOKEN_CACHE_FILE } from '../src/token-cache.js';
import { createZohoSync } from '../src/sync.js';
import { fake, fastRetry, tempDir } from './helpers.js';

const CLIENT_ID = '1000.ZQ7CLIENTIDSECRETSHAPED4411';
const CLIENT_SECRET = 'cs-7c1e5e0b6f1d4b0f9f51a2b3c4d5e6f7a8b9c0d1';
const REFRESH_TOKEN = '1000.6f0e4c1d2b3a49587766554433221100.aabbccddeeff00112233445566778899';

let output: string[] = [];
let minted: string[] = [];

beforeEach(() => {
  output = [];
  minted = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation(
      (...args: unknown[]) => void output.push(args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' ')),
    );
  }
  for (const stream of [process.stdout, process.stderr]) {
    const original = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return (original as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});
afterEach(() => vi.restoreAllMocks());

/** fetch that remembers every access token it sees minted, so we can check those never leak either. */
const recordingFetch = (async (input: string | URL | Request, init?: RequestInit) => {
  const response = await fetch(input, init);
  if (String(input).endsWith('/oauth/v2/token')) {
    const body = (await response.clone().json()) as { access_token?: string };
    if (body.access_token) minted.push(body.access_token);
  }
  return response;
}) as typeof fetch;

function everywhere(text: string): string[] {
  const secrets = [CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN, ...minted];
  return secrets.filter((s) => text.includes(s) || text.includes(encodeURIComponent(s)));
}

function errorText(error: unknown): string {
  const e = error as Error & { cause?: unknown };
  return [
    String(e),
    e.message,
    e.stack ?? '',
    inspect(e, { depth: 20, showHidden: true }),
    JSON.stringify(e),
    String(e.cause ?? ''),
    inspect(e.cause, { depth: 20, showHidden: true }),
  ].join('\n');
}

async function setup(options: Parameters<typeof fake>[0] = {}) {
  const server = await fake({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    refreshToken: REFRESH_TOKEN,
    data: { leads: 120, appointed: 40 },
    ...options,
  });
  const env: ZohoEnv = { ...server.env, ZOHO_CLIENT_ID: CLIENT_ID, ZOHO_CLIENT_SECRET: CLIENT_SECRET, ZOHO_REFRESH_TOKEN: REFRESH_TOKEN };
  return { server, env };
}

describe('secrets stay secret', () => {
  test('a successful sync: result, progress, request log, snapshot files, inspected objects', async () => {
    const { env } = await setup();
    const dir = await tempDir();
    const logs: string[] = [];
    const sync = createZohoSync({
      env,
      store: dir,
      fetch: recordingFetch,
      onLog: (l) => logs.push(l),
      onProgress: (p) => logs.push(p.message),
    });
    const result = await sync.syncLeads();
    await sync.syncLeads();
    expect(minted.length).toBe(1);
    expect(logs.length).toBeGreaterThan(5);
    // The kept access token (mode 0600, docs/zoho.md) is the one file that holds a minted token, by design;
    // it holds no credential, and every other file holds neither.
    const files = (await readdir(dir)).filter((f) => f !== TOKEN_CACHE_FILE);
    const fileText = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
    const tokenFile = await readFile(join(dir, TOKEN_CACHE_FILE), 'utf8');
    expect([CLIENT_ID, CLIENT_SECRET, REFRESH_TOKEN].filter((s) => tokenFile.includes(s))).toEqual([]);
    expect((await stat(join(dir, TOKEN_CACHE_FILE))).mode & 0o777).toBe(0o600);
    const text = [
      logs.join('\n'),
      output.join('\n'),
      JSON.stringify(result),
      inspect(result, { depth: 20 }),
      inspect(sync, { depth: 20, showHidden: true }),
      inspect(sync.client, { depth: 20, showHidden: true }),
      JSON.stringify(sync.client),
      fileText,
    ].join('\n');
    expect(everywhere(text)).toEqual([]);
  });

  test.each([
    [
      'a wrong client secret (invalid_client)',
      async (env: ZohoEnv) => syncLeads({ env: { ...env, ZOHO_CLIENT_SECRET: `${CLIENT_SECRET}x` }, fetch: recordingFetch }),
    ],
    [
      'a wrong refresh token (invalid_code)',
      async (env: ZohoEnv) => syncLeads({ env: { ...env, ZOHO_REFRESH_TOKEN: `${REFRESH_TOKEN}0` }, fetch: recordingFetch }),
    ],
    [
      'the API refusing every token',
      async (env: ZohoEnv, server: Awaited<ReturnType<typeof fake>>) => {
        server.inject({ kind: 'status', status: 401, code: 'INVALID_TOKEN', count: Infinity });
        return syncLeads({ env, fetch: recordingFetch });
      },
    ],
    [
      'an error body that echoes the request headers',
      async (env: ZohoEnv) => {
        const echo = (async (input: string | URL | Request, init?: RequestInit) => {
          if (String(input).endsWith('/oauth/v2/token')) return recordingFetch(input, init);
          const auth = new Headers(init?.headers).get('authorization');
          return new Response(
            JSON.stringify({
              code: 'INVALID_DATA',
              details: { header: auth, query: String(input) },
              message: `bad request with ${auth} and client_secret=${CLIENT_SECRET}`,
              status: 'error',
            }),
            { status: 400 },
          );
        }) as typeof fetch;
        return syncLeads({ env, fetch: echo });
      },
    ],
    [
      'a network failure',
      async (env: ZohoEnv, server: Awaited<ReturnType<typeof fake>>) => {
        await syncLeads({ env, fetch: recordingFetch });
        await server.close();
        return syncLeads({ env, fetch: recordingFetch, retry: { ...fastRetry, maxAttempts: 2 } });
      },
    ],
  ])('an error from %s never shows a secret', async (_name, run) => {
    const { env, server } = await setup();
    const error = await run({ ...env }, server).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    expect(everywhere(errorText(error))).toEqual([]);
    expect(everywhere(output.join('\n'))).toEqual([]);
  });

  test('missing variables are named, never shown', () => {
    let error: unknown;
    try {
      createZohoSync({ env: { ZOHO_CLIENT_ID: CLIENT_ID, ZOHO_CLIENT_SECRET: CLIENT_SECRET } });
    } catch (e) {
      error = e;
    }
    expect(String(error)).toMatch(/Missing environment variable ZOHO_REFRESH_TOKEN/);
    expect(everywhere(errorText(error))).toEqual([]);
  });
});
