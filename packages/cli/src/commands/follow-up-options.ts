import { formatDayNumber, localDayNumber, zonedParts, type FollowUpOptions } from '@panopticon/core';
import { AS_OF_OPTION, ENGINE_OPTION, HELP_OPTION, INPUT_OPTIONS, TABLE_FORMAT_OPTION, type OptionSpecs } from '../args.js';
import type { Settings } from '../settings/resolve.js';

/** The flags that say what `attention` and `kpis` judge: the inputs, the as-of and the day count. */
export const FOLLOW_UP_INPUT_OPTIONS: OptionSpecs = {
  ...INPUT_OPTIONS,
  ...AS_OF_OPTION,
  'day-count': { type: 'string', arg: 'calendar|business', help: 'how days are counted (default: calendar)' },
};

/** The flags that say how `attention` and `kpis` answer: the engine, the output format, help. */
export const FOLLOW_UP_OUTPUT_OPTIONS: OptionSpecs = { ...ENGINE_OPTION, ...TABLE_FORMAT_OPTION, ...HELP_OPTION };

/** The follow-up options every follow-up command passes to core. */
export function followUpOptions(settings: Pick<Settings, 'asOf' | 'timeZone' | 'pipeline' | 'dayCount' | 'calendar'>): FollowUpOptions {
  const { asOf, timeZone, pipeline, dayCount, calendar } = settings;
  return { asOf, timeZone, pipeline, dayCount, ...(calendar ? { calendar } : {}) };
}

/** "2026-10-31 23:59" in the zone: how instants are shown in tables. */
export function formatInstant(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const hm = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return `${formatDayNumber(localDayNumber(instant, timeZone))} ${hm}`;
}
