/**
 * What the notebooks share: a DOM for the charts, and rich display of results in Jupyter (tables as HTML,
 * figures as SVG).
 *
 *   import { document, figure, print, table } from './display.ts';
 *   await print(`${leads.length} leads`);
 *   await table(rows);
 *   await figure(responseHeatmapFigure(cells, { document }));
 *
 * Each sends a `display_data` message and resolves once it is sent, so the output is part of the cell
 * when the notebook is executed headless (`jupyter nbconvert --execute`). A cell's *result* (its last
 * expression) and its `console.log` output reach Jupyter on their own schedule, and on a busy machine
 * nbconvert may record the cell as finished before they arrive and save it without them. Outside Jupyter
 * (`deno run`), the helpers print the plain-text form instead.
 */
import { toSvgString } from '@panopticon/charts';
import { zonedParts } from '@panopticon/core';
import { JSDOM } from 'jsdom';
import { inspect } from 'node:util';

/** The document figures are drawn in: the kernel has no DOM, so Observable Plot draws into jsdom's. */
export const document: Document = new JSDOM('').window.document;

/** A Jupyter MIME bundle: the same output in several formats; the front end shows the richest it can. */
export type MimeBundle = Record<string, string>;

/**
 * Lines of text as cell output: `console.log` for notebooks, but delivered with the cell (see above).
 * Values are shown as `console.log` shows them.
 */
export function print(...values: unknown[]): Promise<void> {
  const text = values.map((v) => (typeof v === 'string' ? v : inspect(v, { colors: false, depth: 4 }))).join(' ');
  return show({ 'text/plain': text });
}

/** Displays a MIME bundle in the notebook (or prints its text outside Jupyter). */
async function show(bundle: MimeBundle): Promise<void> {
  const jupyter = (globalThis as { Deno?: { jupyter?: { display(obj: unknown, options: { raw: true }): Promise<void> } } }).Deno?.jupyter;
  let inJupyter = false;
  try {
    inJupyter = typeof jupyter?.display === 'function';
  } catch {
    // Deno.jupyter throws when read outside a notebook.
  }
  if (inJupyter) await jupyter!.display(bundle, { raw: true });
  else console.log(bundle['text/plain']);
}

/**
 * A chart for the notebook: an `<svg>` (every `@panopticon/charts` figure, or `Plot.plot` without a legend)
 * shows as an SVG image, which renders the same in Jupyter, VS Code and on code hosts; any other element as HTML.
 */
export function figure(element: Element): Promise<void> {
  const title = element.getAttribute('aria-label') ?? element.querySelector(':scope > title')?.textContent ?? 'figure';
  return show(
    element.tagName.toLowerCase() === 'svg'
      ? { 'image/svg+xml': toSvgString(element), 'text/plain': `[figure: ${title}]` }
      : { 'text/html': element.outerHTML, 'text/plain': `[figure: ${title}]` },
  );
}

/** Options of {@link table}. */
export interface TableOptions {
  /** IANA zone in which `Date` values are shown (as "YYYY-MM-DD HH:MM"). Default "UTC". */
  timeZone?: string;
  /** Only these columns (flattened names, e.g. "counts.stale"), in this order. Default: all. */
  columns?: readonly string[];
  /** Show at most this many rows; a last line says how many were left out. Default 20. */
  maxRows?: number;
  /** Digits after the decimal point of non-integer numbers. Default 1. */
  digits?: number;
  /** A caption above the table. */
  caption?: string;
}

/** What {@link table} accepts: rows of objects, or a danfo.js DataFrame (anything with `columns` and `values`). */
export type Tabular = readonly object[] | { columns: readonly string[]; values: readonly unknown[] };

/**
 * Rows (an array of objects, as Panopticon's functions return them, or a danfo.js DataFrame) as an HTML
 * table with a plain-text twin. Nested objects become dotted columns (`counts.stale`), dates are shown in
 * `timeZone`, `null` as "–".
 */
export function table(rows: Tabular, options: TableOptions = {}): Promise<void> {
  const { timeZone = 'UTC', maxRows = 20, digits = 1 } = options;
  let columns: string[];
  let records: unknown[][];
  if (Array.isArray(rows)) {
    const flat = (rows as object[]).map((r) => flatten(r));
    columns = options.columns ? [...options.columns] : [...new Set(flat.flatMap((r) => Object.keys(r)))];
    records = flat.map((r) => columns.map((c) => r[c]));
  } else {
    const df = rows as { columns: readonly string[]; values: readonly unknown[] };
    const all = [...df.columns];
    columns = options.columns ? [...options.columns] : all;
    records = df.values.map((v) => {
      const row = Array.isArray(v) ? v : [v];
      return columns.map((c) => row[all.indexOf(c)]);
    });
  }
  const shown = records.slice(0, maxRows);
  // A column with any fractional number shows all its numbers with `digits` decimals, so they line up.
  const fractional = columns.map((_, i) => shown.some((r) => typeof r[i] === 'number' && !Number.isInteger(r[i])));
  const cellAt = (v: unknown, i: number): string => format(v, timeZone, fractional[i] ? digits : 0);
  const more = records.length - shown.length;
  const numeric = columns.map(
    (_, i) => shown.some((r) => typeof r[i] === 'number') && shown.every((r) => r[i] == null || typeof r[i] === 'number'),
  );

  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const align = (i: number) => (numeric[i] ? ' style="text-align:right"' : '');
  const html = [
    '<table>',
    options.caption ? `<caption>${esc(options.caption)}</caption>` : '',
    `<thead><tr>${columns.map((c, i) => `<th${align(i)}>${esc(c)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...shown.map((r) => `<tr>${r.map((v, i) => `<td${align(i)}>${esc(cellAt(v, i))}</td>`).join('')}</tr>`),
    '</tbody>',
    '</table>',
    more > 0 ? `<p>… and ${more} more row${more === 1 ? '' : 's'} (${records.length} in all)</p>` : '',
  ].join('');

  const texts = [columns, ...shown.map((r) => r.map(cellAt))];
  const widths = columns.map((_, i) => Math.max(...texts.map((t) => t[i]!.length)));
  const line = (t: string[]) =>
    t
      .map((s, i) => (numeric[i] ? s.padStart(widths[i]!) : s.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  const plain = [
    ...(options.caption ? [options.caption] : []),
    line(columns),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...shown.map((r) => line(r.map(cellAt))),
    ...(more > 0 ? [`… and ${more} more rows (${records.length} in all)`] : []),
  ].join('\n');
  return show({ 'text/html': html, 'text/plain': plain });
}

function flatten(row: object, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !(value instanceof Date) && !Array.isArray(value)) flatten(value, name, out);
    else out[name] = value;
  }
  return out;
}

function format(v: unknown, timeZone: string, digits: number): string {
  if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) return '–';
  if (v instanceof Date) {
    const p = zonedParts(v, timeZone);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
  }
  if (typeof v === 'number') return digits === 0 && Number.isInteger(v) ? String(v) : v.toFixed(digits);
  if (Array.isArray(v)) return v.map((x) => format(x, timeZone, digits)).join(', ');
  return String(v);
}
