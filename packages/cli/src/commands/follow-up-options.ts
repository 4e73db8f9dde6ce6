import { formatDayNumber, localDayNumber, zonedParts, type FollowUpOptions } from '@panopticon/core';
import type { Settings } from '../settings/resolve.js';

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
