import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteIdSet } from './byte-id-set.js';
import { IdsOutOfOrder, IncreasingLeadIds, idBefore } from './increasing-lead-ids.js';
import { CompactLeadIds, UNKNOWN_ID } from './lead-ids.js';
import { NumericIdSet } from './numeric-id-set.js';

/** What a Map says: 0 for a new id, else the line it was first seen on. */
function reference<K>(ids: K[]): number[] {
  const first = new Map<K, number>();
  return ids.map((id, i) => {
    const seen = first.get(id);
    if (seen !== undefined) return seen;
    first.set(id, i + 1);
    return 0;
  });
}

describe('NumericIdSet', () => {
  it('answers like a Map, in order or not, small or large ids (property)', () => {
    const idArb = fc.oneof(
      fc.integer({ min: 0, max: 50 }),
      fc.integer({ min: 0, max: 999_999_999_999_999 }),
      fc.integer({ min: 0, max: 40 }).map((k) => k * 2 ** 21), // ids sharing their low bits
      fc.integer({ min: 4_294_967_290, max: 4_294_967_300 }), // around 2^32
    );
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 400 }), fc.boolean(), (ids, sortFirst) => {
        const values = sortFirst ? [...new Set(ids)].sort((a, b) => a - b).concat(ids) : ids;
        const set = new NumericIdSet(4);
        expect(values.map((v, i) => set.add(v, i + 1))).toEqual(reference(values));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps increasing ids as a run and still finds a repeat of any of them later', () => {
    const set = new NumericIdSet(2);
    for (let i = 0; i < 10_000; i++) expect(set.add(1_000_000_000 + i, i + 2)).toBe(0);
    expect(set.add(1_000_000_500, 99_999)).toBe(502);
    expect(set.add(5, 100_000)).toBe(0);
    expect(set.add(1_000_009_999, 100_001)).toBe(10_001);
  });
});

