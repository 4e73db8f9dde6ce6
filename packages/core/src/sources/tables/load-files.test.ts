import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateCsvBySlot } from '../csv/aggregate-csv-by-slot.js';
import { CsvReadError } from '../csv/csv-read-error.js';
import { aggregateFileBySlot, loadFiles } from './load-files.js';
import { tableFormatOf } from './table-format.js';
import type { Table } from './tables.test-helper.js';
import { header, tempFiles, toArrow, toCsv, toNdjson, toParquet, written } from './tables.test-helper.js';

const { dir, file } = tempFiles('panopticon-tables-');

const NY = 'America/New_York';
const at = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);

const LEADS: Table = {
  columns: header('Record Id:string, Created Time:wall, first_contact_time:instant, appointment_time:date, stage:string'),
  rows: [
    ['1', at(2025, 1, 6, 9), at(2025, 1, 6, 14, 30), at(2025, 1, 9), 'New'],
    ['2', at(2025, 1, 6, 10), null, null, null],
    ['2', at(2025, 1, 6, 11), null, null, 'New'],
  ],
};
const STAGES: Table = {
  columns: header('lead_id:string, stage:string, changed_at:string'),
  rows: [
    ['2', 'Qualified', '2025-01-07 08:00'],
    ['7', 'New', '2025-01-07 08:00'],
  ],
};

describe('tableFormatOf', () => {
  it('reads the format from the extension, any case; anything else is CSV', () => {
    expect(
      ['a.parquet', 'a.PQ', 'a.arrow', 'a.Feather', 'a.ipc', 'a.arrows', 'a.ndjson', 'a.JSONL', 'a.csv', 'a.tsv', 'a'].map(tableFormatOf),
    ).toEqual(['parquet', 'parquet', 'arrow', 'arrow', 'arrow', 'arrow', 'ndjson', 'ndjson', 'csv', 'csv', 'csv']);
  });
});

