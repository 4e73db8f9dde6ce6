/**
 * The cheap check every metric makes of the leads it is handed: instants are valid `Date`s and ids are
 * text. Metrics trust the rest of a lead's shape (sources and `parseLeads` check it against the schema);
 * these two checks are what turns a string date or an Invalid Date from a hand-built lead into an error
 * naming the lead and the field, instead of a `getTime is not a function` or a status computed from NaN.
 *
 * @internal
 * @module
 */
import { modelMessages } from './messages.js';

/** What the checks read of a lead: its id (where it has one) and the named instant fields. */
type Instants = { readonly id?: unknown } & { readonly [field: string]: unknown };

/**
 * Epoch ms of a required instant of a lead; a `TypeError` naming the lead and the field when the value is
 * not a `Date`, a `RangeError` when it is an Invalid Date. @internal
 */
export function instantMsOf(lead: object, field: string): number {
  const value = (lead as Instants)[field];
  if (value instanceof Date) {
    const ms = value.getTime();
    if (ms === ms) return ms;
    throw new RangeError(modelMessages.notAnInstant((lead as Instants).id, field, value));
  }
  throw new TypeError(modelMessages.notAnInstant((lead as Instants).id, field, value));
}

/** Epoch ms of an optional instant of a lead, NaN for `null` or `undefined`; otherwise as {@link instantMsOf}. @internal */
export function optionalInstantMsOf(lead: object, field: string): number {
  const value = (lead as Instants)[field];
  return value === null || value === undefined ? Number.NaN : instantMsOf(lead, field);
}

/** Epoch ms of a history entry's `at`, named `<history>[<index>].at` of the lead in errors. @internal */
export function entryMsOf(leadId: unknown, history: string, index: number, entry: { readonly at: unknown }): number {
  const value = entry?.at;
  if (value instanceof Date) {
    const ms = value.getTime();
    if (ms === ms) return ms;
    throw new RangeError(modelMessages.notAnInstant(leadId, `${history}[${index}].at`, value));
  }
  throw new TypeError(modelMessages.notAnInstant(leadId, `${history}[${index}].at`, value));
}

/** The lead's id, or a `TypeError` when it has none (an empty string or not text). @internal */
export function leadIdOf(lead: { readonly id?: unknown }, index: number): string {
  const id = lead?.id;
  if (typeof id === 'string' && id !== '') return id;
  throw new TypeError(modelMessages.missingId(index, id));
}

/**
 * Every check above on one `Lead`: its id, its instants and its histories' instants. For the metrics that
 * read `Lead` objects directly rather than through `columnarLeadsOf`. @internal
 */
export function checkLead(lead: unknown, index: number): void {
  if (typeof lead !== 'object' || lead === null) throw new TypeError(modelMessages.missingId(index, lead));
  const id = leadIdOf(lead as { id?: unknown }, index);
  instantMsOf(lead, 'createdAt');
  optionalInstantMsOf(lead, 'assignedAt');
  optionalInstantMsOf(lead, 'firstContactAt');
  optionalInstantMsOf(lead, 'appointmentAt');
  for (const history of ['stageHistory', 'ownerHistory'] as const) {
    const entries = (lead as { [h: string]: unknown })[history];
    if (Array.isArray(entries)) for (let e = 0; e < entries.length; e++) entryMsOf(id, history, e, entries[e]);
  }
}
