import { describe, expect, it } from 'vitest';
import { loadText, ny, pipeline, single, TZ } from './load-csv.test-helper.js';

describe('loadFiles: histories', () => {
  const leads = 'lead_id,received_time,stage,locator\nL1,2025-01-06 09:00,Appointment Set,Maria\nL2,2025-01-06 09:00,New,Sam\n';
  /** The leads above with the given history files, read in TZ. */
  const withHistories = (files: Omit<Parameters<typeof loadText>[0], 'leads' | 'timeZone'>) => loadText({ leads, timeZone: TZ, ...files });

  it('attaches history rows to their lead, ascending by time and stable for equal times', async () => {
    const {
      leads: loaded,
      issues,
      stats,
    } = await withHistories({
      stageHistory:
        'lead_id,stage,changed_at\nL1,Appointment Set,2025-01-08 09:00\nL1,New,2025-01-06 09:00\nL2,New,2025-01-06 09:00\nL1,Lost,2025-01-08 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL1,Maria,2025-01-07 09:00\nL1,,2025-01-06 09:00\n',
      pipeline,
    });
    expect(issues).toEqual([]);
    expect(loaded[0]!.stageHistory).toEqual([
      { stage: 'New', at: ny(6, 9) },
      { stage: 'Appointment Set', at: ny(8, 9) },
      { stage: 'Lost', at: ny(8, 9) },
    ]);
    expect(loaded[0]!.ownerHistory).toEqual([
      { locator: null, at: ny(6, 9) },
      { locator: 'Maria', at: ny(7, 9) },
    ]);
    expect(loaded[1]!.ownerHistory).toEqual([]);
    expect(stats.inputs).toEqual({
      'leads.csv': { rows: 2, accepted: 2, rejected: 0 },
      'stage_history.csv': { rows: 4, accepted: 4, rejected: 0 },
      'owner_history.csv': { rows: 2, accepted: 2, rejected: 0 },
    });
    expect(stats).toMatchObject({ rows: 8, accepted: 8, rejected: 0 });
  });

  it('leaves ownerHistory out when no owner history is given', async () => {
    const { leads: loaded } = await loadText({ leads, timeZone: TZ });
    expect('ownerHistory' in loaded[0]!).toBe(false);
  });

  it('takes the locator from the owner history when leads.csv has no locator column', async () => {
    const { leads: loaded } = await loadText({
      leads: 'lead_id,received_time\nL1,2025-01-06 09:00\nL2,2025-01-06 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL1,Maria,2025-01-07 09:00\nL1,Sam,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(loaded.map((l) => l.locator)).toEqual(['Maria', null]);
  });

  it('unknown-lead: a stage history row for a lead not in leads.csv is rejected', async () => {
    const stageHistory = 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\nL9,New,2025-01-06 09:00\n';
    const { leads: loaded, issues, stats } = await withHistories({ stageHistory });
    expect(loaded[0]!.stageHistory).toHaveLength(1);
    const issue = single(issues, 'unknown-lead');
    expect(issue).toMatchObject({ severity: 'error', file: 'stage_history.csv', line: 3, field: 'lead_id', value: 'L9', recordId: 'L9' });
    expect(issue.message).toContain('no lead with id "L9" in leads.csv');
    expect(stats.inputs!['stage_history.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('unknown-lead: an owner history row for an unknown lead is rejected', async () => {
    const { issues, stats } = await withHistories({
      ownerHistory: 'lead_id,locator,changed_at\nX1,Maria,2025-01-06 09:00\n',
    });
    expect(single(issues, 'unknown-lead')).toMatchObject({
      severity: 'error',
      file: 'owner_history.csv',
      line: 2,
      field: 'lead_id',
      value: 'X1',
    });
    expect(stats.inputs!['owner_history.csv']).toEqual({ rows: 1, accepted: 0, rejected: 1 });
  });

  it('unknown-lead: a history row of a rejected lead says the lead was rejected, and where', async () => {
    const { issues } = await loadText({
      leads: 'lead_id,received_time\nL1,never\n',
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    const issue = single(issues, 'unknown-lead');
    expect(issue).toMatchObject({ line: 2, field: 'lead_id', value: 'L1' });
    expect(issue.message).toContain('was rejected (leads.csv line 2)');
  });

  it('history rows need a lead id, a stage and a readable changed_at', async () => {
    const { issues, stats } = await withHistories({
      stageHistory: 'lead_id,stage,changed_at\n,New,2025-01-06 09:00\nL1,,2025-01-06 09:00\nL1,New,\nL1,New,2025-06-31\n',
    });
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['error', 'missing-value', 2, 'lead_id', ''],
      ['error', 'missing-value', 3, 'stage', ''],
      ['error', 'missing-value', 4, 'changed_at', ''],
      ['error', 'unparseable-timestamp', 5, 'changed_at', '2025-06-31'],
    ]);
    expect(stats.inputs!['stage_history.csv']).toEqual({ rows: 4, accepted: 0, rejected: 4 });
  });

  it('history-before-created: a change before the lead was received is a warning and is kept', async () => {
    const { leads: loaded, issues } = await withHistories({
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-05 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL2,Sam,2025-01-06 08:00\n',
    });
    expect(loaded[0]!.stageHistory).toHaveLength(1);
    expect(loaded[1]!.ownerHistory).toHaveLength(1);
    expect(issues.map((i) => [i.severity, i.code, i.file, i.line, i.field, i.value, i.recordId])).toEqual([
      ['warning', 'history-before-created', 'stage_history.csv', 2, 'changed_at', '2025-01-05 09:00', 'L1'],
      ['warning', 'history-before-created', 'owner_history.csv', 2, 'changed_at', '2025-01-06 08:00', 'L2'],
    ]);
  });

  it('a missing history column is a CsvColumnError naming the history file', async () => {
    await expect(loadText({ leads, stageHistory: 'lead_id,stage\nL1,New\n', timeZone: TZ })).rejects.toThrow(
      'stage_history.csv has no column "changed_at"',
    );
  });
});

describe('loadFiles: schedule', () => {
  const withSchedule = (rows: string) =>
    loadText({ leads: 'lead_id,received_time\n', schedule: `rep,day_of_week,shift_start,shift_end\n${rows}`, timeZone: TZ });

  it('reads shifts, with weekday names, short names and ISO numbers', async () => {
    const { schedule, issues, stats } = await withSchedule('Maria,Monday,9:00,17:00\nSam,sat,22:00,06:00\nLee,7,00:00,24:00\n');
    expect(issues).toEqual([]);
    expect(schedule).toEqual([
      { rep: 'Maria', day: 0, start: '09:00', end: '17:00' },
      { rep: 'Sam', day: 5, start: '22:00', end: '06:00' },
      { rep: 'Lee', day: 6, start: '00:00', end: '24:00' },
    ]);
    expect(stats.inputs!['schedule.csv']).toEqual({ rows: 3, accepted: 3, rejected: 0 });
  });

  it('invalid-day and invalid-time: errors, the row is rejected', async () => {
    const { schedule, issues, stats } = await withSchedule('Maria,Funday,09:00,17:00\nSam,Tue,9am,25:00\n,Wed,09:00,17:00\n');
    expect(schedule).toEqual([]);
    expect(issues.map((i) => [i.severity, i.code, i.file, i.line, i.field, i.value])).toEqual([
      ['error', 'invalid-day', 'schedule.csv', 2, 'day_of_week', 'Funday'],
      ['error', 'invalid-time', 'schedule.csv', 3, 'shift_start', '9am'],
      ['error', 'invalid-time', 'schedule.csv', 3, 'shift_end', '25:00'],
      ['error', 'missing-value', 'schedule.csv', 4, 'rep', ''],
    ]);
    expect(stats.inputs!['schedule.csv']).toEqual({ rows: 3, accepted: 0, rejected: 3 });
  });
});
