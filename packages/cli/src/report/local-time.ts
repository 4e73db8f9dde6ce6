import { formatDayNumber, localDayNumber, zonedParts } from '@panopticon/core';

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "HH:MM" of an instant in the zone. */
export function clockText(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "YYYY-MM-DD HH:MM" of an instant in the zone (sorts as text). */
export function localDateTime(instant: Date, timeZone: string): string {
  return `${formatDayNumber(localDayNumber(instant, timeZone))} ${clockText(instant, timeZone)}`;
}
