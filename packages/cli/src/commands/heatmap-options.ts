import type { Settings } from '../settings/resolve.js';

/**
 * The heatmap's options from the settings, for `panopticon heatmap` and its `--demand` / `--compare` answers:
 * flags override panopticon.config.json (slotMinutes, slaMinutes), which overrides the defaults.
 */
export function heatmapAggregation(settings: Settings) {
  const { clock, slotMinutes, slaMinutes, period, team, locator } = settings;
  return {
    timeZone: settings.timeZone,
    // As of --as-of (default now): a lead created later is not counted, a contact made later is not a contact yet.
    asOf: settings.asOf,
    slotMinutes,
    slaMinutes,
    clock,
    // The business calendar of panopticon.config.json, for --clock business (default Mon–Fri 09–17).
    ...(settings.calendar ? { calendar: settings.calendar } : {}),
    ...period,
    ...(team !== undefined ? { team } : {}),
    ...(locator !== undefined ? { locator } : {}),
  } as const;
}
