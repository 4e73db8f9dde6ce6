import { lowerBound } from '../../stats/lower-bound.js';

/**
 * Ids that are plain numbers, with the line each was first seen on and its lead index: while they increase (as exports list them) a sorted
 * run searched by halving, else an open-addressing table. @internal
 */
export class NumericIdSet {
  /** The run's ids: 32-bit while they fit (half the memory), 64-bit floats from the first that does not. */
  private runKeys: Uint32Array | Float64Array;
  private runLines: Uint32Array;
  private runIndices: Int32Array;
  private runLength = 0;
  /** The run's last id (−1 before the first). */
  private last = -1;
  private hashing = false;
  private keys = new Float64Array(0);
  private lines = new Uint32Array(0);
  private indices = new Int32Array(0);
  private mask = 0;
  private bits = 0;
  private size = 0;
  /** Where the id {@link add} added or found last is (a run index, or a table slot once hashing). */
  position = -1;

  constructor(expected = 1024) {
    this.runKeys = new Uint32Array(Math.max(16, expected));
    this.runLines = new Uint32Array(Math.max(16, expected));
    this.runIndices = new Int32Array(Math.max(16, expected));
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
        this.runIndices[n] = -1;
        this.runLength = n + 1;
        this.last = value;
        this.position = n;
        return 0;
      }
      this.startHashing();
    }
    return this.insert(value, line, -1);
  }

  /** The position of an id (see {@link position}), or -1. */
  find(value: number): number {
    if (this.hashing) {
      for (let s = this.slot(value); ; s = (s + 1) & this.mask) {
        const k = this.keys[s]!;
        if (k === value) return s;
        if (k === -1) return -1;
      }
    }
    const keys = this.runKeys;
    // Consecutive ids (most exports) are found at once; any others by halving.
    const guess = value - keys[0]!;
    if (guess >= 0 && guess < this.runLength && keys[guess] === value) return guess;
    const at = lowerBound(keys.subarray(0, this.runLength), value);
    return at < this.runLength && keys[at] === value ? at : -1;
  }

  lineAt(position: number): number {
    return (this.hashing ? this.lines : this.runLines)[position]!;
  }

  indexAt(position: number): number {
    return (this.hashing ? this.indices : this.runIndices)[position]!;
  }

  setIndex(position: number, index: number): void {
    (this.hashing ? this.indices : this.runIndices)[position] = index;
  }

  private growRun(): void {
    const keys = this.runKeys instanceof Uint32Array ? new Uint32Array(this.runKeys.length * 2) : new Float64Array(this.runKeys.length * 2);
    keys.set(this.runKeys);
    this.runKeys = keys;
    const lines = new Uint32Array(this.runLines.length * 2);
    lines.set(this.runLines);
    this.runLines = lines;
    const indices = new Int32Array(this.runIndices.length * 2);
    indices.set(this.runIndices);
    this.runIndices = indices;
  }

  private startHashing(): void {
    this.hashing = true;
    this.allocate(this.runLength + 1);
    for (let i = 0; i < this.runLength; i++) this.insert(this.runKeys[i]!, this.runLines[i]!, this.runIndices[i]!);
    this.runKeys = new Float64Array(0);
    this.runLines = new Uint32Array(0);
    this.runIndices = new Int32Array(0);
  }

  private allocate(capacity: number): void {
    let bits = 10;
    while (1 << bits < capacity * 2) bits++;
    this.bits = bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Float64Array(1 << bits).fill(-1);
    this.lines = new Uint32Array(1 << bits);
    this.indices = new Int32Array(1 << bits);
    this.size = 0;
  }

  private slot(value: number): number {
    // Mixed (MurmurHash3's finalizer over both halves), not the value's own low bits: consecutive ids in
    // consecutive slots made one long cluster that every later id landing in it walked to its end (a
    // million increasing ids then one repeated: minutes, not milliseconds).
    let h = (value >>> 0) ^ Math.imul(Math.floor(value / 4294967296), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) & this.mask;
  }

  private insert(value: number, line: number, index: number): number {
    if ((this.size + 1) * 2 > this.keys.length) this.rehash();
    const keys = this.keys;
    const mask = this.mask;
    let s = this.slot(value);
    for (;;) {
      const k = keys[s]!;
      if (k === -1) {
        keys[s] = value;
        this.lines[s] = line;
        this.indices[s] = index;
        this.size++;
        this.position = s;
        return 0;
      }
      if (k === value) {
        this.position = s;
        return this.lines[s]!;
      }
      s = (s + 1) & mask;
    }
  }

  private rehash(): void {
    const { keys, lines, indices } = this;
    this.allocate(Math.max(1024, keys.length));
    for (let i = 0; i < keys.length; i++) if (keys[i] !== -1) this.insert(keys[i]!, lines[i]!, indices[i]!);
  }
}

// Lead ids that are plain numbers (1–15 digits, no leading zero): their text is exactly `String(value)`,
// so the readers of large files keep the number instead of a string per row.
/** The value of an id of 1–15 ASCII digits without a leading zero (its text is then `String(value)`), else −1. @internal */
export function plainNumberBytes(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 0 || n > 15 || (n > 1 && buf[s] === 48)) return -1;
  let value = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
