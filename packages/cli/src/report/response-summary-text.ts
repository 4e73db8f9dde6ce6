/**
 * The words of the response-times summary: the section's sentence and its SLA bands, written by the page
 * builder (section-figures.ts) and again by the page's script when a control changes the SLA, clock or team
 * (client/response-view.ts). Platform-neutral (type imports only), so both write the same text.
 *
 * @module
 */
import type { ResponseSummary, SlaBand } from '@panopticon/core';
import { formatRate, ratio } from '../rate.js';

const count = new Intl.NumberFormat('en-US');

/** Response minutes as the page shows them: "12 min", "2.5 h"; "—" for none. */
export function responseMinutesText(m: number | null): string {
  return m === null ? '—' : m >= 120 ? `${(m / 60).toFixed(1)} h` : `${Math.round(m)} min`;
}

/** "64.2 % of 1,234 new leads were first contacted within 60 minutes; median 12 min, 90th percentile 2.5 h." */
export function responseSummaryText(
  r: Pick<ResponseSummary, 'withinSla' | 'total' | 'medianMinutes' | 'p90Minutes'>,
  slaMinutes: number,
): string {
  const pct = formatRate(ratio(r.withinSla, r.total));
  const leads = `${count.format(r.total)} new ${r.total === 1 ? 'lead' : 'leads'}`;
  return `${pct} of ${leads} were first contacted within ${slaMinutes} minutes; median ${responseMinutesText(r.medianMinutes)}, 90th percentile ${responseMinutesText(r.p90Minutes)}.`;
}

/** Each SLA band's label and count: `["0-5 min", 12]`, …, `["never contacted", 3]`. */
export function slaBandTexts(bands: Readonly<Record<SlaBand, number>>): [label: string, count: string][] {
  return Object.entries(bands).map(([band, n]) => [band === 'never' ? 'never contacted' : `${band} min`, count.format(n)]);
}
