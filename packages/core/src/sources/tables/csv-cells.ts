// A typed table's values as the cells of the same table written as CSV, so that one set of rules (the CSV
// readers of ../csv/) reads every format: strings as they are, nulls as empty cells, numbers in decimal, and
// typed times in a form the CSV timestamp parser reads exactly (an instant with `Z`, a wall-clock time
// without an offset, so that it is read in the team's zone as CSV reads one, a date as `YYYY-MM-DD`).

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
  const date = new Date(Math.floor(ms));
  if (Number.isNaN(date.getTime())) return String(ms); // beyond the range of a Date: unreadable, and reported as such
  const iso = date.toISOString();
  if (kind === 'instant') return iso;
  if (kind === 'date') return iso.slice(0, iso.indexOf('T'));
  return iso.slice(0, -1).replace('T', ' ');
}

/**
 * A cell quoted when it holds a quote, a line break or any of the delimiters the CSV reader may detect (`,` `;` tab `|`), quotes doubled,
 * as RFC 4180 writes it: the cell reads back as it is whatever the delimiter.
 */
function quote(text: string, delimiter: string): string {
  if (text.includes(delimiter)) return `"${text.replaceAll('"', '""')}"`;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13 || c === 59 || c === 9 || c === 124) return `"${text.replaceAll('"', '""')}"`;
  }
  return text;
}

/** One CSV line of the cells' texts, quoted where they must be, ended by a line feed. @internal */
export function csvLine(cells: readonly string[], delimiter: string): string {
  let line = quote(cells[0] ?? '', delimiter);
  for (let i = 1; i < cells.length; i++) line += delimiter + quote(cells[i]!, delimiter);
  return `${line}\n`;
}
