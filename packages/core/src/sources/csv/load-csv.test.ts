import { describe, expect, it } from 'vitest';
import { DataQualityError } from '../source.js';
import { CsvColumnError } from './column-error.js';
import { UNKNOWN_STAGE } from './columns.js';
import { DATA_ISSUE_CODES } from '../issue-codes.js';

import { loadLeads, loadText, leadsText, ny, pipeline, single, TZ } from './load-csv.test-helper.js';

/** Leads and their stage history, read in New York against the test pipeline. */
const loadWithStages = (leads: string, stageHistory: string) => loadText({ leads, stageHistory, timeZone: TZ, pipeline });

describe('loadFiles: reading leads', () => {
  it('reads every column of leads.csv into valid leads', async () => {
    const { leads, issues, stats } = await loadText({
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
    const { leads, issues, stats } = await loadText({
      leads:
        'lead_id,received_time,first_contact_time,campaign,notes\n101,2025-01-06 09:00,2025-01-06 09:45,Spring,"call back, maybe"\n102,2025-01-06 09:10,,Spring,\n',
      timeZone: TZ,
      pipeline,
    });
    // The extra columns are listed once, as information.
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'info',
        code: 'column-not-read',
        line: 1,
        message: expect.stringContaining('"campaign", "notes"'),
      }),
    ]);
    expect(stats.accepted).toBe(2);
    expect(leads[0]).toMatchObject({ id: '101', name: '', stage: UNKNOWN_STAGE, locator: null, team: null, appointmentAt: null });
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 9, 45));
    expect(leads[1]!.firstContactAt).toBeNull();
  });

  it('renames columns through the mapping, ignoring header case', async () => {
    const { leads, issues } = await loadText({
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
    const { leads, issues } = await loadLeads(text);
    expect(leads.map((l) => [l.id, l.name, l.company])).toEqual([
      ['L1', 'Lee, Ann "AJ"', 'Zürich\r\nBranch'],
      ['L2', 'José 😀', '東京'],
    ]);
    expect(single(issues, 'unparseable-timestamp')).toMatchObject({ line: 7, recordId: 'L3', value: 'yesterday' });
  });

  it('reads a date-only appointment as the start of that day in the time zone', async () => {
    const { leads } = await loadLeads('lead_id,received_time,appointment_time\nL1,2025-01-06 09:00,2025-01-10\n');
    expect(leads[0]!.appointmentAt).toEqual(ny(10, 0));
  });

  it('reads timestamps with an offset exactly and naive ones in the time zone', async () => {
    const { leads } = await loadLeads('lead_id,received_time,first_contact_time\nL1,2025-01-06T14:00:00Z,2025-01-06 09:30\n');
    expect(leads[0]!.createdAt).toEqual(ny(6, 9));
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 9, 30));
  });

  it('gives an empty result and a warning for an empty file', async () => {
    const { leads, issues, stats } = await loadLeads('');
    expect(leads).toEqual([]);
    expect(stats).toMatchObject({ rows: 0, accepted: 0, rejected: 0 });
    expect(single(issues, 'empty-file')).toMatchObject({ severity: 'warning', file: 'leads.csv' });
  });

  it('gives an empty result without issues for a header-only file', async () => {
    expect(await loadLeads('lead_id,received_time\n')).toMatchObject({ leads: [], issues: [] });
  });
});

