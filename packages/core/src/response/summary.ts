import type { BusinessCalendar } from '../model/schedule.js';
import type { FilterLeadsOptions } from './filter.js';
import { leadFilter, leadValueFilter, responsePeriod } from './filter.js';
import type { LeadColumns } from '../model/lead-columns.js';
import type { SlotLead } from './heatmap.js';
import type { ResponseClock } from './response-time.js';
import { resolveSlaMinutes, responseClock } from './response-time.js';
import { selectQuantiles } from './select-quantiles.js';
import { instantMsOf, optionalInstantMsOf } from '../model/lead-instant.js';

/**
 * SLA bands of response minutes, in display order. Edges: 0 ≤ m ≤ 5, 5 < m ≤ 15, 15 < m ≤ 60, m > 60; `never` = not contacted.
 *
 * @example
 * ```ts
 * const { bands } = summarizeResponses(leads);
 * for (const band of SLA_BANDS) console.log(band, bands[band]);
 * ```
 */
export const SLA_BANDS = ['0-5', '5-15', '15-60', '60+', 'never'] as const;
/**
 * One of {@link SLA_BANDS}.
 *
 * @example
 * ```ts
 * const slow: SlaBand = '60+';
 * ```
 */
export type SlaBand = (typeof SLA_BANDS)[number];

/**
 * Options of {@link summarizeResponses}: the SLA, the clock, and the filters of `filterLeads`.
 *
 * @example
 * ```ts
 * const options: SummarizeResponsesOptions = { slaMinutes: 30, clock: 'business', timeZone: 'Europe/London', locator: 'Ana Souza' };
 * ```
 */
export interface SummarizeResponsesOptions extends FilterLeadsOptions {
  /** A contacted lead is within SLA when its response minutes are at most this. Default 60. */
  slaMinutes?: number;
  /** `'wall'` counts every minute; `'business'` only minutes inside `calendar`'s hours in `timeZone`. Default `'wall'`. */
  clock?: ResponseClock;
  /** IANA time zone in which business hours are read. Required with `clock: 'business'`; unused otherwise. No default. */
  timeZone?: string;
  /** Weekly hours and holidays for `clock: 'business'`. Default Monday–Friday 09:00–17:00, no holidays. */
  calendar?: BusinessCalendar;
}

/**
 * Response-time figures of a set of leads (the heatmap's cell figures, for all slots at once, plus SLA bands).
 *
 * @example
 * ```ts
 * const s: ResponseSummary = summarizeResponses(leads);
 * console.log(`${s.withinSla} of ${s.total} answered within the hour; ${s.neverContacted} never`);
 * ```
 */
export interface ResponseSummary {
  /** Leads (after filters), including never-contacted and invalid ones. */
  total: number;
  /** Leads with a valid first contact. */
  contacted: number;
  /** Leads never contacted. */
  neverContacted: number;
  /** Leads whose first contact is before creation (or a date is not valid): counted in `total` only. */
  invalid: number;
  /** Contacted leads whose response minutes are at most `slaMinutes`. */
  withinSla: number;
  /** `withinSla / total × 100`; null when `total` is 0. */
  pctWithinSla: number | null;
  /** Median response minutes of contacted leads (type-7 quantile, as pandas); null when none. */
  medianMinutes: number | null;
  /** 90th percentile response minutes of contacted leads (type 7); null when none. */
  p90Minutes: number | null;
  /** Leads per SLA band; they add up to `total − invalid` (invalid leads are in no band). */
  bands: Record<SlaBand, number>;
}

/**
 * Summarizes response performance: counts, % within SLA, median and p90 response minutes, and the SLA
 * bands (0–5, 5–15, 15–60, 60+ minutes, never). Same definitions and options as `aggregateBySlot`, without
 * the slotting, so a time zone is needed only for `clock: 'business'`; `total` equals the sum of the
 * heatmap's totals. `leads` are lead objects or leads held as columns ({@link LeadColumns}, the `leads` of
 * what `loadFilesColumnar` returns): the same figures, with no object per lead for the columns. A lead whose
 * `createdAt` or `firstContactAt` is not a valid `Date` throws, naming the lead and the field, as the
 * heatmap does.
 *
 * @example
 * const s = summarizeResponses(leads, { slaMinutes: 15, team: 'East' });
 * `${s.pctWithinSla?.toFixed(0)} % within 15 minutes; ${s.bands.never} never contacted`;
 */
