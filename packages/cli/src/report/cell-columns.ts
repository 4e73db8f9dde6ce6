/**
 * A download's rows (the cells the CLI's renderCsv writes) in columns, each column encoded by its kind: a lead
 * (its id and name, two cells) as an index into the page's shared lead table, a text as an index into its
 * dictionary, an instant as milliseconds (or seconds, when all are whole) from the earliest, a number or a
 * flag packed (codes.ts). The page's script rebuilds the rows, and so the CSV, when the download is asked
 * for. Rows whose cells do not fit their kinds are embedded as they are. Platform-neutral.
 *
 * @module
 */
import type { Cell } from '../format.js';
import { packCodes, packNullable, unpackCodes, unpackNullable, wordOf, type Codes, type NullableCodes } from './codes.js';
import type { SharedTables, SharedTablesBuilder } from './page-tables.js';

/** What a column holds: `lead` takes two cells (id, name). */
export type CellKind = 'lead' | 'text' | 'instant' | 'number' | 'flag';

/** One encoded column. */
type Column =
  | { lead: Codes }
  | { text: Codes }
  | { instant: NullableCodes; base: number; unitMs: number }
  | { number: NullableCodes }
  | { flag: Codes };

/** The rows in columns, or as they are. */
export type EmbeddedCells = { columns: Column[]; rows: number } | { cells: Cell[][] };

/** Encodes `rows` whose cells are, in order, of `kinds`. */
export function embedCells(rows: readonly Cell[][], kinds: readonly CellKind[], shared: SharedTablesBuilder): EmbeddedCells {
  const asIs = { cells: rows.map((r) => [...r]) };
  const columns: Column[] = [];
  let at = 0;
  for (const kind of kinds) {
    const cells = rows.map((r) => r[at]);
    if (kind === 'lead') {
      const names = rows.map((r) => r[at + 1]);
      if (!cells.every((c) => typeof c === 'string') || !names.every((c) => typeof c === 'string')) return asIs;
      columns.push({ lead: packCodes(cells.map((id, i) => shared.lead(id as string, names[i] as string))) });
      at += 2;
      continue;
    }
    at++;
    if (kind === 'text') {
      if (!cells.every((c) => c === null || typeof c === 'string')) return asIs;
      columns.push({ text: packCodes(cells.map((c) => shared.words.maybe(c as string | null))) });
    } else if (kind === 'instant') {
      if (!cells.every((c) => c === null || (c instanceof Date && Number.isFinite(c.getTime())))) return asIs;
      const ms = cells.map((c) => (c === null ? null : (c as Date).getTime()));
      const base = ms.reduce<number>((a, b) => (b === null ? a : Math.min(a, b)), Number.POSITIVE_INFINITY);
      const from = Number.isFinite(base) ? base : 0;
      const unitMs = ms.every((m) => m === null || (m - from) % 1000 === 0) ? 1000 : 1;
      columns.push({ instant: packNullable(ms.map((m) => (m === null ? null : (m - from) / unitMs))), base: from, unitMs });
    } else if (kind === 'number') {
      if (!cells.every((c) => c === null || (typeof c === 'number' && Number.isFinite(c)))) return asIs;
      columns.push({ number: packNullable(cells as (number | null)[]) });
    } else {
      if (!cells.every((c) => typeof c === 'boolean')) return asIs;
      columns.push({ flag: packCodes(cells.map((c) => (c ? 1 : 0))) });
    }
  }
  if (rows.some((r) => r.length !== at)) return asIs;
  return { columns, rows: rows.length };
}

/** The rows back. */
export function cellsOf(embedded: EmbeddedCells, shared: SharedTables): Cell[][] {
  if ('cells' in embedded) return embedded.cells;
  const rows: Cell[][] = Array.from({ length: embedded.rows }, () => []);
  for (const column of embedded.columns) {
    const push = (cells: (i: number) => Cell[], count: number) => {
      for (let i = 0; i < count; i++) rows[i]!.push(...cells(i));
    };
    if ('lead' in column) {
      const leads = unpackCodes(column.lead);
      push((i) => [shared.leads.id[leads[i]!]!, shared.leads.name[leads[i]!]!], leads.length);
    } else if ('text' in column) {
      const words = unpackCodes(column.text);
      push((i) => [wordOf(shared.words, words[i]!)], words.length);
    } else if ('instant' in column) {
      const ms = unpackNullable(column.instant);
      push((i) => [ms[i] === null ? null : new Date(column.base + ms[i]! * column.unitMs)], ms.length);
    } else if ('number' in column) {
      const numbers = unpackNullable(column.number);
      push((i) => [numbers[i] ?? null], numbers.length);
    } else {
      const flags = unpackCodes(column.flag);
      push((i) => [flags[i] === 1], flags.length);
    }
  }
  return rows;
}
