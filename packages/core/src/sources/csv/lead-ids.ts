import { lowerBound } from '../../stats/lower-bound.js';

/** The lead ids of a leads file, with the line each was first seen on: what decides `duplicate-id`. @internal */
export interface LeadIds {
  /** Adds an id first seen on `line`; returns 0 when it is new, else the line it was first seen on (and changes nothing). */
  add(id: string, line: number): number;
  /** {@link add} for the id `buf[s, e)`, UTF-8 bytes that trimming would leave as they are. */
  addBytes(buf: Uint8Array, s: number, e: number, line: number): number;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** What {@link CompactLeadIds.indexOf} answers for an id no row of the leads file had. @internal */
export const UNKNOWN_ID = -2;

/**
 * Every lead id of a leads file, kept compactly: plain numbers (most exports) in a {@link NumericIdSet}, other ids as their bytes in a
 * {@link ByteIdSet}; no string per row either way. Each id carries the line of its first row and, once that row is accepted, the lead's
 * index: the history readers find a row's lead by its bytes, and word a rejected lead by its line. @internal
 */
export class CompactLeadIds implements LeadIds {
  private readonly numbers = new NumericIdSet(1 << 16);
  private readonly others = new ByteIdSet();
  /** Where the id added last is: its position in {@link numbers} (`lastNumeric`) or {@link others}. */
  private last = -1;
  private lastNumeric = true;
  /** The id {@link indexOfBytes} found last (a history lists a lead's rows together). */
  private foundValue = -1;
  private foundPosition = -1;

  add(id: string, line: number): number {
    const bytes = encoder.encode(id);
    return this.addBytes(bytes, 0, bytes.length, line);
  }

  addBytes(buf: Uint8Array, s: number, e: number, line: number): number {
    const value = plainNumberBytes(buf, s, e);
    this.lastNumeric = value >= 0;
    const first = value >= 0 ? this.numbers.add(value, line) : this.others.addBytes(buf, s, e, line);
    this.last = value >= 0 ? this.numbers.position : this.others.position;
    return first;
  }

  /** Gives the id added last (new, its row accepted) the lead index `index`. */
  acceptLast(index: number): void {
    if (this.lastNumeric) this.numbers.setIndex(this.last, index);
    else this.others.setIndex(this.last, index);
  }

  /** The lead index of an id: {@link UNKNOWN_ID} when no row had it, -1 when its first row was rejected. */
  indexOf(id: string): number {
    const bytes = encoder.encode(id);
    return this.indexOfBytes(bytes, 0, bytes.length);
  }

  /** {@link indexOf} for the id `buf[s, e)`. */
  indexOfBytes(buf: Uint8Array, s: number, e: number): number {
    const value = plainNumberBytes(buf, s, e);
    if (value >= 0) {
      if (value !== this.foundValue) {
        this.foundPosition = this.numbers.find(value);
        this.foundValue = value;
      }
      return this.foundPosition < 0 ? UNKNOWN_ID : this.numbers.indexAt(this.foundPosition);
    }
    const k = this.others.find(buf, s, e);
    return k < 0 ? UNKNOWN_ID : this.others.indexAt(k);
  }

  /** The line of an id's first row, or undefined when no row had it. */
  lineOf(id: string): number | undefined {
    const bytes = encoder.encode(id);
    const value = plainNumberBytes(bytes, 0, bytes.length);
    const at = value >= 0 ? this.numbers.find(value) : this.others.find(bytes, 0, bytes.length);
    if (at < 0) return undefined;
    return value >= 0 ? this.numbers.lineAt(at) : this.others.lineAt(at);
  }
}

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
  private readonly packed = new Uint8Array(17);

