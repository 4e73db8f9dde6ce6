/**
 * The columns and cells of the locator scorecard's CSV download. Platform-neutral (type imports only): the
 * page builder embeds the cells, the page's script (client/downloads.ts) writes them.
 *
 * @module
 */
import type { LocatorScorecardRow } from '@panopticon/core';
import type { Cell } from '../format.js';
import { ratePercent } from '../rate.js';

/**
 * The columns of the scorecard's CSV download: the table's, named as the JSON of `locatorScorecard`, the
 * conversion rate as a percentage with one decimal (rate.ts).
 */
export const SCORECARD_CSV_COLUMNS = [
  'locator',
  'leads',
  'appointed',
  'needsAttention',
  'stale',
  'atRisk',
  'awaiting',
  'upcoming',
  'progressed',
  'won',
  'lost',
  'conversionPercent',
  'medianDaysToProgress',
] as const;

/** A scorecard row's CSV cells, in {@link SCORECARD_CSV_COLUMNS} order. */
export function scorecardCsvCells(r: LocatorScorecardRow): Cell[] {
  const c = r.counts;
  return [
    r.locator,
    r.leads,
    r.appointed,
    r.needsAttention,
    c.stale,
    c['at-risk'],
    c.awaiting,
    c.upcoming,
    c.progressed,
    c.won,
    c.lost,
    ratePercent(r.conversionRate),
    r.medianDaysToProgress,
  ];
}
