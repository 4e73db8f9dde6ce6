import { describe, expect, it } from 'vitest';
import { DataQualityError } from './source.js';
import { cannotJudgeIssue, countReadable, judgeability } from './judgeable.js';
import { loadFilesColumnar } from './tables/load-files.js';
import { loadText } from './csv/load-csv.test-helper.js';

const TZ = 'America/New_York';

describe('judgeability: never a false all-clear', () => {
  it('a question is judgeable only when its column is present with at least one readable value', () => {
    const col = (present: boolean, values: number) => ({ field: 'c', present, values });
    const verdicts = (followUp: [boolean, number]) =>
      judgeability('f.csv', { 'follow-up': col(...followUp), response: col(true, 1) }).map((v) => v.cause);
    expect(verdicts([true, 1])).toEqual([]);
    expect(verdicts([true, 0])).toEqual(['no-value']);
    expect(verdicts([false, 0])).toEqual(['no-column']);
  });

  it('counts readable values of epoch columns and Date lists alike', () => {
    expect(countReadable(new Float64Array([Number.NaN, 1, 2]))).toBe(2);
    expect(countReadable([null, new Date(0), undefined])).toBe(1);
  });

  it('loadFiles and loadFilesColumnar report an absent appointment column, naming the file, column and fix', async () => {
    const leads = 'lead_id,received_time,first_contact_time\n1,2026-03-02 09:00,2026-03-02 09:20\n';
    const objects = await loadText({ leads, timeZone: TZ });
    const columns = await loadFilesColumnar({ leads: { text: leads }, timeZone: TZ });
    for (const { cannotJudge } of [objects, columns]) {
      expect(cannotJudge).toHaveLength(1);
      expect(cannotJudge![0]).toMatchObject({ question: 'follow-up', cause: 'no-column', field: 'appointment_time', file: 'leads.csv' });
      expect(cannotJudge![0]!.message).toContain('follow-up cannot be judged: leads.csv has no appointment_time column');
      expect(cannotJudge![0]!.message).toContain('--columns');
    }
    expect(cannotJudgeIssue(objects.cannotJudge![0]!)).toMatchObject({
      severity: 'error',
      code: 'cannot-judge',
      field: 'appointment_time',
    });
    expect(objects.issues).toEqual([]); // not a row's issue: rows are accounted for as before
  });

  it('a mapped column is named as the file names it; unreadable values count as none', async () => {
    const leads = 'lead_id,received_time,First Call,Appt\n1,2026-03-02 09:00,soon,\n2,2026-03-02 10:00,,TBD\n';
    const { cannotJudge } = await loadText({
      leads,
      timeZone: TZ,
      columns: { leads: { first_contact_time: 'First Call', appointment_time: 'Appt' } },
    });
    expect(cannotJudge!.map((c) => [c.question, c.cause, c.field])).toEqual([
      ['follow-up', 'no-value', 'Appt'],
      ['response', 'no-value', 'First Call'],
    ]);
  });
});

describe('issues are bounded: counted per code, the first N kept', () => {
  const bad = (n: number) =>
    `lead_id,received_time\n${Array.from({ length: n }, (_, i) => `${i},${i % 2 === 0 ? 'never' : '2026-03-02 09:00'}`).join('\n')}\n`;

  it('keeps issueExamples of each code and counts the rest in issueSummary', async () => {
    const { issues, issueSummary, stats } = await loadText({ leads: bad(40), timeZone: TZ, issueExamples: 3 });
    expect(issues).toHaveLength(3);
    expect(issueSummary).toEqual({
      found: 20,
      errors: 20,
      omitted: 17,
      examplesPerCode: 3,
      byCode: { 'unparseable-timestamp': { found: 20, omitted: 17 } },
    });
    expect(stats).toMatchObject({ rows: 40, accepted: 20, rejected: 20 }); // every row still accounted for
  });

  it('keeps 100 of each code by default', async () => {
    const { issues, issueSummary } = await loadText({ leads: bad(400), timeZone: TZ });
    expect(issues).toHaveLength(100);
    expect(issueSummary?.omitted).toBe(100);
  });

  it('in strict mode the error counts every error and lists the examples', async () => {
    const error = await loadText({ leads: bad(10), timeZone: TZ, strict: true, issueExamples: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataQualityError);
    expect((error as DataQualityError).total).toBe(5);
    expect((error as DataQualityError).issues).toHaveLength(2);
    expect((error as DataQualityError).message).toMatch(/^5 data errors in the input:[\s\S]*… and 3 more of the same kinds$/);
  });

  it('refuses a limit that is not a whole number', async () => {
    await expect(loadText({ leads: bad(2), timeZone: TZ, issueExamples: -1 })).rejects.toThrow(RangeError);
  });
});
