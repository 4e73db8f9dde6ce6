import { PanopticonError } from '../errors.js';
import type { DataIssueCode } from './issue-codes.js';
import type { Lead } from '../model/lead.js';
import type { Shift } from '../model/schedule.js';

/**
 * `error`: the row was rejected. `warning`: the row was kept, but something about it is doubtful.
 * `info`: how an input was read (a column found by its CRM label, a column not read, the encoding, the
 * delimiter or the date format detected): nothing is wrong, but a person checking the reading wants it.
 *
 * @example
 * ```ts
 * const errors = issues.filter((i) => i.severity === ('error' satisfies IssueSeverity));
 * ```
 */
export type IssueSeverity = 'error' | 'warning' | 'info';

/**
 * One data-quality finding. It names where (file and line, or a record id), the field, the value and what
 * is wrong, so a person can find and fix the row.
 *
 * @example
 * ```ts
 * for (const issue of issues) console.warn(formatIssue(issue));
 * // warning: leads.csv line 13, record 100077, field first_contact_time, value "2026-10-15 17:06:00": first contact …
 * ```
 */
export interface DataIssue {
  /** `error`: the row was rejected; `warning`: kept; `info`: how the input was read. */
  severity: IssueSeverity;
  /** A stable machine-readable code, one of {@link DATA_ISSUE_CODES}, e.g. `duplicate-id`, `unparseable-timestamp`. */
  code: DataIssueCode;
  /** Plain-language description including the value and what to do. */
  message: string;
  /** The input the row came from: a file name, or a source such as `zoho:Leads`. */
  file?: string;
  /** 1-based line number in a text file (the header is line 1). */
  line?: number;
  /** The record's id where known. */
  recordId?: string;
  /** The field (column) at fault, as named in the input. */
  field?: string;
  /** The offending value, as read. */
  value?: string;
}

/**
 * How every input row was accounted for: `rows = accepted + rejected`, per input.
 *
 * @example
 * ```ts
 * const { stats } = await loadCsv({ leads: 'leads.csv', timeZone: 'UTC' });
 * console.log(`${stats.accepted} of ${stats.rows} rows accepted`);
 * ```
 */
export interface LoadStats {
  /** Data rows read (header and blank lines not counted), over every input. */
  rows: number;
  /** Rows kept (possibly with warnings). */
  accepted: number;
  /** Rows rejected, each with at least one `error` issue. */
  rejected: number;
  /** Per input (file or module), the same counts. */
  inputs?: Record<
    string,
    {
      /** Data rows read from this input. */
      rows: number;
      /** Rows kept. */
      accepted: number;
      /** Rows rejected. */
      rejected: number;
    }
  >;
}

/**
 * What a source returns: the leads, every issue found, and the accounting of rows.
 *
 * @example
 * ```ts
 * const { leads, issues, stats, schedule = [] }: LoadResult = await loadCsv({ leads: 'leads.csv', schedule: 'schedule.csv', timeZone });
 * ```
 */
export interface LoadResult {
  /** The accepted leads, with their histories attached. */
  leads: Lead[];
  /** Every data-quality finding, errors and warnings. */
  issues: DataIssue[];
  /** How every input row was accounted for. */
  stats: LoadStats;
  /** Staff schedule, when the source provides one. */
  schedule?: Shift[];
}

/**
 * Anything that can load leads: a set of CSV files, a Zoho snapshot, …
 *
 * @example
 * ```ts
 * async function report(source: LeadSource) {
 *   const { leads, issues } = await source.load();
 *   console.log(`${source.description}: ${leads.length} leads, ${issues.length} issues`);
 * }
 * await report(new CsvSource({ leads: 'leads.csv', timeZone: 'UTC' }));
 * ```
 */
export interface LeadSource {
  /** A short description for reports ("CSV: examples/data/leads.csv", "Zoho CRM (EU)"). */
  readonly description: string;
  /** Reads the leads (again, on each call) with their issues and row accounting. */
  load(): Promise<LoadResult>;
}

/**
 * Thrown by a source in `strict` mode: one error that lists every row error.
 *
 * @example
 * ```ts
 * try {
 *   await loadCsv({ leads: 'leads.csv', timeZone: 'UTC', strict: true });
 * } catch (error) {
 *   if (error instanceof DataQualityError) console.error(error.issues.length, 'rows rejected');
 * }
 * ```
 */
export class DataQualityError extends PanopticonError {
  /** `'DataQualityError'`. */
  override readonly name = 'DataQualityError';
  constructor(
    /** The `error` issues (the rejected rows). */
    readonly issues: DataIssue[],
  ) {
    super(
      'data-quality',
      `${issues.length} data error${issues.length === 1 ? '' : 's'} in the input:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
  }
}

/**
 * One line describing an issue: "leads.csv line 12, field received_time, value "2025-13-01": …".
 *
 * @example
 * ```ts
 * formatIssue({ severity: 'error', code: 'missing-value', message: 'received_time is empty; …', file: 'leads.csv', line: 7, field: 'received_time' });
 * // 'error: leads.csv line 7, field received_time: received_time is empty; …'
 * ```
 */
export function formatIssue(issue: DataIssue): string {
  const where: string[] = [];
  if (issue.file !== undefined) where.push(issue.line !== undefined ? `${issue.file} line ${issue.line}` : issue.file);
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  if (issue.recordId !== undefined) where.push(`record ${issue.recordId}`);
  if (issue.field !== undefined) where.push(`field ${issue.field}`);
  if (issue.value !== undefined) where.push(`value ${JSON.stringify(issue.value)}`);
  return `${issue.severity}: ${where.length ? `${where.join(', ')}: ` : ''}${issue.message}`;
}
