import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePipeline } from '../../model/pipeline.js';
import type { DataIssue } from '../source.js';
import { DataQualityError } from '../source.js';
import { CsvColumnError } from './column-error.js';
import { UNKNOWN_STAGE } from './columns.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';
import { loadCsv, loadCsvText } from './load-csv.js';

const TZ = 'America/New_York';
const pipeline = parsePipeline({
  stages: [
    { name: 'New', category: 'open' },
    { name: 'Appointment Set', category: 'open' },
    { name: 'Green - Approved', category: 'green' },
    { name: 'Green/Delivered', category: 'won' },
    { name: 'Lost', category: 'lost' },
  ],
});

const HEADER = 'lead_id,name,received_time,first_contact_time,appointment_time,stage,locator,team,source,company,assigned_time';
const leadsText = (...rows: string[]) => [HEADER, ...rows].join('\n') + '\n';

/** The one issue with this code (fails when there are none or several). */
function single(issues: DataIssue[], code: string): DataIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, `issues with code ${code}: ${JSON.stringify(issues)}`).toHaveLength(1);
  return found[0]!;
}

/** New York wall-clock time as an instant (January: UTC−5). */
const ny = (day: number, hour: number, minute = 0) => new Date(Date.UTC(2025, 0, day, hour + 5, minute));

describe('loadCsv: reading leads', () => {
  it('reads every column of leads.csv into valid leads', async () => {
    const { leads, issues, stats } = await loadCsvText({
      leads: leadsText(
        'L1,Ann Lee,2025-01-06 09:00,2025-01-06 09:20,2025-01-10 14:00,Appointment Set,Maria,East,Web,Acme,2025-01-06 09:05',
        'L2,,2025-01-06 10:00,,,New,,,,,',
      ),
      timeZone: TZ,
      pipeline,
    });
    expect(issues).toEqual([]);
    expect(stats).toEqual({ rows: 2, accepted: 2, rejected: 0, inputs: { 'leads.csv': { rows: 2, accepted: 2, rejected: 0 } } });
    expect(leads).toEqual([
      {
        id: 'L1',
        name: 'Ann Lee',
        company: 'Acme',
        locator: 'Maria',
        team: 'East',
        source: 'Web',
        stage: 'Appointment Set',
        createdAt: ny(6, 9),
        assignedAt: ny(6, 9, 5),
        firstContactAt: ny(6, 9, 20),
        appointmentAt: ny(10, 14),
        stageHistory: [],
      },
      {
        id: 'L2',
        name: '',
        company: null,
        locator: null,
        team: null,
        source: null,
        stage: 'New',
        createdAt: ny(6, 10),
        assignedAt: null,
        firstContactAt: null,
        appointmentAt: null,
        stageHistory: [],
      },
    ]);
  });

  it('loads the plain response-time export (lead_id,received_time,first_contact_time) and ignores extra columns', async () => {
    const { leads, issues, stats } = await loadCsvText({
      leads:
        'lead_id,received_time,first_contact_time,campaign,notes\n101,2025-01-06 09:00,2025-01-06 09:45,Spring,"call back, maybe"\n102,2025-01-06 09:10,,Spring,\n',
      timeZone: TZ,
      pipeline,
    });
    expect(issues).toEqual([]);
    expect(stats.accepted).toBe(2);
    expect(leads[0]).toMatchObject({ id: '101', name: '', stage: UNKNOWN_STAGE, locator: null, team: null, appointmentAt: null });
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 9, 45));
    expect(leads[1]!.firstContactAt).toBeNull();
  });

  it('renames columns through the mapping, ignoring header case', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'Record Id,Created Time,Lead Owner\n9,2025-01-06T09:00:00Z,Sam\n',
      timeZone: TZ,
      columns: { leads: { lead_id: 'record id', received_time: 'Created Time', locator: 'Lead Owner' } },
    });
    expect(issues).toEqual([]);
    expect(leads[0]).toMatchObject({ id: '9', locator: 'Sam', createdAt: new Date(Date.UTC(2025, 0, 6, 9)) });
  });

  it('reads CRLF, a BOM, quoted fields, Unicode and blank lines, with issue lines that match the file', async () => {
    const text =
      '\uFEFFlead_id,name,received_time,company\r\n' +
      '\r\n' +
      'L1,"Lee, Ann ""AJ""",2025-01-06 09:00,"Zürich\r\nBranch"\r\n' +
      '\r\n' +
      'L2,José 😀,2025-01-06 10:00,東京\r\n' +
      'L3,Bad,yesterday,\r\n';
    const { leads, issues } = await loadCsvText({ leads: text, timeZone: TZ });
    expect(leads.map((l) => [l.id, l.name, l.company])).toEqual([
      ['L1', 'Lee, Ann "AJ"', 'Zürich\r\nBranch'],
      ['L2', 'José 😀', '東京'],
    ]);
    expect(single(issues, 'unparseable-timestamp')).toMatchObject({ line: 7, recordId: 'L3', value: 'yesterday' });
  });

  it('reads a date-only appointment as the start of that day in the time zone', async () => {
    const { leads } = await loadCsvText({
      leads: 'lead_id,received_time,appointment_time\nL1,2025-01-06 09:00,2025-01-10\n',
      timeZone: TZ,
    });
    expect(leads[0]!.appointmentAt).toEqual(ny(10, 0));
  });

  it('reads timestamps with an offset exactly and naive ones in the time zone', async () => {
    const { leads } = await loadCsvText({
      leads: 'lead_id,received_time,first_contact_time\nL1,2025-01-06T14:00:00Z,2025-01-06 09:30\n',
      timeZone: TZ,
    });
    expect(leads[0]!.createdAt).toEqual(ny(6, 9));
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 9, 30));
  });

  it('gives an empty result and a warning for an empty file', async () => {
    const { leads, issues, stats } = await loadCsvText({ leads: '', timeZone: TZ });
    expect(leads).toEqual([]);
    expect(stats).toMatchObject({ rows: 0, accepted: 0, rejected: 0 });
    expect(single(issues, 'empty-file')).toMatchObject({ severity: 'warning', file: 'leads.csv' });
  });

  it('gives an empty result without issues for a header-only file', async () => {
    expect(await loadCsvText({ leads: 'lead_id,received_time\n', timeZone: TZ })).toMatchObject({ leads: [], issues: [] });
  });
});

