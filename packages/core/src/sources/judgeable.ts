import { DATA_ISSUE_CODES } from './issue-codes.js';
import { judgeMessages } from './messages.js';
import type { CannotJudge, DataIssue, JudgedQuestion } from './source.js';

/**
 * What {@link judgeability} reads about one question's column.
 *
 * @example
 * ```ts
 * const appointments: QuestionColumn = { field: 'appointment_time', present: false, values: 0 };
 * ```
 */
export interface QuestionColumn {
  /** The column's name as the input writes it (or the expected name when absent). */
  field: string;
  /** Whether the input has the column. */
  present: boolean;
  /** How many accepted leads have a readable value in it. */
  values: number;
}

/**
 * The questions a load cannot answer, from what it found of their columns (only the questions given are
 * judged): one rule for every source (the
 * CSV reader fills it in; the command line applies it to Zoho snapshots), so no consumer prints a 0 or an
 * empty list where it could not judge.
 *
 * @example
 * ```ts
 * judgeability('leads.csv', {
 *   'follow-up': { field: 'appointment_time', present: false, values: 0 },
 *   response: { field: 'first_contact_time', present: true, values: 412 },
 * }); // [{ question: 'follow-up', cause: 'no-column', field: 'appointment_time', … }]
 * ```
 */
export function judgeability(
  file: string,
  columns: Partial<Record<JudgedQuestion, QuestionColumn>>,
  /** How to fix it, when not a CSV column mapping (a Zoho field mapping, say). Default: map the column with `columns`. */
  fix?: string,
): CannotJudge[] {
  const verdicts: CannotJudge[] = [];
  for (const question of ['follow-up', 'response'] as const) {
    const column = columns[question];
    if (column === undefined) continue; // not asked
    const { field, present, values } = column;
    if (present && values > 0) continue;
    const cause = present ? 'no-value' : 'no-column';
    verdicts.push({ question, field, file, cause, message: judgeMessages.cannotJudge(question, field, file, cause, fix) });
  }
  return verdicts;
}

/**
 * How many values of a time column are readable: epoch milliseconds (NaN = none) or `Date`s (null = none).
 *
 * @example
 * ```ts
 * countReadable(new Float64Array([Number.NaN, 1.7e12])); // 1
 * ```
 */
export function countReadable(values: ArrayLike<number> | readonly (Date | null | undefined)[]): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === 'number' ? !Number.isNaN(v) : v instanceof Date) n++;
  }
  return n;
}

/**
 * A {@link CannotJudge} as an error-level data issue (code `cannot-judge`), for reports that list issues.
 * It rejects no row: `stats` do not count it.
 *
 * @example
 * ```ts
 * const findings = [...(result.cannotJudge ?? []).map(cannotJudgeIssue), ...result.issues];
 * ```
 */
export function cannotJudgeIssue(verdict: CannotJudge): DataIssue {
  return { severity: 'error', code: DATA_ISSUE_CODES.cannotJudge, message: verdict.message, file: verdict.file, field: verdict.field };
}
