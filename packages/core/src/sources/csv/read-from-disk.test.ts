import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvReadError } from './csv-read-error.js';
import { loadFiles } from '../tables/load-files.js';
import { readResponseRows } from './read-response-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'panopticon-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('reading files from disk', () => {
  it('loads files from disk, labelled by their path', async () => {
    const leads = join(dir, 'leads.csv');
    const history = join(dir, 'stage_history.csv');
    writeFileSync(leads, '\uFEFFlead_id,received_time,stage\r\nL1,2025-01-06 09:00,New\r\nL2,bad,New\r\n');
    writeFileSync(history, 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\n');
    const { leads: loaded, issues, stats } = await loadFiles({ leads, stageHistory: history, timeZone: 'UTC' });
    expect(loaded.map((l) => [l.id, l.stageHistory.length])).toEqual([['L1', 1]]);
    expect(issues[0]).toMatchObject({ file: leads, line: 3, code: 'unparseable-timestamp' });
    expect(Object.keys(stats.inputs!)).toEqual([leads, history]);
  });

  it('names the file when it cannot be read', async () => {
    const missing = join(dir, 'nope.csv');
    const promise = loadFiles({ leads: missing, timeZone: 'UTC' });
    await expect(promise).rejects.toThrow(`Cannot read ${missing}`);
    await expect(promise).rejects.toBeInstanceOf(CsvReadError);
    await expect(promise).rejects.toMatchObject({ code: 'csv-read', systemCode: 'ENOENT', path: missing });
  });

  it('readResponseRows reads a file from disk in chunks', async () => {
    const path = join(dir, 'big.csv');
    const lines = ['lead_id,received_time,first_contact_time,team'];
    for (let i = 0; i < 20_000; i++) lines.push(`${i},2025-01-06 09:00,2025-01-06 09:${String(i % 60).padStart(2, '0')},T${i % 7}`);
    writeFileSync(path, lines.join('\n'));
    const reader = readResponseRows(path, { timeZone: 'UTC' });
    let count = 0;
    for await (const row of reader) if (row.firstContactAt! >= row.createdAt) count++;
    expect(count).toBe(20_000);
    expect(reader.stats).toMatchObject({ rows: 20_000, accepted: 20_000, rejected: 0 });
  });
});