describe('loadFiles', () => {
  it('reads typed times as CSV reads their text: a zoned timestamp is an instant, one without a zone wall-clock time in the zone, a date the start of its day', async () => {
    for (const format of ['parquet', 'arrow'] as const) {
      const { leads, issues } = await loadFiles({ leads: { bytes: written(LEADS, format), format }, timeZone: NY });
      expect(leads.map((l) => l.id)).toEqual(['1', '2']);
      const [first, second] = leads;
      expect(first!.createdAt).toEqual(new Date(at(2025, 1, 6, 14))); // 09:00 in New York (UTC−5)
      expect(first!.firstContactAt).toEqual(new Date(at(2025, 1, 6, 14, 30))); // an instant, whatever the zone
      expect(first!.appointmentAt).toEqual(new Date(at(2025, 1, 9, 5))); // midnight in New York
      expect(second!.stage).toBe('Unknown'); // a null is an empty cell
      expect(issues.map((i) => [i.severity, i.code, i.file, i.line, i.field, i.value])).toEqual([
        // The same column recognition as CSV: CRM labels found, and said so.
        ['info', 'column-read-as', `leads.${format}`, 1, 'Record Id', undefined],
        ['info', 'column-read-as', `leads.${format}`, 1, 'Created Time', undefined],
        ['warning', 'missing-stage', `leads.${format}`, 3, 'stage', ''],
        ['error', 'duplicate-id', `leads.${format}`, 4, 'Record Id', '2'],
      ]);
    }
  });

  it('picks each file’s reader by its extension and labels issues with the path, as loadFiles does', async () => {
    const paths = {
      leads: file('leads.parquet', toParquet(LEADS)),
      stageHistory: file('stage_history.feather', toArrow(STAGES)),
      ownerHistory: file('owner_history.jsonl', '{"lead_id":"1","locator":"Ana","changed_at":"2025-01-06T15:00:00Z"}\n\n'),
    };
    const csv = {
      leads: file('leads.csv', toCsv(LEADS)),
      stageHistory: file('stage_history.csv', toCsv(STAGES)),
      ownerHistory: file('owner_history.csv', 'lead_id,locator,changed_at\n1,Ana,2025-01-06T15:00:00Z\n'),
    };
    const fromFiles = await loadFiles({ ...paths, timeZone: NY });
    const fromCsv = await loadFiles({ ...csv, timeZone: NY });
    expect(fromFiles.leads).toEqual(fromCsv.leads);
    expect(fromFiles.leads[0]!.locator).toBe('Ana');
    expect(fromFiles.leads[1]!.stageHistory.map((s) => s.stage)).toEqual(['Qualified']);
    const rename = (text: string) =>
      text
        .replaceAll(paths.leads, csv.leads)
        .replaceAll(paths.stageHistory, csv.stageHistory)
        .replaceAll(paths.ownerHistory, csv.ownerHistory);
    expect(rename(JSON.stringify(fromFiles))).toBe(JSON.stringify(fromCsv));
    expect(fromFiles.issues.find((i) => i.code === 'unknown-lead')).toMatchObject({ file: paths.stageHistory, line: 3, value: '7' });
  });

  it('reads an Arrow IPC stream as well as a file, and Parquet in many row groups', async () => {
    const csv = await loadFiles({ leads: { bytes: toCsv(LEADS), format: 'csv', label: 'l' }, timeZone: NY });
    const stream = await loadFiles({ leads: { bytes: toArrow(LEADS, 'stream'), format: 'arrow', label: 'l' }, timeZone: NY });
    const groups = await loadFiles({ leads: { bytes: toParquet(LEADS, 1), format: 'parquet', label: 'l' }, timeZone: NY });
    expect(stream).toEqual(csv);
    expect(groups).toEqual(csv);
  });

  it('writes the text with a forced delimiter, and reads a schedule', async () => {
    const schedule: Table = {
      columns: ['rep', 'day_of_week', 'shift_start', 'shift_end'].map((name) => ({ name, type: 'string' as const })),
      rows: [
        ['Ana; the lead', 'Monday', '09:00', '17:00'],
        ['Ben', 'Funday', '09:00', '17:00'],
      ],
    };
    const load = (format: 'csv' | 'parquet') =>
      loadFiles({
        leads: { bytes: written(LEADS, format), format, label: 'l' },
        schedule: { bytes: written(schedule, format), format, label: 's' },
        timeZone: NY,
        delimiter: format === 'csv' ? ',' : ';',
      });
    const parquet = await load('parquet');
    expect(parquet).toEqual(await load('csv'));
    expect(parquet.schedule).toEqual([{ rep: 'Ana; the lead', day: 0, start: '09:00', end: '17:00' }]);
  });

  it('names the file when it cannot be read: missing, not in its format, or a line of NDJSON that is not an object', async () => {
    const missing = loadFiles({ leads: join(dir, 'missing.parquet'), timeZone: NY });
    await expect(missing).rejects.toBeInstanceOf(CsvReadError);
    await expect(missing).rejects.toMatchObject({ systemCode: 'ENOENT' });
    const corrupt = file('corrupt.parquet', 'lead_id,received_time\n1,2025-01-01\n');
    await expect(loadFiles({ leads: corrupt, timeZone: NY })).rejects.toThrow(`Cannot read ${corrupt}: not a readable Parquet file`);
    const arrow = file('corrupt.arrow', 'not arrow at all');
    await expect(loadFiles({ leads: arrow, timeZone: NY })).rejects.toThrow(`Cannot read ${arrow}: not a readable Arrow IPC file`);
    const ndjson = file('bad.ndjson', '{"lead_id":"1","received_time":"2025-01-01"}\n[1,2]\n');
    await expect(loadFiles({ leads: ndjson, timeZone: NY })).rejects.toThrow(`Cannot read ${ndjson}: line 2 is not a JSON object`);
    const broken = file('broken.ndjson', '{"lead_id":"1"\n');
    await expect(loadFiles({ leads: broken, timeZone: NY })).rejects.toThrow(`Cannot read ${broken}: line 1 is not JSON`);
  });

  it('counts lines as the CSV of the table does, but for line breaks in columns no reader reads (those are never decoded)', async () => {
    const table = (notes: string, name: string): Table => ({
      columns: header('lead_id:string, name:string, received_time:string, Notes:string'),
      rows: [
        ['1', name, '2025-01-06 09:00', notes],
        ['1', 'B', '2025-01-06 09:00', null],
      ],
    });
    const duplicateLine = async (t: Table, format: 'csv' | 'parquet' | 'arrow') =>
      (await loadFiles({ leads: { bytes: written(t, format), format }, timeZone: NY })).issues.find((i) => i.code === 'duplicate-id')!.line;
    // A name on two lines: the next row is on line 4, in CSV and in every format.
    for (const format of ['csv', 'parquet', 'arrow'] as const) expect(await duplicateLine(table('', 'A\nA'), format)).toBe(4);
    // Notes on two lines: line 4 in the CSV file itself, line 3 (the row's number plus one) from Parquet and Arrow.
    expect(await duplicateLine(table('x\ny', 'A'), 'csv')).toBe(4);
    for (const format of ['parquet', 'arrow'] as const) expect(await duplicateLine(table('x\ny', 'A'), format)).toBe(3);
  });

  it('refuses a forced non-UTF-8 encoding for a file that is not CSV', async () => {
    const path = file('enc.parquet', toParquet(LEADS));
    await expect(loadFiles({ leads: path, timeZone: NY, encoding: 'windows-1252' })).rejects.toThrow(RangeError);
    await expect(aggregateFileBySlot(path, { timeZone: NY, encoding: 'latin1' })).rejects.toThrow(/applies to CSV files only/);
  });

  it('takes NDJSON keys in the order first seen; a key an object lacks is an empty cell', async () => {
    const text = '{"lead_id":"1","received_time":"2025-01-06 09:00"}\n{"received_time":"2025-01-06 10:00","lead_id":2,"stage":"New"}\n';
    const result = await loadFiles({ leads: { bytes: new TextEncoder().encode(text), format: 'ndjson' }, timeZone: NY });
    const csv = await loadFiles({
      leads: {
        bytes: new TextEncoder().encode('lead_id,received_time,stage\n1,2025-01-06 09:00,\n2,2025-01-06 10:00,New\n'),
        format: 'csv',
        label: 'leads.ndjson',
      },
      timeZone: NY,
    });
    expect(result).toEqual(csv);
    expect(toNdjson(LEADS).length).toBeGreaterThan(0);
  });
});

describe('aggregateFileBySlot', () => {
  it('gives the heatmap, issues and stats of the same table as CSV', async () => {
    const rows: Table['rows'] = [];
    for (let i = 0; i < 300; i++) {
      const received = at(2025, 3, 1 + (i % 28), i % 24, (i * 7) % 60);
      rows.push([String(i % 290), received, i % 5 === 0 ? null : received + ((i * 13) % 200) * 60_000, null, 'New']);
    }
    const table = { ...LEADS, rows };
    const options = { timeZone: NY, slotMinutes: 60, slaMinutes: 30, asOf: new Date(at(2025, 5, 1)) };
    const csv = await aggregateCsvBySlot({ text: new TextDecoder().decode(toCsv(table)), label: 'l' }, options);
    for (const format of ['parquet', 'arrow', 'ndjson'] as const) {
      const other = await aggregateFileBySlot({ bytes: written(table, format), format, label: 'l' }, options);
      expect(other, format).toEqual(csv);
    }
    expect(csv.cells.length).toBeGreaterThan(20);
    expect(csv.issues.filter((i) => i.code === 'duplicate-id')).toHaveLength(10);
  });
});