  /**
   * The bytes an id is kept as: a UUID in lowercase hex (`8-4-4-4-12`), most exports' id but numbers, packed into 16 bytes after a 0xFF
   * (a byte no UTF-8 text holds, so no other id has that key); any other id as it is. Sets {@link keyStart} and {@link keyEnd}.
   */
  private key(buf: Uint8Array, s: number, e: number): Uint8Array {
    if (e - s === 36 && buf[s + 8] === DASH && buf[s + 13] === DASH && buf[s + 18] === DASH && buf[s + 23] === DASH) {
      const out = this.packed;
      let o = 1;
      let high = -1;
      for (let i = s; i < e; i++) {
        if (i - s === 8 || i - s === 13 || i - s === 18 || i - s === 23) continue;
        const nibble = HEX_VALUE[buf[i]!]!;
        if (nibble < 0) break;
        if (high < 0) high = nibble;
        else {
          out[o++] = (high << 4) | nibble;
          high = -1;
        }
      }
      if (o === 17) {
        out[0] = 0xff;
        this.keyStart = 0;
        this.keyEnd = 17;
        return out;
      }
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

const DASH = 45;
/** Each byte's value as a lowercase hex digit, or -1. */
const HEX_VALUE = Int8Array.from({ length: 256 }, (_, b) => (b >= 48 && b <= 57 ? b - 48 : b >= 97 && b <= 102 ? b - 87 : -1));

/** FNV-1a over bytes (a 32-bit integer). @internal */
export function hashBytes(buf: Uint8Array, s: number, e: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

/** A copy of `a` with room for at least `n` elements (doubling). */
function grown<T extends Uint8Array | Uint32Array | Int32Array>(a: T, n: number): T {
  let length = a.length * 2;
  while (length < n) length *= 2;
  const b = new (a.constructor as new (n: number) => T)(length);
  b.set(a);
  return b;
}

/** Thrown by {@link IncreasingLeadIds} at the first id that is not greater than the one before. @internal */
export class IdsOutOfOrder extends Error {}

/**
 * Lead ids that come in increasing order, as exports list them (numbers by value, ids of one width such as `L0000001` or Salesforce's by
 * their characters): the order is shortlex over the UTF-8 bytes (shorter first, then byte by byte), in which every id greater than the one
 * before is new. Keeps only the first and the last id, so that a piece of a file of any length costs no memory per id; throws
 * {@link IdsOutOfOrder} at the first id out of order, when only a reader that keeps every id ({@link CompactLeadIds}) can say which are
 * repeated. @internal
 */
export class IncreasingLeadIds implements LeadIds {
  count = 0;
  first = '';
  private last = new Uint8Array(64);
  private lastLength = 0;

  add(id: string, line: number): number {
    const bytes = encoder.encode(id);
    return this.addBytes(bytes, 0, bytes.length, line);
  }

  addBytes(buf: Uint8Array, s: number, e: number, _line: number): number {
    const n = e - s;
    if (this.count > 0 && compareShortlex(buf, s, e, this.last, this.lastLength) <= 0) throw new IdsOutOfOrder();
    if (n > this.last.length) this.last = new Uint8Array(n * 2);
    // A loop, not set(subarray): no view made per row.
    const last = this.last;
    for (let i = 0; i < n; i++) last[i] = buf[s + i]!;
    this.lastLength = n;
    if (this.count === 0) this.first = decoder.decode(buf.subarray(s, e));
    this.count++;
    return 0;
  }

  /** The number of ids, the first and the last (empty strings when none). */
  range(): { count: number; first: string; last: string } {
    return { count: this.count, first: this.first, last: decoder.decode(this.last.subarray(0, this.lastLength)) };
  }
}

/** Shortlex order of `a[s, e)` and `b[0, n)`: negative, zero or positive. */
function compareShortlex(a: Uint8Array, s: number, e: number, b: Uint8Array, n: number): number {
  if (e - s !== n) return e - s - n;
  for (let i = 0; i < n; i++) {
    const d = a[s + i]! - b[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether id text `a` comes before `b` in the order of {@link IncreasingLeadIds}. @internal */
export function idBefore(a: string, b: string): boolean {
  const x = encoder.encode(a);
  const y = encoder.encode(b);
  return compareShortlex(x, 0, x.length, y, y.length) < 0;
}

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
    const low = value >>> 0; // value mod 2^32
    const high = Math.floor(value / 4294967296);
    // Consecutive ids take consecutive slots; the bits above the table's width perturb the slot, so ids
    // that share their low bits (a stride of 2^k) do not pile up.
    return (low + Math.imul(low >>> this.bits, 0x9e3779b1) + Math.imul(high, 0x85ebca6b)) & this.mask;
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
