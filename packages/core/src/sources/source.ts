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
 * const { stats } = await loadFiles({ leads: 'leads.csv', timeZone: 'UTC' });
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
 * A question Panopticon answers from a column of the leads: `follow-up` needs the appointment time (which
 * leads are appointed), `response` the first-contact time (how fast leads were answered).
 *
 * @example
 * ```ts
 * const question: JudgedQuestion = 'follow-up';
 * ```
 */
export type JudgedQuestion = 'follow-up' | 'response';

/**
 * A question the loaded data cannot answer, and why: the column it needs is absent (`no-column`), or every
 * value of it is empty or unreadable (`no-value`). A consumer shows "cannot judge" in place of the figure:
 * without the column every lead would look unappointed (or never contacted), which reads as an all-clear.
 *
 * @example
 * ```ts
 * const { cannotJudge = [] } = await loadFiles({ leads: 'leads.csv', timeZone: 'UTC' });
 * for (const c of cannotJudge) console.error(c.message);
 * ```
 */
export interface CannotJudge {
  /** The question that cannot be answered. */
  question: JudgedQuestion;
  /** The field (column) it needs, as the input names it. */
  field: string;
  /** The input that should hold it (a file name, or a source such as `zoho:Leads`). */
  file: string;
  /** `no-column`: the input has no such column; `no-value`: every value is empty or unreadable. */
  cause: 'no-column' | 'no-value';
  /** What is wrong and how to fix it (map the column with the `columns` option, `--columns` on the command line). */
  message: string;
}

/**
 * How many issues a load keeps of each code by default: the first 100 are listed, the rest only counted
 * (in {@link IssueSummary}), so a file with an issue on every one of a million rows stays small in memory.
 *
 * @example
 * ```ts
 * const { issueSummary } = await loadFiles({ leads: 'leads.csv', timeZone: 'UTC', issueExamples: DEFAULT_ISSUE_EXAMPLES });
 * ```
 */
export const DEFAULT_ISSUE_EXAMPLES = 100;

/**
 * Every issue of a load counted, by code: `issues` holds only the first `examplesPerCode` of each code;
 * `omitted` says how many more there were.
 *
 * @example
 * ```ts
 * const { issues, issueSummary } = await loadFiles({ leads: 'leads.csv', timeZone: 'UTC' });
 * if (issueSummary && issueSummary.omitted > 0) console.log(`${issueSummary.omitted} more issues not listed`);
 * ```
 */
export interface IssueSummary {
  /** Issues found, kept or not. */
  found: number;
  /** Of them, errors. */
  errors: number;
  /** Issues found but not kept in `issues` (past the first `examplesPerCode` of their code). */
  omitted: number;
  /** How many issues of each code are kept. */
  examplesPerCode: number;
  /** Per code: found, and not kept. */
  byCode: Partial<Record<DataIssueCode, { found: number; omitted: number }>>;
}

/**
 * What a source returns: the leads, every issue found, and the accounting of rows.
 *
 * @example
 * ```ts
 * const { leads, issues, stats, schedule = [] }: LoadResult = await loadFiles({ leads: 'leads.csv', schedule: 'schedule.csv', timeZone });
 * ```
 */
export interface LoadResult {
  /** The accepted leads, with their histories attached. */
  leads: Lead[];
  /** Every data-quality finding, errors and warnings (a CSV load keeps the first 100 of each code: see `issueSummary`). */
  issues: DataIssue[];
  /** Every issue counted by code, and how many are not in `issues`. Set by the CSV loaders. */
  issueSummary?: IssueSummary;
  /** How every input row was accounted for. */
  stats: LoadStats;
  /** Staff schedule, when the source provides one. */
  schedule?: Shift[];
  /**
   * The questions the data cannot answer (a needed column absent, or none of its values readable); empty
   * when every question can be judged. The CSV loaders always fill it in; `undefined` means the source did
   * not check (apply `judgeability` yourself before showing a 0 as an all-clear).
   */
  cannotJudge?: CannotJudge[];
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
 * await report({ description: 'leads.csv', load: () => loadFiles({ leads: 'leads.csv', timeZone: 'UTC' }) });
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
 *   await loadFiles({ leads: 'leads.csv', timeZone: 'UTC', strict: true });
 * } catch (error) {
 *   if (error instanceof DataQualityError) console.error(error.issues.length, 'rows rejected');
 * }
 * ```
 */
export class DataQualityError extends PanopticonError {
  /** `'DataQualityError'`. */
  override readonly name = 'DataQualityError';
  constructor(
    /** The `error` issues (the rejected rows), or the first of each code when there are many. */
    readonly issues: DataIssue[],
    /** How many errors there were in all (more than `issues` when only examples were kept). */
    readonly total: number = issues.length,
  ) {
    super(
      'data-quality',
      `${total} data error${total === 1 ? '' : 's'} in the input:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n') +
        (total > issues.length ? `\n  … and ${total - issues.length} more of the same kinds` : ''),
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
