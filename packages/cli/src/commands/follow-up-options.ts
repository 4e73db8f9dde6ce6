import { formatDayNumber, localDayNumber, zonedParts, type FollowUpOptions } from '@panopticon/core';
import { stringValue, type ParsedValues } from '../args.js';
import { CliError } from '../errors.js';
import type { InputContext } from '../inputs.js';

/** The follow-up options every follow-up command passes to core. */
export function followUpOptions(values: ParsedValues, inputs: InputContext): FollowUpOptions {
  const dayCount = stringValue(values, 'day-count') ?? inputs.settings.dayCount ?? 'calendar';
  if (dayCount !== 'calendar' && dayCount !== 'business') {
    throw new CliError(`--day-count must be calendar or business, got "${dayCount}".`, 2);
  }
  const calendar = inputs.settings.calendar;
  return { asOf: inputs.asOf, timeZone: inputs.timeZone, pipeline: inputs.pipeline, dayCount, ...(calendar ? { calendar } : {}) };
}

/** "2026-10-31 23:59" in the zone: how instants are shown in tables. */
export function formatInstant(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${formatDayNumber(localDayNumber(instant, timeZone))} ${hm}`;
}
