/**
 * Every user-facing text of the sources, in one place so that wording stays consistent and tests can
 * match it. Each message names the bad value and says what to do; where and which field are added by
 * {@link formatIssue} from the issue's own properties.
 */

const q = (value: string): string => JSON.stringify(value);
const delimiterName = (d: string): string =>
  d === '\t' ? 'tabs' : d === ';' ? 'semicolons ";"' : d === '|' ? 'pipes "|"' : d === ',' ? 'commas ","' : q(d);
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * Texts of CSV data issues and errors.
 *
 * @example
 * ```ts
 * csvMessages.duplicateId('L1', 2); // 'lead id "L1" already appeared on line 2; this later row is rejected. …'
 * ```
 */
export const csvMessages = {
  /** A later row repeats a lead id (`duplicate-id`). */
  duplicateId: (id: string, firstLine: number) =>
    `lead id ${q(id)} already appeared on line ${firstLine}; this later row is rejected. Keep one row per lead.`,
  /** A required value is empty (`missing-value`). */
  missingValue: (column: string) => `${column} is empty; it is required, so the row is rejected.`,
  /** A value is not a timestamp (`unparseable-timestamp`); `rejected` says whether the row is rejected. */
  unparseableTimestamp: (column: string, value: string, rejected: boolean) =>
    `${column} ${q(value)} is not a timestamp; ` +
    (rejected ? 'the row is rejected. ' : `the row is kept with no ${column}. `) +
    'Use YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS], optionally with T and an offset (Z, +05:30).',
  /** The first contact is before the lead was received (`contact-before-created`). */
  contactBeforeCreated: (contact: string, received: string) =>
    `first contact ${q(contact)} is before the lead was received (${q(received)}); the lead is kept, ` +
    'but its response time is invalid and is left out of response figures. Check both times and their time zone.',
  /** An empty stage cell (`missing-stage`). */
  missingStage: (placeholder: string) =>
    `stage is empty; the lead's stage is taken from its stage history, or ${q(placeholder)} when it has none.`,
  /** A stage the pipeline does not list (`unknown-stage`), with the number of rows. */
  unknownStage: (stage: string, count: number) =>
    `stage ${q(stage)} is not in the pipeline (${plural(count, 'row')}); it counts as an open stage. ` +
    'Add it to pipeline.json or correct the spelling.',
  /** A history row whose lead is not in the leads file (`unknown-lead`). */
  unknownLead: (id: string, leadsFile: string) => `no lead with id ${q(id)} in ${leadsFile}; this history row is rejected.`,
  /** A history row whose lead was rejected (`unknown-lead`). */
  rejectedLead: (id: string, leadsFile: string, line: number) =>
    `the lead ${q(id)} was rejected (${leadsFile} line ${line}); this history row is rejected with it. Fix that row first.`,
  /** A stage or owner change before the lead was received (`history-before-created`). */
  historyBeforeCreated: (at: string) =>
    `this change at ${q(at)} is before the lead was received; it is kept. Check the times and their time zone.`,
  /** A schedule `day_of_week` that is not a weekday (`invalid-day`). */
  invalidDay: (value: string) => `day_of_week ${q(value)} is not a weekday; use Monday…Sunday, Mon…Sun, or 1…7 (1 = Monday).`,
  /** A schedule time that is not HH:MM (`invalid-time`). */
  invalidTime: (column: string, value: string) => `${column} ${q(value)} is not a time of day; use HH:MM (00:00–24:00).`,
  /** A row with more or fewer fields than the header (`wrong-field-count`). */
  wrongFieldCount: (expected: number, found: number) =>
    `expected ${plural(expected, 'field')} (as in the header), found ${found}; the row is rejected. ` +
    'Quote values that contain the delimiter.',
  /** A quoted value that never closes (`unterminated-quote`). */
  unterminatedQuote: () =>
    'a quoted value is never closed; the row is rejected and reading resumes on the next line. ' +
    'Close the quote, or double a quote inside a quoted value ("").',
  /** Text after a closing quote (`malformed-quote`). */
  malformedQuote: () =>
    'text follows the closing quote of a quoted value; the row is rejected. ' +
    'Quote the whole value and double the quotes inside it ("").',
  /** A row that failed the model's schema (`invalid-value`). */
  invalidValue: (detail: string) => `invalid value: ${detail}; the row is rejected.`,
  /** A file without a header row (`empty-file`). */
  emptyFile: () => 'the file is empty (no header row); nothing was read from it.',
  /** A header used by Panopticon that appears twice (`duplicate-column`). */
  duplicateColumn: (header: string, column: string) => `the header ${q(header)} appears more than once; the first is read as ${column}.`,
  /** A column found by a CRM export's label (`column-read-as`). */
  columnReadAs: (header: string, column: string) =>
    `read ${q(header)} as ${column}. If that is wrong, map the column with --columns (the \`columns\` option).`,
  /** Headers no column reads (`column-not-read`). */
  columnsNotRead: (headers: readonly string[]) =>
    `${plural(headers.length, 'column')} not read: ${headers.map(q).join(', ')}. ` +
    'If one of them holds a field Panopticon needs, map it with --columns (the `columns` option).',
  /** A file decoded from another encoding than UTF-8 (`encoding-detected`). */
  encodingDetected: (encoding: string, why: string) => `read as ${encoding} ${why}.`,
  /** Bytes replaced by U+FFFD (`replaced-bytes`). */
  replacedBytes: (count: number, encoding: string) =>
    `${plural(count, 'byte')} ${count === 1 ? 'is' : 'are'} not ${encoding} text and ${count === 1 ? 'was' : 'were'} replaced by U+FFFD (�); ` +
    'the row is kept. Export the file as UTF-8, or name its encoding with --encoding (the `encoding` option).',
  /** A delimiter other than a comma, detected from the header line (`delimiter-detected`). */
  delimiterDetected: (delimiter: string) =>
    `fields are separated by ${delimiterName(delimiter)} (detected from the header line); force another with --delimiter.`,
  /** A first line `sep=X` named the delimiter (`delimiter-detected`); a `--delimiter` given wins over it. */
  delimiterHinted: (hinted: string, forced: string | undefined) =>
    forced === undefined || forced === hinted
      ? `fields are separated by ${delimiterName(hinted)}, as the first line "sep=${hinted}" says (Excel's hint; the header is line 2).`
      : `the first line "sep=${hinted}" says fields are separated by ${delimiterName(hinted)}; they are read as separated by ${delimiterName(forced)}, as --delimiter says (the header is line 2).`,
  /** A timestamp column read in a format other than ISO 8601 (`date-format`). */
  dateFormat: (column: string, format: string, why: string) => `${column} is read as ${format}: ${why}.`,
  /** A wall-clock time that does not exist in the zone (`dst-gap`). */
  dstGap: (column: string, value: string, timeZone: string, movedTo: string) =>
    `${column} ${q(value)} does not exist in ${timeZone} (the clocks sprang forward over it); ` +
    `it is read as ${movedTo}, moved forward by the gap. Check the time and its time zone.`,
  /** The message of a {@link CsvColumnError}: a required or mapped column is missing. */
  missingColumn: (file: string, columns: readonly string[], found: readonly string[]) =>
    `${file} has no column ${columns.map(q).join(', ')}. Headers found: ${found.length ? found.map(q).join(', ') : '(none)'}. ` +
    'Rename the column in the file, or map it with the `columns` option, e.g. ' +
    `{ columns: { leads: { received_time: 'Created Time' } } }.`,
  /** The `columns` option maps a column Panopticon does not read. */
  unknownMappedColumn: (file: string, column: string, known: readonly string[]) =>
    `The columns option maps ${q(column)} for ${file}, which is not a column Panopticon reads; use one of ${known.map(q).join(', ')}.`,
  /** The `columns` option names a file Panopticon does not read. */
  unknownMappedFile: (key: string, kinds: readonly string[]) =>
    `The columns option has an entry ${q(key)}, which is not a file Panopticon reads; use ${kinds.map(q).join(', ')}.`,
  /** The message of a {@link CsvReadError}: a file cannot be read. */
  cannotRead: (file: string, reason: string) => `Cannot read ${file}: ${reason}`,
  /** An invalid `workers` option. */
  badWorkers: (value: unknown) => `workers must be a whole number of threads, 0 or more; got ${String(value)}.`,
  /** An invalid `delimiter` option. */
  badDelimiter: (delimiter: string) => `The CSV delimiter must be one character other than a quote, CR or LF; got ${q(delimiter)}.`,
  /** An invalid `encoding` option. */
  badEncoding: (encoding: string, known: readonly string[]) =>
    `The CSV encoding must be one of ${known.map(q).join(', ')}; got ${q(encoding)}.`,
  /** An invalid `dateFormat` option. */
  badDateFormat: (format: string, known: readonly string[]) =>
    `The date format must be one of ${known.map(q).join(', ')}; got ${q(format)}.`,
} as const;

