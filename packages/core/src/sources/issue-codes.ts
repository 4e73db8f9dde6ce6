/**
 * The stable `code` of every data issue a source reports (the CSV files, Zoho CRM), with its severity: the
 * one list of them. Codes never change meaning, so dashboards and scripts may filter on them.
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
 * | `wrong-type` | error / warning | a JSON value of the wrong type (`parseLeads`): error where the value is required, warning (read as none) otherwise |
 * | `empty-file` | warning | a file without even a header row |
 * | `duplicate-column` | warning | a header used by Panopticon appears twice (the first is read) |
 * | `cannot-judge` | error | a question's column is absent or has no readable value (`LoadResult.cannotJudge`; not a row error) |
 * | `column-read-as` | info | a column found by a CRM export's label ("read 'Lead Owner' as locator") |
 * | `column-not-read` | info | headers no column reads (listed once per file) |
 * | `encoding-detected` | info | a file read as UTF-16 or Windows-1252 (and why) |
 * | `replaced-bytes` | warning | bytes that are not text in the file's encoding, replaced by U+FFFD (the row is kept) |
 * | `delimiter-detected` | info | a file whose fields are separated by `;`, tab or `\|` (detected from the header) |
 * | `date-format` | info | a timestamp column read as MM/DD/YYYY, DD/MM/YYYY, year-first, Excel serial numbers or month names, and why |
 * | `dst-gap` | warning | a wall-clock time that does not exist (spring-forward gap), moved forward by the gap |
 * | `invalid-id` | error | a Zoho record id that is not a string of digits (a number beyond 2^53 lost its precision) |
 * | `missing-id` | error | a Zoho record without an id |
 * | `missing-timestamp` | error | a Zoho lead without its creation time (or another required date) |
 * | `missing-name` | warning | a Zoho lead without a name (kept, named by its id) |
 * | `invalid-lead` | error | a Zoho lead the model refuses (its message says which field) |
 * | `field-not-in-response` | warning | a mapped Zoho field absent from the API response (check the mapping) |
 * | `history-module-unavailable` | warning | the history module cannot be read (timelines are used instead) |
 * | `events-unavailable` | warning | meetings cannot be read (no scope): appointments come from the lead's field |
 * | `history-row-invalid` | error | a history-module row without a lead, stage or time |
 * | `history-stage-mismatch` | warning | a lead's last history stage differs from its current stage |
 * | `history-orphans` | warning | history rows whose lead is not among the leads read |
 * | `timeline-entry-invalid` | warning | a timeline entry with an unreadable time (skipped) |
 * | `timeline-unavailable` | warning | a lead's timeline cannot be read |
 * | `event-invalid` | error | a meeting without a lead or with an unreadable start |
 * | `snapshot-unreadable` | warning | the local Zoho snapshot cannot be read (a full sync follows) |
 * | `snapshot-config-changed` | warning | the mapping changed since the snapshot was written (a full sync follows) |
 *
 * @example
 * ```ts
 * const { issues } = await loadFiles({ leads: { text: leads }, timeZone: 'UTC' });
 * const duplicates = issues.filter((i) => i.code === DATA_ISSUE_CODES.duplicateId);
 * ```
 */
export const DATA_ISSUE_CODES = {
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
  /** A JSON value of the wrong type, e.g. a number where a timestamp is expected (error where required, else warning). */
  wrongType: 'wrong-type',
  /** A file without a header row (warning). */
  emptyFile: 'empty-file',
  /** A header used by Panopticon appears twice (warning). */
  duplicateColumn: 'duplicate-column',
  /** A question the data cannot answer: its column is absent or has no readable value (error, not a row's). */
  cannotJudge: 'cannot-judge',
  /** A column found by a CRM export's label (info). */
  columnReadAs: 'column-read-as',
  /** Headers no column reads, once per file (info). */
  columnNotRead: 'column-not-read',
  /** A file read as UTF-16 or Windows-1252 (info). */
  encodingDetected: 'encoding-detected',
  /** Bytes that are not text in the file's encoding, replaced by U+FFFD (warning). */
  replacedBytes: 'replaced-bytes',
  /** A delimiter other than a comma, detected from the header (info). */
  delimiterDetected: 'delimiter-detected',
  /** A timestamp column read in a format other than ISO 8601, and why (info). */
  dateFormat: 'date-format',
  /** A wall-clock time in a spring-forward gap, moved forward by the gap (warning). */
  dstGap: 'dst-gap',
  zohoInvalidId: 'invalid-id',
  zohoMissingId: 'missing-id',
  zohoMissingName: 'missing-name',
  zohoMissingTimestamp: 'missing-timestamp',
  zohoInvalidLead: 'invalid-lead',
  zohoFieldNotInResponse: 'field-not-in-response',
  zohoHistoryModuleUnavailable: 'history-module-unavailable',
  zohoEventsUnavailable: 'events-unavailable',
  zohoHistoryRowInvalid: 'history-row-invalid',
  zohoHistoryStageMismatch: 'history-stage-mismatch',
  zohoHistoryOrphans: 'history-orphans',
  zohoTimelineEntryInvalid: 'timeline-entry-invalid',
  zohoTimelineUnavailable: 'timeline-unavailable',
  zohoEventInvalid: 'event-invalid',
  zohoSnapshotUnreadable: 'snapshot-unreadable',
  zohoSnapshotConfigChanged: 'snapshot-config-changed',
} as const;

/**
 * One of the {@link DATA_ISSUE_CODES}.
 *
 * @example
 * ```ts
 * const blocking: DataIssueCode[] = ['duplicate-id', 'missing-value', 'wrong-field-count'];
 * ```
 */
export type DataIssueCode = (typeof DATA_ISSUE_CODES)[keyof typeof DATA_ISSUE_CODES];
