import type { Pipeline } from '../model/pipeline.js';
import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_BUSINESS_CALENDAR } from '../model/schedule.js';
import type { DayCount, DaysBetweenOptions } from '../time/days.js';
import { assertTimeZone } from '../time/zone.js';
import { followUpMessages } from './messages.js';

/**
 * The options every follow-up metric shares: when "now" is, where wall-clock days are read, the pipeline
 * and the thresholds. Thresholds given here override the pipeline's.
 *
 * @example
 * ```ts
 * const options: FollowUpOptions = {
 *   asOf: new Date('2026-03-31T23:59:59.999-04:00'),
 *   timeZone: 'America/New_York',
 *   pipeline: parsePipeline(pipelineJson),
 * };
 * ```
 */
export interface FollowUpOptions {
  /** The instant "now" for the computation: leads are judged as they were at `asOf`. Required. */
  asOf: Date;
  /** IANA time zone in which calendar days are read (days since appointment, days in stage). Required. */
  timeZone: string;
  /** The stages, their categories and the default thresholds. Required. */
  pipeline: Pipeline;
  /** How days are counted: every calendar day, or business days only. Default `'calendar'`. */
  dayCount?: DayCount;
  /** The business calendar used with `dayCount: 'business'`. Default: Monday–Friday, no holidays. */
  calendar?: BusinessCalendar;
  /** Days after the appointment without progress before a lead is `stale`. Default: the pipeline's (30). */
  staleAfterDays?: number;
  /** Days after the appointment without progress before a lead is `at-risk`. Default: the pipeline's (7). */
  warnAfterDays?: number;
  /** Days in green without a move to delivery or won before a lead is stuck. Default: the pipeline's (14). */
  greenStuckAfterDays?: number;
}

/**
 * Options resolved once per call: defaults filled in, the clock reading as a number, and the
 * `daysBetween` options object reused for every lead (no allocation per row).
 *
 * @internal
 */
export interface FollowUpContext {
  asOf: Date;
  asOfMs: number;
  pipeline: Pipeline;
  days: DaysBetweenOptions;
  staleAfterDays: number;
  warnAfterDays: number;
  greenStuckAfterDays: number;
}

/**
 * Validates and resolves {@link FollowUpOptions}. Throws a `RangeError` that names the bad value.
 *
 * @internal
 */
export function resolveFollowUpOptions(options: FollowUpOptions): FollowUpContext {
  const asOfMs = instantMs('asOf', options.asOf);
  if (!options.pipeline?.stages?.length) throw new TypeError(followUpMessages.missingPipeline());
  assertTimeZone(options.timeZone);
  const dayCount = options.dayCount ?? 'calendar';
  if (dayCount !== 'calendar' && dayCount !== 'business') throw new RangeError(followUpMessages.invalidDayCount(dayCount));
  const p = options.pipeline;
  return {
    asOf: options.asOf,
    asOfMs,
    pipeline: p,
    days: { timeZone: options.timeZone, dayCount, calendar: options.calendar ?? DEFAULT_BUSINESS_CALENDAR },
    staleAfterDays: threshold('staleAfterDays', options.staleAfterDays ?? p.staleAfterDays ?? 30),
    warnAfterDays: threshold('warnAfterDays', options.warnAfterDays ?? p.warnAfterDays ?? 7),
    greenStuckAfterDays: threshold('greenStuckAfterDays', options.greenStuckAfterDays ?? p.greenStuckAfterDays ?? 14),
  };
}

/**
 * Epoch milliseconds of an instant option; throws a `RangeError` naming the option when it is not a valid `Date`.
 *
 * @internal
 */
export function instantMs(name: string, value: unknown): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms)) throw new RangeError(followUpMessages.invalidInstant(name, value));
  return ms;
}

function threshold(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(followUpMessages.invalidDays(name, value));
  return value;
}
