import type { LeadIds } from './lead-ids.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** Thrown by {@link IncreasingLeadIds} at the first id that is not greater than the one before. @internal */
export class IdsOutOfOrder extends Error {}

/**
 * Lead ids that come in increasing order, as exports list them (numbers by value, ids of one width such as `L0000001` or Salesforce's by
 * their characters): the order is shortlex over the UTF-8 bytes (shorter first, then byte by byte), in which every id greater than the one
 * before is new. Keeps only the first and the last id, so that a piece of a file of any length costs no memory per id (nor a hash);
 * throws {@link IdsOutOfOrder} at the first id out of order, when only a reader that keeps or hashes every id can say which are repeated,
 * and also once `stop[0]` is not 0 (checked every 1024 ids: another piece of the file found its ids out of order). @internal
 */
export class IncreasingLeadIds implements LeadIds {
  count = 0;
  first = '';
  private last = new Uint8Array(64);
  private lastLength = 0;

  constructor(private readonly stop?: Int32Array) {}

  add(id: string, line: number): number {
    const bytes = encoder.encode(id);
    return this.addBytes(bytes, 0, bytes.length, line);
  }

  addBytes(buf: Uint8Array, s: number, e: number, _line: number): number {
    const n = e - s;
    if (this.count > 0 && compareShortlex(buf, s, e, this.last, this.lastLength) <= 0) throw new IdsOutOfOrder();
    if ((this.count & 1023) === 1023 && this.stop !== undefined && Atomics.load(this.stop, 0) !== 0) throw new IdsOutOfOrder();
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
