/**
 * Every user-facing text of the JSON boundary (`parseLeads`), in one place so that wording stays
 * consistent and tests can match it. Where and which field are added by `formatIssue` from the issue's own
 * properties.
 */

const q = (value: string): string => JSON.stringify(value);

/** How a JSON value reads in a message: its kind, and the value itself when short. */
export function describeJson(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'Invalid Date';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${q(value)}`;
  return `the ${typeof value} ${String(value)}`;
}

/**
 * Texts of the data issues `parseLeads` reports.
 *
 * @example
 * ```ts
 * jsonMessages.duplicateId('L1', 0); // 'lead id "L1" already appeared at leads[0]; this later lead is rejected. …'
 * ```
 */
export const jsonMessages = {
  /** The input is not an array. */
  notAnArray: (input: string, value: unknown) => `${input} must be an array; got ${describeJson(value)}. Nothing was read from it.`,
  /** An element of the input that is not an object (`wrong-type`). */
  notAnObject: (where: string, value: unknown) => `${where} is not an object (got ${describeJson(value)}); it is rejected.`,
  /** A later lead repeats an id (`duplicate-id`). */
  duplicateId: (id: string, firstIndex: number) =>
    `lead id ${q(id)} already appeared at leads[${firstIndex}]; this later lead is rejected. Keep one record per lead.`,
  /** A required value is absent or empty (`missing-value`); `where` names the element when it has no id. */
  missingValue: (field: string, where: string) => `${where} has no ${field}; it is required, so it is rejected.`,
  /** An id that is a number beyond 2^53 (`wrong-type`). */
  unsafeId: (id: number) =>
    `the id ${String(id)} is a number beyond 2^53, so its digits may already be lost; send ids as strings. The lead is rejected.`,
  /** A value of the wrong type (`wrong-type`); `rejected` says whether the record is rejected or the value read as none. */
  wrongType: (field: string, expected: string, value: unknown, rejected: boolean) =>
    `${field} must be ${expected}; got ${describeJson(value)}. ` + (rejected ? 'It is rejected.' : `It is kept with no ${field}.`),
  /** Text that is not a timestamp (`unparseable-timestamp`). */
  unparseableTimestamp: (field: string, value: string, rejected: boolean) =>
    `${field} ${q(value)} is not a timestamp; ` +
    (rejected ? 'it is rejected. ' : `the lead is kept with no ${field}. `) +
    'Use ISO 8601 (YYYY-MM-DD, YYYY-MM-DDTHH:MM[:SS[.fff]]), with Z or an offset for an exact instant; ' +
    'without one the time is read in the timeZone option.',
  /** The first contact is before the lead was received (`contact-before-created`). */
  contactBeforeCreated: (contact: string, created: string) =>
    `first contact ${q(contact)} is before the lead was created (${q(created)}); the lead is kept, ` +
    'but its response time is invalid and is left out of response figures. Check both times and their time zone.',
  /** A lead without a stage (`missing-stage`). */
  missingStage: (placeholder: string) =>
    `stage is absent or empty; the lead's stage is taken from its stage history, or ${q(placeholder)} when it has none.`,
  /** A history row whose lead is not among the accepted leads (`unknown-lead`). */
  unknownLead: (id: string) => `no accepted lead with id ${q(id)}; this history entry is rejected.`,
  /** A stage or owner change before the lead was created (`history-before-created`). */
  historyBeforeCreated: (at: string) =>
    `this change at ${q(at)} is before the lead was created; it is kept. Check the times and their time zone.`,
  /** A lead the model's schema refuses (`invalid-value`). */
  invalidValue: (detail: string) => `invalid value: ${detail}; the lead is rejected.`,
} as const;
