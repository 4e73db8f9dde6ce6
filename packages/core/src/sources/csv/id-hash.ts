// The 60-bit key by which a large leads file's ids are told apart without keeping them (see spilled-lead-ids.ts).
// An id that is a plain number (most exports) is its own key: exact, and cheaper than a hash. Any other id is
// hashed twice, by MurmurHash3's and xxHash32's rounds over the same 4-byte words (different multipliers and
// finalizers, so that ids which collide in one rarely collide in the other). A collision, or a number's key equal
// to another id's hash, costs time, never exactness: ids whose keys repeat are read again and compared by their
// bytes (candidate-lead-ids.ts).
import { plainNumberBytes } from './numeric-id-set.js';

/** The keys are cut into this many partitions by their top bits, each checked for repeats on its own. @internal */
export const ID_HASH_PARTITION_BITS = 7;
/** The number of partitions. @internal */
export const ID_HASH_PARTITIONS = 1 << ID_HASH_PARTITION_BITS;
/** The key's width: the partition's bits and a value of up to 53 bits, which a float holds exactly. @internal */
export const ID_HASH_BITS = ID_HASH_PARTITION_BITS + 53;

let defaultBits = ID_HASH_BITS;

/** A narrower key (as few as {@link ID_HASH_PARTITION_BITS} bits), for tests that force collisions; call with no argument to restore. @internal */
export function setIdHashBitsForTesting(bits: number = ID_HASH_BITS): void {
  if (!(Number.isInteger(bits) && bits >= ID_HASH_PARTITION_BITS && bits <= ID_HASH_BITS)) throw new RangeError(`id hash bits: ${bits}`);
  defaultBits = bits;
}

/** The width in use (see {@link setIdHashBitsForTesting}). @internal */
export function idHashBits(): number {
  return defaultBits;
}

const TWO_32 = 4294967296;

/**
 * The key of an id's bytes: {@link set} computes its {@link partition} (0 to {@link ID_HASH_PARTITIONS} − 1) and its {@link value} within
 * the partition (an integer below 2^(bits − {@link ID_HASH_PARTITION_BITS})), kept in fields so that no object is made per id. Equal ids
 * have equal keys. @internal
 */
export class IdHash {
  partition = 0;
  value = 0;
  /** 2^(value bits). */
  private readonly range: number;
  /** 2^(value bits − 32), when there are more than 32. */
  private readonly high: number;
  private readonly lowShift: number;

  constructor(readonly bits: number = ID_HASH_BITS) {
    const valueBits = bits - ID_HASH_PARTITION_BITS;
    this.range = 2 ** valueBits;
    // A hashed id's value: the first hash's low (valueBits − 32) bits above the second's 32, or the second's top valueBits.
    this.high = valueBits > 32 ? 2 ** (valueBits - 32) : 0;
    this.lowShift = valueBits >= 32 ? 0 : 32 - valueBits;
  }

  set(buf: Uint8Array, s: number, e: number): void {
    const number = plainNumberBytes(buf, s, e);
    if (number >= 0) {
      // Below 10^15 < 2^50: the number itself (its partition by a mix of its bits, so that consecutive ids spread over all).
      const high = number > 0xffffffff ? Math.floor(number / TWO_32) : 0;
      this.partition = murmurFinish((number - high * TWO_32) ^ Math.imul(high, 0x9e3779b1)) >>> (32 - ID_HASH_PARTITION_BITS);
      this.value = number < this.range ? number : number % this.range;
      return;
    }
    let a = 0x9747b28c;
    let b = 0x27d4eb2f;
    let i = s;
    for (; i + 4 <= e; i += 4) {
      const k = buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
      // MurmurHash3's round
      let m = Math.imul(k, 0xcc9e2d51);
      m = Math.imul((m << 15) | (m >>> 17), 0x1b873593);
      a ^= m;
      a = (Math.imul((a << 13) | (a >>> 19), 5) + 0xe6546b64) | 0;
      // xxHash32's round
      b = (b + Math.imul(k, 0x85ebca77)) | 0;
      b = Math.imul((b << 13) | (b >>> 19), 0x9e3779b1);
    }
    if (i < e) {
      let k = 0;
      for (let shift = 0; i < e; i++, shift += 8) {
        k |= buf[i]! << shift;
        b = (b + Math.imul(buf[i]!, 0x165667b1)) | 0;
        b = Math.imul((b << 11) | (b >>> 21), 0x9e3779b1);
      }
      const m = Math.imul(k, 0xcc9e2d51);
      a ^= Math.imul((m << 15) | (m >>> 17), 0x1b873593);
    }
    const n = e - s;
    a = murmurFinish(a ^ n);
    b = xxFinish((b + n) | 0);
    this.partition = a >>> (32 - ID_HASH_PARTITION_BITS);
    if (this.high > 0) this.value = (a & (this.high - 1)) * TWO_32 + (b >>> 0);
    else this.value = this.lowShift === 32 ? 0 : b >>> this.lowShift;
  }
}

/** MurmurHash3's finalizer: every input bit flips each output bit with probability about one half. @internal */
export function murmurFinish(h: number): number {
  return avalanche(h, 16, 0x85ebca6b, 0xc2b2ae35);
}

/** xxHash32's finalizer. */
function xxFinish(h: number): number {
  return avalanche(h, 15, 0x85ebca77, 0xc2b2ae3d);
}

/** The finalizer of MurmurHash3 and xxHash32, which differ in the first shift and the two multipliers. */
function avalanche(h: number, shift: number, first: number, second: number): number {
  h ^= h >>> shift;
  h = Math.imul(h, first);
  h ^= h >>> 13;
  h = Math.imul(h, second);
  return h ^ (h >>> 16);
}
