/**
 * Day arithmetic on the report's own "YYYY-MM-DD" dates, as day numbers (days since 1970-01-01). The
 * dates are already in the report's time zone, so the browser's clock and zone play no part.
 *
 * @module
 */

const MS_DAY = 86_400_000;

/** The day number of "YYYY-MM-DD". */
export function dayNumber(iso: string): number {
  return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / MS_DAY;
}

/** "YYYY-MM-DD" of a day number. */
export function isoDate(day: number): string {
  return new Date(day * MS_DAY).toISOString().slice(0, 10);
}

/** Monday (0) to Sunday (6) of a day number. */
export function weekdayOf(day: number): number {
  return (new Date(day * MS_DAY).getUTCDay() + 6) % 7;
}

/** The first and last day numbers of the month of a day number. */
export function monthOf(day: number): [number, number] {
  const d = new Date(day * MS_DAY);
  return [Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / MS_DAY, Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0) / MS_DAY];
}
