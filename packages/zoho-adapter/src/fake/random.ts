// The repository's one seeded PRNG (mulberry32, scripts/prng.mjs); the build inlines it into the testing entry.
import { prng } from '../../../../scripts/prng.mjs';

export { prng };

export interface Rng {
  next(): number;
  between(lo: number, hi: number): number;
  int(lo: number, hiInclusive: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: T[]): T[];
  hex(length: number): string;
}

export function createRng(seed: number): Rng {
  const next = prng(seed);
  const rng: Rng = {
    next,
    between: (lo, hi) => lo + next() * (hi - lo),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    shuffle: (items) => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [items[i], items[j]] = [items[j]!, items[i]!];
      }
      return items;
    },
    hex: (length) => {
      let s = '';
      while (s.length < length)
        s += Math.floor(next() * 0x100000000)
          .toString(16)
          .padStart(8, '0');
      return s.slice(0, length);
    },
  };
  return rng;
}

/** Increasing 19-digit Zoho-like ids (as strings: they exceed 2^53). */
export function idSequence(prefix: bigint, rng: Rng): () => string {
  let current = prefix;
  return () => {
    current += BigInt(rng.int(1, 997));
    return current.toString();
  };
}
