import { MS_PER_DAY } from './civil.js';
import type { Zone } from './zone.js';
import { constantOffset } from './zone.js';

const BLOCK_BITS = 12; // 4096 days, about eleven years, per block
const BLOCK_SIZE = 1 << BLOCK_BITS;
const NOT_COMPUTED = Number.POSITIVE_INFINITY;

/**
 * Per calendar day of a zone, the UTC offset that holds from a day before that day to a day after it, or
 * NaN where a transition falls in that span. For a wall-clock time on a day with an offset here, the
 * instant is `local − offset`, exactly what {@link Zone.fromLocal} returns (it compares the offsets a day
 * either side, which are then equal), and reading that instant back gives the same wall clock. So a file's
 * naive timestamps cost a table look-up each: the zone's transitions are consulted once per day seen.
 *
 * One instance per reader (it caches the block in use). @internal
 */
export class DayOffsets {
  private readonly blocks = new Map<number, Float64Array>();
  private blockIndex = Number.NaN;
  private block: Float64Array = new Float64Array(0);

  constructor(readonly zone: Zone) {}

  /** The offset for local day `dayNumber` (days since 1970-01-01), or NaN near a transition. */
  offsetOfDay(dayNumber: number): number {
    const index = dayNumber >> BLOCK_BITS;
    if (index !== this.blockIndex) this.load(index);
    const value = this.block[dayNumber & (BLOCK_SIZE - 1)]!;
    return value === NOT_COMPUTED ? this.compute(dayNumber) : value;
  }

  private load(index: number): void {
    let block = this.blocks.get(index);
    if (block === undefined) {
      block = new Float64Array(BLOCK_SIZE).fill(NOT_COMPUTED);
      this.blocks.set(index, block);
    }
    this.block = block;
    this.blockIndex = index;
  }

  private compute(dayNumber: number): number {
    // fromLocal(local) reads the offsets at local ± 1 day; the instant it returns (local − offset, offsets
    // being under a day) stays inside the same span, so toLocal agrees as well.
    const value = constantOffset(this.zone, (dayNumber - 1) * MS_PER_DAY, (dayNumber + 2) * MS_PER_DAY);
    this.block[dayNumber & (BLOCK_SIZE - 1)] = value;
    return value;
  }
}
