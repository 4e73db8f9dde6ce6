import type { Lead } from '../model/lead.js';
import type { StageCategory } from '../model/pipeline.js';
import { quantileSorted } from '../stats/quantile.js';
import { daysBetween } from '../time/days.js';
import type { Judgement } from './judge.js';
import { judgeLead } from './judge.js';
import type { FollowUpContext, FollowUpOptions } from './options.js';
import { resolveFollowUpOptions } from './options.js';
import { compareStrings } from './timeline.js';

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
export function greenToDelivery(leads: readonly Lead[], options: GreenToDeliveryOptions): GreenToDelivery {
  const ctx = resolveFollowUpOptions(options);
  const rows: GreenToDeliveryRow[] = [];
  for (const lead of leads) {
    const row = greenToDeliveryRow(lead, judgeLead(lead, ctx), ctx);
    if (row) rows.push(row);
  }
  return summarizeGreenToDelivery(rows);
}

/**
 * The lead's row, or null when it did not exist at `asOf` or never entered green by then.
 *
 * @internal
 */
export function greenToDeliveryRow(lead: Lead, j: Judgement, ctx: FollowUpContext): GreenToDeliveryRow | null {
  if (!j.exists || j.firstGreenAt === null) return null;
  const done = j.deliveryAt !== null;
  return {
    leadId: lead.id,
    name: lead.name,
    locator: lead.locator,
    stage: j.stage!,
    category: j.category!,
    greenAt: j.firstGreenAt,
    deliveryAt: j.deliveryAt,
    days: daysBetween(j.firstGreenAt, j.deliveryAt ?? ctx.asOf, ctx.days),
    stuck: !done && j.stuckInGreen,
    done,
  };
}

/**
 * Sorts the rows (in place) and computes the counts and the statistics of the completed ones. `sortRows`
 * false skips the sort, for callers that keep only the statistics (which do not depend on row order).
 *
 * @internal
 */
export function summarizeGreenToDelivery(rows: GreenToDeliveryRow[], sortRows = true): GreenToDelivery {
  if (sortRows) rows.sort((a, b) => a.greenAt.getTime() - b.greenAt.getTime() || compareStrings(a.leadId, b.leadId));
  const completedDays = Float64Array.from(
    rows.filter((r) => r.done),
    (r) => r.days,
  ).sort();
  return {
    rows,
    completed: completedDays.length,
    pending: rows.length - completedDays.length,
    medianDays: quantileSorted(completedDays, 0.5),
    p90Days: quantileSorted(completedDays, 0.9),
  };
}
