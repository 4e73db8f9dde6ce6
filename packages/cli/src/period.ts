import { endOfLocalDay, localDayNumber, parseDayNumber, startOfLocalDay } from '@panopticon/core';
import { parseTimestamp } from '@panopticon/core/files';
import { CliError } from './errors.js';

/**
 * `--as-of`: a date means the end of that day in the time zone; a timestamp is read like input timestamps
 * (exact with an offset, wall clock in the zone without).
 */
export function parseAsOf(raw: string | undefined, timeZone: string, fallback: Date): Date {
  if (raw === undefined) return fallback;
  const day = parseDayNumber(raw);
  if (!Number.isNaN(day)) return endOfLocalDay(day, timeZone);
  const ms = parseTimestamp(raw, timeZone);
  if (ms === null) throw new CliError(`--as-of must be a date (2026-03-31) or a timestamp, got "${raw}".`, 2);
  return new Date(ms);
}

/**
 * `--since`: read as `--as-of` is (a date is the end of that day), and before `asOf`, or a usage error.
 * Not given: a day before `asOf` ({@link daysBefore}), the earlier list `report` and `attention --resolved`
 * compare with.
 */
export function parseSince(raw: string | undefined, asOf: Date, timeZone: string): Date {
  if (raw === undefined) return daysBefore(asOf, timeZone, 1);
  const day = parseDayNumber(raw);
  const ms = Number.isNaN(day) ? parseTimestamp(raw, timeZone) : endOfLocalDay(day, timeZone).getTime();
  if (ms === null) throw new CliError(`--since must be a date (2026-03-30) or a timestamp, got "${raw}".`, 2);
  if (ms >= asOf.getTime()) {
    throw new CliError(
      `--since (${raw}) must be before --as-of (${asOf.toISOString()}): it is the earlier list the page compares with.`,
      2,
    );
  }
  return new Date(ms);
}

const MS_DAY = 86_400_000;

/**
 * `asOf` moved back `days` days: the end of the day `days` days earlier in the zone when `asOf` is the end of
 * its day (what `--as-of DATE` means, so a daylight-saving change cannot shift the day), else the same
 * instant minus whole days of 24 hours.
 */
export function daysBefore(asOf: Date, timeZone: string, days: number): Date {
  const day = localDayNumber(asOf, timeZone);
  if (endOfLocalDay(day, timeZone).getTime() === asOf.getTime()) return endOfLocalDay(day - days, timeZone);
  return new Date(asOf.getTime() - days * MS_DAY);
}

/**
 * `--from` / `--to` as instants: dates are whole days in the time zone, both inclusive
 * (`--from 2026-03-01 --to 2026-03-31` is all of March), so `to` becomes the start of the next day.
 */
export function parsePeriod(from: string | undefined, to: string | undefined, timeZone: string): { from?: Date; to?: Date } {
  const read = (raw: string, flag: string, endOfDay: boolean): Date => {
    const day = parseDayNumber(raw);
    if (!Number.isNaN(day)) return startOfLocalDay(endOfDay ? day + 1 : day, timeZone);
    const ms = parseTimestamp(raw, timeZone);
    if (ms === null) throw new CliError(`--${flag} must be a date (2026-03-31) or a timestamp, got "${raw}".`, 2);
    return new Date(ms);
  };
  const period: { from?: Date; to?: Date } = {};
  if (from !== undefined) period.from = read(from, 'from', false);
  if (to !== undefined) period.to = read(to, 'to', true);
  if (period.from && period.to && period.to <= period.from) {
    throw new CliError(`--to (${to}) must not be before --from (${from}).`, 2);
  }
  return period;
}
