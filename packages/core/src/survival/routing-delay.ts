import type { Lead } from '../model/lead.js';
import { leadColumnsOf } from '../model/lead-columns.js';
import type { BusinessCalendar } from '../model/schedule.js';
import { WEEKDAY_NAMES } from '../model/schedule.js';
import type { ResponseClock } from '../response/response-time.js';
import { responseClock } from '../response/response-time.js';
import { instantMs } from '../follow-up/options.js';
import { assertSlotMinutes, slotLabel, slotOf } from '../time/slot.js';
import { assertTimeZone } from '../time/zone.js';
import type { KaplanMeierCurve, KaplanMeierOptions, SurvivalCase } from './kaplan-meier.js';
import { kaplanMeier } from './kaplan-meier.js';

/**
 * Options of {@link routingDelaySurvival}.
 *
 * @example
 * ```ts
 * const options: RoutingDelaySurvivalOptions = { asOf, timeZone: 'America/New_York', slotMinutes: 60, clock: 'business' };
 * ```
 */
export interface RoutingDelaySurvivalOptions extends KaplanMeierOptions {
  /** The instant "now": leads created after it are left out; open cases are censored at it. Required. */
  asOf: Date;
  /** IANA zone of the heatmap's weekday and slot (and of business hours). Required. */
  timeZone: string;
  /** Slot length of the cells in minutes, a divisor of 1440. Default 30. */
  slotMinutes?: number;
  /** `'wall'` counts every minute; `'business'` only minutes inside business hours. Default `'wall'`. */
  clock?: ResponseClock;
  /** Weekly hours and holidays for `clock: 'business'`. Default Monday–Friday 09:00–17:00. */
  calendar?: BusinessCalendar;
}

/**
 * Routing delay and rep delay in one heatmap cell (weekday × arrival slot), as the medians of their curves.
 *
 * @example
 * ```ts
 * const slow: RoutingDelayCell | undefined = routingDelaySurvival(leads, options).cells.find((c) => (c.routingMedian ?? Infinity) > 60);
 * ```
 */
export interface RoutingDelayCell {
  day: (typeof WEEKDAY_NAMES)[number];
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** Wall-clock start of the slot, "HH:MM". */
  slot: string;
  slotIndex: number;
  /** Leads of the cell whose assignment instant is known (and valid), i.e. the cases of both curves. */
  leads: number;
  /** Median minutes from arrival to assignment (unassigned at `asOf` censored); null when not reached. */
  routingMedian: number | null;
  /** Median minutes from assignment to first contact (not contacted censored); null when not reached. */
  repMedian: number | null;
  /** Leads of the cell without an assignment instant: in neither curve. */
  unknownAssignment: number;
}

/**
 * Routing delay vs rep delay ({@link routingDelaySurvival}).
 *
 * @example
 * ```ts
 * const r: RoutingDelaySurvival = routingDelaySurvival(leads, { asOf, timeZone });
 * console.log(r.routing.median, r.rep.median, `${r.unknownAssignment} leads without an assignment instant`);
 * ```
 */
export interface RoutingDelaySurvival {
  /** Created → assigned, in minutes: assigned by `asOf` = event, not yet = censored at `asOf`. */
  routing: KaplanMeierCurve;
  /** Assigned → first contact, in minutes, over the leads assigned by `asOf` (not contacted by `asOf` = censored). */
  rep: KaplanMeierCurve;
  /** Leads created by `asOf` with no `assignedAt`: the split cannot be made for them, so they are in neither curve. */
  unknownAssignment: number;
  /** Leads assigned before they were created, or first contacted before creation: invalid, in neither curve. */
  invalid: number;
  /** Leads first contacted before their assignment: in the routing curve, not in the rep curve (no rep delay to measure). */
  contactedBeforeAssignment: number;
  /** One cell per weekday × slot of arrival that received a lead, Monday first. */
  cells: RoutingDelayCell[];
}

