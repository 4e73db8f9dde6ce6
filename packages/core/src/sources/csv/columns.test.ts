import { describe, expect, it } from 'vitest';
import { CsvColumnError } from './column-error.js';
import { CSV_COLUMNS, REQUIRED_CSV_COLUMNS, assertColumnMapping, resolveColumns } from './columns.js';

describe('resolveColumns', () => {
  it('finds the default snake_case headers, ignoring case, spaces and column order', () => {
    const { index, name, width } = resolveColumns('leads', [' Received_Time ', 'extra', 'LEAD_ID']);
    expect(index.lead_id).toBe(2);
    expect(index.received_time).toBe(0);
    expect(index.stage).toBe(-1);
    expect(name.received_time).toBe('Received_Time');
    expect(name.stage).toBe('stage');
    expect(width).toBe(3);
  });

  it('renames any column through the mapping', () => {
    const { index, name } = resolveColumns('leads', ['Record Id', 'Created Time', 'Owner'], {
      columns: { leads: { lead_id: 'Record Id', received_time: 'created time', locator: 'Owner' } },
    });
    expect([index.lead_id, index.received_time, index.locator]).toEqual([0, 1, 2]);
    expect(name.received_time).toBe('Created Time');
  });

  it('names the file, every missing required column and the headers found', () => {
    let error: unknown;
    try {
      resolveColumns('leads', ['identifier', 'when'], { file: 'exports/leads.csv' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CsvColumnError);
    const e = error as CsvColumnError;
    expect(e.code).toBe('missing-column');
    expect(e.file).toBe('exports/leads.csv');
    expect(e.columns).toEqual(['lead_id', 'received_time']);
    expect(e.headersFound).toEqual(['identifier', 'when']);
    expect(e.message).toContain('exports/leads.csv has no column "lead_id", "received_time"');
    expect(e.message).toContain('Headers found: "identifier", "when"');
    expect(e.message).toContain('columns');
  });

  it('treats a mapped header the file does not have as missing (a likely typo)', () => {
    expect(() => resolveColumns('leads', ['lead_id', 'received_time'], { columns: { leads: { stage: 'Lead Status' } } })).toThrow(
      /no column "Lead Status"/,
    );
  });

  it('rejects a mapping of a column Panopticon does not read', () => {
    expect(() => resolveColumns('leads', ['lead_id', 'received_time'], { columns: { leads: { created: 'X' } as never } })).toThrow(
      RangeError,
    );
  });

  it('requires every column of the history and schedule files', () => {
    expect(REQUIRED_CSV_COLUMNS.stageHistory).toEqual(CSV_COLUMNS.stageHistory);
    expect(() => resolveColumns('schedule', ['rep', 'day_of_week', 'shift_start'])).toThrow(/schedule.csv has no column "shift_end"/);
  });

  it('reports headers used twice; the first is read', () => {
    const { index, duplicates } = resolveColumns('leads', ['lead_id', 'received_time', 'Lead_ID']);
    expect(index.lead_id).toBe(0);
    expect(duplicates).toEqual([{ header: 'lead_id', column: 'lead_id' }]);
  });

  it('rejects a mapping of a file Panopticon does not read', () => {
    expect(() => assertColumnMapping({ stage_history: { changed_at: 'When' } } as never)).toThrow(/"stage_history"/);
    expect(() => assertColumnMapping({ stageHistory: { changed_at: 'When' } })).not.toThrow();
    expect(() => assertColumnMapping(undefined)).not.toThrow();
  });
});
