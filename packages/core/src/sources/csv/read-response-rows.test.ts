import { describe, expect, it } from 'vitest';
import { DataQualityError } from '../source.js';
import type { ResponseRow } from './read-response-rows.js';
import { readResponseRows } from './read-response-rows.js';
import { loadText } from './load-csv.test-helper.js';

const TZ = 'America/New_York';
const at = (day: number, hour: number, minute = 0) => Date.UTC(2025, 0, day, hour + 5, minute);

async function all(rows: AsyncIterable<ResponseRow>): Promise<ResponseRow[]> {
  const out: ResponseRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const text =
  'lead_id,received_time,first_contact_time,team,locator,notes\n' +
  'L1,2025-01-06 09:00,2025-01-06 09:20,East,Maria,"a, b"\n' +
  'L2,2025-01-06 10:00,,,,\n' +
  'L1,2025-01-06 11:00,,,,\n' +
  'L3,2025-01-06 12:00,2025-01-06 11:00,West,,\n' +
  'L4,soon,,,,\n' +
  'L5,2025-01-06 13:00,later,,,\n' +
  'L6,2025-01-06 13:00\n';

describe('readResponseRows', () => {
  it('streams id, times in epoch ms, team and locator of accepted rows', async () => {
    const reader = readResponseRows({ text }, { timeZone: TZ });
    expect(await all(reader)).toEqual([
      { id: 'L1', createdAt: at(6, 9), firstContactAt: at(6, 9, 20), team: 'East', locator: 'Maria' },
      { id: 'L2', createdAt: at(6, 10), firstContactAt: null, team: null, locator: null },
      { id: 'L3', createdAt: at(6, 12), firstContactAt: at(6, 11), team: 'West', locator: null },
      { id: 'L5', createdAt: at(6, 13), firstContactAt: null, team: null, locator: null },
    ]);
  });

  it('accounts for rows and reports issues exactly as loadFiles does', async () => {
    const reader = readResponseRows({ text }, { timeZone: TZ });
    await all(reader);
    const loaded = await loadText({ leads: text, timeZone: TZ });
    expect(reader.issues).toEqual(loaded.issues);
    expect(reader.stats).toEqual(loaded.stats);
    expect(reader.stats).toMatchObject({ rows: 7, accepted: 4, rejected: 3 });
    expect(reader.issues.map((i) => [i.severity, i.code, i.line])).toEqual([
      ['info', 'column-not-read', 1],
      ['error', 'duplicate-id', 4],
      ['warning', 'contact-before-created', 5],
      ['error', 'unparseable-timestamp', 6],
      ['warning', 'unparseable-timestamp', 7],
      ['error', 'wrong-field-count', 8],
    ]);
  });

  it('reads again from the start on each iteration', async () => {
    const reader = readResponseRows({ text }, { timeZone: TZ });
    await all(reader);
    expect(await all(reader)).toHaveLength(4);
    expect(reader.stats.rows).toBe(7);
  });

  it('maps columns and labels the file', async () => {
    const reader = readResponseRows(
      { text: 'Id,Created\nA,2025-01-06 09:00\nB,x\n' },
      { timeZone: TZ, columns: { leads: { lead_id: 'Id', received_time: 'Created' } }, label: 'crm.csv' },
    );
    expect((await all(reader)).map((r) => r.id)).toEqual(['A']);
    expect(reader.issues[0]).toMatchObject({ file: 'crm.csv', field: 'Created', value: 'x' });
  });

  it('in strict mode throws a DataQualityError at the end of an iteration with errors', async () => {
    await expect(all(readResponseRows({ text }, { timeZone: TZ, strict: true }))).rejects.toBeInstanceOf(DataQualityError);
  });
});
