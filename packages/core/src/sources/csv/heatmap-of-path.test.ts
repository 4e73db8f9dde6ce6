import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';
import { readFileChunks, setFileChunkSizeForTesting } from './csv-file-input.js';
import { readHeatmapOfPath, setLargeFileBytesForTesting } from './heatmap-of-path.js';
import type { HeatmapReadOptions } from './heatmap-pieces.js';
import { readHeatmap } from './heatmap-pieces.js';
import { ID_HASH_BITS, ID_HASH_PARTITION_BITS, setIdHashBitsForTesting } from './id-hash.js';

const dir = mkdtempSync(join(tmpdir(), 'panopticon-ids-test-'));
// The hashes' temporary folders go here (os.tmpdir() reads TMPDIR), so the tests can see that none is left behind.
const spillRoot = join(dir, 'tmp');
mkdirSync(spillRoot);
const savedTmp = process.env.TMPDIR;
process.env.TMPDIR = spillRoot;
afterEach(() => {
  setIdHashBitsForTesting();
  setLargeFileBytesForTesting();
  setFileChunkSizeForTesting(1 << 20);
});
afterAll(() => {
  process.env.TMPDIR = savedTmp;
  rmSync(dir, { recursive: true, force: true });
});
let fileCount = 0;

/** The one pass that keeps every id (CompactLeadIds): the oracle. */
async function onePass(path: string, options: HeatmapReadOptions) {
  const { heatmap, log } = await readHeatmap({ label: 'leads.csv', chunks: readFileChunks(path, 'leads.csv') }, options);
  const { rows, rejected } = log.stats();
  return { cells: heatmap.cells(), issues: log.issues, rows, rejected };
}

const uuid = (n: number) => `${n.toString(16).padStart(8, '0')}-0000-4000-8000-${(n * 7919).toString(16).padStart(12, '0')}`;
const idArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 80 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }).map((n) => `L${String(n).padStart(7, '0')}`) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 80 }).map(uuid) },
  { weight: 1, arbitrary: fc.constantFrom('007', ' 7', '7 ', '', 'é1', 'A"B', 'x,y') },
);
const rowArb = fc.record({
  id: idArb,
  received: fc.constantFrom('2025-06-02 08:44:59', '2025-06-03 23:15', '2025-03-09 02:30', 'soon', ''),
  contact: fc.constantFrom('', '2025-06-02 09:15:00', '2025-06-02 07:00', 'later'),
  notes: fc.constantFrom('', 'ok', 'two\nlines', 'a "b"'),
});
type Row = { id: string; received: string; contact: string; notes: string };
const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const render = (rows: Row[]) =>
  `lead_id,received_time,first_contact_time,notes\n${rows.map((r) => [r.id, r.received, r.contact, r.notes].map(quote).join(',')).join('\n')}\n`;

describe('readHeatmapOfPath', () => {
  it('gives exactly the one pass that keeps every id: ids in order, out of order, repeated, and hashes that collide (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 120 }),
        fc.constantFrom('as generated', 'increasing', 'distinct'),
        // 7 bits: every hash within a partition is equal, so nearly every id is a candidate; 10: some collide; 60: the product's.
        fc.constantFrom(ID_HASH_PARTITION_BITS, 10, ID_HASH_BITS),
        fc.constantFrom(0, 1, 3),
        fc.constantFrom(16, 64, 4096),
        async (generated, order, bits, workers, chunkBytes) => {
          let rows = generated;
          if (order === 'increasing') rows = [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
          if (order === 'distinct') rows = rows.map((row, i) => ({ ...row, id: `${row.id.trim() || 'x'}-${i}` }));
          const path = join(dir, `leads-${fileCount++}.csv`);
          writeFileSync(path, render(rows));
          setFileChunkSizeForTesting(chunkBytes);
          setIdHashBitsForTesting(bits);
          setLargeFileBytesForTesting(0); // every file is large: hashed ids even with no worker
          const options = { timeZone: 'America/New_York' };
          const expected = await onePass(path, options);
          const actual = await readHeatmapOfPath(path, 'leads.csv', options, workers);
          expect(actual).not.toBeNull();
          expect(actual!.heatmap.cells()).toEqual(expected.cells);
          expect(actual!.issues).toEqual(expected.issues);
          expect({ rows: actual!.rows, rejected: actual!.rejected }).toEqual({ rows: expected.rows, rejected: expected.rejected });
          expect(readdirSync(spillRoot)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000); // 150 files read twice or three times: room for a busy machine

  it('names the first row of a duplicate found in a later piece, as one pass does', async () => {
    const lines = Array.from({ length: 400 }, (_, i) => `${uuid(i)},2025-06-02 09:${String(i % 60).padStart(2, '0')},`);
    lines.push(`${uuid(17)},2025-06-02 10:00,`);
    const path = join(dir, `late-duplicate-${fileCount++}.csv`);
    writeFileSync(path, `lead_id,received_time,first_contact_time\n${lines.join('\n')}\n`);
    setFileChunkSizeForTesting(64);
    const result = await aggregateCsvBySlot(path, { timeZone: 'UTC', label: 'leads.csv', workers: 3 });
    const duplicates = result.issues.filter((issue) => issue.code === 'duplicate-id');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ line: 402, recordId: uuid(17) });
    expect(duplicates[0]!.message).toContain('19'); // the line of the id's first row
    expect(result.stats).toMatchObject({ rows: 401, rejected: 1 });
    expect(readdirSync(spillRoot)).toEqual([]);
  });

  it('leaves one pass to a small file, and no temporary folder behind when the file is wrong', async () => {
    const path = join(dir, `small-${fileCount++}.csv`);
    writeFileSync(path, 'lead_id,received_time\n1,2025-06-02 09:00\n');
    expect(await readHeatmapOfPath(path, 'leads.csv', { timeZone: 'UTC' }, undefined)).toBeNull();
    expect(await readHeatmapOfPath(path, 'leads.csv', { timeZone: 'UTC' }, 0)).toBeNull();
    expect(await readHeatmapOfPath(join(dir, 'missing.csv'), 'leads.csv', { timeZone: 'UTC' }, 3)).toBeNull();
    const wrong = join(dir, `wrong-${fileCount++}.csv`);
    writeFileSync(wrong, 'id,when\n1,2025-06-02 09:00\n');
    setLargeFileBytesForTesting(0);
    for (const workers of [0, 3]) {
      const error = await readHeatmapOfPath(wrong, 'leads.csv', { timeZone: 'UTC' }, workers).catch((e: unknown) => e);
      expect(String(error)).toMatch(/no column "received_time"/);
      expect(readdirSync(spillRoot)).toEqual([]);
    }
  });
});
