import { ByteIdSet } from './byte-id-set.js';
import { NumericIdSet, plainNumberBytes } from './numeric-id-set.js';

/** The lead ids of a leads file, with the line each was first seen on: what decides `duplicate-id`. @internal */
export interface LeadIds {
  /** Adds an id first seen on `line`; returns 0 when it is new, else the line it was first seen on (and changes nothing). */
  add(id: string, line: number): number;
  /** {@link add} for the id `buf[s, e)`, UTF-8 bytes that trimming would leave as they are. */
  addBytes(buf: Uint8Array, s: number, e: number, line: number): number;
}

const encoder = new TextEncoder();

/** What {@link CompactLeadIds.indexOf} answers for an id no row of the leads file had. @internal */
export const UNKNOWN_ID = -2;

/**
 * Every lead id of a leads file, kept compactly: plain numbers (most exports) in a {@link NumericIdSet}, other ids as their bytes in a
 * {@link ByteIdSet}; no string per row either way. Each id carries the line of its first row and, once that row is accepted, the lead's
 * index: the history readers find a row's lead by its bytes, and word a rejected lead by its line. @internal
 */
export class CompactLeadIds implements LeadIds {
  /**
   * Small at first: its run then grows within a file's first rows, before the readers that add ids are compiled, so their compiled code
   * knows the growing path (first grown at 65,536 ids, it threw the compiled `claimId` away).
   */
  private readonly numbers = new NumericIdSet();
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
