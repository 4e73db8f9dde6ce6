import { businessClockNeedsTimeZone, invalidClock, invalidInstant, invalidSlaMinutes } from '../messages.js';
import type { Lead } from '../model/lead.js';
import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_HOURS as DEFAULT_BUSINESS_CALENDAR } from '../model/calendar-basics.js';
import { businessMinutesCounter } from '../time/business-hours.js';
import { MS_PER_MINUTE } from '../time/civil.js';
import { instantMsOf, optionalInstantMsOf } from '../model/lead-instant.js';

/**
 * What response time needs of a lead: a plain `{ createdAt, firstContactAt }` object is enough.
 *
 * @example
 * ```ts
 * const call: ResponseLead = { createdAt: new Date('2026-10-05T13:00:00Z'), firstContactAt: null };
 * ```
 */
export type ResponseLead = Pick<Lead, 'createdAt' | 'firstContactAt'>;

/**
 * How response minutes are counted: every minute (`'wall'`), or only minutes inside business hours (`'business'`).
 *
 * @example
 * ```ts
 * const clock: ResponseClock = 'business';
 * responseMinutes(lead, { clock, timeZone: 'America/New_York' });
 * ```
 */
export type ResponseClock = 'wall' | 'business';

/**
 * Options of {@link responseMinutes}, shared by every response-time aggregation.
 *
 * @example
 * ```ts
 * const options: ResponseMinutesOptions = { clock: 'business', timeZone: 'America/New_York', calendar: DEFAULT_BUSINESS_CALENDAR };
 * ```
 */
export interface ResponseMinutesOptions {
  /** `'wall'` counts every minute; `'business'` only minutes inside `calendar`'s hours in `timeZone`. Default `'wall'`. */
  clock?: ResponseClock;
  /** IANA time zone in which business hours are read. Required with `clock: 'business'`; unused otherwise. No default. */
  timeZone?: string;
  /** Weekly hours and holidays for `clock: 'business'`. Default Monday–Friday 09:00–17:00, no holidays. */
  calendar?: BusinessCalendar;
  /** The instant "now": a first contact after it is not a contact yet (the lead is still waiting). Default: none. */
  asOf?: Date;
}

/**
 * Response minutes of a lead: `firstContactAt − createdAt` in minutes (fractional), counted on the wall
 * clock or, with `clock: 'business'`, only inside business hours.
 *
 * - `null` when the lead was never contacted (or not by `asOf`).
 * - Negative when the first contact is before creation. That is invalid data and callers must treat it as
 *   such (see {@link responseStatus}); under either clock the value is then the wall-clock difference, so
 *   "negative" and "invalid" always agree (a backwards span outside business hours would otherwise be 0).
 * - A `TypeError` (a `RangeError` for an Invalid Date) naming the lead and the field when either date is
 *   not a valid `Date`: no figure is made up from it.
 *
 * @example
 * responseMinutes({ createdAt: new Date('2025-06-06T20:30:00Z'), firstContactAt: new Date('2025-06-06T20:42:30Z') });
 * // → 12.5
 * responseMinutes(lead, { clock: 'business', timeZone: 'America/New_York' }); // Friday 16:30 → Monday 09:30: 60
 */
export function responseMinutes(lead: ResponseLead, options: ResponseMinutesOptions = {}): number | null {
  // The clock first: a business clock without a zone is an error for every lead, not only for contacted ones.
  const minutes = responseClock(options);
  if (responseStatus(lead, options) === 'never') return null;
  return minutes(instantMsOf(lead, 'createdAt'), instantMsOf(lead, 'firstContactAt'));
}

/**
 * How a lead counts in response-time figures (see {@link responseStatus}).
 *
 * @example
 * ```ts
 * const invalid = leads.filter((lead) => responseStatus(lead) === ('invalid' satisfies ResponseStatus));
 * ```
 */
export type ResponseStatus = 'contacted' | 'never' | 'invalid';

/**
 * Classifies a lead for response-time figures:
 * `'never'` (no first contact, or none by `asOf`), `'invalid'` (first contact before creation: counted in totals only, excluded
 * from every other figure); a date that is not a valid `Date` throws, naming the lead and the field, otherwise `'contacted'`.
 * A first contact at the very instant of creation is `'contacted'` with 0 minutes.
 *
 * @example
 * ```ts
 * responseStatus({ createdAt: new Date('2026-10-05T13:00:00Z'), firstContactAt: new Date('2026-10-05T12:55:00Z') }); // 'invalid'
 * ```
 */
export function responseStatus(lead: ResponseLead, options: Pick<ResponseMinutesOptions, 'asOf'> = {}): ResponseStatus {
  const asOfMs = options.asOf === undefined ? Infinity : instantMs('asOf', options.asOf);
  const createdMs = instantMsOf(lead, 'createdAt');
  const contactMs = optionalInstantMsOf(lead, 'firstContactAt');
  if (!(contactMs <= asOfMs)) return 'never';
  return contactMs >= createdMs ? 'contacted' : 'invalid';
}

/**
 * The measuring function behind {@link responseMinutes}, resolved once per aggregation so the per-row work
 * is arithmetic: `(createdMs, contactMs) → minutes` (negative or NaN for invalid data). Validates the
 * options, throwing errors that name the bad value. Internal to the response folder.
 */
export function responseClock(options: ResponseMinutesOptions): (createdMs: number, contactMs: number) => number {
  const clock = options.clock ?? 'wall';
  if (clock === 'wall') return wallMinutes;
  if (clock !== 'business') throw new RangeError(invalidClock(clock));
  if (options.timeZone === undefined) throw new TypeError(businessClockNeedsTimeZone());
  // Resolved now, so an unknown zone fails here, naming it, and rows pay no look-ups.
  const business = businessMinutesCounter({ timeZone: options.timeZone, calendar: options.calendar ?? DEFAULT_BUSINESS_CALENDAR });
  return (createdMs, contactMs) => {
    // Invalid spans keep their wall-clock (negative or NaN) value; see responseMinutes.
    if (!(contactMs >= createdMs)) return wallMinutes(createdMs, contactMs);
    return business(createdMs, contactMs);
  };
}

function instantMs(name: string, value: unknown): number {
  if (!(value instanceof Date && Number.isFinite(value.getTime()))) throw new RangeError(invalidInstant(name, value));
  return value.getTime();
}

function wallMinutes(createdMs: number, contactMs: number): number {
  return (contactMs - createdMs) / MS_PER_MINUTE;
}

/** `slaMinutes` with its default (60), or a `RangeError` naming a value that is negative or not a number. Internal. */
export function resolveSlaMinutes(slaMinutes: number | undefined): number {
  const value = slaMinutes ?? 60;
  if (typeof value !== 'number' || !(value >= 0)) throw new RangeError(invalidSlaMinutes(value));
  return value;
}
