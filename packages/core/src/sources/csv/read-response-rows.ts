import type { DataIssue, LoadStats } from '../source.js';
import { DataQualityError } from '../source.js';
import type { CsvColumnMapping, ResolvedColumns } from './columns.js';
import { DEFAULT_CSV_FILE_NAMES, assertColumnMapping } from './columns.js';
import type { CsvFileInput } from './csv-file-input.js';
import { openCsvInput } from './csv-file-input.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { assertCsvFormat, csvFormat } from './csv-format-options.js';
import type { FileLog } from './file-log.js';
import { IssueLog } from './file-log.js';
import type { LeadIds } from './lead-ids.js';
import { CompactLeadIds } from './lead-ids.js';
import { LeadRowReader } from './lead-row-reader.js';
import type { TableVisitor } from './read-csv-table.js';
import { streamCsvTable } from './read-csv-table.js';
import { getZone } from '../../time/zone.js';

/**
 * The part of a lead that response-time figures need, with instants as epoch milliseconds.
 *
 * @example
 * ```ts
 * const minutes = (row: ResponseRow) => (row.firstContactAt === null ? null : (row.firstContactAt - row.createdAt) / 60_000);
 * ```
 */
export interface ResponseRow {
  /** The lead's id (lead_id). */
  id: string;
  /** received_time, epoch ms. */
  createdAt: number;
  /** first_contact_time, epoch ms; null = never contacted (or unreadable, with a warning). */
  firstContactAt: number | null;
  /** team; null when empty or absent. */
  team: string | null;
  /** locator; null when empty or absent. */
  locator: string | null;
}

/**
 * Options of {@link readResponseRows}.
 *
 * @example
 * ```ts
 * readResponseRows('leads.csv', { timeZone: 'America/Chicago', columns: { leads: { received_time: 'Created Time' } } } satisfies ReadResponseRowsOptions);
 * ```
 */
export interface ReadResponseRowsOptions extends CsvFormatOptions {
  /** IANA time zone in which timestamps without an offset are read. Required. */
  timeZone: string;
  /** Header names to read instead of the defaults (only `columns.leads` is used). Default: none. */
  columns?: CsvColumnMapping;
  /** When true, finishing an iteration that rejected any row throws a `DataQualityError`. Default `false`. */
  strict?: boolean;
  /** The file's name in issues and stats. Default: the path as given, the input's `label`, or `leads.csv`. */
  label?: string;
}

/**
 * The rows of a leads file, read by {@link readResponseRows}.
 *
 * @example
 * ```ts
 * const reader: ResponseRowReader = readResponseRows('leads.csv', { timeZone: 'UTC' });
 * let n = 0;
 * for await (const _ of reader) n++;
 * console.log(n, reader.stats.rejected, reader.issues.length);
 * ```
 */
export interface ResponseRowReader extends AsyncIterable<ResponseRow> {
  /** The label of the file in issues. */
  readonly label: string;
  /** Every issue found so far, as {@link loadCsv} reports them. */
  readonly issues: DataIssue[];
  /** `rows = accepted + rejected` so far. */
  readonly stats: LoadStats;
}

/**
 * A lean pass over a large leads file for response-time figures (the heatmap of a million-row export): streams `{ id, createdAt,
 * firstContactAt, team, locator }` per accepted row without building `Lead` objects or `Date`s, with the same rules and accounting as
 * {@link loadCsv} for those columns (`duplicate-id`, `missing-value`, `unparseable-timestamp`, `contact-before-created`, `wrong-field-
 * count`, quoting errors).
 *
 * @example
 * ```ts
 * const rows = readResponseRows('exports/leads.csv', { timeZone: 'America/Chicago' });
 * for await (const row of rows) heatmap.add(row.createdAt, row.firstContactAt);
 * console.log(rows.stats, rows.issues.length);
 * ```
 */
export function readResponseRows(input: CsvFileInput, options: ReadResponseRowsOptions): ResponseRowReader {
  getZone(options.timeZone); // a RangeError now for an unknown zone
  assertColumnMapping(options.columns);
  assertCsvFormat(options);
  const opened = openCsvInput(input, DEFAULT_CSV_FILE_NAMES.leads, options.label);
  let log = new IssueLog();

  async function* rows(): AsyncGenerator<ResponseRow, void, undefined> {
    log = new IssueLog();
    const file = log.file(opened.label);
    let pending: ResponseRow[] = [];
    // The visitor runs inside the table reader: collect a chunk's rows, hand them on between chunks.
    const table = streamCsvTable(
      opened,
      'leads',
      file,
      { columns: options.columns, ...csvFormat(options), timeZone: options.timeZone },
      (columns) =>
        responseRowVisitor(columns, file, options.timeZone, (row) => {
          pending.push({
            id: row.idText(),
            createdAt: row.createdAt,
            firstContactAt: row.firstContactAt,
            team: row.text('team'),
            locator: row.text('locator'),
          });
        }),
    );
    for await (const _ of table) {
      if (pending.length === 0) continue;
      const batch = pending;
      pending = [];
      yield* batch;
    }
    if (options.strict) {
      const errors = log.errors();
      if (errors.length > 0) throw new DataQualityError(errors);
    }
  }

  return {
    label: opened.label,
    get issues() {
      return log.issues;
    },
    get stats() {
      return log.stats();
    },
    [Symbol.asyncIterator]: rows,
  };
}

/**
 * The reading of a leads file's rows for response figures, shared by {@link readResponseRows} and the CSV heatmap: every row is read with
 * the rules of {@link LeadRowReader} (from its bytes when it raises no issue), and each accepted row is handed to `accept` while the reader
 * holds it. @internal
 */
export function responseRowVisitor(
  columns: ResolvedColumns<'leads'>,
  file: FileLog,
  timeZone: string,
  accept: (row: LeadRowReader) => void,
  ids: LeadIds = new CompactLeadIds(),
): TableVisitor {
  const row = new LeadRowReader(columns, file, timeZone, ids);
  return {
    visit(fields, line) {
      row.read(fields, line);
      if (file.endRow()) accept(row);
    },
    fast(buf, starts, ends, line) {
      if (!row.readBytes(buf, starts, ends) || !row.claimId(line)) return false;
      accept(row);
      return true;
    },
  };
}
