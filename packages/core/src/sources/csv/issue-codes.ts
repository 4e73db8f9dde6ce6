/**
 * The stable `code` of every data issue the CSV sources report, with its severity. Codes never change
 * meaning, so dashboards and scripts may filter on them.
 *
 * | code | severity | when |
 * | --- | --- | --- |
 * | `duplicate-id` | error | a later row repeats a lead id (the message names the first line) |
 * | `missing-value` | error | a required value is empty (lead_id, received_time; history lead_id/stage/changed_at; schedule rep) |
 * | `unparseable-timestamp` | error / warning | error for received_time and history changed_at; warning (value read as null) for first_contact_time, appointment_time, assigned_time |
 * | `contact-before-created` | warning | first_contact_time before received_time (kept; response figures leave it out) |
 * | `missing-stage` | warning | an empty stage cell (stage taken from history, else `UNKNOWN_STAGE`) |
 * | `unknown-stage` | warning | a stage the pipeline does not list: once per stage value and file, with the row count |
 * | `unknown-lead` | error | a stage/owner history row whose lead is not among the accepted leads |
 * | `history-before-created` | warning | a stage or owner change before the lead was received (kept) |
 * | `invalid-day` | error | schedule day_of_week is not a weekday |
 * | `invalid-time` | error | schedule shift_start / shift_end is not HH:MM |
 * | `wrong-field-count` | error | a row has more or fewer fields than the header |
 * | `unterminated-quote` | error | a quoted value never closes |
 * | `malformed-quote` | error | text follows a closing quote (`"abc"def`) |
 * | `invalid-value` | error | the row failed the model's schema (a safety net behind the checks above) |
 * | `empty-file` | warning | a file without even a header row |
 * | `duplicate-column` | warning | a header used by Panopticon appears twice (the first is read) |
 *
 * @example
 * ```ts
 * const { issues } = await loadCsvText({ leads, timeZone: 'UTC' });
 * const duplicates = issues.filter((i) => i.code === CSV_ISSUE_CODES.duplicateId);
 * ```
 */
export const CSV_ISSUE_CODES = {
  /** A later row repeats a lead id (error). */
  duplicateId: 'duplicate-id',
  /** A required value is empty (error). */
  missingValue: 'missing-value',
  /** A value is not a timestamp (error for received_time and changed_at, else warning). */
  unparseableTimestamp: 'unparseable-timestamp',
  /** first_contact_time before received_time (warning). */
  contactBeforeCreated: 'contact-before-created',
  /** An empty stage cell (warning). */
  missingStage: 'missing-stage',
  /** A stage the pipeline does not list (warning, once per stage and file). */
  unknownStage: 'unknown-stage',
  /** A history row whose lead is not among the accepted leads (error). */
  unknownLead: 'unknown-lead',
  /** A stage or owner change before the lead was received (warning). */
  historyBeforeCreated: 'history-before-created',
  /** A schedule day_of_week that is not a weekday (error). */
  invalidDay: 'invalid-day',
  /** A schedule shift time that is not HH:MM (error). */
  invalidTime: 'invalid-time',
  /** A row with more or fewer fields than the header (error). */
  wrongFieldCount: 'wrong-field-count',
  /** A quoted value that never closes (error). */
  unterminatedQuote: 'unterminated-quote',
  /** Text after a closing quote (error). */
  malformedQuote: 'malformed-quote',
  /** The row failed the model's schema (error). */
  invalidValue: 'invalid-value',
  /** A file without a header row (warning). */
  emptyFile: 'empty-file',
  /** A header used by Panopticon appears twice (warning). */
  duplicateColumn: 'duplicate-column',
} as const;

/**
 * One of the {@link CSV_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const blocking: CsvIssueCode[] = ['duplicate-id', 'missing-value', 'wrong-field-count'];
 * ```
 */
export type CsvIssueCode = (typeof CSV_ISSUE_CODES)[keyof typeof CSV_ISSUE_CODES];
