import type { DataIssueCode } from '../issue-codes.js';
import type { DataIssue, IssueSeverity, IssueSummary, LoadStats } from '../source.js';
import { DEFAULT_ISSUE_EXAMPLES } from '../source.js';

/** Where an issue is and what it is about (all optional). @internal */
export interface IssuePlace {
  line?: number;
  field?: string;
  value?: string;
  recordId?: string;
}

/**
 * Collects the issues and the row accounting of a load, across its files: every row is counted once
 * and ends accepted (no error) or rejected (at least one error). Memory is bounded whatever the number of
 * issues: each code is counted, and only its first `examplesPerCode` issues are kept. @internal
 */
export class IssueLog {
  /** The issues kept: the first `examplesPerCode` of each code, in the order found. */
  readonly issues: DataIssue[] = [];
  private readonly inputs: Record<string, { rows: number; accepted: number; rejected: number }> = {};
  private readonly byCode = new Map<DataIssueCode, { found: number; omitted: number }>();
  private errorsFound = 0;

  constructor(readonly examplesPerCode: number = DEFAULT_ISSUE_EXAMPLES) {
    if (!(Number.isInteger(examplesPerCode) && examplesPerCode >= 0)) {
      throw new RangeError(`issueExamples must be a whole number, 0 or more; got ${String(examplesPerCode)}.`);
    }
  }

  /** The log of one input file; files with the same label share their counts. */
  file(label: string): FileLog {
    this.inputs[label] ??= { rows: 0, accepted: 0, rejected: 0 };
    return new FileLog(label, this, this.inputs[label]);
  }

  /**
   * Counts an issue of `code`; returns whether it is kept as an example (then the caller adds it with
   * {@link keep}), so an issue past the limit is never built.
   */
  count(code: DataIssueCode, severity: IssueSeverity): boolean {
    if (severity === 'error') this.errorsFound++;
    let counts = this.byCode.get(code);
    if (counts === undefined) {
      counts = { found: 0, omitted: 0 };
      this.byCode.set(code, counts);
    }
    counts.found++;
    if (counts.found > this.examplesPerCode) {
      counts.omitted++;
      return false;
    }
    return true;
  }

  /** Adds an issue that {@link count} said to keep. */
  keep(issue: DataIssue): void {
    this.issues.push(issue);
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

  /** How many issues were found, per code, and how many of them are not kept in {@link issues}. */
  summary(): IssueSummary {
    let found = 0;
    let omitted = 0;
    const byCode: IssueSummary['byCode'] = {};
    for (const [code, counts] of this.byCode) {
      found += counts.found;
      omitted += counts.omitted;
      byCode[code] = { ...counts };
    }
    return { found, errors: this.errorsFound, omitted, examplesPerCode: this.examplesPerCode, byCode };
  }

  /** The errors kept (the first of each code); {@link summary} counts them all. */
  errors(): DataIssue[] {
    return this.issues.filter((i) => i.severity === 'error');
  }

  /** How many errors were found, kept or not. */
  get errorCount(): number {
    return this.errorsFound;
  }
}

/** The issues and counts of one file, row by row: `beginRow`, issues, `endRow`. @internal */
export class FileLog {
  private rowErrors = 0;

  constructor(
    readonly label: string,
    private readonly log: IssueLog,
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
    if (!this.log.count(code, severity)) return;
    // Only the keys that have a value, so issues compare and serialize cleanly.
    const issue: DataIssue = { severity, code, message, file: this.label };
    if (place.line !== undefined) issue.line = place.line;
    if (place.recordId !== undefined && place.recordId !== '') issue.recordId = place.recordId;
    if (place.field !== undefined) issue.field = place.field;
    if (place.value !== undefined) issue.value = place.value;
    this.log.keep(issue);
  }
}
