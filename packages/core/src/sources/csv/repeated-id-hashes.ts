import { ID_HASH_PARTITIONS, murmurFinish } from './id-hash.js';
import type { IdHashSpill } from './spilled-lead-ids.js';

/** The id hashes that more than one row had (see {@link repeatedIdHashes}): a set per partition. @internal */
export class RepeatedIdHashes {
  private readonly partitions: (Set<number> | undefined)[] = [];
  size = 0;

  constructor(readonly bits: number) {}

  add(partition: number, value: number): void {
    let set = this.partitions[partition];
    if (set === undefined) this.partitions[partition] = set = new Set();
    if (!set.has(value)) {
      set.add(value);
      this.size++;
    }
  }

  has(partition: number, value: number): boolean {
    const set = this.partitions[partition];
    return set !== undefined && set.has(value);
  }
}

/**
 * The keys that occur more than once among the spilled keys of every piece of a file, or null when none does: then no id is repeated
 * (equal ids have equal keys). Reads one partition at a time (about 1/128 of the keys) into an open-addressing table, so that its memory
 * is a partition's, not the file's. @internal
 */
export async function repeatedIdHashes(spills: IdHashSpill[]): Promise<RepeatedIdHashes | null> {
  const fs = await import('node:fs');
  const bits = spills[0]?.bits ?? 0;
  if (spills.some((spill) => spill.bits !== bits)) throw new RangeError('id hash spills of different widths');
  // Each partition's blocks, as [spill, byte offset, count] triples.
  const blocks: number[][] = Array.from({ length: ID_HASH_PARTITIONS }, () => []);
  for (const [k, spill] of spills.entries()) {
    const b = spill.blocks;
    for (let j = 0; j + 2 < b.length; j += 3) blocks[b[j]!]!.push(k, b[j + 1]!, b[j + 2]!);
  }
  const repeated = new RepeatedIdHashes(bits);
  const fds = spills.map((spill) => fs.openSync(spill.file, 'r'));
  try {
    let hashes = new Float64Array(0);
    let table = new Float64Array(0);
    for (let p = 0; p < ID_HASH_PARTITIONS; p++) {
      const list = blocks[p]!;
      let total = 0;
      for (let j = 2; j < list.length; j += 3) total += list[j]!;
      if (total < 2) continue;
      if (hashes.length < total) hashes = new Float64Array(Math.max(total, hashes.length * 2));
      const bytes = new Uint8Array(hashes.buffer);
      let at = 0;
      for (let j = 0; j < list.length; j += 3) {
        const length = list[j + 2]! * 8;
        const read = fs.readSync(fds[list[j]!]!, bytes, at, length, list[j + 1]!);
        if (read !== length) throw new Error(`id hash spill ${spills[list[j]!]!.file}: short read`);
        at += length;
      }
      // At most half full; -1 marks an empty slot (keys are not negative).
      let size = 1 << 10;
      while (size < total * 2) size *= 2;
      if (table.length < size) table = new Float64Array(size);
      const slots = table.subarray(0, size).fill(-1);
      const mask = size - 1;
      for (let i = 0; i < total; i++) {
        const key = hashes[i]!;
        const low = key >>> 0;
        // Spread, so that keys that are consecutive numbers do not fill one run of slots.
        let slot = murmurFinish(low ^ Math.imul((key - low) / 4294967296, 0x9e3779b1)) & mask;
        for (;;) {
          const there = slots[slot]!;
          if (there === -1) {
            slots[slot] = key;
            break;
          }
          if (there === key) {
            repeated.add(p, key);
            break;
          }
          slot = (slot + 1) & mask;
        }
      }
    }
  } finally {
    for (const fd of fds) fs.closeSync(fd);
  }
  return repeated.size === 0 ? null : repeated;
}