const QUESTIONS = {
  'follow-up': { what: 'follow-up', without: 'no lead counts as appointed', example: 'Appointment Date' },
  response: { what: 'response time', without: 'every lead looks never contacted', example: 'First Contact Time' },
} as const;

/**
 * Texts of the questions a load cannot answer (see `judgeability`).
 *
 * @example
 * ```ts
 * judgeMessages.cannotJudge('follow-up', 'appointment_time', 'leads.csv', 'no-column');
 * // 'follow-up cannot be judged: leads.csv has no appointment_time column, so no lead counts as appointed. …'
 * ```
 */
export const judgeMessages = {
  /** A question whose column is absent (`no-column`) or has no readable value (`no-value`). */
  cannotJudge: (question: keyof typeof QUESTIONS, field: string, file: string, cause: 'no-column' | 'no-value', fix?: string) => {
    const { what, without, example } = QUESTIONS[question];
    const why = cause === 'no-column' ? `${file} has no ${field} column` : `every ${field} value in ${file} is empty or unreadable`;
    return (
      `${what} cannot be judged: ${why}, so ${without}. ` +
      (fix ??
        `If the export names the column differently, map it with --columns (the \`columns\` option), e.g. ` +
          `{"leads":{"${field}":"${example}"}}.`)
    );
  },
} as const;
