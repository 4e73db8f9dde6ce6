import type { Lead } from '../model/lead.js';
import type { ResponseClock } from '../response/response-time.js';
import { responseClock } from '../response/response-time.js';
import { asColumnarLeads, type ColumnarLeads } from '../follow-up/columnar-leads.js';
import { judgeFor, judgeLeadAt } from '../follow-up/judge.js';
import type { FollowUpOptions } from '../follow-up/options.js';
import { resolveFollowUpOptions } from '../follow-up/options.js';
import { survivalMessages } from './messages.js';
import type { WilsonInterval } from './wilson.js';
import { wilsonInterval } from './wilson.js';

/**
 * Response bands of the speed-to-lead figure, in display order. Edges as the SLA bands: `0-5` is
 * 0 ≤ m ≤ 5, `5-15` is 5 < m ≤ 15, `15-60` 15 < m ≤ 60, `60-1440` 60 < m ≤ 1440 (a day), `1440+` m > 1440;
 * `never` = not contacted by `asOf`.
 *
 * @example
 * ```ts
 * for (const band of SPEED_BANDS) console.log(band);
 * ```
 */
export const SPEED_BANDS = ['0-5', '5-15', '15-60', '60-1440', '1440+', 'never'] as const;

/**
 * How a reader names each response band, on the figures, the page and in tables (one table for all of them).
 *
 * @example
 * ```ts
 * SPEED_BAND_LABELS['60-1440']; // '1–24 h'
 * ```
 */
export const SPEED_BAND_LABELS: Readonly<Record<(typeof SPEED_BANDS)[number], string>> = {
  '0-5': '0–5 min',
  '5-15': '5–15 min',
  '15-60': '15–60 min',
  '60-1440': '1–24 h',
  '1440+': '> 24 h',
  never: 'never',
};

/**
 * One of {@link SPEED_BANDS}.
 *
 * @example
 * ```ts
 * const fastest: SpeedBand = '0-5';
 * ```
 */
export type SpeedBand = (typeof SPEED_BANDS)[number];

/**
 * Options of {@link speedToLead}: the follow-up options (whose `timeZone` and `calendar` the business clock
 * reads), the response clock, and what counts as converted.
 *
 * @example
 * ```ts
 * const options: SpeedToLeadOptions = { asOf, timeZone, pipeline, convertedAt: 'green', clock: 'business' };
 * ```
 */
export interface SpeedToLeadOptions extends FollowUpOptions {
  /** `'wall'` counts every response minute; `'business'` only minutes inside business hours. Default `'wall'`. */
  clock?: ResponseClock;
  /** Converted = entered a `won` stage by `asOf` (`'won'`), or got as far as green (`'green'`: green, delivery or won). Default `'won'`. */
  convertedAt?: 'won' | 'green';
  /** Two-sided level of the Wilson intervals. Default 0.95. */
  confidence?: number;
}

/**
 * Conversion of the leads of one response band ({@link speedToLead}).
 *
 * @example
 * ```ts
 * const row: SpeedToLeadRow = speedToLead(leads, options).rows[0]!;
 * console.log(`${row.band}: ${row.converted}/${row.decided} (${row.open} still open)`);
 * ```
 */
export interface SpeedToLeadRow {
  band: SpeedBand;
  /** Leads in the band. `converted + notConverted + open = leads`. */
  leads: number;
  /** Leads converted by `asOf`. */
  converted: number;
  /** Leads lost at `asOf` without converting. */
  notConverted: number;
  /** Leads neither converted nor lost: still open, not failures, so not in the rate. */
  open: number;
  /** `converted + notConverted`: the leads whose outcome is known. */
  decided: number;
  /** `converted / decided` with its Wilson interval; null when no lead of the band is decided. */
  conversion: WilsonInterval | null;
}

/**
 * The speed-to-lead figure ({@link speedToLead}).
 *
 * @example
 * ```ts
 * const s: SpeedToLead = speedToLead(leads, options);
 * console.log(`${s.invalid} leads left out (contact before creation)`);
 * ```
 */
export interface SpeedToLead {
  convertedAt: 'won' | 'green';
  clock: ResponseClock;
  /** One row per band, in {@link SPEED_BANDS} order (zeros included). */
  rows: SpeedToLeadRow[];
  /** Leads whose first contact is before their creation (or not a valid instant): in no band. */
  invalid: number;
}

/**
 * Conversion by how fast leads were first answered, on the team's own data: every lead created by `asOf` is
 * put in its response band (response minutes on the chosen clock; `never` when not contacted by `asOf`) and
 * counted as converted (entered `won`, or reached green with `convertedAt: 'green'`), lost, or still open. The
 * rate is over the decided leads only, with a Wilson interval, so leads still being worked are reported as
 * open rather than as failures. This is an association, not an effect: fast answers may go to leads that were
 * better to begin with.
 *
 * @example
 * ```ts
 * for (const r of speedToLead(leads, { asOf, timeZone, pipeline }).rows) {
 *   console.log(r.band, r.conversion ? `${(r.conversion.rate * 100).toFixed(0)} %` : 'no decided leads', `${r.open} open`);
 * }
 * ```
 */
export function speedToLead(leads: readonly Lead[] | ColumnarLeads, options: SpeedToLeadOptions): SpeedToLead {
  const ctx = resolveFollowUpOptions(options);
  const clock = options.clock ?? 'wall';
  const convertedAt = options.convertedAt ?? 'won';
  if (convertedAt !== 'won' && convertedAt !== 'green') throw new RangeError(survivalMessages.invalidConvertedAt(convertedAt));
  const measure = responseClock({ clock, timeZone: options.timeZone, ...(options.calendar ? { calendar: options.calendar } : {}) });
  const data = asColumnarLeads(leads);
  const judge = judgeFor(data, ctx);
  const { createdAt, firstContactAt } = data.leads;
  const tallies = SPEED_BANDS.map(() => ({ leads: 0, converted: 0, notConverted: 0, open: 0 }));
  let invalid = 0;
  for (let i = 0; i < data.leads.length; i++) {
    const createdMs = createdAt[i]!;
    if (!Number.isFinite(createdMs) || createdMs > ctx.asOfMs) continue;
    const contactMs = firstContactAt[i]!;
    const contacted = contactMs === contactMs && contactMs <= ctx.asOfMs;
    if (contacted && !(contactMs >= createdMs)) {
      invalid++;
      continue;
    }
    const t = tallies[contacted ? bandIndex(measure(createdMs, contactMs)) : SPEED_BANDS.length - 1]!;
    const j = judgeLeadAt(data, i, judge);
    t.leads++;
    if (convertedAt === 'won' ? j.everWon : j.reachedGreen) t.converted++;
    else if (j.category === 'lost') t.notConverted++;
    else t.open++;
  }
  const confidence = options.confidence ?? 0.95;
  const rows = SPEED_BANDS.map((band, k) => {
    const t = tallies[k]!;
    const decided = t.converted + t.notConverted;
    return { band, ...t, decided, conversion: wilsonInterval(t.converted, decided, confidence) };
  });
  return { convertedAt, clock, rows, invalid };
}

function bandIndex(minutes: number): number {
  if (minutes <= 5) return 0;
  if (minutes <= 15) return 1;
  if (minutes <= 60) return 2;
  if (minutes <= 1440) return 3;
  return 4;
}
