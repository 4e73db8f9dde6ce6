/**
 * Every user-facing text of the model folder, in one place so that wording stays consistent and tests
 * can match it.
 */

/** How a value that is not a valid `Date` reads in a message: its type and, for text and numbers, the value. */
function describe(value: unknown): string {
  if (value instanceof Date) return 'Invalid Date';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  return Array.isArray(value) ? 'an array' : `a value of type ${typeof value}`;
}

/**
 * Texts of the errors thrown when a metric is handed a lead that is not a parsed `Lead`.
 *
 * @example
 * ```ts
 * modelMessages.notAnInstant('1042', 'createdAt', '2026-03-01');
 * // 'lead "1042": createdAt must be a valid Date; got the string "2026-03-01". …'
 * ```
 */
export const modelMessages = {
  /** A lead's instant that is not a valid `Date`. `id` is undefined when the lead has none. */
  notAnInstant: (id: unknown, field: string, value: unknown) =>
    `${leadName(id)}: ${field} must be a valid Date; got ${describe(value)}. ` +
    'Turn JSON or other plain data into leads with parseLeads, which reports such values by lead and field.',
  /** A lead without an id (or an id that is not text). */
  missingId: (index: number, id: unknown) =>
    `lead at index ${index} has no id (got ${describe(id)}); every lead needs a non-empty string id. ` +
    'Turn JSON or other plain data into leads with parseLeads, which reports such rows.',
} as const;

function leadName(id: unknown): string {
  return typeof id === 'string' && id !== '' ? `lead ${JSON.stringify(id)}` : 'a lead without an id';
}
