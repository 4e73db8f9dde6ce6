/** Output of tabular results as an aligned text table, CSV or JSON. */
import { MS_PER_DAY, formatDayNumber, zonedParts } from '@panopticon/core';

export type Cell = string | number | boolean | null | undefined | Date;

function text(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toFixed(1);
  return String(value);
}

/** An aligned plain-text table; numbers right-aligned. */
export function renderTable(columns: readonly string[], rows: Cell[][]): string {
  const cells = rows.map((r) => r.map(text));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map(
    (_, i) => rows.length > 0 && rows.every((r) => r[i] === null || r[i] === undefined || typeof r[i] === 'number'),
  );
  const line = (r: readonly string[]) =>
    r
      .map((v, i) => (numeric[i] ? v.padStart(widths[i]!) : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n') + '\n';
}

/**
 * RFC 4180 CSV with a header row. Numbers are written in full precision; instants in `timeZone` with their
 * offset ("2026-07-05T13:00:00-04:00"), as the page shows them. A text cell that a spreadsheet would run as
 * a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with ' (OWASP's advice for
 * CSV injection): a lead named "=HYPERLINK(…)" stays text.
 */
export function renderCsv(columns: readonly string[], rows: Cell[][], timeZone = 'UTC'): string {
  const field = (v: Cell) => {
    const s =
      v === null || v === undefined
        ? ''
        : v instanceof Date
          ? formatZonedInstant(v, timeZone)
          : typeof v === 'string'
            ? withoutFormula(v)
            : String(v);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [columns.map(field).join(','), ...rows.map((r) => r.map(field).join(','))].join('\n') + '\n';
}

/** A text cell that would start a spreadsheet formula, made inert with a leading apostrophe. */
export function withoutFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** An instant as the wall clock of `timeZone` with its offset: "2026-07-05T13:00:00-04:00" ("…Z" in UTC). */
export function formatZonedInstant(instant: Date, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond);
  const offset = Math.round((wall - instant.getTime()) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const zone = offset === 0 && timeZone === 'UTC' ? 'Z' : `${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  const ms = p.millisecond === 0 ? '' : `.${pad(p.millisecond, 3)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${ms}${zone}`;
}

/** The first and the last instant whose year has four digits: the range {@link isoString} writes itself. */
const FOUR_DIGIT_YEARS = { from: -62_167_219_200_000, to: 253_402_300_799_999 }; // 0000-01-01 … 9999-12-31T23:59:59.999Z

/** "00" … "99", and "000" … "999": the fields of a time, looked up rather than padded. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/** The day {@link isoString} wrote last, and its "YYYY-MM-DDT": a list sorted by day writes each date once. */
let lastDay = Number.NaN;
let lastDayText = '';

/**
 * `date.toISOString()`, by arithmetic: the runtime's own costs about a microsecond an instant, which a list
 * of half a million rows feels. Years outside 0000–9999 (which ISO writes with a sign) and invalid dates
 * (which throw) are left to the runtime.
 */
export function isoString(date: Date): string {
  const ms = date.getTime();
  if (!(ms >= FOUR_DIGIT_YEARS.from && ms <= FOUR_DIGIT_YEARS.to)) return date.toISOString();
  const day = Math.floor(ms / MS_PER_DAY);
  if (day !== lastDay) {
    lastDayText = `${formatDayNumber(day)}T`;
    lastDay = day;
  }
  const t = ms - day * MS_PER_DAY;
  const seconds = Math.floor(t / 1000);
  return `${lastDayText}${TWO_DIGITS[Math.floor(seconds / 3600)]}:${TWO_DIGITS[Math.floor(seconds / 60) % 60]}:${TWO_DIGITS[seconds % 60]}.${THREE_DIGITS[t % 1000]}Z`;
}

/** Stable JSON: Dates as ISO strings, two-space indent, trailing newline. */
export function renderJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/**
 * {@link renderJson} of an object whose last key holds a long array, in parts: the same text, never one
 * string of it all (a million issues would pass the engine's string limit). `jsonOf` makes each item's JSON
 * value as its batch is written (so that only a batch of them is held at a time). Items are written in
 * batches, each by one `JSON.stringify` of the batch at the depth the items have in the whole.
 */
export function* renderJsonParts<T>(
  head: Record<string, unknown>,
  key: string,
  items: readonly T[],
  jsonOf: (item: T) => unknown = (item) => item,
  batch = 1000,
): Generator<string> {
  const indent = (text: string, by: string) => text.replaceAll('\n', `\n${by}`);
  const fields = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${indent(JSON.stringify(v, null, 2), '  ')}`);
  if (items.length === 0) {
    yield `{\n${[...fields, `  ${JSON.stringify(key)}: []`].join(',\n')}\n}\n`;
    return;
  }
  yield `{\n${[...fields, `  ${JSON.stringify(key)}: [\n`].join(',\n')}`;
  // `{ "items": [ …batch… ] }` indents the batch's items exactly as deep as the whole puts them: its text
  // between the brackets is theirs.
  const open = '{\n  "items": [\n'.length;
  const close = '\n  ]\n}'.length;
  for (let i = 0; i < items.length; i += batch) {
    const text = JSON.stringify({ items: items.slice(i, i + batch).map((item) => jsonOf(item)) }, null, 2);
    yield text.slice(open, text.length - close) + (i + batch < items.length ? ',\n' : '\n');
  }
  yield '  ]\n}\n';
}
