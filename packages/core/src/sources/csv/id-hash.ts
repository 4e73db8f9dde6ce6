// The 60-bit hash by which a large leads file's ids are told apart without keeping them (see spilled-lead-ids.ts):
// two 32-bit hashes by different algorithms (FNV-1a and MurmurHash3's mixing, each finished by Murmur's avalanche),
// so that ids which collide in one rarely collide in the other. A collision costs time, never exactness: ids whose
// hashes repeat are read again and compared by their bytes (candidate-lead-ids.ts).

/** The hashes are cut into this many partitions by their top bits, each checked for repeats on its own. @internal */
export const ID_HASH_PARTITION_BITS = 7;
/** The number of partitions. @internal */
export const ID_HASH_PARTITIONS = 1 << ID_HASH_PARTITION_BITS;
/** The hash's width: the partition's bits and a value of up to 53 bits, which a float holds exactly. @internal */
export const ID_HASH_BITS = ID_HASH_PARTITION_BITS + 53;

let defaultBits = ID_HASH_BITS;

/** A narrower hash (as few as {@link ID_HASH_PARTITION_BITS} bits), for tests that force collisions; call with no argument to restore. @internal */
export function setIdHashBitsForTesting(bits: number = ID_HASH_BITS): void {
  if (!(Number.isInteger(bits) && bits >= ID_HASH_PARTITION_BITS && bits <= ID_HASH_BITS)) throw new RangeError(`id hash bits: ${bits}`);
  defaultBits = bits;
}

/** The width in use (see {@link setIdHashBitsForTesting}). @internal */
export function idHashBits(): number {
  return defaultBits;
}

/**
 * The hash of an id's bytes: {@link set} computes its {@link partition} (0 to {@link ID_HASH_PARTITIONS} − 1) and its {@link value} within
 * the partition (an integer below 2^(bits − {@link ID_HASH_PARTITION_BITS})), kept in fields so that no object is made per id. @internal
 */
export class IdHash {
  partition = 0;
  value = 0;
  private readonly high: number;
  private readonly lowShift: number;

  constructor(readonly bits: number = ID_HASH_BITS) {
    const valueBits = bits - ID_HASH_PARTITION_BITS;
    // The value: the low (valueBits − 32) bits of the first hash above the second's 32, or the second's top valueBits.
    this.high = valueBits > 32 ? 2 ** (valueBits - 32) : 0;
    this.lowShift = valueBits >= 32 ? 0 : 32 - valueBits;
  }

  set(buf: Uint8Array, s: number, e: number): void {
    const a = fnv1a(buf, s, e);
    const b = murmur3(buf, s, e);
    this.partition = a >>> (32 - ID_HASH_PARTITION_BITS);
    if (this.high > 0) this.value = (a & (this.high - 1)) * 4294967296 + (b >>> 0);
    else this.value = this.lowShift === 32 ? 0 : b >>> this.lowShift;
  }
}

/** FNV-1a over the bytes, finished by {@link avalanche} (FNV's top bits alone mix poorly for short ids). */
function fnv1a(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return avalanche(h);
}

/** MurmurHash3 (x86, 32-bit) of the bytes with a fixed seed. */
function murmur3(buf: Uint8Array, s: number, e: number): number {
  let h = 0x9747b28c;
  let i = s;
  for (; i + 4 <= e; i += 4) {
    h ^= mixWord(buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24));
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  if (i < e) {
    let k = 0;
    for (let shift = 0; i < e; i++, shift += 8) k |= buf[i]! << shift;
    h ^= mixWord(k);
  }
  return avalanche(h ^ (e - s));
}

function mixWord(word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  return Math.imul(k, 0x1b873593);
}

/** MurmurHash3's finalizer: every input bit flips each output bit with probability about one half. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
