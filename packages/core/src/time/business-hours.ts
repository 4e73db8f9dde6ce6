import { invalidInstant } from '../messages.js';
import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_HOURS as DEFAULT_BUSINESS_CALENDAR, toMinutes } from '../model/calendar-basics.js';
import { MINUTES_PER_DAY, MS_PER_DAY, MS_PER_MINUTE, weekdayOfDayNumber } from './civil.js';
import { lowerBound } from '../stats/lower-bound.js';
import { holidaySet } from './days.js';
import type { Zone } from './zone.js';
import { getZone } from './zone.js';

/**
 * Options of {@link businessMinutesBetween}.
 *
 * @example
 * ```ts
 * businessMinutesBetween(start, end, { timeZone: 'Europe/Paris', calendar } satisfies BusinessMinutesBetweenOptions);
 * ```
 */
export interface BusinessMinutesBetweenOptions {
  /** IANA time zone in which the calendar's weekly hours and holidays are read. Required: no default. */
  timeZone: string;
  /** The weekly hours and holidays. Default {@link DEFAULT_BUSINESS_CALENDAR} (Monday–Friday 09:00–17:00, no holidays). */
  calendar?: BusinessCalendar;
}

/**
 * Minutes between two instants that fall inside business hours: an instant counts when the wall clock of
 * `timeZone` reads a time inside the calendar's hours for that weekday, on a date that is not a holiday.
 * Fractional (seconds count); 0 when `end` is not after `start`.
 *
 * Because the wall clock is what counts, a day with a DST change is right by construction: hours
 * 00:00–04:00 on the America/New_York spring-forward Sunday hold 180 minutes (02:00–03:00 never shows on
 * the clock), and on the fall-back Sunday they hold 300 (01:00–02:00 shows twice).
 *
 * @param start A `Date` or epoch milliseconds.
 * @param end A `Date` or epoch milliseconds.
 * @example
 * // Friday 16:30 → Monday 09:30 in New York, Monday–Friday 09:00–17:00: 30 + 30 minutes.
 * businessMinutesBetween(new Date('2025-06-06T20:30:00Z'), new Date('2025-06-09T13:30:00Z'), {
 *   timeZone: 'America/New_York',
 * }); // → 60
 */
export function businessMinutesBetween(start: Date | number, end: Date | number, options: BusinessMinutesBetweenOptions): number {
  const s = typeof start === 'number' ? start : start.getTime();
  const e = typeof end === 'number' ? end : end.getTime();
  if (!Number.isFinite(s)) throw new RangeError(invalidInstant('start', start));
  if (!Number.isFinite(e)) throw new RangeError(invalidInstant('end', end));
  return businessMinutesCounter(options)(s, e);
}

/**
 * {@link businessMinutesBetween} with the zone and calendar resolved once: `(startMs, endMs) → minutes`
 * for hot loops (finite epoch milliseconds; 0 when end is not after start). Internal to core.
 *
 * @internal
 */
export function businessMinutesCounter(options: BusinessMinutesBetweenOptions): (startMs: number, endMs: number) => number {
  const zone = getZone(options.timeZone);
  const c = compile(options.calendar ?? DEFAULT_BUSINESS_CALENDAR);
  return (s, e) => (e > s ? businessMs(s, e, zone, c) / MS_PER_MINUTE : 0);
}

// How the count works. Between two offset transitions of the zone the wall clock is the instant plus a
// constant, so the span is cut at transitions and each piece becomes a range of "local milliseconds".
// Business time inside a local range is C(b) − C(a), where C counts business milliseconds from a fixed
// origin: whole weeks by multiplication, the rest of the week by a prefix sum, holidays by a prefix sum
// over sorted holidays. Each lead therefore costs a few arithmetic steps whatever the span, not a loop
// over its days.

/** Step at which the span is probed for transitions; zones never change offset twice within a day. */
const PROBE_MS = MS_PER_DAY;
/** Day number of Monday 1970-01-05: the origin of whole weeks. */
const FIRST_MONDAY = 4;