export function summarizeResponses(leads: readonly SlotLead[] | LeadColumns, options: SummarizeResponsesOptions = {}): ResponseSummary {
  return isLeadColumns(leads) ? summarizeColumns(leads, options) : summarizeObjects(leads, options);
}

/** Leads held as columns rather than an array of lead objects. */
function isLeadColumns(leads: readonly SlotLead[] | LeadColumns): leads is LeadColumns {
  return !Array.isArray(leads);
}

function summarizeObjects(leads: readonly SlotLead[], options: SummarizeResponsesOptions): ResponseSummary {
  return summarize(
    leads.length,
    options,
    () => {
      const keep = leadFilter(options);
      return (i) => {
        const lead = leads[i]!;
        if (keep !== null && !keep(lead)) return SKIP;
        // null: never contacted. A value that is not a valid Date throws, naming the lead and the field.
        const contactMs = optionalInstantMsOf(lead, 'firstContactAt');
        return contactMs === contactMs ? contactMs : NEVER;
      };
    },
    (i) => instantMsOf(leads[i]!, 'createdAt'),
  );
}

function summarizeColumns(leads: LeadColumns, options: SummarizeResponsesOptions): ResponseSummary {
  const { createdAt, firstContactAt, team, locator } = leads;
  return summarize(
    leads.length,
    options,
    () => {
      const keep = leadValueFilter(options);
      return (i) => {
        if (keep !== null && !keep(createdAt[i]!, team[i]!, locator[i]!)) return SKIP;
        const contact = firstContactAt[i]!;
        return contact === contact ? contact : NEVER;
      };
    },
    (i) => createdAt[i]!,
  );
}

/** `contactOf` results: the lead is filtered out, or was never contacted. */
const SKIP = -Infinity;
const NEVER = Infinity;

/**
 * The figures of leads `0 … count − 1`: `contactOf(i)` (made by `filtered()`, after the SLA and clock
 * options are checked, so bad options are reported in the same order for both callers) is the first
 * contact in epoch ms, {@link NEVER}, or {@link SKIP} for a lead the filters leave out; `createdOf(i)` is
 * its arrival in epoch ms.
 */
function summarize(
  count: number,
  options: SummarizeResponsesOptions,
  filtered: () => (i: number) => number,
  createdOf: (i: number) => number,
): ResponseSummary {
  const slaMinutes = resolveSlaMinutes(options.slaMinutes);
  const measure = responseClock(options);
  const { asOfMs } = responsePeriod(options);
  const contactOf = filtered();
  const minutes = new Float64Array(count);
  let total = 0;
  let contacted = 0;
  let never = 0;
  let invalid = 0;
  let within = 0;
  let b5 = 0;
  let b15 = 0;
  let b60 = 0;
  let bOver = 0;
  for (let i = 0; i < count; i++) {
    const contactMs = contactOf(i);
    if (contactMs === SKIP) continue;
    const createdMs = createdOf(i);
    if (!Number.isFinite(createdMs)) continue; // as in aggregateBySlot: no arrival, not a lead to count
    total++;
    if (contactMs === NEVER || contactMs > asOfMs) {
      // Never contacted, or not yet at asOf.
      never++;
      continue;
    }
    if (!(contactMs >= createdMs)) {
      invalid++; // also catches an invalid contact date (NaN)
      continue;
    }
    const m = measure(createdMs, contactMs);
    minutes[contacted++] = m;
    if (m <= slaMinutes) within++;
    if (m <= 5) b5++;
    else if (m <= 15) b15++;
    else if (m <= 60) b60++;
    else bOver++;
  }
  const [medianMinutes, p90Minutes] = selectQuantiles(minutes.subarray(0, contacted), [0.5, 0.9]);
  return {
    total,
    contacted,
    neverContacted: never,
    invalid,
    withinSla: within,
    pctWithinSla: total === 0 ? null : (within / total) * 100,
    medianMinutes: medianMinutes ?? null,
    p90Minutes: p90Minutes ?? null,
    bands: { '0-5': b5, '5-15': b15, '15-60': b60, '60+': bOver, never },
  };
}
