import { missingTimeZone, unknownTimeZone } from '../messages.js';
import { MS_PER_DAY, daysFromCivil } from './civil.js';

/**
 * A resolved IANA time zone with fast offset look-ups.
 *
 * Why not `Intl` per row: formatting one instant through `Intl.DateTimeFormat` costs microseconds, and
 * every aggregation asks the question once per lead. A zone's offset only changes at its transitions, so we
 * ask `Intl` a few hundred times per ~year of instants seen (daily samples, then a bisection to the second at
 * each change), store the transitions, and answer every later question with arithmetic.
 *
 * @example
 * ```ts
 * const ny = getZone('America/New_York');
 * ny.offsetAt(Date.UTC(2026, 6, 1)) / 3_600_000; // -4 (EDT)
 * new Date(ny.toLocal(Date.UTC(2026, 6, 1, 16))).toISOString(); // '2026-07-01T12:00:00.000Z': noon on the wall clock
 * ```
 */
export interface Zone {
  /** The IANA name, as given. */
  readonly name: string;
  /** UTC offset in milliseconds (local − UTC) in force at the instant. */
  offsetAt(epochMs: number): number;
  /** "Local milliseconds": the wall-clock time of the instant, counted as if it were UTC. */
  toLocal(epochMs: number): number;
  /**
   * The instant of a wall-clock time (local milliseconds). A time that occurs twice (fall-back) gives the
   * earlier instant; one that does not exist (spring-forward gap) is moved forward by the gap — Temporal's
   * `compatible` disambiguation.
   */
  fromLocal(localMs: number): number;
}

// Instants are grouped into fixed chunks of 400 days (whole seconds, so bisection lands on whole seconds);
// each chunk stores its transitions once computed.
const CHUNK_MS = 400 * MS_PER_DAY;

interface Chunk {
  /** Transition instants inside the chunk, ascending; `offsets[i]` holds from `times[i]`, `offsets[0]` from the chunk start. */
  times: number[];
  offsets: number[];
}

class CachedZone implements Zone {
  private readonly chunks = new Map<number, Chunk>();
  private lastChunkIndex = Number.NaN;
  private lastChunk: Chunk | undefined;

  constructor(
    readonly name: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  offsetAt(epochMs: number): number {
    const index = Math.floor(epochMs / CHUNK_MS);
    let chunk = this.lastChunk;
    if (index !== this.lastChunkIndex || chunk === undefined) {
      chunk = this.chunkAt(index);
      this.lastChunkIndex = index;
      this.lastChunk = chunk;
    }
    const { times, offsets } = chunk;
    // Almost every chunk has 0–2 transitions: a backwards linear scan beats a binary search.
    for (let i = times.length - 1; i > 0; i--) {
      if (epochMs >= times[i]!) return offsets[i]!;
    }
    return offsets[0]!;
  }

  toLocal(epochMs: number): number {
    return epochMs + this.offsetAt(epochMs);
  }

  fromLocal(localMs: number): number {
    // Offsets in force a day either side bracket any single transition near this wall-clock time.
    const before = this.offsetAt(localMs - MS_PER_DAY);
    const after = this.offsetAt(localMs + MS_PER_DAY);
    const early = localMs - before;
    if (before === after) return early;
    const late = localMs - after;
    const earlyValid = this.offsetAt(early) === before;
    const lateValid = this.offsetAt(late) === after;
    if (earlyValid && lateValid) return Math.min(early, late); // overlap: the earlier instant
    if (earlyValid) return early;
    if (lateValid) return late;
    // A gap: read the time with the offset from before the transition, which lands after the gap.
    return early;
  }

  /**
   * The offset in force throughout `[startMs, endMs]`, or NaN when it changes anywhere in that span
   * (by the same transitions `offsetAt` uses, so the answer agrees with it exactly).
   */
  constantOffset(startMs: number, endMs: number): number {
    const offset = this.offsetAt(startMs);
    const last = Math.floor(endMs / CHUNK_MS);
    for (let index = Math.floor(startMs / CHUNK_MS); index <= last; index++) {
      const { times, offsets } = this.chunkAt(index);
      for (let i = 0; i < times.length; i++) {
        const t = times[i]!;
        if (t > startMs && t <= endMs && offsets[i] !== offset) return Number.NaN;
      }
    }
    return offset;
  }

  private chunkAt(index: number): Chunk {
    let chunk = this.chunks.get(index);
    if (chunk === undefined) {
      chunk = this.computeChunk(index);
      this.chunks.set(index, chunk);
    }
    return chunk;
  }

  private computeChunk(index: number): Chunk {
    const start = index * CHUNK_MS;
    const end = start + CHUNK_MS;
    const times = [start];
    const offsets = [this.intlOffset(start)];
    let previousTime = start;
    let previousOffset = offsets[0]!;
    for (let t = start + MS_PER_DAY; ; t += MS_PER_DAY) {
      const sample = Math.min(t, end - 1);
      const offset = this.intlOffset(sample);
      if (offset !== previousOffset) {
        // Bisect to the second: transitions happen on whole seconds.
        let lo = previousTime;
        let hi = sample;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.intlOffset(mid) === previousOffset) lo = mid;
          else hi = mid;
        }
        times.push(hi);
        offsets.push(offset);
        previousOffset = offset;
      }
      previousTime = sample;
      if (sample >= end - 1) break;
    }
    return { times, offsets };
  }

  /** The offset from `Intl`, exact to the second (the only place that calls `Intl`). */
  private intlOffset(epochMs: number): number {
    const whole = Math.floor(epochMs / 1000) * 1000;
    const parts: Record<string, string> = {};
    for (const part of this.format.formatToParts(whole)) parts[part.type] = part.value;
    const yearOfEra = Number(parts.year);
    const year = parts.era?.startsWith('B') ? 1 - yearOfEra : yearOfEra;
    const time = ((Number(parts.hour) % 24) * 60 + Number(parts.minute)) * 60 + Number(parts.second);
    const local = daysFromCivil(year, Number(parts.month), Number(parts.day)) * MS_PER_DAY + time * 1000;
    return local - whole;
  }
}

