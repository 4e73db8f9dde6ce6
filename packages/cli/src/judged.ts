import type { CannotJudge, JudgedQuestion } from '@panopticon/core';

/** What a command prints in place of a figure its data cannot answer (never 0, never empty). */
export const CANNOT_JUDGE = 'cannot judge';

/** The figures each question answers: every KPI of its section except these, which need no judgement. */
const SECTIONS: Record<JudgedQuestion, { key: 'followUp' | 'response'; keep: readonly string[] }> = {
  'follow-up': { key: 'followUp', keep: ['asOf', 'leads'] },
  response: { key: 'response', keep: ['total'] },
};

/**
 * The KPI object with every figure of an unanswerable question replaced by {@link CANNOT_JUDGE}: with no
 * appointment column `appointed` would be 0 and `needsAttention` 0, which reads as an all-clear.
 */
export function withoutUnjudged<K extends { followUp: object; response: object }>(kpis: K, unjudged: readonly CannotJudge[]): K {
  let result = kpis;
  for (const { question } of unjudged) {
    const { key, keep } = SECTIONS[question];
    const section = Object.fromEntries(Object.entries(result[key]).map(([k, v]) => [k, keep.includes(k) ? v : CANNOT_JUDGE]));
    result = { ...result, [key]: section };
  }
  return result;
}
