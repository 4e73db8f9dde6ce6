import { invalidPeriodBound } from '../messages.js';
import type { Lead } from '../model/lead.js';

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
}

/**
 * The leads that match every given filter: created in `[from, to)`, and on one of the teams and
 * locators named. A filter left out matches every lead. The input is not modified; order is kept.
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
  return keep === null ? null : (lead) => keep(lead.createdAt.getTime(), lead.team ?? null, lead.locator ?? null);
}

/**
 * {@link leadFilter} on a lead's values (`createdAt` as epoch ms, team, locator), for leads held as
 * columns. Internal to the response folder.
 */
export function leadValueFilter(options: FilterLeadsOptions): ((createdMs: number, team: string | null, locator: string | null) => boolean) | null {
  const { from, to } = options;
  if (from !== undefined && !(from instanceof Date && Number.isFinite(from.getTime()))) {
    throw new RangeError(invalidPeriodBound('from', from));
  }
  if (to !== undefined && !(to instanceof Date && Number.isFinite(to.getTime()))) {
    throw new RangeError(invalidPeriodBound('to', to));
  }
  const fromMs = from === undefined ? -Infinity : from.getTime();
  const toMs = to === undefined ? Infinity : to.getTime();
  const teams = nameSet(options.team);
  const locators = nameSet(options.locator);
  const period = from !== undefined || to !== undefined;
  if (!period && teams === null && locators === null) return null;
  return (createdMs, team, locator) => {
    if (period && !(createdMs >= fromMs && createdMs < toMs)) return false; // NaN is in no period
    if (teams !== null && !teams.has(team)) return false;
    if (locators !== null && !locators.has(locator)) return false;
    return true;
  };
}

function nameSet(names: string | readonly string[] | undefined): ReadonlySet<string | null> | null {
  if (names === undefined) return null;
  return new Set<string | null>(typeof names === 'string' ? [names] : names);
}
