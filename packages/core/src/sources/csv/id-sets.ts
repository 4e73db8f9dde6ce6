/**
 * Compact sets of lead ids with the line each was first seen on, for duplicate detection over files of
 * millions of rows without a string per row. @internal
 * @module
 */

/**
 * Ids that are plain numbers. While they arrive in increasing order (exports are usually sorted by id),
 * they are kept as a sorted run, where a new id is new exactly when it is larger than the last: one
 * comparison per row. The first id out of order moves the run into an open-addressing hash table whose
 * slots follow the ids' low bits, so ids that are close together stay close in memory.
 */
export class NumericIdSet {
  /** The run's ids: 32-bit while they fit (half the memory), 64-bit floats from the first that does not. */
  private runKeys: Uint32Array | Float64Array;
  private runLines: Uint32Array;
  private runLength = 0;
  /** The run's last id (−1 before the first). */
  private last = -1;
  private hashing = false;
  private keys = new Float64Array(0);
  private lines = new Uint32Array(0);
  private mask = 0;
  private bits = 0;
  private size = 0;

  constructor(expected = 1024) {
    this.runKeys = new Uint32Array(Math.max(16, expected));
    this.runLines = new Uint32Array(Math.max(16, expected));
  }

  /** Adds an id first seen on `line`; returns 0 when it is new, else the line it was first seen on. */
  add(value: number, line: number): number {
    if (!this.hashing) {
      if (value > this.last) {
        const n = this.runLength;
        if (n === this.runLines.length) this.growRun();
        if (value > 0xffffffff && this.runKeys instanceof Uint32Array) this.runKeys = Float64Array.from(this.runKeys);
        this.runKeys[n] = value;
        this.runLines[n] = line;
        this.runLength = n + 1;
        this.last = value;
        return 0;
      }
      this.startHashing();
    }
    return this.insert(value, line);
  }

  private growRun(): void {
    const keys = this.runKeys instanceof Uint32Array ? new Uint32Array(this.runKeys.length * 2) : new Float64Array(this.runKeys.length * 2);
    keys.set(this.runKeys);
    this.runKeys = keys;
    const lines = new Uint32Array(this.runLines.length * 2);
    lines.set(this.runLines);
    this.runLines = lines;
  }

  private startHashing(): void {
    this.hashing = true;
    this.allocate(this.runLength + 1);
    for (let i = 0; i < this.runLength; i++) this.insert(this.runKeys[i]!, this.runLines[i]!);
    this.runKeys = new Float64Array(0);
    this.runLines = new Uint32Array(0);
  }

  private allocate(capacity: number): void {
    let bits = 10;
    while (1 << bits < capacity * 2) bits++;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.lines = new Uint32Array(1 << bits);
    this.size = 0;
  }

  private slot(value: number): number {
    const low = value >>> 0; // value mod 2^32
    const high = Math.floor(value / 4294967296);
    // Consecutive ids take consecutive slots; the bits above the table's width perturb the slot, so ids
    // that share their low bits (a stride of 2^k) do not pile up.
    return (low + Math.imul(low >>> this.bits, 0x9e3779b1) + Math.imul(high, 0x85ebca6b)) & this.mask;
  }

  private insert(value: number, line: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.rehash();
    const keys = this.keys;
    const mask = this.mask;
    let s = this.slot(value);
    for (;;) {
      const k = keys[s]!;
      if (k === -1) {
        keys[s] = value;
        this.lines[s] = line;
        this.size++;
        return 0;
      }
      if (k === value) return this.lines[s]!;
      s = (s + 1) & mask;
    }
  }

  private rehash(): void {
    const keys = this.keys;
    const lines = this.lines;
    this.allocate(Math.max(1024, keys.length));
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.insert(keys[i]!, lines[i]!);
  }
}

/** Ids that are not plain numbers, as UTF-8 bytes in one arena, found by hash and compared byte by byte. */
export class StringIdSet {
  private slots = new Int32Array(1024); // entry index + 1; 0 = empty
  private mask = 1023;
  private hashes = new Uint32Array(256);
  private ends = new Uint32Array(256);
  private lines = new Uint32Array(256);
  private count = 0;
  private arena = new Uint8Array(4096);
  private used = 0;

  /** Adds the id `bytes[s, e)` (hash `hash`) first seen on `line`; returns 0 when new, else its first line. */
  add(hash: number, bytes: Uint8Array, s: number, e: number, line: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.mask;
    let slot = hash & mask;
    for (;;) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0) break;
      if (this.hashes[entry] === hash && this.equals(entry, bytes, s, e)) return this.lines[entry]!;
      slot = (slot + 1) & mask;
    }
    const n = this.count;
    if (n === this.hashes.length) {
      this.hashes = grow32(this.hashes);
      this.ends = grow32(this.ends);
      this.lines = grow32(this.lines);
    }
    const length = e - s;
    while (this.used + length > this.arena.length) {
      const bigger = new Uint8Array(this.arena.length * 2);
      bigger.set(this.arena);
      this.arena = bigger;
    }
    this.arena.set(bytes.subarray(s, e), this.used);
    this.used += length;
    this.hashes[n] = hash;
    this.ends[n] = this.used;
    this.lines[n] = line;
    this.count = n + 1;
    this.slots[slot] = n + 1;
    return 0;
  }

  private equals(entry: number, bytes: Uint8Array, s: number, e: number): boolean {
    const end = this.ends[entry]!;
    const start = entry === 0 ? 0 : this.ends[entry - 1]!;
    if (end - start !== e - s) return false;
    const arena = this.arena;
    for (let i = 0; i < end - start; i++) if (arena[start + i] !== bytes[s + i]) return false;
    return true;
  }

  private rehash(): void {
    const size = this.slots.length * 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let n = 0; n < this.count; n++) {
      let slot = this.hashes[n]! & this.mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
      this.slots[slot] = n + 1;
    }
  }
}

function grow32(a: Uint32Array) {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}
