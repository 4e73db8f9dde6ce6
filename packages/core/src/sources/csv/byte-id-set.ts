import { hashBytes } from './hash-bytes.js';
import { UUID_KEY_LENGTH, packUuid } from './uuid-key.js';

/** The size of a page of id bytes. */
const PAGE_BITS = 20;
const PAGE = 1 << PAGE_BITS;

/**
 * Ids as their UTF-8 bytes, one after the other in pages of 1 MiB (filled, never copied: a growing buffer would hold twice the ids while
 * it grows), with the line each was first seen on, its lead index, and an open-addressing table of their positions: an id costs its
 * length and about 28 bytes (a string and a map entry cost several times that). @internal
 */
export class ByteIdSet {
  private pages: Uint8Array[] = [];
  /** The page being filled (the last of {@link pages}) and how much of it is used. */
  private page = new Uint8Array(0);
  private used = 0;
  /** Id `k` is the bytes `[starts[k] % PAGE, + lengths[k])` of page `starts[k] >>> PAGE_BITS`, hashed to `hashes[k]`. */
  private starts = new Uint32Array(1 << 10);
  private lengths = new Uint32Array(1 << 10);
  private hashes = new Int32Array(1 << 10);
  private lines = new Uint32Array(1 << 10);
  /** Lead indices, made by the first {@link setIndex} (a pass that keeps no lead never needs them). */
  private indices: Int32Array | null = null;
  private size = 0;
  /** Slots holding an id's number, or -1. */
  private table = new Int32Array(1 << 11).fill(-1);
  /** The id {@link addBytes} added or found last. */
  position = -1;
  /** The id {@link find} found last: tried first. */
  private found = -1;
  /** A UUID's packed key (see {@link key}). */
  private readonly packed = new Uint8Array(UUID_KEY_LENGTH);

  /** The bytes an id is kept as (see {@link packUuid}): sets {@link keyStart} and {@link keyEnd}. */
  private key(buf: Uint8Array, s: number, e: number): Uint8Array {
    if (packUuid(buf, s, e, this.packed)) {
      this.keyStart = 0;
      this.keyEnd = UUID_KEY_LENGTH;
      return this.packed;
    }
    this.keyStart = s;
    this.keyEnd = e;
    return buf;
  }
  private keyStart = 0;
  private keyEnd = 0;

  /** Adds the id `buf[s, e)` first seen on `line`; returns 0 when it is new, else the line it was first seen on. */
  addBytes(id: Uint8Array, from: number, to: number, line: number): number {
    const buf = this.key(id, from, to);
    const s = this.keyStart;
    const e = this.keyEnd;
    const h = hashBytes(buf, s, e);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (let k = this.table[slot]!; k >= 0; k = this.table[slot]!) {
      if (this.hashes[k] === h && this.equals(k, buf, s, e)) {
        this.position = k;
        return this.lines[k]!;
      }
      slot = (slot + 1) & mask;
    }
    const k = this.size;
    const n = e - s;
    if (this.used + n > this.page.length) {
      this.page = new Uint8Array(Math.max(PAGE, n));
      this.pages.push(this.page);
      this.used = 0;
    }
    this.page.set(buf.subarray(s, e), this.used);
    if (k === this.starts.length) {
      this.starts = grown(this.starts, k + 1);
      this.lengths = grown(this.lengths, k + 1);
      this.hashes = grown(this.hashes, k + 1);
      this.lines = grown(this.lines, k + 1);
      if (this.indices !== null) this.indices = grown(this.indices, k + 1);
    }
    this.starts[k] = (this.pages.length - 1) * PAGE + this.used;
    this.lengths[k] = n;
    this.hashes[k] = h;
    this.lines[k] = line;
    if (this.indices !== null) this.indices[k] = -1;
    this.used += n;
    this.table[slot] = k;
    this.size = k + 1;
    this.position = k;
    if (this.size * 2 > this.table.length) this.rehash();
    return 0;
  }

  /** The position of the id `buf[s, e)`, or -1. */
  find(id: Uint8Array, from: number, to: number): number {
    const buf = this.key(id, from, to);
    const s = this.keyStart;
    const e = this.keyEnd;
    if (this.found >= 0 && this.equals(this.found, buf, s, e)) return this.found;
    const h = hashBytes(buf, s, e);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (let k = this.table[slot]!; k >= 0; k = this.table[slot]!) {
      if (this.hashes[k] === h && this.equals(k, buf, s, e)) return (this.found = k);
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  lineAt(k: number): number {
    return this.lines[k]!;
  }

  indexAt(k: number): number {
    return this.indices === null ? -1 : this.indices[k]!;
  }

  setIndex(k: number, index: number): void {
    this.indices ??= new Int32Array(this.starts.length).fill(-1);
    this.indices[k] = index;
  }

  private equals(k: number, buf: Uint8Array, s: number, e: number): boolean {
    const n = e - s;
    if (this.lengths[k] !== n) return false;
    const start = this.starts[k]!;
    const bytes = this.pages[start >>> PAGE_BITS]!;
    const from = start & (PAGE - 1);
    for (let i = 0; i < n; i++) if (bytes[from + i] !== buf[s + i]) return false;
    return true;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let k = 0; k < this.size; k++) {
      let slot = this.hashes[k]! & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = k;
    }
    this.table = table;
  }
}

/** A copy of `a` with room for at least `n` elements (doubling). */
function grown<T extends Uint8Array | Uint32Array | Int32Array>(a: T, n: number): T {
  let length = a.length * 2;
  while (length < n) length *= 2;
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}
