import { invalidPeriodBound } from '../messages.js';
import type { Lead } from '../model/lead.js';
import { instantMsOf } from '../model/lead-instant.js';

/**
 * What {@link filterLeads} reads of a lead: `createdAt`, and `team` / `locator` where filtered on.
 *
 * @example
 * ```ts
 * const row: FilterableLead = { createdAt: new Date('2026-10-05T13:00:00Z'), team: 'East' };
 * ```
 */
export type FilterableLead = Pick<Lead, 'createdAt'> & Partial<Pick<Lead, 'team' | 'locator'>>;

/**
 * Options of {@link filterLeads}; every response-time aggregation accepts them too.
 *
 * @example
 * ```ts
 * const eastInOctober: FilterLeadsOptions = { team: 'East', from: october.from, to: october.to };
 * ```
 */
export interface FilterLeadsOptions {
  /** Keep leads whose `team` equals this name, or one of these names (exact match; an empty list keeps none). Default: every team, including none. */
  team?: string | readonly string[];
  /** Keep leads whose `locator` equals this name, or one of these names (exact match; an empty list keeps none). Default: every locator, including none. */
  locator?: string | readonly string[];
  /** Keep leads created at or after this instant (inclusive). Default: no lower bound. */
  from?: Date;
  /** Keep leads created before this instant (exclusive), so consecutive periods never share a lead. Default: no upper bound. */
  to?: Date;
  /**
   * The instant "now" of the computation: leads created after it are left out, and in every response figure a
   * first contact after it is not a contact yet (the lead is still waiting at `asOf`), so a past figure is
   * reproducible from today's data. Default: none (every lead and every recorded contact counts).
   */
  asOf?: Date;
}

/**
 * The leads that match every given filter: created in `[from, to)` and not after `asOf`, and on one of the
 * teams and locators named. A filter left out matches every lead. The input is not modified; order is kept.
 *
 * @example
 * filterLeads(leads, { team: ['East', 'West'], from: new Date('2025-06-01T04:00:00Z'), to: new Date('2025-07-01T04:00:00Z') });
 */
export function filterLeads<T extends FilterableLead>(leads: readonly T[], options: FilterLeadsOptions = {}): T[] {
  const keep = leadFilter(options);
  return keep === null ? leads.slice() : leads.filter(keep);
}

/**
 * The predicate behind {@link filterLeads}, or `null` when no filter is set (so hot loops skip the call).
 * Validates `from` / `to`, throwing a `RangeError` naming an invalid date. Internal to the response folder.
 */
export function leadFilter(options: FilterLeadsOptions): ((lead: FilterableLead) => boolean) | null {
  const keep = leadValueFilter(options);
  return keep === null ? null : (lead) => keep(instantMsOf(lead, 'createdAt'), lead.team ?? null, lead.locator ?? null);
}

/**
 * {@link leadFilter} on a lead's values (`createdAt` as epoch ms, team, locator), for leads held as
 * columns. Internal to the response folder.
 */
export function leadValueFilter(
  options: FilterLeadsOptions,
): ((createdMs: number, team: string | null, locator: string | null) => boolean) | null {
  const { fromMs, toMs, asOfMs, period } = responsePeriod(options);
  const teams = nameSet(options.team);
  const locators = nameSet(options.locator);
  if (!period && teams === null && locators === null) return null;
  return (createdMs, team, locator) => {
    if (period && !(createdMs >= fromMs && createdMs < toMs && createdMs <= asOfMs)) return false; // NaN is in no period
    if (teams !== null && !teams.has(team)) return false;
    if (locators !== null && !locators.has(locator)) return false;
    return true;
  };
}

/**
 * The period of a response computation as epoch ms, validated: leads count when created in `[fromMs, toMs)` and
 * at or before `asOfMs` (infinite bounds when not set); `period` says whether any bound is set. Throws a
 * `RangeError` naming a bound that is not a valid date. Internal to the response folder and the CSV heatmap.
 */
export function responsePeriod(options: Pick<FilterLeadsOptions, 'from' | 'to' | 'asOf'>): {
  fromMs: number;
  toMs: number;
  asOfMs: number;
  period: boolean;
} {
  const { from, to, asOf } = options;
  for (const [name, value] of [
    ['from', from],
    ['to', to],
    ['asOf', asOf],
  ] as const) {
    if (value !== undefined && !(value instanceof Date && Number.isFinite(value.getTime()))) {
      throw new RangeError(invalidPeriodBound(name, value));
    }
  }
  return {
    fromMs: from === undefined ? -Infinity : from.getTime(),
    toMs: to === undefined ? Infinity : to.getTime(),
    asOfMs: asOf === undefined ? Infinity : asOf.getTime(),
    period: from !== undefined || to !== undefined || asOf !== undefined,
  };
}

/**
 * A first contact as seen at `asOfMs`: a contact after it has not happened yet, so the lead reads as never
 * contacted (`null`). Everything else (including an invalid NaN) is returned as it is. Internal.
 */
export function contactAsOf(contactMs: number | null, asOfMs: number): number | null {
  return contactMs !== null && contactMs > asOfMs ? null : contactMs;
}

function nameSet(names: string | readonly string[] | undefined): ReadonlySet<string | null> | null {
  if (names === undefined) return null;
  return new Set<string | null>(typeof names === 'string' ? [names] : names);
}