interface CompiledCalendar {
  /** Merged intervals per weekday as [start, end, start, end, …] in ms since midnight. */
  readonly intervals: readonly Float64Array[];
  /** Business ms before each weekday, Monday first; `prefix[7]` is the week's total. */
  readonly prefix: Float64Array;
  readonly holidays: ReadonlySet<number>;
  /** Holidays that fall on a weekday with hours, ascending. */
  readonly holidayDays: Float64Array;
  /** `holidayCum[i]`: business ms lost to `holidayDays[0 … i−1]`. */
  readonly holidayCum: Float64Array;
}

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();

function compile(calendar: BusinessCalendar): CompiledCalendar {
  let c = compiled.get(calendar);
  if (c) return c;
  const intervals: Float64Array[] = [];
  const prefix = new Float64Array(8);
  for (let w = 0; w < 7; w++) {
    // Sort and merge so overlapping or touching intervals are not counted twice; times are clamped to the day.
    const raw = (calendar.weeklyHours[w] ?? [])
      .map((h) => [Math.max(0, toMinutes(h.start)), Math.min(MINUTES_PER_DAY, toMinutes(h.end))] as const)
      .filter(([a, b]) => b > a) // also drops NaN from malformed times
      .sort((x, y) => x[0] - y[0]);
    const merged: number[] = [];
    for (const [a, b] of raw) {
      const last = merged.length - 1;
      if (last > 0 && a <= merged[last]!) merged[last] = Math.max(merged[last]!, b);
      else merged.push(a, b);
    }
    const ms = Float64Array.from(merged, (m) => m * MS_PER_MINUTE);
    intervals.push(ms);
    let total = 0;
    for (let i = 0; i < ms.length; i += 2) total += ms[i + 1]! - ms[i]!;
    prefix[w + 1] = prefix[w]! + total;
  }
  const holidays = holidaySet(calendar);
  const holidayDays = Float64Array.from([...holidays].filter((d) => dayTotal(prefix, weekdayOfDayNumber(d)) > 0)).sort();
  const holidayCum = new Float64Array(holidayDays.length + 1);
  for (let i = 0; i < holidayDays.length; i++) {
    holidayCum[i + 1] = holidayCum[i]! + dayTotal(prefix, weekdayOfDayNumber(holidayDays[i]!));
  }
  c = { intervals, prefix, holidays, holidayDays, holidayCum };
  compiled.set(calendar, c);
  return c;
}

function dayTotal(prefix: Float64Array, w: number): number {
  return prefix[w + 1]! - prefix[w]!;
}

/** Business ms from the origin to a local-ms time. */
function cumulative(c: CompiledCalendar, local: number): number {
  const day = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - day * MS_PER_DAY;
  const weeks = Math.floor((day - FIRST_MONDAY) / 7);
  const w = day - FIRST_MONDAY - weeks * 7;
  let total = weeks * c.prefix[7]! + c.prefix[w]!;
  if (!c.holidays.has(day)) {
    const iv = c.intervals[w]!;
    for (let i = 0; i < iv.length; i += 2) {
      const a = iv[i]!;
      if (msOfDay <= a) break;
      total += Math.min(msOfDay, iv[i + 1]!) - a;
    }
  }
  // Less the business time of the holidays strictly before `day`.
  return total - c.holidayCum[lowerBound(c.holidayDays, day)]!;
}

/** Business ms in the instant range [s, e), s < e. */
function businessMs(s: number, e: number, zone: Zone, c: CompiledCalendar): number {
  let total = 0;
  let a = s;
  while (a < e) {
    const offset = zone.offsetAt(a);
    const b = pieceEnd(zone, a, e, offset);
    total += cumulative(c, b + offset) - cumulative(c, a + offset);
    a = b;
  }
  return total;
}

/** The first instant after `a` (capped at `e`) at which the offset is no longer `offset`. */
function pieceEnd(zone: Zone, a: number, e: number, offset: number): number {
  let probe = a;
  let hi: number;
  for (;;) {
    const next = probe + PROBE_MS;
    if (next < e) {
      if (zone.offsetAt(next) === offset) {
        probe = next;
        continue;
      }
      hi = next;
    } else {
      if (e - 1 <= probe || zone.offsetAt(e - 1) === offset) return e;
      hi = e - 1;
    }
    break;
  }
  // offsetAt(probe) === offset !== offsetAt(hi): bisect to the millisecond.
  let lo = probe;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (zone.offsetAt(mid) === offset) lo = mid;
    else hi = mid;
  }
  return hi;
}
