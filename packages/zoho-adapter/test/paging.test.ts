import { describe, expect, test } from 'vitest';
import { ZohoClient, ZohoConfigError } from '../src/index.js';
import { checkFields, recordPages, timelinePages } from '../src/paging.js';
import { connection, fake } from './helpers.js';

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const p of pages) out.push(p);
  return out;
}

describe('recordPages', () => {
  test('page 1–10 up to 2,000 records, then next_page_token with every other parameter unchanged', async () => {
    const server = await fake({ data: { leads: 2450 } });
    const client = new ZohoClient(connection(server));
    const pages = await collect(recordPages(client, 'Leads', { fields: ['Last_Name'], params: { converted: 'both' } }));
    expect(pages.map((p) => p.records.length)).toEqual([...Array(12).fill(200), 50]);
    const ids = pages.flatMap((p) => p.records.map((r) => r.id));
    expect(new Set(ids).size).toBe(2450);
    const queries = server.stats.requests.map((r) => r.query);
    expect(queries.slice(0, 10).map((q) => q.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    for (const q of queries.slice(10)) {
      expect(q.page).toBeUndefined();
      const { page_token: token, ...rest } = q;
      expect(token).toMatch(/^[0-9a-f]+$/);
      expect(rest).toEqual({ converted: 'both', fields: 'Last_Name', per_page: '200' });
    }
  });

  test('an expired page token (24 h) restarts the read once; records are merged by id by the caller', async () => {
    let now = Date.UTC(2026, 0, 1);
    const server = await fake({ data: { leads: 2300 }, now: () => now, tokenTtlSeconds: 10 * 86_400 });
    const client = new ZohoClient({ ...connection(server), now: () => now });
    const seen: string[] = [];
    let n = 0;
    for await (const page of recordPages(client, 'Leads', { fields: ['Last_Name'], params: { converted: 'both' } })) {
      seen.push(...page.records.map((r) => r.id as string));
      if (++n === 11) now += 25 * 3_600_000;
    }
    expect(new Set(seen).size).toBe(2300);
    expect(server.stats.statuses['400']).toBe(1);
  });

  test('204 (nothing) and 304 (nothing changed) yield one empty page and stop', async () => {
    const server = await fake({ data: { leads: 10 } });
    const client = new ZohoClient(connection(server));
    expect(await collect(recordPages(client, 'Contacts', { fields: ['Last_Name'] }))).toMatchObject([{ records: [], status: 204 }]);
    expect(
      await collect(recordPages(client, 'Leads', { fields: ['Last_Name'], ifModifiedSince: new Date('2099-01-01T00:00:00Z') })),
    ).toMatchObject([{ records: [], status: 304 }]);
  });

  test('fields: always sent, 1–50, no blanks', () => {
    expect(checkFields('Leads', ['A', 'B', 'A'])).toEqual(['A', 'B']);
    expect(() => checkFields('Leads', [])).toThrow(ZohoConfigError);
    expect(() => checkFields('Leads', [''])).toThrow(/fields/);
    expect(() =>
      checkFields(
        'Leads',
        Array.from({ length: 51 }, (_, i) => `F${i}`),
      ),
    ).toThrow(/51 fields requested from Leads, but Zoho returns at most 50/);
  });
});

describe('timelinePages', () => {
  test('per_page on the first request only, page_token alone after', async () => {
    const server = await fake({ data: { leads: 1, appointed: 1 } });
    const lead = server.data.leads[0]!;
    for (let i = 0; i < 250; i++) lead.noise.push({ at: lead.createdAt + (i + 1) * 1000, field: 'Phone', old: null, new: String(i) });
    const client = new ZohoClient(connection(server));
    const pages = await collect(timelinePages(client, 'Leads', lead.id));
    expect(pages.map((p) => p.entries.length).reduce((a, b) => a + b)).toBe(server.data.timeline(lead, 0).length);
    const [first, second] = server.stats.requests.map((r) => r.query);
    expect(first).toEqual({ per_page: '200' });
    expect(Object.keys(second!)).toEqual(['page_token']);
  });
});