describe('loadFiles: data-quality rules', () => {
  it('duplicate-id: the later row is rejected, naming the first line', async () => {
    const { leads, issues, stats } = await loadLeads(
      'lead_id,received_time\nL1,2025-01-06 09:00\nL2,2025-01-06 09:00\nL1,2025-01-07 09:00\n',
    );
    expect(leads.map((l) => l.id)).toEqual(['L1', 'L2']);
    expect(leads[0]!.createdAt).toEqual(ny(6, 9));
    const issue = single(issues, DATA_ISSUE_CODES.duplicateId);
    expect(issue).toMatchObject({ severity: 'error', file: 'leads.csv', line: 4, field: 'lead_id', value: 'L1', recordId: 'L1' });
    expect(issue.message).toContain('line 2');
    expect(stats).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('unparseable-timestamp in received_time: an error, the row is rejected', async () => {
    const { leads, issues } = await loadLeads('lead_id,received_time\nL1,2025-13-01 09:00\n');
    expect(leads).toEqual([]);
    const issue = single(issues, 'unparseable-timestamp');
    expect(issue).toMatchObject({ severity: 'error', line: 2, field: 'received_time', value: '2025-13-01 09:00', recordId: 'L1' });
    expect(issue.message).toContain('YYYY-MM-DD');
  });

  it('unparseable-timestamp in an optional time: a warning, the value reads as null, the row is kept', async () => {
    const { leads, issues } = await loadLeads(
      'lead_id,received_time,first_contact_time,appointment_time,assigned_time\nL1,2025-01-06 09:00,soon,2025-02-30,9am\n',
    );
    expect(leads[0]).toMatchObject({ firstContactAt: null, appointmentAt: null, assignedAt: null });
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['warning', 'unparseable-timestamp', 2, 'first_contact_time', 'soon'],
      ['warning', 'unparseable-timestamp', 2, 'appointment_time', '2025-02-30'],
      ['warning', 'unparseable-timestamp', 2, 'assigned_time', '9am'],
    ]);
  });

  it('missing-value: an empty lead_id or received_time rejects the row', async () => {
    const { leads, issues, stats } = await loadLeads('lead_id,received_time\n ,2025-01-06 09:00\nL2,\nL3,2025-01-06 09:00\n');
    expect(leads.map((l) => l.id)).toEqual(['L3']);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value, i.recordId])).toEqual([
      ['error', 'missing-value', 2, 'lead_id', ' ', undefined],
      ['error', 'missing-value', 3, 'received_time', '', 'L2'],
    ]);
    expect(stats).toMatchObject({ rows: 3, accepted: 1, rejected: 2 });
  });

  it('lists every error of a row, not just the first', async () => {
    const { issues } = await loadLeads('lead_id,received_time\n,never\n');
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['missing-value', 'lead_id'],
      ['unparseable-timestamp', 'received_time'],
    ]);
  });

  it('contact-before-created: a warning, the lead is kept with both times', async () => {
    const { leads, issues } = await loadLeads('lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:59\n');
    expect(leads[0]!.firstContactAt).toEqual(ny(6, 8, 59));
    const issue = single(issues, 'contact-before-created');
    expect(issue).toMatchObject({ severity: 'warning', line: 2, field: 'first_contact_time', value: '2025-01-06 08:59', recordId: 'L1' });
    expect(issue.message).toContain('left out of response figures');
  });

  it('missing-stage: an empty stage cell is a warning; the stage comes from history, else Unknown', async () => {
    const { leads, issues } = await loadWithStages(
      'lead_id,received_time,stage\nL1,2025-01-06 09:00,\nL2,2025-01-06 09:00,  \n',
      'lead_id,stage,changed_at\nL1,New,2025-01-06 09:00\nL1,Appointment Set,2025-01-07 09:00\n',
    );
    expect(leads.map((l) => l.stage)).toEqual(['Appointment Set', UNKNOWN_STAGE]);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value])).toEqual([
      ['warning', 'missing-stage', 2, 'stage', ''],
      ['warning', 'missing-stage', 3, 'stage', '  '],
    ]);
  });

  it('unknown-stage: one warning per stage value and file, with its row count and first line', async () => {
    const { leads, issues } = await loadWithStages(
      'lead_id,received_time,stage\nL1,2025-01-06 09:00,Nwe\nL2,2025-01-06 09:00,New\nL3,2025-01-06 09:00,Nwe\n',
      'lead_id,stage,changed_at\nL1,Nwe,2025-01-06 09:00\nL2,Qualified,2025-01-06 10:00\n',
    );
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
    const { issues } = await loadLeads('lead_id,received_time,stage\nL1,2025-01-06 09:00,Whatever\n');
    expect(issues).toEqual([]);
    const plain = await loadText({ leads: 'lead_id,received_time\nL1,2025-01-06 09:00\n', timeZone: TZ, pipeline });
    expect(plain.issues).toEqual([]);
  });

  it('wrong-field-count: an error naming expected and found, the row is rejected', async () => {
    const { leads, issues } = await loadLeads(
      'lead_id,received_time,team\nL1,2025-01-06 09:00,East,extra\nL2,2025-01-06 09:00\nL3,2025-01-06 09:00,West\n',
    );
    expect(leads.map((l) => l.id)).toEqual(['L3']);
    expect(issues.map((i) => [i.severity, i.code, i.line, i.field, i.value, i.recordId])).toEqual([
      ['error', 'wrong-field-count', 2, undefined, 'L1,2025-01-06 09:00,East,extra', 'L1'],
      ['error', 'wrong-field-count', 3, undefined, 'L2,2025-01-06 09:00', 'L2'],
    ]);
    expect(issues[0]!.message).toContain('expected 3 fields (as in the header), found 4');
    expect(issues[1]!.message).toContain('found 2');
  });

  it('unterminated-quote: an error on the row where the quote opens; the rows after it are still read', async () => {
    const { leads, issues, stats } = await loadLeads(
      'lead_id,name,received_time\nL1,"Acme,2025-01-06 09:00\nL2,Beta,2025-01-06 09:00\nL3,"Gamma, Inc",2025-01-06 09:00\n',
    );
    expect(leads.map((l) => l.id)).toEqual(['L2', 'L3']);
    const issue = single(issues, 'unterminated-quote');
    expect(issue).toMatchObject({ severity: 'error', line: 2, field: 'name', value: 'Acme,2025-01-06 09:00', recordId: 'L1' });
    expect(stats).toMatchObject({ rows: 3, accepted: 2, rejected: 1 });
  });

  it('malformed-quote: text after a closing quote rejects the row', async () => {
    const { leads, issues } = await loadLeads('lead_id,name,received_time\nL1,"Acme" Inc,2025-01-06 09:00\n');
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
    const { leads, issues } = await loadLeads('lead_id,received_time,team,Team\nL1,2025-01-06 09:00,East,West\n');
    expect(leads[0]!.team).toBe('East');
    expect(single(issues, 'duplicate-column')).toMatchObject({ severity: 'warning', line: 1, field: 'team' });
  });

  it('throws a CsvColumnError naming the file, the missing column and the headers found', async () => {
    const promise = loadLeads('lead_id,arrived\nL1,2025-01-06\n');
    await expect(promise).rejects.toBeInstanceOf(CsvColumnError);
    await expect(promise).rejects.toThrow('leads.csv has no column "received_time". Headers found: "lead_id", "arrived"');
  });

  it('throws a RangeError for an unknown time zone', async () => {
    await expect(loadText({ leads: 'lead_id,received_time\n', timeZone: 'Nowhere/City' })).rejects.toThrow(RangeError);
  });
});

describe('loadFiles: strict', () => {
  const bad =
    'lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:00\nL1,2025-01-06 09:00,\nL2,later,\nL3,2025-01-06 09:00,\n';

  it('throws one DataQualityError listing every error (not the warnings)', async () => {
    let error: unknown;
    try {
      await loadText({ leads: bad, timeZone: TZ, strict: true });
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
    await expect(loadLeads(bad)).resolves.toMatchObject({ stats: { rejected: 2 } });
    const warningsOnly = 'lead_id,received_time,first_contact_time\nL1,2025-01-06 09:00,2025-01-06 08:00\n';
    await expect(loadText({ leads: warningsOnly, timeZone: TZ, strict: true })).resolves.toMatchObject({ stats: { accepted: 1 } });
  });
});
