import type { SlotAccumulator } from '../../response/slot-aggregator.js';
import { csvMessages } from '../messages.js';
import type { DataIssue } from '../source.js';
import { NumericIdSet, StringIdSet } from './id-sets.js';
import { CSV_ISSUE_CODES } from './issue-codes.js';
import type { ScanOutput } from './response-scan.js';
import { REJECTED } from './response-scan.js';

/**
 * Applies scan outputs in file order: decides duplicate ids (the first row with an id keeps it), counts
 * the rows that stand into the heatmap, and puts the issues in line order. @internal
 */
export class Merger {
  readonly issues: DataIssue[] = [];
  rows = 0;
  rejected = 0;
  private readonly numbers: NumericIdSet;
  private readonly strings = new StringIdSet();
  private readonly decoder = new TextDecoder();

  constructor(
    readonly acc: SlotAccumulator,
    private readonly label: string,
    expectedRows: number,
  ) {
    this.numbers = new NumericIdSet(expectedRows);
  }

  /** Merges one output whose lines are to be shifted by `lineOffset`; `idColumn` names lead_id in issues. */
  merge(out: ScanOutput, lineOffset: number, idColumn: string | undefined): void {
    const duplicates: DataIssue[] = [];
    const { idValue, keyLine, keyCell, keyMinutes, strHash, strEnd, strBytes } = out;
    const acc = this.acc;
    for (let k = 0; k < out.keys; k++) {
      const line = keyLine[k]! + lineOffset;
      const value = idValue[k]!;
      let first: number;
      let s = 0;
      let e = 0;
      if (value >= 0) first = this.numbers.add(value, line);
      else {
        const j = -1 - value;
        s = j === 0 ? 0 : strEnd[j - 1]!;
        e = strEnd[j]!;
        first = this.strings.add(strHash[j]!, strBytes, s, e, line);
      }
      const cell = keyCell[k]!;
      if (first !== 0) {
        const id = value >= 0 ? String(value) : this.decoder.decode(strBytes.subarray(s, e));
        const issue: DataIssue = {
          severity: 'error',
          code: CSV_ISSUE_CODES.duplicateId,
          message: csvMessages.duplicateId(id, first),
          file: this.label,
          line,
          recordId: id,
        };
        if (idColumn !== undefined) issue.field = idColumn;
        issue.value = id;
        duplicates.push(issue);
        if (cell !== REJECTED) this.rejected++;
        continue;
      }
      if (cell >= 0) acc.add(cell >> 2, cell & 3, keyMinutes[k]!);
    }
    this.rows += out.rows;
    this.rejected += out.rejected;
    const issues = out.issues;
    if (lineOffset !== 0) for (const issue of issues) if (issue.line !== undefined) issue.line += lineOffset;
    // Both lists are in line order; on one line the id's issue comes first, as LeadRowReader reports it.
    let d = 0;
    for (const issue of issues) {
      while (d < duplicates.length && issue.line !== undefined && duplicates[d]!.line! <= issue.line) this.issues.push(duplicates[d++]!);
      this.issues.push(issue);
    }
    while (d < duplicates.length) this.issues.push(duplicates[d++]!);
  }
}
