/**
 * The report's leads: held as columns (`loadFilesColumnar`, or `columnarLeadsOf` for the sources that give
 * `Lead` objects), and seen as `Lead` objects only where a core function takes nothing else. The view makes
 * each lead when it is read and keeps none, so a million response rows cost a dozen arrays rather than a
 * million objects and their `Date`s (issue 14's memory budget of `panopticon report`).
 *
 * @module
 */
import { columnarLeadsOf, leadAt, type ColumnarLeads, type HistoryColumns, type Lead } from '@panopticon/core';

/** The report's leads: as columns, and as `Lead` objects. */
export interface ReportLeads {
  /** Every lead and its histories as columns (what the columnar metrics take). */
  columns: ColumnarLeads;
  /** The same leads as `Lead` objects, row `i` of the columns at index `i` (a view: see {@link leadObjectsView}). */
  objects: readonly Lead[];
}

/** Leads given as objects (Zoho, PostgreSQL, a test): the objects as they are, and their columns. */
export function reportLeadsOfObjects(leads: readonly Lead[]): ReportLeads {
  return { columns: columnarLeadsOf(leads), objects: leads };
}

/**
 * Leads read as columns (`loadFilesColumnar`); `ownerHistory`: whether an owner history file was read (then
 * every lead has an `ownerHistory`, as `loadFiles` gives it; without one no lead has, which the lead dialog
 * says is "not recorded").
 */
export function reportLeadsOfColumns(columns: ColumnarLeads, ownerHistory: boolean): ReportLeads {
  return { columns, objects: leadObjectsView(columns, ownerHistory) };
}

/**
 * Lead `i` of the columns as `loadFiles` gives it: its fields ({@link leadAt}), its stage history and, when
 * `ownerHistory`, its owner history (both in time order, as the columns hold them).
 */
export function leadWithHistories(columns: ColumnarLeads, i: number, ownerHistory: boolean): Lead {
  const lead = leadAt(columns.leads, i);
  lead.stageHistory = historyOf(columns.stages, i, (stage, at) => ({ stage: stage!, at }));
  if (ownerHistory) lead.ownerHistory = historyOf(columns.owners, i, (locator, at) => ({ locator, at }));
  return lead;
}

function historyOf<T>(history: HistoryColumns, i: number, entry: (value: string | null, at: Date) => T): T[] {
  const out: T[] = [];
  for (let r = history.offsets[i]!, end = history.offsets[i + 1]!; r < end; r++) {
    const code = history.code[r]!;
    out.push(entry(code < 0 ? null : history.values[code]!, new Date(history.at[r]!)));
  }
  return out;
}

/**
 * The columns as a read-only array of `Lead` objects ({@link leadWithHistories}), each made when its index is
 * read and not kept: for the core functions that take only lead objects (the pipeline snapshot and trend,
 * green → delivery, the scorecard, the heatmaps, time in stage, the survival curves). Reading the same index
 * twice gives two equal objects, not the same one.
 */
export function leadObjectsView(columns: ColumnarLeads, ownerHistory: boolean): readonly Lead[] {
  const length = columns.leads.length;
  // A proxy of an array: Array.isArray holds, and every array method reads `length` and the indexes through it.
  const target: Lead[] = [];
  target.length = length;
  return new Proxy(target, {
    get(t, key, receiver) {
      if (typeof key === 'string') {
        const i = indexOf(key);
        if (i >= 0) return i < length ? leadWithHistories(columns, i, ownerHistory) : undefined;
      }
      return Reflect.get(t, key, receiver);
    },
    has(t, key) {
      if (typeof key === 'string') {
        const i = indexOf(key);
        if (i >= 0) return i < length;
      }
      return Reflect.has(t, key);
    },
    set() {
      throw new TypeError('the report leads are read-only');
    },
    deleteProperty() {
      throw new TypeError('the report leads are read-only');
    },
  });
}

/** The array index a property key names, or -1. */
function indexOf(key: string): number {
  const c = key.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return -1; // not a digit: a method, `length`
  const i = Number(key);
  return Number.isInteger(i) && String(i) === key ? i : -1;
}
