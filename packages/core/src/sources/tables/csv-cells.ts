// A typed table's values as the cells of the same table written as CSV, so that one set of rules (the CSV
// readers of ../csv/) reads every format: strings as they are, nulls as empty cells, numbers in decimal, and
// typed times in a form the CSV timestamp parser reads exactly (an instant with `Z`, a wall-clock time
// without an offset, so that it is read in the team's zone as CSV reads one, a date as `YYYY-MM-DD`).
import { civilFromDays } from '../../time/civil.js';

/**
 * How a column's typed times are written: an instant (`…Z`), a wall-clock time without a zone (read in the team's zone), a calendar date,
 * or anything else (its value as text). @internal
 */
export type CellKind = 'instant' | 'wall' | 'date' | 'value';

/** The text of one value (unquoted). @internal */
export function cellText(value: unknown, kind: CellKind): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (kind !== 'value' && (typeof value === 'number' || typeof value === 'bigint' || value instanceof Date)) {
    return timeText(value instanceof Date ? value.getTime() : Number(value), kind);
  }
  if (value instanceof Date) return timeText(value.getTime(), 'instant');
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value instanceof Uint8Array) return new TextDecoder().decode(value);
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** An epoch-millisecond time as text: `2025-01-06T09:00:00.000Z`, `2025-01-06 09:00:00.000` (wall clock) or `2025-01-06`. */
function timeText(ms: number, kind: Exclude<CellKind, 'value'>): string {
  if (!Number.isFinite(ms)) return String(ms);
  const t = Math.floor(ms);
  const day = Math.floor(t / DAY_MS);
  const date = dayText(day);
  if (date === undefined) {
    const d = new Date(t);
    // Beyond the range of a Date, or of a four-digit year: text the timestamp parser does not read, so it is reported as unreadable.
    return Number.isNaN(d.getTime()) ? String(ms) : d.toISOString();
  }
  if (kind === 'date') return date;
  const inDay = t - day * DAY_MS;
  const seconds = Math.floor(inDay / 1000);
  const time = `${TWO[Math.floor(seconds / 3600)]}:${TWO[Math.floor(seconds / 60) % 60]}:${TWO[seconds % 60]}.${THREE[inDay % 1000]}`;
  return kind === 'instant' ? `${date}T${time}Z` : `${date} ${time}`;
}

const DAY_MS = 86_400_000;
const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const THREE = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

// Times of one column come in runs of a day: the day's text is kept.
let lastDay = Number.NaN;
let lastDayText = '';

/** `YYYY-MM-DD` of a day number (days since 1970-01-01), or undefined outside the years 0000–9999 (the civil calendar, proleptic). */
function dayText(day: number): string | undefined {
  if (day === lastDay) return lastDayText;
  const { year: y, month: m, day: d } = civilFromDays(day);
  if (y < 0 || y > 9999) return undefined;
  lastDay = day;
  lastDayText = `${String(y).padStart(4, '0')}-${TWO[m]}-${TWO[d]}`;
  return lastDayText;
}

/**
 * A cell quoted when it holds a quote, a line break or any of the delimiters the CSV reader may detect (`,` `;` tab `|`), quotes doubled,
 * as RFC 4180 writes it: the cell reads back as it is whatever the delimiter.
 @internal
 */
export function csvQuote(text: string, delimiter: string): string {
  if (text.includes(delimiter)) return `"${text.replaceAll('"', '""')}"`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13 || c === 59 || c === 9 || c === 124) return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** One CSV line of the cells' texts, quoted where they must be, ended by a line feed. @internal */
export function csvLine(cells: readonly string[], delimiter: string): string {
  let line = csvQuote(cells[0] ?? '', delimiter);
  for (let i = 1; i < cells.length; i++) line += delimiter + csvQuote(cells[i]!, delimiter);
  return `${line}\n`;
}
