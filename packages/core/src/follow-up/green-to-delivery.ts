import type { Lead } from '../model/lead.js';
import type { ColumnarLeads } from './columnar-leads.js';
import type { StageCategory } from '../model/pipeline.js';
import { quantileSorted } from '../stats/quantile.js';
import type { Judge, Judgement } from './judge.js';
import { dateOrNull, judgedRows } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { sortRowsByInstant } from './timeline.js';

/**
 * One lead's way from green to delivery ({@link greenToDelivery}).
 *
 * @example
 * ```ts
 * const waiting = (rows: GreenToDeliveryRow[]) => rows.filter((r) => !r.done).sort((a, b) => b.days - a.days);
 * ```
 */
export interface GreenToDeliveryRow {
  /** The lead's id. */
  leadId: string;
  /** The lead's name. */
  name: string;
  /** The person accountable for the lead; `null` = unassigned. */
  locator: string | null;
  /** Stage at `asOf`. */
  stage: string;
  /** The category of that stage. */
  category: StageCategory;
  /** First entry into a `green` stage. */
  greenAt: Date;
  /** First entry into a `delivery` or `won` stage after `greenAt`, by `asOf`; `null` while pending. */
  deliveryAt: Date | null;
  /** Days from `greenAt` to `deliveryAt`, or to `asOf` while pending (calendar or business days in `timeZone`). */
  days: number;
  /** Pending and stuck in green by {@link followUp}'s rule (in green ≥ `greenStuckAfterDays`). */
  stuck: boolean;
  /** Reached delivery or won. */
  done: boolean;
}

/**
 * The green → delivery figures; `completed + pending = rows.length`.
 *
 * @example
 * ```ts
 * const g: GreenToDelivery = greenToDelivery(leads, { asOf, timeZone, pipeline });
 * console.log(`median ${g.medianDays} days; ${g.pending} waiting`);
 * ```
 */
export interface GreenToDelivery {
  /** Every lead that entered green by `asOf`, by `greenAt`, then lead id. */
  rows: GreenToDeliveryRow[];
  /** Rows that reached delivery or won. */
  completed: number;
  /** Rows that did not (yet): still green, or left green another way (back to open, lost). */
  pending: number;
  /** Median days of the completed rows; `null` when none. */
  medianDays: number | null;
  /** 90th percentile (type 7) of the same; `null` when none. */
  p90Days: number | null;
}

/**
 * Options of {@link greenToDelivery}: the shared {@link FollowUpOptions}.
 *
 * @example
 * ```ts
 * const options: GreenToDeliveryOptions = { asOf, timeZone, pipeline, greenStuckAfterDays: 10 };
 * ```
 */
export type GreenToDeliveryOptions = FollowUpOptions;

/**
 * How long approved leads wait for delivery: for every lead that entered a `green` stage by `asOf`, the days
 * from its first entry into green to its first entry into `delivery` or `won` after that. Leads still
 * waiting are pending: their days run to `asOf`, they are flagged `stuck` by the stuck-in-green rule, and
 * they are left out of the median and p90 (which describe completed waits only). A lead that reached
 * delivery or won without passing through green has no row.
 *
 * @example
 * ```ts
 * const g = greenToDelivery(leads, { asOf, timeZone: 'America/New_York', pipeline });
 * console.log(`median ${g.medianDays} d over ${g.completed}; ${g.rows.filter((r) => r.stuck).length} stuck`);
 * ```
 */
export function greenToDelivery(leads: readonly Lead[] | ColumnarLeads, options: GreenToDeliveryOptions): GreenToDelivery {
  const rows = judgedRows(leads, options, (data, i, j, judge): GreenToDeliveryRow | undefined => {
    if (!enteredGreen(j)) return undefined;
    const done = j.deliveryMs === j.deliveryMs;
    const { id, name, locator } = data.leads;
    return {
      leadId: id[i]!,
      name: name[i]!,
      locator: locator[i]!,
      stage: j.stage!,
      category: j.category!,
      greenAt: new Date(j.firstGreenMs),
      deliveryAt: dateOrNull(j.deliveryMs),
      days: greenWaitDays(j, judge),
      stuck: !done && j.stuckInGreen,
      done,
    };
  });
  const completedDays = sortRowsByInstant(
    rows,
    (r) => r.greenAt,
    (r) => (r.done ? r.days : null),
  );
  return {
    rows,
    completed: completedDays.length,
    pending: rows.length - completedDays.length,
    medianDays: quantileSorted(completedDays, 0.5),
    p90Days: quantileSorted(completedDays, 0.9),
  };
}

/**
 * Whether the judged lead has a row: it existed at `asOf` and entered green by then.
 *
 * @internal
 */
export function enteredGreen(j: Judgement): boolean {
  return j.exists && j.firstGreenMs === j.firstGreenMs;
}

/**
 * Days from the lead's first entry into green to its first entry into delivery or won after that, or to
 * `asOf` while pending (for a lead that {@link enteredGreen}).
 *
 * @internal
 */
export function greenWaitDays(j: Judgement, judge: Judge): number {
  return j.deliveryMs === j.deliveryMs ? judge.days(j.firstGreenMs, j.deliveryMs) : judge.daysToAsOf(j.firstGreenMs);
}
