import type { Lead } from '../model/lead.js';
import { quantileSorted } from '../stats/quantile.js';
import type { NeedsAttentionOptions } from './attention.js';
import { attentionReason } from './attention.js';
import type { ColumnarLeads } from './columnar-leads.js';
import { asColumnarLeads } from './columnar-leads.js';
import { countConversion, finishConversion, newConversionTally } from './conversion.js';
import { enteredGreen, greenWaitDays } from './green-to-delivery.js';
import { interventionAt } from './intervention.js';
import { hasAppointment, judgeFor, judgeLeadAt } from './judge.js';
import { resolveFollowUpOptions } from './options.js';

/**
 * The headline figures of the follow-up dashboard at `asOf`, each as the function of that name defines it.
 *
 * @example
 * ```ts
 * const k: Kpis = kpis(leads, { asOf, timeZone, pipeline });
 * console.log(`${k.stale} stale of ${k.appointed} appointed`);
 * ```
 */
export interface Kpis {
  /** The instant the figures describe. */
  asOf: Date;
  /** Leads that existed at `asOf`. */
  leads: number;
  /** Of those, leads with an appointment. */
  appointed: number;
  /** Leads by {@link followUpStatus}: `upcoming`. */
  upcoming: number;
  /** Leads by status: `awaiting`. */
  awaiting: number;
  /** Leads by status: `at-risk`. */
  atRisk: number;
  /** Leads by status: `stale`. */
  stale: number;
  /** Leads flagged *stalled* by {@link followUp} (whatever `includeStalled` says). */
  stalled: number;
  /** Leads flagged *stuck in green* by {@link followUp}. */
  stuckInGreen: number;
  /** Leads by status: `progressed`. */
  progressed: number;
  /** Leads by status: `won` (appointed leads whose stage at `asOf` is won). */
  won: number;
  /** Leads by status: `lost`. */
  lost: number;
  /** Rows of {@link needsAttention} with the same options. */
  needsAttention: number;
  /** {@link conversion}`.rate` over every appointed lead; `null` when none. */
  conversionRate: number | null;
  /** {@link timeToIntervention}`.medianDays`; `null` when none intervened. */
  medianDaysToIntervention: number | null;
  /** {@link timeToIntervention}`.pending`. */
  pendingIntervention: number;
  /** {@link greenToDelivery}`.medianDays`; `null` when none completed. */
  medianGreenToDeliveryDays: number | null;
}

/**
 * Options of {@link kpis}: those of {@link needsAttention} (`includeStalled` decides what counts as needing attention).
 *
 * @example
 * ```ts
 * const options: KpisOptions = { asOf, timeZone: 'America/New_York', pipeline, dayCount: 'business' };
 * ```
 */
export type KpisOptions = NeedsAttentionOptions;

/**
 * The dashboard's headline figures at `asOf`, in one pass over the leads: each lead is judged once and
 * counted into every figure, and every figure equals what its own function returns for the same options.
 * Leads created after `asOf` are left out. `leads` are lead objects or leads held as columns
 * ({@link ColumnarLeads}, as `loadCsvColumnar` (`@panopticon/core/csv`) returns them): the same figures.
 *
 * @example
 * ```ts
 * const k = kpis(leads, { asOf, timeZone: 'America/New_York', pipeline });
 * console.log(`${k.needsAttention} leads need attention (${k.stale} stale, ${k.atRisk} at risk)`);
 * ```
 */
export function kpis(leads: readonly Lead[] | ColumnarLeads, options: KpisOptions): Kpis {
  const ctx = resolveFollowUpOptions(options); // the options are checked before the leads are laid out
  const data = asColumnarLeads(leads);
  const includeStalled = options.includeStalled ?? true;
  const judge = judgeFor(data, ctx);
  const k: Kpis = {
    asOf: options.asOf,
    leads: 0,
    appointed: 0,
    upcoming: 0,
    awaiting: 0,
    atRisk: 0,
    stale: 0,
    stalled: 0,
    stuckInGreen: 0,
    progressed: 0,
    won: 0,
    lost: 0,
    needsAttention: 0,
    conversionRate: null,
    medianDaysToIntervention: null,
    pendingIntervention: 0,
    medianGreenToDeliveryDays: null,
  };
  const tally = newConversionTally();
  // Only the statistics are kept, so no row object is made: the days of the intervened and completed leads.
  const n = data.leads.length;
  const interventionDays = new Float64Array(n);
  let intervened = 0;
  let interventionRows = 0;
  const deliveryDays = new Float64Array(n);
  let completed = 0;
  for (let i = 0; i < data.leads.length; i++) {
    const j = judgeLeadAt(data, i, judge);
    if (!j.exists) continue;
    k.leads++;
    switch (j.status) {
      case 'upcoming':
        k.upcoming++;
        break;
      case 'awaiting':
        k.awaiting++;
        break;
      case 'at-risk':
        k.atRisk++;
        break;
      case 'stale':
        k.stale++;
        break;
      case 'progressed':
        k.progressed++;
        break;
      case 'won':
        k.won++;
        break;
      case 'lost':
        k.lost++;
        break;
      case 'no-appointment':
        break;
    }
    if (j.stalled) k.stalled++;
    if (j.stuckInGreen) k.stuckInGreen++;
    if (attentionReason(j, includeStalled) !== null) k.needsAttention++;
    if (hasAppointment(data.leads, i)) {
      k.appointed++;
      countConversion(tally, j);
      const interventionMs = interventionAt(data, i, j, judge);
      if (interventionMs !== undefined) {
        interventionRows++;
        if (interventionMs === interventionMs) interventionDays[intervened++] = judge.days(data.leads.appointmentAt[i]!, interventionMs);
      }
    }
    if (enteredGreen(j) && j.deliveryMs === j.deliveryMs) deliveryDays[completed++] = greenWaitDays(j, judge);
  }
  k.conversionRate = finishConversion(tally).rate;
  k.medianDaysToIntervention = quantileSorted(interventionDays.subarray(0, intervened).sort(), 0.5);
  k.pendingIntervention = interventionRows - intervened;
  k.medianGreenToDeliveryDays = quantileSorted(deliveryDays.subarray(0, completed).sort(), 0.5);
  return k;
}
