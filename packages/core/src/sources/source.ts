import type { Lead } from '../model/lead.js';
import type { Shift } from '../model/schedule.js';

/** `error`: the row was rejected. `warning`: the row was kept, but something about it is doubtful. */
export type IssueSeverity = 'error' | 'warning';

/**
 * One data-quality finding. It names where (file and line, or a record id), the field, the value and what
 * is wrong, so a person can find and fix the row.
 */
export interface DataIssue {
  severity: IssueSeverity;
  /** A stable machine-readable code, e.g. `duplicate-id`, `unparseable-timestamp`. */
  code: string;
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

/** How every input row was accounted for: `rows = accepted + rejected`, per input. */
export interface LoadStats {
  rows: number;
  accepted: number;
  rejected: number;
  /** Per input (file or module), the same counts. */
  inputs?: Record<string, { rows: number; accepted: number; rejected: number }>;
}

/** What a source returns: the leads, every issue found, and the accounting of rows. */
export interface LoadResult {
  leads: Lead[];
  issues: DataIssue[];
  stats: LoadStats;
  /** Staff schedule, when the source provides one. */
  schedule?: Shift[];
}

/** Anything that can load leads: a set of CSV files, a Zoho snapshot, … */
export interface LeadSource {
  /** A short description for reports ("CSV: examples/data/leads.csv", "Zoho CRM (EU)"). */
  readonly description: string;
  load(): Promise<LoadResult>;
}

/** Thrown by a source in `strict` mode: one error that lists every row error. */
export class DataQualityError extends Error {
  override readonly name = 'DataQualityError';
  constructor(readonly issues: DataIssue[]) {
    super(
      `${issues.length} data error${issues.length === 1 ? '' : 's'} in the input:\n` +
        issues.map((i) => `  - ${formatIssue(i)}`).join('\n'),
    );
  }
}

/** One line describing an issue: "leads.csv line 12, field received_time, value "2025-13-01": …". */
export function formatIssue(issue: DataIssue): string {
  const where: string[] = [];
  if (issue.file !== undefined) where.push(issue.line !== undefined ? `${issue.file} line ${issue.line}` : issue.file);
  else if (issue.line !== undefined) where.push(`line ${issue.line}`);
  if (issue.recordId !== undefined) where.push(`record ${issue.recordId}`);
  if (issue.field !== undefined) where.push(`field ${issue.field}`);
  if (issue.value !== undefined) where.push(`value ${JSON.stringify(issue.value)}`);
  return `${issue.severity}: ${where.length ? `${where.join(', ')}: ` : ''}${issue.message}`;
}