/**
 * Splits time to first contact into **routing delay** (created → assigned) and **rep delay** (assigned → first
 * contact), where the assignment instant is known, so a slow slot can be blamed on routing or on the reps.
 * Both are Kaplan–Meier curves over the response clock's minutes, with open cases censored at `asOf`; per
 * heatmap cell (weekday × slot of arrival in `timeZone`) the medians of each. Leads without `assignedAt` are
 * counted as such, never guessed.
 *
 * @example
 * ```ts
 * for (const c of routingDelaySurvival(leads, { asOf, timeZone, slotMinutes: 60 }).cells) {
 *   console.log(c.day, c.slot, c.routingMedian, c.repMedian);
 * }
 * ```
 */
export function routingDelaySurvival(leads: readonly Lead[], options: RoutingDelaySurvivalOptions): RoutingDelaySurvival {
  const asOfMs = instantMs('asOf', options.asOf);
  assertTimeZone(options.timeZone); // checked even with no lead: a missing zone never passes unnoticed
  const slotLength = options.slotMinutes ?? 30;
  assertSlotMinutes(slotLength);
  const measure = responseClock({
    clock: options.clock ?? 'wall',
    timeZone: options.timeZone,
    ...(options.calendar ? { calendar: options.calendar } : {}),
  });
  const km = options.confidence === undefined ? {} : { confidence: options.confidence };
  const columns = leadColumnsOf(leads);
  const { createdAt, assignedAt, firstContactAt } = columns;
  const routing: SurvivalCase[] = [];
  const rep: SurvivalCase[] = [];
  const byCell = new Map<number, { routing: SurvivalCase[]; rep: SurvivalCase[]; unknown: number }>();
  let unknown = 0;
  let invalid = 0;
  let contactedFirst = 0;
  for (let i = 0; i < columns.length; i++) {
    const createdMs = createdAt[i]!;
    if (!Number.isFinite(createdMs) || createdMs > asOfMs) continue;
    const contactMs = firstContactAt[i]!;
    const contacted = contactMs === contactMs && contactMs <= asOfMs;
    const assignMs = assignedAt[i]!;
    if ((contacted && contactMs < createdMs) || (assignMs === assignMs && assignMs < createdMs)) {
      invalid++;
      continue;
    }
    const { weekday, slotIndex } = slotOf(createdMs, options.timeZone, slotLength);
    const key = weekday * 1440 + slotIndex;
    let cell = byCell.get(key);
    if (!cell) byCell.set(key, (cell = { routing: [], rep: [], unknown: 0 }));
    if (assignMs !== assignMs) {
      unknown++;
      cell.unknown++;
      continue;
    }
    const assigned = assignMs <= asOfMs;
    const r = { duration: measure(createdMs, assigned ? assignMs : asOfMs), event: assigned };
    routing.push(r);
    cell.routing.push(r);
    if (!assigned) continue;
    if (contacted && contactMs < assignMs) {
      contactedFirst++;
      continue;
    }
    const p = { duration: measure(assignMs, contacted ? contactMs : asOfMs), event: contacted };
    rep.push(p);
    cell.rep.push(p);
  }
  const cells = [...byCell.entries()]
    .sort(([a], [b]) => a - b)
    .map(([key, c]) => {
      const weekday = Math.floor(key / 1440);
      const slotIndex = key % 1440;
      return {
        day: WEEKDAY_NAMES[weekday]!,
        weekday,
        slot: slotLabel(slotIndex, slotLength),
        slotIndex,
        leads: c.routing.length,
        routingMedian: kaplanMeier(c.routing, km).median,
        repMedian: kaplanMeier(c.rep, km).median,
        unknownAssignment: c.unknown,
      };
    });
  return {
    routing: kaplanMeier(routing, km),
    rep: kaplanMeier(rep, km),
    unknownAssignment: unknown,
    invalid,
    contactedBeforeAssignment: contactedFirst,
    cells,
  };
}
