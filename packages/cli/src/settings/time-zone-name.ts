import { assertTimeZone } from '@panopticon/core';

/** Common abbreviations and the zone a team writing them most likely means (abbreviations are not zones: EST has no DST). */
const ABBREVIATIONS: Record<string, string> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  ET: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  CT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  MT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  PT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  GMT: 'UTC',
  Z: 'UTC',
  BST: 'Europe/London',
  WET: 'Europe/Lisbon',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  MSK: 'Europe/Moscow',
  IST: 'Asia/Kolkata',
  JST: 'Asia/Tokyo',
  KST: 'Asia/Seoul',
  AEST: 'Australia/Sydney',
  AEDT: 'Australia/Sydney',
  NZST: 'Pacific/Auckland',
  NZDT: 'Pacific/Auckland',
};

/**
 * Why `name` is not a time zone Panopticon accepts, or undefined when it is one: an IANA name
 * ("Area/Location", as `Intl` knows it, in its letter case) or `UTC`. Abbreviations (`EST`), legacy aliases without an area
 * (`Japan`) and names in another case (`europe/paris`) are refused with the IANA name they most likely mean.
 */
export function timeZoneProblem(name: string): string | undefined {
  if (name === 'UTC') return undefined;
  const suggested = ABBREVIATIONS[name.toUpperCase()];
  if (suggested !== undefined) {
    return `"${name}" is an abbreviation, not an IANA time zone name; use "${suggested}" (or the zone your team is in).`;
  }
  if (name.toUpperCase() === 'UTC' || name.toUpperCase() === 'ETC/UTC') return `"${name}" is not written as IANA writes it; use "UTC".`;
  try {
    assertTimeZone(name);
  } catch (error) {
    return (error as Error).message;
  }
  if (!name.includes('/'))
    return `"${name}" is not an IANA time zone name of the form Area/Location; use one such as "America/New_York", or "UTC".`;
  // Intl reads names in any case, but the name is printed on every page and report: it is written as IANA writes it, as UTC is.
  const written = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  if (written !== name && written.toLowerCase() === name.toLowerCase())
    return `"${name}" is not written as IANA writes it; use "${written}".`;
  return undefined;
}