describe('loadCsv: data-quality rules', () => {
  it('duplicate-id: the later row is rejected, naming the first line', async () => {
    const { leads, issues, stats } = await loadCsvText({
      leads: 'lead_id,received_time\nL1,2025-01-06 09:00\nL2,2025-01-06 09:00\nL1,2025-01-07 09:00\n',
      timeZone: TZ,
    });
    expect(leads.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(leads[0]!.createdAt).toEqual(ny(6, 9));
    const issue = single(issues, DATA_ISSUE_CODES.duplicateId);
    expect(issue).toMatchObject({ severity: 'error', file: 'leads.csv', line: 4, field: 'lead_id', value: 'L1', recordId: 'L1' });
    expect(issue.message).toContain('line 2');
    expect(stats).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('unparseable-timestamp in received_time: an error, the row is rejected', async () => {
    const { leads, issues } = await loadCsvText({ leads: 'lead_id,received_time\nL1,2025-13-01 09:00\n', timeZone: TZ });
    expect(leads).toEqual([]);
    const issue = single(issues, 'unparseable-timestamp');
    expect(issue).toMatchObject({ severity: 'error', line: 2, field: 'received_time', value: '2025-13-01 09:00', recordId: 'L1' });
    expect(issue.message).toContain('YYYY-MM-DD');
  });

  it('unparseable-timestamp in an optional time: a warning, the value reads as null, the row is kept', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,first_contact_time,appointment_time,assigned_time\nL1,2025-01-06 09:00,soon,2025-02-30,9am\n',
      timeZone: TZ,
    });
    expect(leads[0]).toMatchObject({ firstContactAt: null, appointmentAt: null, assignedAt: null });
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['warning', 'unparseable-timestamp', 2, 'first_contact_time', 'soon'],
      ['warning', 'unparseable-timestamp', 2, 'appointment_time', '2025-02-30'],
      ['warning', 'unparseable-timestamp', 2, 'assigned_time', '9am'],
    ]);
  });

  it('missing-value: an empty lead_id or received_time rejects the row', async () => {
    const { leads, issues, stats } = await loadCsvText({
      leads: 'lead_id,received_time\n ,2025-01-06 09:00\nL2,\nL3,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(leads.map((l) => l.id)).toEqual(['L3']);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value, i.recordId])).toEqual([
      ['error', 'missing-value', 2, 'lead_id', ' ', undefined],
      ['error', 'missing-value', 3, 'received_time', '', 'L2'],
    ]);
    expect(stats).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });

  it('lists every error of a row, not just the first', async () => {
    const { issues } = await loadCsvText({ leads: 'lead_id,received_time\n,never\n', timeZone: TZ });
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['missing-value', 'lead_id'],
      ['unparseable-timestamp', 'received_time'],
    ]);
  });

  it('contact-before-created: a warning, the lead is kept with both times', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:59\n',
      timeZone: TZ,
    });
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 8, 59));
    const issue = single(issues, 'contact-before-created');
    expect(issue).toMatchObject({ severity: 'warning', line: 2, field: 'first_contact_time', value: '2025-01-06 08:59', recordId: 'L1' });
    expect(issue.message).toContain('left out of response figures');
  });

  it('missing-stage: an empty stage cell is a warning; the stage comes from history, else Unknown', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,stage\nL1,2025-01-06 09:00,\nL2,2025-01-06 09:00,  \n',
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\nL1,Appointment Set,2025-01-07 09:00\n',
      timeZone: TZ,
      pipeline,
    });
    expect(leads.map((l) => l.stage)).toEqual(['Appointment Set', UNKNOWN_STAGE]);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['warning', 'missing-stage', 2, 'stage', ''],
      ['warning', 'missing-stage', 3, 'stage', '  '],
    ]);
  });

  it('unknown-stage: one warning per stage value and file, with its row count and first line', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,stage\nL1,2025-01-06 09:00,Nwe\nL2,2025-01-06 09:00,New\nL3,2025-01-06 09:00,Nwe\n',
      stageHistory: 'lead_id,stage,changed_at\nL1,Nwe,2025-01-06 09:00\nL2,Qualified,2025-01-06 10:00\n',
      timeZone: TZ,
      pipeline,
    });
    expect(leads).toHaveLength(3);
    const unknown = issues.filter((i) => i.code === 'unknown-stage');
    expect(unknown.map((i) => [i.severity, i.file, i.line, i.field, i.value, i.recordId])).toEqual([
      ['warning', 'leads.csv', 2, 'stage', 'Nwe', 'L1'],
      ['warning', 'stage_history.csv', 2, 'stage', 'Nwe', 'L1'],
      ['warning', 'stage_history.csv', 3, 'stage', 'Qualified', 'L2'],
    ]);
    expect(unknown[0]!.message).toContain('2 rows');
    expect(unknown[2]!.message).toContain('1 row)');
  });

  it('does not check stages without a pipeline, nor the Unknown placeholder of a file without stages', async () => {
    const { issues } = await loadCsvText({ leads: 'lead_id,received_time,stage\nL1,2025-01-06 09:00,Whatever\n', timeZone: TZ });
    expect(issues).toEqual([]);
    const plain = await loadCsvText({ leads: 'lead_id,received_time\nL1,2025-01-06 09:00\n', timeZone: TZ, pipeline });
    expect(plain.issues).toEqual([]);
  });

  it('wrong-field-count: an error naming expected and found, the row is rejected', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,team\nL1,2025-01-06 09:00,East,extra\nL2,2025-01-06 09:00\nL3,2025-01-06 09:00,West\n',
      timeZone: TZ,
    });
    expect(leads.map((l) => l.id)).toEqual(['L3']);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value, i.recordId])).toEqual([
      ['error', 'wrong-field-count', 2, undefined, 'L1,2025-01-06 09:00,East,extra', 'L1'],
      ['error', 'wrong-field-count', 3, undefined, 'L2,2025-01-06 09:00', 'L2'],
    ]);
    expect(issues[0]!.message).toContain('expected 3 fields (as in the header), found 4');
    expect(issues[1]!.message).toContain('found 2');
  });

  it('unterminated-quote: an error on the row where the quote opens; the rows after it are still read', async () => {
    const { leads, issues, stats } = await loadCsvText({
      leads: 'lead_id,name,received_time\nL1,"Acme,2025-01-06 09:00\nL2,Beta,2025-01-06 09:00\nL3,"Gamma, Inc",2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(leads.map((l) => l.id)).toEqual(['L2', 'L3']);
    const issue = single(issues, 'unterminated-quote');
    expect(issue).toMatchObject({ severity: 'error', line: 2, field: 'name', value: 'Acme,2025-01-06 09:00', recordId: 'L1' });
    expect(stats).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('malformed-quote: text after a closing quote rejects the row', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,name,received_time\nL1,"Acme" Inc,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(leads).toEqual([]);
    expect(single(issues, 'malformed-quote')).toMatchObject({
      severity: 'error',
      line: 2,
      field: 'name',
      value: 'Acme Inc',
      recordId: 'L1',
    });
  });

  it('duplicate-column: a used header that appears twice is a warning; the first is read', async () => {
    const { leads, issues } = await loadCsvText({
      leads: 'lead_id,received_time,team,Team\nL1,2025-01-06 09:00,East,West\n',
      timeZone: TZ,
    });
    expect(leads[0]!.team).toBe('East');
    expect(single(issues, 'duplicate-column')).toMatchObject({ severity: 'warning', line: 1, field: 'team' });
  });

  it('throws a CsvColumnError naming the file, the missing column and the headers found', async () => {
    const promise = loadCsvText({ leads: 'lead_id,created\nL1,2025-01-06\n', timeZone: TZ });
    await expect(promise).rejects.toBeInstanceOf(CsvColumnError);
    await expect(promise).rejects.toThrow('leads.csv has no column "received_time". Headers found: "lead_id", "created"');
  });

  it('throws a RangeError for an unknown time zone', async () => {
    await expect(loadCsvText({ leads: 'lead_id,received_time\n', timeZone: 'Nowhere/City' })).rejects.toThrow(RangeError);
  });
});

describe('loadCsv: histories', () => {
  const leads = 'lead_id,received_time,stage,locator\nL1,2025-01-06 09:00,Appointment Set,Maria\nL2,2025-01-06 09:00,New,Sam\n';

  it('attaches history rows to their lead, ascending by time and stable for equal times', async () => {
    const {
      leads: loaded,
      issues,
      stats,
    } = await loadCsvText({
      leads,
      stageHistory:
        'lead_id,stage,changed_at\nL1,Appointment Set,2025-01-08 09:00\nL1,New,2025-01-06 09:00\nL2,New,2025-01-06 09:00\nL1,Lost,2025-01-08 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL1,Maria,2025-01-07 09:00\nL1,,2025-01-06 09:00\n',
      timeZone: TZ,
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
    const { leads: loaded } = await loadCsvText({ leads, timeZone: TZ });
    expect('ownerHistory' in loaded[0]!).toBe(false);
  });

  it('takes the locator from the owner history when leads.csv has no locator column', async () => {
    const { leads: loaded } = await loadCsvText({
      leads: 'lead_id,received_time\nL1,2025-01-06 09:00\nL2,2025-01-06 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL1,Maria,2025-01-07 09:00\nL1,Sam,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(loaded.map((l) => l.locator)).toEqual(['Maria', null]);
  });

  it('unknown-lead: a stage history row for a lead not in leads.csv is rejected', async () => {
    const {
      leads: loaded,
      issues,
      stats,
    } = await loadCsvText({
      leads,
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\nL9,New,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    expect(loaded[0]!.stageHistory).toHaveLength(1);
    const issue = single(issues, 'unknown-lead');
    expect(issue).toMatchObject({ severity: 'error', file: 'stage_history.csv', line: 3, field: 'lead_id', value: 'L9', recordId: 'L9' });
    expect(issue.message).toContain('no lead with id "L9" in leads.csv');
    expect(stats.inputs!['stage_history.csv']).toEqual({ rows: 2, accepted: 1, rejected: 1 });
  });

  it('unknown-lead: an owner history row for an unknown lead is rejected', async () => {
    const { issues, stats } = await loadCsvText({
      leads,
      ownerHistory: 'lead_id,locator,changed_at\nX1,Maria,2025-01-06 09:00\n',
      timeZone: TZ,
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
    const { issues } = await loadCsvText({
      leads: 'lead_id,received_time\nL1,never\n',
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\n',
      timeZone: TZ,
    });
    const issue = single(issues, 'unknown-lead');
    expect(issue).toMatchObject({ line: 2, field: 'lead_id', value: 'L1' });
    expect(issue.message).toContain('was rejected (leads.csv line 2)');
  });

  it('history rows need a lead id, a stage and a readable changed_at', async () => {
    const { issues, stats } = await loadCsvText({
      leads,
      stageHistory: 'lead_id,stage,changed_at\n,New,2025-01-06 09:00\nL1,,2025-01-06 09:00\nL1,New,\nL1,New,06/01/2025\n',
      timeZone: TZ,
    });
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['error', 'missing-value', 2, 'lead_id', ''],
      ['error', 'missing-value', 3, 'stage', ''],
      ['error', 'missing-value', 4, 'changed_at', ''],
      ['error', 'unparseable-timestamp', 5, 'changed_at', '06/01/2025'],
    ]);
    expect(stats.inputs!['stage_history.csv']).toEqual({ rows: 4, accepted: 0, rejected: 4 });
  });

  it('history-before-created: a change before the lead was received is a warning and is kept', async () => {
    const { leads: loaded, issues } = await loadCsvText({
      leads,
      stageHistory: 'lead_id,stage,changed_at\nL1,New,2025-01-05 09:00\n',
      ownerHistory: 'lead_id,locator,changed_at\nL2,Sam,2025-01-06 08:00\n',
      timeZone: TZ,
    });
    expect(loaded[0]!.stageHistory).toHaveLength(1);
    expect(loaded[1]!.ownerHistory).toHaveLength(1);
    expect(issues.map((i) => [i.severity, i.code, i.file, i.line, i.field, i.value, i.recordId])).toEqual([
      ['warning', 'history-before-created', 'stage_history.csv', 2, 'changed_at', '2025-01-05 09:00', 'L1'],
      ['warning', 'history-before-created', 'owner_history.csv', 2, 'changed_at', '2025-01-06 08:00', 'L2'],
    ]);
  });

  it('a missing history column is a CsvColumnError naming the history file', async () => {
    await expect(loadCsvText({ leads, stageHistory: 'lead_id,stage\nL1,New\n', timeZone: TZ })).rejects.toThrow(
      'stage_history.csv has no column "changed_at"',
    );
  });
});

describe('loadCsv: schedule', () => {
  it('reads shifts, with weekday names, short names and ISO numbers', async () => {
    const { schedule, issues, stats } = await loadCsvText({
      leads: 'lead_id,received_time\n',
      schedule: 'rep,day_of_week,shift_start,shift_end\nMaria,Monday,9:00,17:00\nSam,sat,22:00,06:00\nLee,7,00:00,24:00\n',
      timeZone: TZ,
    });
    expect(issues).toEqual([]);
    expect(schedule).toEqual([
      { rep: 'Maria', day: 0, start: '09:00', end: '17:00' },
      { rep: 'Sam', day: 5, start: '22:00', end: '06:00' },
      { rep: 'Lee', day: 6, start: '00:00', end: '24:00' },
    ]);
    expect(stats.inputs!['schedule.csv']).toEqual({ rows: 3, accepted: 3, rejected: 0 });
  });

  it('invalid-day and invalid-time: errors, the row is rejected', async () => {
    const { schedule, issues, stats } = await loadCsvText({
      leads: 'lead_id,received_time\n',
      schedule: 'rep,day_of_week,shift_start,shift_end\nMaria,Funday,09:00,17:00\nSam,Tue,9am,25:00\n,Wed,09:00,17:00\n',
      timeZone: TZ,
    });
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

describe('loadCsv: strict', () => {
  const bad =
    'lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:00\nL1,2025-01-06 09:00,\nL2,later,\nL3,2025-01-06 09:00,\n';

  it('throws one DataQualityError listing every error (not the warnings)', async () => {
    let error: unknown;
    try {
      await loadCsvText({ leads: bad, timeZone: TZ, strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataQualityError);
    const e = error as DataQualityError;
    expect(e.issues.map((i) => [i.code, i.line])).toEqual([
      ['duplicate-id', 3],
      ['unparseable-timestamp', 4],
    ]);
    expect(e.message).toContain('2 data errors');
    expect(e.message).toContain('leads.csv line 3');
    expect(e.message).toContain('leads.csv line 4');
  });

  it('does not throw by default, nor in strict mode when there are only warnings', async () => {
    await expect(loadCsvText({ leads: bad, timeZone: TZ })).resolves.toMatchObject({ stats: { rejected: 2 } });
    const warningsOnly = 'lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:00\n';
    await expect(loadCsvText({ leads: warningsOnly, timeZone: TZ, strict: true })).resolves.toMatchObject({ stats: { accepted: 1 } });
  });
});

describe('loadCsv: inputs', () => {
  it('labels files by fileLabel, by input label, or by the DESIGN file names', async () => {
    const { issues, stats } = await loadCsv({
      leads: { text: 'lead_id,received_time\nL1,x\n', label: 'upload.csv' },
      stageHistory: { text: 'lead_id,stage,changed_at\nL1,New,x\n' },
      timeZone: TZ,
      fileLabel: { stageHistory: 'history' },
    });
    expect(issues.map((i) => [i.file, i.code])).toEqual([
      ['upload.csv', 'unparseable-timestamp'],
      ['history', 'unknown-lead'],
      ['history', 'unparseable-timestamp'],
    ]);
    expect(Object.keys(stats.inputs!)).toEqual(['upload.csv', 'history']);
  });

  it('reads chunks of bytes, split anywhere', async () => {
    const bytes = new TextEncoder().encode('lead_id,received_time,name\r\nL1,2025-01-06 09:00,"Zoë\r\nSmith"\r\n');
    async function* chunks() {
      for (let i = 0; i < bytes.length; i += 3) yield bytes.slice(i, i + 3);
    }
    const { leads } = await loadCsv({ leads: { chunks: chunks() }, timeZone: TZ });
    expect(leads[0]!.name).toBe('Zoë\r\nSmith');
  });

  it('reads other delimiters', async () => {
    const { leads } = await loadCsvText({
      leads: 'lead_id;received_time;name\nL1;2025-01-06 09:00;"Lee; Ann"\n',
      timeZone: TZ,
      delimiter: ';',
    });
    expect(leads[0]!.name).toBe('Lee; Ann');
  });
});

// ---- the accounting invariant -------------------------------------------------------------------------

type RowKind = 'good' | 'warn' | 'dup' | 'noId' | 'badTime' | 'fields' | 'quote';

/** A leads row of the given kind; `n` makes ids unique. */
function row(kind: RowKind, n: number): string {
  switch (kind) {
    case 'good':
      return `L${n},"Name, ${n}",2025-01-06 09:00,2025-01-06 09:30`;
    case 'warn':
      return `L${n},Name,2025-01-06 09:00,2025-01-06 08:30`;
    case 'dup':
      return `L0,Dup,2025-01-06 09:00,`;
    case 'noId':
      return `,Name,2025-01-06 09:00,`;
    case 'badTime':
      return `L${n},Name,2025-02-30 09:00,`;
    case 'fields':
      return `L${n},Name,2025-01-06 09:00`;
    case 'quote':
      return `L${n},"Na"me,2025-01-06 09:00,`;
  }
}

describe('loadCsv: every row is accounted for', () => {
  it('rows = accepted + rejected; every rejected row has an error on its line; accepted rows are the leads', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom<RowKind>('good', 'warn', 'dup', 'noId', 'badTime', 'fields', 'quote'), { maxLength: 30 }),
        fc.array(fc.constantFrom('good', 'unknown', 'bad'), { maxLength: 10 }),
        fc.constantFrom('\n', '\r\n'),
        async (kinds, historyKinds, eol) => {
          const rows = ['L0,First,2025-01-06 09:00,', ...kinds.map((k, i) => row(k, i + 1))];
          const history = historyKinds.map((k, i) =>
            k === 'good' ? `L0,New,2025-01-0${(i % 9) + 1} 10:00` : k === 'unknown' ? `X${i},New,2025-01-06 10:00` : `L0,New,nope`,
          );
          const { leads, issues, stats } = await loadCsvText({
            leads: ['lead_id,name,received_time,first_contact_time', ...rows].join(eol) + eol,
            stageHistory: ['lead_id,stage,changed_at', ...history].join(eol),
            timeZone: TZ,
          });
          expect(stats.rows).toBe(stats.accepted + stats.rejected);
          expect(stats.rows).toBe(rows.length + history.length);
          for (const counts of Object.values(stats.inputs!)) expect(counts.rows).toBe(counts.accepted + counts.rejected);
          expect(stats.inputs!['leads.csv']!.rows).toBe(rows.length);
          expect(stats.inputs!['leads.csv']!.accepted).toBe(leads.length);
          const expectedRejected = kinds.filter((k) => k !== 'good' && k !== 'warn').length;
          expect(stats.inputs!['leads.csv']!.rejected).toBe(expectedRejected);
          expect(stats.inputs!['stage_history.csv']!.rejected).toBe(historyKinds.filter((k) => k !== 'good').length);
          // Each rejected leads row (line = index + 2) has an error on that line; accepted ones have none.
          const errorLines = new Set(issues.filter((i) => i.severity === 'error' && i.file === 'leads.csv').map((i) => i.line));
          expect(errorLines.size).toBe(expectedRejected);
          for (const [i, k] of kinds.entries()) expect(errorLines.has(i + 3)).toBe(k !== 'good' && k !== 'warn');
          expect(leads[0]!.stageHistory).toHaveLength(historyKinds.filter((k) => k === 'good').length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
