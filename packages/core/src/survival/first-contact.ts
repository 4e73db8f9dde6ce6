import type { Lead } from '../model/lead.js';
import type { LeadColumns } from '../model/lead-columns.js';
import { leadColumnsOf } from '../model/lead-columns.js';
import type { ResponseClock } from '../response/response-time.js';
import { responseClock } from '../response/response-time.js';
import { instantMs } from '../follow-up/options.js';
import type { KaplanMeierCurve } from './kaplan-meier.js';
import { kaplanMeierMedianOfColumns } from './kaplan-meier.js';
import type { GroupKeyOf, SurvivalGroup, SurvivalGroupingOptions } from './grouping.js';
import { GroupedCases, groupKeyOf } from './grouping.js';

/**
 * Options of {@link firstContactSurvival}: `asOf`, the response clock (as for response minutes) and the grouping.
 *
 * @example
 * ```ts
 * const options: FirstContactSurvivalOptions = { asOf, clock: 'business', timeZone: 'America/New_York', by: 'team' };
 * ```
 */
export interface FirstContactSurvivalOptions extends SurvivalGroupingOptions {
  /** The instant "now": leads created after it are left out; a lead not contacted by it is censored at it. Required. */
  asOf: Date;
  /** `'wall'` counts every minute; `'business'` only minutes inside `calendar`'s hours in `timeZone`. Default `'wall'`. */
  clock?: ResponseClock;
}

/**
 * Time to first contact as a survival curve ({@link firstContactSurvival}), in minutes.
 *
 * @example
 * ```ts
 * const s: FirstContactSurvival = firstContactSurvival(leads, { asOf });
 * console.log(`${s.curve.median ?? 'not reached'} min (${s.curve.censored} still waiting, ${s.invalid} invalid)`);
 * ```
 */
export interface FirstContactSurvival {
  /** Durations are response minutes. */
  unit: 'minutes';
  /** The clock they were counted on. */
  clock: ResponseClock;
  /** Leads created by `asOf` (with a valid creation instant), invalid ones included. */
  leads: number;
  /** Leads whose first contact is before their creation (or not a valid instant): excluded from the curves, counted here. */
  invalid: number;
  /** Every valid lead: contacted = an event at its response minutes; not contacted by `asOf` = censored at `asOf`. */
  curve: KaplanMeierCurve;
  /** One curve per group with the `by` option; empty without it. */
  groups: SurvivalGroup[];
}

/**
 * How long leads wait for their first contact, with the leads still waiting counted honestly: every lead
 * created by `asOf` is a case; a contacted lead is an event at its response minutes (the response module's
 * definition, on the wall or business clock), a lead not contacted by `asOf` is censored at the minutes from
 * its creation to `asOf` on the same clock. A first contact before creation is invalid: excluded and counted.
 * The median of the curve is the time by which half the leads are contacted, which (unlike the median of
 * contacted leads alone) does not improve when slow leads are simply never answered. `leads` are lead
 * objects or leads held as columns (`LeadColumns`, the `leads` of what `loadFilesColumnar` returns): the same
 * figures, with no object per lead for the columns.
 *
 * @example
 * ```ts
 * const { curve, groups } = firstContactSurvival(leads, { asOf, by: 'arrival', timeZone: 'America/New_York' });
 * console.log(curve.median, groups.map((g) => `${g.group}: ${g.curve.median}`));
 * ```
 */
export function firstContactSurvival(leads: readonly Lead[] | LeadColumns, options: FirstContactSurvivalOptions): FirstContactSurvival {
  return firstContactSurvivalOfColumns(Array.isArray(leads) ? leadColumnsOf(leads) : (leads as LeadColumns), options);
}

function firstContactSurvivalOfColumns(leads: LeadColumns, options: FirstContactSurvivalOptions): FirstContactSurvival {
  const clock = options.clock ?? 'wall';
  const { counted, invalid, cases } = firstContactCases(leads, options, groupKeyOf(options));
  return { unit: 'minutes', clock, leads: counted, invalid, ...cases.curves(options) };
}

/**
 * Options of {@link medianMinutesToFirstContact}: those of {@link firstContactSurvival} without the grouping.
 *
 * @example
 * ```ts
 * const options: MedianMinutesToFirstContactOptions = { asOf, clock: 'business', timeZone: 'America/New_York' };
 * ```
 */
export type MedianMinutesToFirstContactOptions = Omit<FirstContactSurvivalOptions, 'by' | 'periodUnit' | 'confidence'>;

/**
 * `firstContactSurvival(leads, options).curve.median`, without making the curve: the same cases and the same
 * estimator's walk, stopped at the median (no step or confidence band per distinct time). For a figure that
 * prints the median alone, as `panopticon kpis` does; null when fewer than half the leads were contacted.
 *
 * @example
 * ```ts
 * const minutes = medianMinutesToFirstContact(leads, { asOf }); // null: not reached
 * ```
 */
export function medianMinutesToFirstContact(
  leads: readonly Lead[] | LeadColumns,
  options: MedianMinutesToFirstContactOptions,
): number | null {
  const columns = Array.isArray(leads) ? leadColumnsOf(leads) : (leads as LeadColumns);
  return kaplanMeierMedianOfColumns(firstContactCases(columns, options, null).cases.all);
}

/** The cases of {@link firstContactSurvival}: every lead created by `asOf`, counted; the invalid ones counted and left out. */
function firstContactCases(leads: LeadColumns, options: FirstContactSurvivalOptions, keyOf: GroupKeyOf | null) {
  const asOfMs = instantMs('asOf', options.asOf);
  const measure = responseClock({ clock: options.clock ?? 'wall', ...pick(options) });
  const { createdAt, firstContactAt, team, source } = leads;
  const cases = new GroupedCases();
  let counted = 0;
  let invalid = 0;
  for (let i = 0; i < leads.length; i++) {
    const createdMs = createdAt[i]!;
    // Not a lead yet at asOf, or no valid arrival: not a case (as in the response figures).
    if (!Number.isFinite(createdMs) || createdMs > asOfMs) continue;
    counted++;
    const contactMs = firstContactAt[i]!;
    const contacted = contactMs === contactMs && contactMs <= asOfMs;
    if (contacted && !(contactMs >= createdMs)) {
      invalid++;
      continue;
    }
    const duration = measure(createdMs, contacted ? contactMs : asOfMs);
    cases.add(duration, contacted, keyOf === null ? null : keyOf(team[i]!, source[i]!, createdMs));
  }
  return { counted, invalid, cases };
}

function pick(options: FirstContactSurvivalOptions) {
  return {
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
    ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
  };
}
