import { describe, expect, test } from 'vitest';
import { collapseOwners, collapseStages, parseHistoryRow, stageHistoryFromRows } from './history.js';
import { DEFAULT_HISTORY_MODULE } from './mapping.js';

const row = (
  id: string,
  stage: string | null,
  time: unknown,
  lead: unknown = { name: 'Jason Smith', id: '5725767000006000001' },
  movedTo: string | null = null,
) => ({
  id,
  Full_Name: lead,
  Lead_Status: stage,
  Moved_To__s: movedTo,
  Duration_Days: null,
  Modified_Time: time,
});

describe('history rows', () => {
  test('one row is one stay: stage, entry time, next stage', () => {
    expect(parseHistoryRow(row('1', 'Contacted', '2024-01-10T09:00:00+05:30', undefined, 'Lost'), DEFAULT_HISTORY_MODULE, 'UTC')).toEqual({
      row: { rowId: '1', leadId: '5725767000006000001', stage: 'Contacted', at: new Date('2024-01-10T03:30:00Z'), movedTo: 'Lost' },
      issue: null,
    });
  });
  test('rows without a lead, a stage or a time are rejected with an issue', () => {
    const c = DEFAULT_HISTORY_MODULE;
    expect(parseHistoryRow(row('1', 'A', '2024-01-10T09:00:00+05:30', null), c, 'UTC').issue).toMatchObject({
      code: 'history-row-invalid',
      field: 'Full_Name',
      file: 'zoho:Lead_Status_History',
    });
    expect(parseHistoryRow(row('2', null, '2024-01-10T09:00:00+05:30'), c, 'UTC').issue).toMatchObject({
      field: 'Lead_Status',
      recordId: '2',
    });
    expect(parseHistoryRow(row('3', 'A', 'yesterday'), c, 'UTC').issue).toMatchObject({ field: 'Modified_Time', value: 'yesterday' });
  });
  test('ascending, consecutive repeats collapsed into the first', () => {
    const rows = [
      { rowId: '4', leadId: 'L', stage: 'Won', at: new Date('2024-01-04Z'), movedTo: null },
      { rowId: '2', leadId: 'L', stage: 'B', at: new Date('2024-01-02Z'), movedTo: 'B' },
      { rowId: '1', leadId: 'L', stage: 'A', at: new Date('2024-01-01Z'), movedTo: 'B' },
      { rowId: '3', leadId: 'L', stage: 'B', at: new Date('2024-01-03Z'), movedTo: 'Won' },
    ];
    expect(stageHistoryFromRows(rows)).toEqual([
      { stage: 'A', at: new Date('2024-01-01Z') },
      { stage: 'B', at: new Date('2024-01-02Z') },
      { stage: 'Won', at: new Date('2024-01-04Z') },
    ]);
  });
  test('A → B → A is three visits, not collapsed', () => {
    const h = collapseStages([
      { stage: 'A', at: new Date(1) },
      { stage: 'B', at: new Date(2) },
      { stage: 'A', at: new Date(3) },
    ]);
    expect(h.map((e) => e.stage)).toEqual(['A', 'B', 'A']);
  });
  test('owners collapse the same way; empty input, empty output', () => {
    expect(
      collapseOwners([
        { locator: 'x', at: new Date(2) },
        { locator: 'x', at: new Date(3) },
        { locator: null, at: new Date(1) },
      ]),
    ).toEqual([
      { locator: null, at: new Date(1) },
      { locator: 'x', at: new Date(2) },
    ]);
    expect(collapseStages([])).toEqual([]);
  });
});
