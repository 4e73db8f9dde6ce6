import type { Lead } from '../model/lead.js';
import { columnarLeadsOf } from './columnar-leads.js';
import type { Judgement } from './judge.js';
import { judgeFor, judgeLeadAt } from './judge.js';
import type { FollowUpOptions } from './options.js';
import { instantMs, resolveFollowUpOptions } from './options.js';

/**
 * Conversion of the appointed leads of a period. `won + lost + open = appointed`: every lead is in exactly
 * one of those three. `reachedGreen` counts across them the leads that got at least as far as green (a won
 * lead counts as having reached it), so `won ≤ reachedGreen ≤ appointed`.
 *
 * @example
 * ```ts
 * const c: Conversion = conversion(leads, { asOf, timeZone, pipeline });
 * console.log(`${c.won} won, ${c.lost} lost, ${c.open} open of ${c.appointed}`);
 * ```
 */
export interface Conversion {
  /** Leads whose appointment falls in the period (and that existed at `asOf`). */
  appointed: number;
  /** Of those, the leads that ever entered a `won` stage by `asOf`. */
  won: number;
  /** Of those, the leads that ever entered a `green`, `delivery` or `won` stage by `asOf` (won included). */
  reachedGreen: number;
  /** Of those, the leads not won whose stage at `asOf` is `lost`. */
  lost: number;
  /** Of those, the leads neither won nor lost: still open, green or in delivery at `asOf`. */
  open: number;
  /** `won / appointed`; `null` when no lead was appointed in the period. */
  rate: number | null;
}

/**
 * Options of {@link conversion}: the shared {@link FollowUpOptions} and the period of appointments.
 *
 * @example
 * ```ts
 * const options: ConversionOptions = { asOf, timeZone, pipeline, from: october.from, to: october.to };
 * ```
 */
export interface ConversionOptions extends FollowUpOptions {
  /** Count leads whose appointment is at or after this instant. Default: no lower bound. */
  from?: Date;
  /** Count leads whose appointment is before this instant (exclusive). Default: no upper bound. */
  to?: Date;
}

/**
 * The conversion rate of appointed leads: among the leads whose appointment falls in `[from, to)` (every
 * appointed lead without bounds), the share that ever entered a `won` stage by `asOf`; also how many
 * reached green, were lost, or are still open. Leads created after `asOf` are left out. A period that
 * reaches past `asOf` includes appointments that have not happened yet: end it at `asOf` to measure only
 * those that have.
 *
 * @example
 * ```ts
 * const march = conversion(leads, { from: new Date('2026-03-01T05:00Z'), to: new Date('2026-04-01T04:00Z'),
 *   asOf, timeZone: 'America/New_York', pipeline });
 * console.log(`${march.won}/${march.appointed} won (${((march.rate ?? 0) * 100).toFixed(0)} %)`);
 * ```
 */
export function conversion(leads: readonly Lead[], options: ConversionOptions): Conversion {
  const ctx = resolveFollowUpOptions(options);
  const fromMs = options.from === undefined ? -Infinity : instantMs('from', options.from);
  const toMs = options.to === undefined ? Infinity : instantMs('to', options.to);
  const data = columnarLeadsOf(leads);
  const judge = judgeFor(data, ctx);
  const tally = newConversionTally();
  for (let i = 0; i < data.leads.length; i++) {
    const t = data.leads.appointmentAt[i]!;
    // NaN (no appointment) fails the comparison too.
    if (!(t >= fromMs && t < toMs)) continue;
    countConversion(tally, judgeLeadAt(data, i, judge));
  }
  return finishConversion(tally);
}

/**
 * The counts of a {@link Conversion} being built up, before the rate.
 *
 * @internal
 */
export type ConversionTally = Omit<Conversion, 'rate'>;

/**
 * An empty tally.
 *
 * @internal
 */
export function newConversionTally(): ConversionTally {
  return { appointed: 0, won: 0, reachedGreen: 0, lost: 0, open: 0 };
}

/**
 * Adds one appointed lead to a tally (leads that did not exist at `asOf` are skipped).
 *
 * @internal
 */
export function countConversion(tally: ConversionTally, j: Judgement): void {
  if (!j.exists) return;
  tally.appointed++;
  if (j.reachedGreen) tally.reachedGreen++;
  if (j.everWon) tally.won++;
  else if (j.category === 'lost') tally.lost++;
  else tally.open++;
}

/**
 * The tally with its rate (`won / appointed`, null when nothing was appointed).
 *
 * @internal
 */
export function finishConversion(tally: ConversionTally): Conversion {
  return { ...tally, rate: tally.appointed === 0 ? null : tally.won / tally.appointed };
}
