/**
 * User-facing error texts of the survival metrics, kept together so wording stays consistent and tests can
 * match them. Each names the bad value and says what is expected.
 *
 * @module
 */

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  return String(value);
}

export const survivalMessages = {
  invalidConfidence: (value: unknown) => `confidence must be a number strictly between 0 and 1, such as 0.95; got ${show(value)}.`,
  invalidDuration: (index: number, value: unknown) =>
    `case ${index}: duration must be a finite number of at least 0 (the time from the start to the event or to censoring); got ${show(value)}.`,
  invalidQuantile: (value: unknown) =>
    `q must be a number from 0 to 1 (the share of cases that have ended), such as 0.5; got ${show(value)}.`,
  invalidGroupBy: (value: unknown) => `by must be "team", "source", "period" or "arrival"; got ${show(value)}.`,
  invalidPeriodUnit: (value: unknown) => `periodUnit must be "month" or "week"; got ${show(value)}.`,
  invalidConvertedAt: (value: unknown) => `convertedAt must be "won" or "green"; got ${show(value)}.`,
  timeZoneNeededFor: (what: string) => `timeZone is required to group ${what}: an IANA name such as "America/New_York" or "UTC".`,
} as const;