describe('CompactLeadIds', () => {
  it('answers like a Map of the id texts, ids given as text or as bytes, numbers or not (property)', () => {
    const encoder = new TextEncoder();
    const idArb = fc.oneof(fc.integer({ min: 0, max: 30 }).map(String), fc.constantFrom('007', '0', 'L-1', 'é', '1234567890123456', '99'));
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, fc.boolean()), { maxLength: 300 }), (rows) => {
        const ids = new CompactLeadIds();
        const answers = rows.map(([id, asBytes], i) => {
          if (!asBytes) return ids.add(id, i + 1);
          const bytes = encoder.encode(`,${id},`);
          return ids.addBytes(bytes, 1, bytes.length - 1, i + 1);
        });
        expect(answers).toEqual(reference(rows.map(([id]) => id)));
      }),
      { numRuns: 300 },
    );
  });

  it('finds each id, text or bytes, with the line of its first row and the index it was accepted as (property)', () => {
    const encoder = new TextEncoder();
    const idArb = fc.oneof(
      fc.integer({ min: 0, max: 40 }).map(String),
      fc.integer({ min: 0, max: 40 }).map((k) => String(5_000_000 + k * 3)),
      fc.constantFrom('007', 'L-1', 'é', '1234567890123456'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(idArb, fc.boolean()), { maxLength: 200 }), fc.array(idArb, { maxLength: 30 }), (rows, probes) => {
        const ids = new CompactLeadIds();
        const lines = new Map<string, number>();
        const indices = new Map<string, number>();
        rows.forEach(([id, accept], i) => {
          if (ids.add(id, i + 2) !== 0) return;
          lines.set(id, i + 2);
          if (accept) {
            ids.acceptLast(indices.size);
            indices.set(id, indices.size);
          }
        });
        for (const id of [...rows.map(([id]) => id), ...probes]) {
          const expected = indices.get(id) ?? (lines.has(id) ? -1 : UNKNOWN_ID);
          const bytes = encoder.encode(` ${id} `);
          expect(ids.indexOf(id)).toBe(expected);
          expect(ids.indexOfBytes(bytes, 1, bytes.length - 1)).toBe(expected);
          expect(ids.lineOf(id)).toBe(lines.get(id));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('ByteIdSet', () => {
  it('answers like a Map of the id bytes, through its growth and rehashing (property)', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(
        fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 50 }),
        fc.integer({ min: 1, max: 4000 }),
        (pool, n) => {
          // n ids drawn from the pool with repeats, and long ones past the buffer's first size.
          const ids = Array.from({ length: n }, (_, i) => (i % 7 === 0 ? `${pool[i % pool.length]}-${i}` : pool[(i * 31) % pool.length]!));
          const set = new ByteIdSet();
          const answers = ids.map((id, i) => {
            const bytes = encoder.encode(`"${id}"`);
            return set.addBytes(bytes, 1, bytes.length - 1, i + 1);
          });
          expect(answers).toEqual(reference(ids.map((id) => [...encoder.encode(id)].join(','))));
        },
      ),
      { numRuns: 40 },
    );
  });
  it('answers like a Map for UUIDs (kept packed), their uppercase forms and near misses (property)', () => {
    const encoder = new TextEncoder();
    const hex = (n: number) => fc.array(fc.constantFrom(...'0123456789abcdef'), { minLength: n, maxLength: n }).map((c) => c.join(''));
    const uuidArb = fc.tuple(hex(8), hex(4), hex(4), hex(4), hex(12)).map((parts) => parts.join('-'));
    const idArb = fc.oneof(
      uuidArb,
      uuidArb.map((u) => u.toUpperCase()),
      uuidArb.map((u) => `${u.slice(0, 35)}g`),
      uuidArb.map((u) => u.replaceAll('-', '_')),
    );
    fc.assert(
      fc.property(fc.array(idArb, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 60 }), (pool, picks) => {
        const ids = [...pool, ...picks.map((k) => pool[k % pool.length]!)];
        const set = new ByteIdSet();
        const answers = ids.map((id, i) => {
          const bytes = encoder.encode(id);
          return set.addBytes(bytes, 0, bytes.length, i + 1);
        });
        expect(answers).toEqual(reference(ids));
        for (const id of ids) {
          const bytes = encoder.encode(id);
          expect(set.lineAt(set.find(bytes, 0, bytes.length))).toBe(ids.indexOf(id) + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps ids across its pages of bytes, one longer than a page included', () => {
    const set = new ByteIdSet();
    const ids = Array.from({ length: 12 }, (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(i === 5 ? 1_500_000 : 300_000)}`);
    const bytes = ids.map((id) => new TextEncoder().encode(id));
    expect(bytes.map((b, i) => set.addBytes(b, 0, b.length, i + 2))).toEqual(bytes.map(() => 0));
    bytes.forEach((b, i) => {
      expect(set.addBytes(b, 0, b.length, 99)).toBe(i + 2);
      expect(set.lineAt(set.find(b, 0, b.length))).toBe(i + 2);
    });
    expect(set.find(bytes[3]!, 0, 200_000)).toBe(-1);
  });
});

describe('IncreasingLeadIds', () => {
  it('takes ids in shortlex order of their bytes and stops at the first that is not greater (property)', () => {
    const idArb = fc.oneof(fc.integer({ min: 0, max: 2000 }).map(String), fc.string({ minLength: 1, maxLength: 4 }));
    const encoder = new TextEncoder();
    const shortlex = (a: string, b: string) => {
      const x = encoder.encode(a);
      const y = encoder.encode(b);
      if (x.length !== y.length) return x.length - y.length;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
      return 0;
    };
    fc.assert(
      fc.property(fc.array(idArb, { maxLength: 60 }), fc.boolean(), (raw, sort) => {
        const ids = sort ? [...new Set(raw)].sort(shortlex) : raw;
        const set = new IncreasingLeadIds();
        const firstOutOfOrder = ids.findIndex((id, i) => i > 0 && shortlex(ids[i - 1]!, id) >= 0);
        const take = () => {
          for (const [i, id] of ids.entries()) set.add(id, i + 2);
        };
        if (firstOutOfOrder < 0) {
          take();
          expect(set.range()).toEqual({ count: ids.length, first: ids[0] ?? '', last: ids.at(-1) ?? '' });
          for (let i = 1; i < ids.length; i++) expect(idBefore(ids[i - 1]!, ids[i]!)).toBe(true);
        } else {
          expect(take).toThrow(IdsOutOfOrder);
          expect(set.count).toBe(firstOutOfOrder);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads ids from bytes as from text', () => {
    const set = new IncreasingLeadIds();
    const bytes = new TextEncoder().encode(',L0000009,L0000010,');
    expect(set.addBytes(bytes, 1, 9, 2)).toBe(0);
    expect(set.addBytes(bytes, 10, 18, 3)).toBe(0);
    expect(() => set.add('L0000010', 4)).toThrow(IdsOutOfOrder);
    expect(set.range()).toEqual({ count: 2, first: 'L0000009', last: 'L0000010' });
  });
});
