import type { DataIssueCode } from '../issue-codes.js';
import type { DataIssue, IssueSeverity, LoadStats } from '../source.js';

/** Where an issue is and what it is about (all optional). @internal */
export interface IssuePlace {
  line?: number;
  field?: string;
  value?: string;
  recordId?: string;
}

/**
 * Collects the issues and the row accounting of a load, across its files: every row is counted once
 * and ends accepted (no error) or rejected (at least one error). @internal
 */
export class IssueLog {
  readonly issues: DataIssue[] = [];
  private readonly inputs: Record<string, { rows: number; accepted: number; rejected: number }> = {};

  /** The log of one input file; files with the same label share their counts. */
  file(label: string): FileLog {
    this.inputs[label] ??= { rows: 0, accepted: 0, rejected: 0 };
    return new FileLog(label, this.issues, this.inputs[label]);
  }

  stats(): LoadStats {
    let rows = 0;
    let accepted = 0;
    let rejected = 0;
    const inputs: NonNullable<LoadStats['inputs']> = {};
    for (const [label, counts] of Object.entries(this.inputs)) {
      rows += counts.rows;
      accepted += counts.accepted;
      rejected += counts.rejected;
      inputs[label] = { ...counts };
    }
    return { rows, accepted, rejected, inputs };
  }

  errors(): DataIssue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }
}

/** The issues and counts of one file, row by row: `beginRow`, issues, `endRow`. @internal */
export class FileLog {
  private rowErrors = 0;

  constructor(
    readonly label: string,
    private readonly issues: DataIssue[],
    private readonly counts: { rows: number; accepted: number; rejected: number },
  ) {}

  beginRow(): void {
    this.rowErrors = 0;
  }

  /** Whether the row in progress has an error so far. */
  get rowHasErrors(): boolean {
    return this.rowErrors > 0;
  }

  error(code: DataIssueCode, message: string, place: IssuePlace): void {
    this.rowErrors++;
    this.add('error', code, message, place);
  }

  warning(code: DataIssueCode, message: string, place: IssuePlace): void {
    this.add('warning', code, message, place);
  }

  /** How the file was read (a column found by its label, the encoding detected, …): not about a row. */
  info(code: DataIssueCode, message: string, place: IssuePlace): void {
    this.add('info', code, message, place);
  }

  /** Counts the row in progress: accepted when it had no error. Returns whether it was accepted. */
  endRow(): boolean {
    this.counts.rows++;
    if (this.rowErrors > 0) {
      this.counts.rejected++;
      return false;
    }
    this.counts.accepted++;
    return true;
  }

  private add(severity: IssueSeverity, code: DataIssueCode, message: string, place: IssuePlace): void {
    // Only the keys that have a value, so issues compare and serialize cleanly.
    const issue: DataIssue = { severity, code, message, file: this.label };
    if (place.line !== undefined) issue.line = place.line;
    if (place.recordId !== undefined && place.recordId !== '') issue.recordId = place.recordId;
    if (place.field !== undefined) issue.field = place.field;
    if (place.value !== undefined) issue.value = place.value;
    this.issues.push(issue);
  }
}
