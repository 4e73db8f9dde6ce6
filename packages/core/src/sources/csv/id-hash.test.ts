import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CandidateLeadIds } from './candidate-lead-ids.js';
import { ID_HASH_BITS, ID_HASH_PARTITION_BITS, ID_HASH_PARTITIONS, IdHash } from './id-hash.js';
import { IdsOutOfOrder, IncreasingLeadIds } from './increasing-lead-ids.js';
import { CompactLeadIds } from './lead-ids.js';
import { repeatedIdHashes } from './repeated-id-hashes.js';
import { SpilledLeadIds } from './spilled-lead-ids.js';

const dir = mkdtempSync(join(tmpdir(), 'panopticon-id-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let fileCount = 0;
const encoder = new TextEncoder();

const keyOf = (hash: IdHash, id: string) => {
  const bytes = encoder.encode(id);
  hash.set(bytes, 0, bytes.length);
  return `${hash.partition}:${hash.value}`;
};
const idArb = fc.oneof(
  fc.integer({ min: 0, max: 40 }).map(String),
  fc.constantFrom('0', '007', '999999999999999', '4294967296', '1e3', ''),
  fc.string({ maxLength: 12 }),
  fc.uuid(),
);

describe('IdHash', () => {
  it('gives equal ids equal keys, within the partitions and the width asked for; a plain number is its own value (property)', () => {
    fc.assert(
      fc.property(idArb, fc.integer({ min: ID_HASH_PARTITION_BITS, max: ID_HASH_BITS }), fc.nat(8), (id, bits, offset) => {
        const hash = new IdHash(bits);
        const bytes = encoder.encode(id);
        const padded = new Uint8Array(bytes.length + offset + 3).fill(49);
        padded.set(bytes, offset);
        hash.set(padded, offset, offset + bytes.length);
        const { partition, value } = hash;
        expect(keyOf(hash, id)).toBe(`${partition}:${value}`);
        expect(partition >= 0 && partition < ID_HASH_PARTITIONS).toBe(true);
        expect(Number.isInteger(value) && value >= 0 && value < 2 ** (bits - ID_HASH_PARTITION_BITS)).toBe(true);
        if (bits === ID_HASH_BITS && /^(0|[1-9]\d{0,14})$/.test(id)) expect(value).toBe(Number(id));
      }),
    );
  });

  it('tells 100,000 UUIDs, 100,000 numbers and 100,000 Salesforce-like ids apart at full width', () => {
    const hash = new IdHash();
    const keys = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      keys.add(
        keyOf(hash, `${(i * 2654435761).toString(16).padStart(8, '0').slice(-8)}-1c2d-4e5f-8a9b-${i.toString(16).padStart(12, '0')}`),
      );
      keys.add(keyOf(hash, String(1_000_000_000 + i)));
      keys.add(keyOf(hash, `00Q5g0000${i.toString(36).padStart(6, '0')}ZHN`));
    }
    expect(keys.size).toBe(300_000);
  });
});

describe('repeatedIdHashes', () => {
  it('finds exactly the keys that more than one id had, over spills of any number of pieces, at any width (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(idArb, { maxLength: 60 }), { minLength: 1, maxLength: 4 }),
        fc.constantFrom(ID_HASH_PARTITION_BITS, ID_HASH_PARTITION_BITS + 3, 20, ID_HASH_BITS),
        async (pieces, bits) => {
          const hash = new IdHash(bits);
          const counts = new Map<string, number>();
          const spills = [];
          for (const piece of pieces) {
            const ids = await SpilledLeadIds.create(join(dir, `spill-${fileCount++}`), bits);
            for (const [line, id] of piece.entries()) {
              expect(ids.add(id, line + 2)).toBe(0);
              const key = keyOf(hash, id);
              counts.set(key, (counts.get(key) ?? 0) + 1);
            }
            spills.push(ids.finish());
          }
          const repeated = await repeatedIdHashes(spills);
          const expected = [...counts].filter(([, n]) => n > 1).map(([key]) => key);
          expect(repeated === null ? 0 : repeated.size).toBe(expected.length);
          for (const key of counts.keys()) {
            const [p, v] = key.split(':').map(Number);
            expect(repeated !== null && repeated.has(p!, v!)).toBe(counts.get(key)! > 1);
          }
          // The second reading, keeping the candidates' ids only, answers every id as a reading that keeps them all.
          if (repeated !== null) {
            const candidates = new CandidateLeadIds(repeated);
            const all = new CompactLeadIds();
            let line = 2;
            for (const id of pieces.flat().filter((x) => x !== '')) {
              expect(candidates.add(id, line)).toBe(all.add(id, line));
              line++;
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('IncreasingLeadIds', () => {
  it('stops within 1024 ids once another piece raised the shared flag', () => {
    const stop = new Int32Array(new SharedArrayBuffer(4));
    const ids = new IncreasingLeadIds(stop);
    for (let i = 0; i < 2000; i++) ids.add(String(i + 1), i + 2);
    Atomics.store(stop, 0, 1);
    expect(() => {
      for (let i = 2000; i < 3100; i++) ids.add(String(i + 1), i + 2);
    }).toThrow(IdsOutOfOrder);
    expect(ids.count).toBe(2047);
  });
});
