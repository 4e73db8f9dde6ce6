import { MS_PER_DAY } from './civil.js';
import type { Zone } from './zone.js';
import { constantOffset } from './zone.js';

/** Days filled at once when their offset holds throughout: a file's dates cost one zone question per month, not per day. */
const RUN_BITS = 5;
const RUN_DAYS = 1 << RUN_BITS;
/** Days the table grows by beyond those asked, at the least. */
const SLACK_DAYS = 1024;
/** The most days the table spans (about 180 years, 512 KB); days beyond are computed each time they are asked. */
const MAX_SPAN = 1 << 16;
const NOT_COMPUTED = Number.POSITIVE_INFINITY;

/**
 * Per calendar day of a zone, the UTC offset that holds from a day before that day to a day after it, or
 * NaN where a transition falls in that span. For a wall-clock time on a day with an offset here, the
 * instant is `local − offset`, exactly what {@link Zone.fromLocal} returns (it compares the offsets a day
 * either side, which are then equal), and reading that instant back gives the same wall clock. So a file's
 * naive timestamps cost a table look-up each: the zone's transitions are consulted once per run of days seen.
 *
 * One instance per parser (the parser of a zone is shared). @internal
 */
export class DayOffsets {
  /**
   * The offsets of days `[first, first + days.length)`, in one table that grows to take in the days asked: blocks of days with the block
   * in use cached switched blocks on every other timestamp of a file whose dates straddle a block's end.
   */
  private first = 0;
  private days = new Float64Array(0);

  constructor(readonly zone: Zone) {}

  /** The offset for local day `dayNumber` (days since 1970-01-01), or NaN near a transition. */
  offsetOfDay(dayNumber: number): number {
    const k = dayNumber - this.first;
    const value = k >= 0 && k < this.days.length ? this.days[k]! : NOT_COMPUTED;
    return value === NOT_COMPUTED ? this.compute(dayNumber) : value;
  }

  /**
   * Fills the run of {@link RUN_DAYS} days holding `dayNumber` when one offset holds throughout it (and a day either side), else that
   * day alone. The misses are then rare, so the optimizing compiler keeps this out of the callers it compiles early (a file's first
   * timestamps are nearly all on new days): compiling the zone's code into them delayed their optimization by tens of milliseconds.
   */
  private compute(dayNumber: number): number {
    // fromLocal(local) reads the offsets at local ± 1 day; the instant it returns (local − offset, offsets
    // being under a day) stays inside the same span, so toLocal agrees as well. An offset that holds over
    // a run's spans together holds over each day's.
    const first = dayNumber & ~(RUN_DAYS - 1);
    const run = constantOffset(this.zone, (first - 1) * MS_PER_DAY, (first + RUN_DAYS + 1) * MS_PER_DAY);
    const value = run === run ? run : constantOffset(this.zone, (dayNumber - 1) * MS_PER_DAY, (dayNumber + 2) * MS_PER_DAY);
    if (!this.cover(first, first + RUN_DAYS)) return value;
    const k = first - this.first;
    if (run === run) this.days.fill(run, k, k + RUN_DAYS);
    else this.days[dayNumber - this.first] = value;
    return value;
  }

  /** Grows the table to hold days `[from, to)`; false when it would then span more than {@link MAX_SPAN} days. */
  private cover(from: number, to: number): boolean {
    const end = this.first + this.days.length;
    if (this.days.length > 0 && from >= this.first && to <= end) return true;
    const first = this.days.length === 0 ? from - SLACK_DAYS : Math.min(this.first, from - SLACK_DAYS);
    const last = this.days.length === 0 ? to + SLACK_DAYS : Math.max(end, to + SLACK_DAYS);
    if (last - first > MAX_SPAN) return false;
    const days = new Float64Array(last - first).fill(NOT_COMPUTED);
    if (this.days.length > 0) days.set(this.days, this.first - first);
    this.first = first;
    this.days = days;
    return true;
  }
}
