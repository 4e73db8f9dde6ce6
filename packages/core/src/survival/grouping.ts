import type { BusinessCalendar } from '../model/schedule.js';
import { DEFAULT_BUSINESS_CALENDAR } from '../model/schedule.js';
import { businessMinutesCounter } from '../time/business-hours.js';
import { formatDayNumber, MS_PER_MINUTE, weekdayOfDayNumber } from '../time/civil.js';
import { localDayNumber } from '../time/wall-clock.js';
import { assertTimeZone } from '../time/zone.js';
import type { KaplanMeierCurve, KaplanMeierOptions } from './kaplan-meier.js';
import { SurvivalCaseColumns, kaplanMeierOfColumns } from './kaplan-meier.js';
import { survivalMessages } from './messages.js';

/**
 * How the cases of a survival figure are split into curves: by the lead's `team` or `source`, by the
 * `period` (month or week, in `timeZone`) in which the case started, or by `arrival`: whether the case
 * started in business hours or in the evening, at a weekend or on a holiday.
 *
 * @example
 * ```ts
 * const by: SurvivalGroupBy = 'arrival';
 * firstContactSurvival(leads, { asOf, by, timeZone: 'America/New_York' });
 * ```
 */
export type SurvivalGroupBy = 'team' | 'source' | 'period' | 'arrival';

/**
 * The grouping keys, in the order the CLI lists them.
 *
 * @example
 * ```ts
 * SURVIVAL_GROUP_BYS.includes('team'); // true
 * ```
 */
export const SURVIVAL_GROUP_BYS: readonly SurvivalGroupBy[] = ['team', 'source', 'period', 'arrival'];

/**
 * The two groups of `by: 'arrival'`, in display order.
 *
 * @example
 * ```ts
 * const [inHours, outOfHours] = ARRIVAL_GROUPS; // 'business hours', 'evenings/weekends'
 * ```
 */
export const ARRIVAL_GROUPS = ['business hours', 'evenings/weekends'] as const;

/**
 * Options of the grouped survival figures (`firstContactSurvival`, `stageSurvival`, `appointmentProgressSurvival`).
 *
 * @example
 * ```ts
 * const grouping: SurvivalGroupingOptions = { by: 'period', periodUnit: 'week', timeZone: 'Europe/London' };
 * ```
 */
export interface SurvivalGroupingOptions extends KaplanMeierOptions {
  /** Split the cases into one curve per group. Default: no split (`groups` is empty; `curve` has every case). */
  by?: SurvivalGroupBy;
  /** With `by: 'period'`: calendar months ("2026-03") or weeks starting on Monday ("2026-03-02"). Default `'month'`. */
  periodUnit?: 'month' | 'week';
  /** IANA zone in which periods and business hours are read. Required with `by: 'period'` or `'arrival'`. */
  timeZone?: string;
  /** Weekly hours and holidays for `by: 'arrival'`. Default Monday–Friday 09:00–17:00, no holidays. */
  calendar?: BusinessCalendar;
}

/**
 * One group's curve.
 *
 * @example
 * ```ts
 * for (const g of firstContactSurvival(leads, { asOf, by: 'team' }).groups) console.log(g.group, g.curve.median);
 * ```
 */
export interface SurvivalGroup {
  /** The group: a team or source name ("(none)" for leads without one), a period, or an arrival group. */
  group: string;
  curve: KaplanMeierCurve;
}

/** What a case is grouped by: the lead's team and source, and the instant the case started (epoch ms). */
export type GroupKeyOf = (team: string | null, source: string | null, startMs: number) => string;

/** The label of leads without a team or source. */
export const NO_GROUP = '(none)';

/**
 * The key function of the options (null without `by`), validated once: a `RangeError` names a bad `by` or
 * `periodUnit`, a `TypeError` a missing zone.
 *
 * @internal
 */
export function groupKeyOf(options: SurvivalGroupingOptions): GroupKeyOf | null {
  const { by } = options;
  if (by === undefined) return null;
  if (by === 'team') return (team) => team ?? NO_GROUP;
  if (by === 'source') return (_, source) => source ?? NO_GROUP;
  if (by !== 'period' && by !== 'arrival') throw new RangeError(survivalMessages.invalidGroupBy(by));
  const { timeZone } = options;
  if (timeZone === undefined) throw new TypeError(survivalMessages.timeZoneNeededFor(by === 'period' ? 'by period' : 'by arrival'));
  assertTimeZone(timeZone);
  if (by === 'arrival') {
    // In business hours when the minute after the start is a business minute: the calendar's own rule
    // (time/business-hours.ts), so "business hours" means here what it means for the business clock.
    const business = businessMinutesCounter({ timeZone, calendar: options.calendar ?? DEFAULT_BUSINESS_CALENDAR });
    return (_, __, startMs) => (business(startMs, startMs + MS_PER_MINUTE) > 0 ? ARRIVAL_GROUPS[0] : ARRIVAL_GROUPS[1]);
  }
  const unit = options.periodUnit ?? 'month';
  if (unit !== 'month' && unit !== 'week') throw new RangeError(survivalMessages.invalidPeriodUnit(unit));
  if (unit === 'month') return (_, __, startMs) => formatDayNumber(localDayNumber(startMs, timeZone)).slice(0, 7);
  return (_, __, startMs) => {
    const day = localDayNumber(startMs, timeZone);
    return formatDayNumber(day - weekdayOfDayNumber(day));
  };
}

/**
 * Collects cases, each with its group key, and makes the overall curve and one curve per group (groups in
 * order of their keys: periods chronologically, the arrival groups business hours first). Cases are held
 * as columns: no object per case.
 *
 * @internal
 */
export class GroupedCases {
  readonly all = new SurvivalCaseColumns();
  private readonly byGroup = new Map<string, SurvivalCaseColumns>();

  add(duration: number, event: boolean, group: string | null): void {
    this.all.add(duration, event);
    if (group === null) return;
    let list = this.byGroup.get(group);
    if (!list) this.byGroup.set(group, (list = new SurvivalCaseColumns()));
    list.add(duration, event);
  }

  curves(options: KaplanMeierOptions): { curve: KaplanMeierCurve; groups: SurvivalGroup[] } {
    const km = options.confidence === undefined ? {} : { confidence: options.confidence };
    const keys = [...this.byGroup.keys()].sort(compareGroups);
    return {
      curve: kaplanMeierOfColumns(this.all, km),
      groups: keys.map((group) => ({ group, curve: kaplanMeierOfColumns(this.byGroup.get(group)!, km) })),
    };
  }
}

function compareGroups(a: string, b: string): number {
  const ia = ARRIVAL_GROUPS.indexOf(a as (typeof ARRIVAL_GROUPS)[number]);
  const ib = ARRIVAL_GROUPS.indexOf(b as (typeof ARRIVAL_GROUPS)[number]);
  if (ia >= 0 && ib >= 0) return ia - ib;
  return a < b ? -1 : a > b ? 1 : 0;
}
