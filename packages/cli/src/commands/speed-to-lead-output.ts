/**
 * `panopticon survival --of speed-to-lead`: conversion by response band (core's `speedToLead`) as JSON, CSV
 * or a table; the dashboard's speed-to-lead panel writes its download with the same rows.
 *
 * @module
 */
import { speedToLead, type ColumnarLeads, type Lead, type SpeedToLead } from '@panopticon/core';
import { SPEED_TO_LEAD_CSV_COLUMNS, speedToLeadCsvCells, speedToLeadJsonRow } from '../csv-columns.js';
import { renderCsv, renderJson, renderTable } from '../format.js';
import type { Settings } from '../settings/resolve.js';
import { followUpOptions, formatInstant } from './follow-up-options.js';

/** The settings speed to lead reads. */
export type SpeedToLeadSettings = Pick<
  Settings,
  'asOf' | 'timeZone' | 'pipeline' | 'dayCount' | 'calendar' | 'clock' | 'convertedAt' | 'description'
>;

/** Core's speed to lead for the settings: the follow-up options, the response clock, what counts as converted. */
export function speedToLeadOf(settings: SpeedToLeadSettings, leads: readonly Lead[] | ColumnarLeads): SpeedToLead {
  return speedToLead(leads, { ...followUpOptions(settings), clock: settings.clock, convertedAt: settings.convertedAt });
}

/** The JSON of `panopticon survival --of speed-to-lead`. */
export function speedToLeadJson(settings: SpeedToLeadSettings, s: SpeedToLead) {
  return {
    asOf: settings.asOf.toISOString(),
    timeZone: settings.timeZone,
    source: settings.description,
    of: 'speed-to-lead' as const,
    clock: s.clock,
    convertedAt: s.convertedAt,
    confidence: 0.95,
    counts: { leads: s.rows.reduce((n, r) => n + r.leads, 0), invalid: s.invalid },
    bands: s.rows.map(speedToLeadJsonRow),
  };
}

/** What the association can and cannot say, in the table and on the dashboard. */
export const ASSOCIATION_NOTE = 'This is an association, not a cause: fast answers may go to leads that were better to begin with.';

/** The command's output in the settings' format. */
export function speedToLeadOutput(settings: Pick<Settings, 'format'> & SpeedToLeadSettings, s: SpeedToLead): string {
  const json = speedToLeadJson(settings, s);
  if (settings.format === 'json') return renderJson(json);
  if (settings.format === 'csv') return renderCsv(SPEED_TO_LEAD_CSV_COLUMNS, json.bands.map(speedToLeadCsvCells));
  const pct = (x: number | null) => (x === null ? '' : `${Math.round(x * 100)} %`);
  const rows = json.bands.map((b) => [
    b.band,
    b.leads,
    b.converted,
    b.notConverted,
    b.open,
    b.conversionRatio === null ? 'no decided leads' : `${pct(b.conversionRatio)} (${pct(b.lower)}–${pct(b.upper)})`,
  ]);
  return (
    `Speed to lead as of ${formatInstant(settings.asOf, settings.timeZone)} (${settings.timeZone}), ${json.clock} clock; ` +
    `leads ${json.counts.leads}, invalid ${json.counts.invalid}\n` +
    `Converted = ${json.convertedAt === 'won' ? 'won' : 'reached green'} by the as-of instant, over the decided leads (converted or lost); open leads are not failures.\n` +
    `${ASSOCIATION_NOTE}\n\n` +
    renderTable(['band (min)', 'leads', 'converted', 'not converted', 'open', 'conversion (95 % band)'], rows)
  );
}
