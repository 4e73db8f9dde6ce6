import { hashBytes } from './hash-bytes.js';

/**
 * Strings for the bytes of a low-cardinality column (stages, locators, teams), decoded and trimmed once per distinct value: a million
 * history rows hold a handful of stage names, and each row then costs a hash and a comparison instead of a new string. The values' bytes
 * lie in one buffer and an open-addressing table of typed arrays finds them, so a look-up allocates nothing. @internal
 */
export class ByteInterner {
  private bytes = new Uint8Array(1 << 12);
  private used = 0;
  /** Value `k` is `bytes[starts[k], starts[k] + lengths[k])`, hashed to `hashes[k]`, and reads `texts[k]`. */
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly hashes: Int32Array;
  /**
   * Starts as an empty array of any elements, not `[]` (an array of small integers until the first string is pushed): that first push
   * changed the array's kind, V8 then gave interners made later another map, and the compiled `get` was thrown away at the first row of
   * the next file (--trace-deopt: 'wrong map', then 'not a Smi').
   */
  private readonly texts: string[] = [''].slice(0, 0);
  /** Slots holding a value's number, or -1; at most half full. */
  private readonly table: Int32Array;
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  /** The number of the value the last `get` returned (0, 1, … in order of first sight), or -1 past the limit. */
  lastIndex = -1;

  constructor(private readonly limit = 4096) {
    this.starts = new Int32Array(limit);
    this.lengths = new Int32Array(limit);
    this.hashes = new Int32Array(limit);
    let size = 16;
    while (size < limit * 2) size *= 2;
    this.table = new Int32Array(size).fill(-1);
  }

  /** The text of `buf[s, e)`, decoded as UTF-8 and trimmed (as `String.prototype.trim` trims). */
  get(buf: Uint8Array, s: number, e: number): string {
    const h = hashBytes(buf, s, e);
    const table = this.table;
    const mask = table.length - 1;
    const n = e - s;
    let slot = h & mask;
    for (let k = table[slot]!; k >= 0; slot = (slot + 1) & mask, k = table[slot]!) {
      if (this.hashes[k] !== h || this.lengths[k] !== n) continue;
      const bytes = this.bytes;
      const from = this.starts[k]!;
      let i = 0;
      while (i < n && bytes[from + i] === buf[s + i]) i++;
      if (i === n) {
        this.lastIndex = k;
        return this.texts[k]!;
      }
    }
    const text = this.decoder.decode(buf.subarray(s, e)).trim();
    const k = this.texts.length;
    this.lastIndex = k < this.limit ? k : -1;
    if (k < this.limit) {
      // A copy of the bytes: the buffer is reused for the next chunk.
      if (this.used + n > this.bytes.length) {
        const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.used + n));
        grown.set(this.bytes.subarray(0, this.used));
        this.bytes = grown;
      }
      this.bytes.set(buf.subarray(s, e), this.used);
      this.starts[k] = this.used;
      this.lengths[k] = n;
      this.hashes[k] = h;
      this.used += n;
      this.texts.push(text);
      table[slot] = k;
    }
    return text;
  }
}
