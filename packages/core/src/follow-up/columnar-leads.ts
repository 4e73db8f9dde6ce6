/**
 * Leads with their stage and owner histories as columns: the one form in which the follow-up rules are
 * written (`judge.ts`). `loadFilesColumnar` reads a CSV export straight into it; {@link columnarLeadsOf} lays
 * out `Lead` objects from any other source (Zoho, a test, the object functions such as `needsAttention`).
 *
 * @module
 */
import type { Lead } from '../model/lead.js';
import type { LeadColumns } from '../model/lead-columns.js';
import { leadColumnsOf } from '../model/lead-columns.js';
import type { HistoryColumns } from '../model/history-columns.js';
import { entryMsOf } from '../model/lead-instant.js';
import { sortedByAt } from './timeline.js';

/**
 * Leads and their stage and owner histories as columns: row `i` of `stages` and `owners` belongs to lead
 * `i` of `leads`. `loadFilesColumnar` (`@panopticon/core/csv`) returns one; {@link columnarLeadsOf} makes one from `Lead` objects.
 *
 * @example
 * ```ts
 * const data: ColumnarLeads = await loadFilesColumnar({ leads: 'leads.csv', stageHistory: 'stage_history.csv', timeZone, pipeline });
 * const rows = needsAttention(data, { asOf, timeZone, pipeline });
 * ```
 */
export interface ColumnarLeads {
  leads: LeadColumns;
  stages: HistoryColumns;
  owners: HistoryColumns;
}

/**
 * `Lead` objects with their histories as {@link ColumnarLeads} (histories sorted by time, stably, as the
 * metrics read them). For leads from a source other than `loadFilesColumnar` (Zoho, a test), so that the
 * columnar metrics serve every source. Checks each lead cheaply (see `leadColumnsOf`): an id that is not
 * text, or an instant (history entries' `at` included) that is not a valid `Date`, throws an error naming
 * the lead and the field. Every follow-up metric given `Lead` objects goes through here.
 *
 * @example
 * ```ts
 * const data = columnarLeadsOf(leads);
 * needsAttention(data, options); // equals needsAttention(leads, options)
 * ```
 */
export function columnarLeadsOf(leads: readonly Lead[]): ColumnarLeads {
  return {
    leads: leadColumnsOf(leads),
    stages: historyColumnsOf(
      leads,
      'stageHistory',
      (lead) => lead.stageHistory,
      (entry) => entry.stage,
    ),
    owners: historyColumnsOf(
      leads,
      'ownerHistory',
      (lead) => lead.ownerHistory,
      (entry) => entry.locator,
    ),
  };
}

/**
 * The leads as {@link ColumnarLeads}: columns as given, `Lead` objects laid out by {@link columnarLeadsOf}.
 * How every follow-up metric accepts either form.
 *
 * @internal
 */
export function asColumnarLeads(leads: readonly Lead[] | ColumnarLeads): ColumnarLeads {
  return isLeadArray(leads) ? columnarLeadsOf(leads) : leads;
}

function isLeadArray(leads: readonly Lead[] | ColumnarLeads): leads is readonly Lead[] {
  return Array.isArray(leads);
}

/**
 * One history of every lead as columns, sized exactly (the object functions lay out a single lead per
 * call, so nothing is allocated ahead): each lead's entries sorted by time, stably, as `sortedByAt` sorts
 * them; values interned, -1 for a null value.
 */
function historyColumnsOf<T extends { at: Date }>(
  leads: readonly Lead[],
  history: 'stageHistory' | 'ownerHistory',
  entriesOf: (lead: Lead) => readonly T[] | undefined,
  valueOfEntry: (entry: T) => string | null,
): HistoryColumns {
  let rows = 0;
  for (const lead of leads) rows += entriesOf(lead)?.length ?? 0;
  const offsets = new Int32Array(leads.length + 1);
  const at = new Float64Array(rows);
  const code = new Int32Array(rows);
  const values: string[] = [];
  const codes = new Map<string, number>();
  let r = 0;
  for (let i = 0; i < leads.length; i++) {
    const entries = entriesOf(leads[i]!);
    // Checked before sorting, so an entry whose `at` is not a valid Date is named instead of sorted as NaN.
    if (entries !== undefined) for (let e = 0; e < entries.length; e++) entryMsOf(leads[i]!.id, history, e, entries[e]!);
    for (const entry of sortedByAt(entries)) {
      const value = valueOfEntry(entry);
      let c = -1;
      if (value !== null) {
        c = codes.get(value) ?? -1;
        if (c < 0) {
          c = values.length;
          values.push(value);
          codes.set(value, c);
        }
      }
      at[r] = entry.at.getTime();
      code[r++] = c;
    }
    offsets[i + 1] = r;
  }
  return { offsets, at, code, values };
}