/**
 * UTC and its aliases (Etc/UTC, GMT, Zulu, …): offset 0 at every instant, with no `Intl` work at all (the
 * cached zone would sample a year of days to find no transition).
 */
class UtcZone implements Zone {
  constructor(readonly name: string) {}
  offsetAt(): number {
    return 0;
  }
  toLocal(epochMs: number): number {
    return epochMs;
  }
  fromLocal(localMs: number): number {
    return localMs;
  }
}

const zones = new Map<string, Zone>();

/** Every field of a date and time as a number (the era apart): what {@link CachedZone} reads an offset from. */
const NUMERIC = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;

/**
 * The {@link Zone} for an IANA name, created once and cached. Throws a `RangeError` naming the value when
 * the name is not a time zone this runtime knows.
 *
 * @example
 * ```ts
 * getZone('Asia/Kolkata').offsetAt(Date.parse('2026-01-15T00:00:00Z')) / 60_000; // 330
 * ```
 */
export function getZone(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (zone) return zone;
  // `Intl.DateTimeFormat` reads a missing timeZone as the host's zone: a silent, machine-dependent answer.
  // Plain JavaScript, notebooks and config files can pass undefined, so the type alone does not keep it out.
  if (typeof timeZone !== 'string' || timeZone.trim() === '') throw new RangeError(missingTimeZone(timeZone));
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') {
    // No lookup needed, and none made: the first Intl.DateTimeFormat of a process loads the ICU zone data (~12 ms).
    zone = new UtcZone(timeZone);
    zones.set(timeZone, zone);
    return zone;
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', era: 'short', ...NUMERIC });
  } catch {
    throw new RangeError(unknownTimeZone(timeZone));
  }
  zone = format.resolvedOptions().timeZone === 'UTC' ? new UtcZone(timeZone) : new CachedZone(timeZone, format);
  zones.set(timeZone, zone);
  return zone;
}

/**
 * The UTC offset in force throughout `[startMs, endMs]` in the zone, or NaN when it changes in that span
 * (or the zone is not one {@link getZone} made). @internal
 */
export function constantOffset(zone: Zone, startMs: number, endMs: number): number {
  if (zone instanceof UtcZone) return 0;
  return zone instanceof CachedZone ? zone.constantOffset(startMs, endMs) : Number.NaN;
}

/**
 * Throws a `RangeError` naming the value unless `timeZone` is a valid IANA time zone (a missing, empty or
 * non-string value included: it is never read as the host's zone).
 *
 * @example
 * ```ts
 * assertTimeZone('Europe/Paris'); // fine
 * assertTimeZone('EST5'); // RangeError: Unknown time zone "EST5": use an IANA name such as "America/New_York" or "UTC".
 * ```
 */
export function assertTimeZone(timeZone: string | undefined): asserts timeZone is string {
  getZone(timeZone as string);
}
