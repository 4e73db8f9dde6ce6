// rowsInput: a table given as rows (typed times as Dates or epoch milliseconds, by their column's kind) loads
// to what the same table written as a CSV export loads to (tables.test-helper.ts writes it).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadFiles } from './load-files.js';
import { rowsInput } from './rows-input.js';
import type { ColumnType, Table } from './tables.test-helper.js';
import { toCsv } from './tables.test-helper.js';

const HOUR = 3_600_000;
const FROM = Date.UTC(2025, 0, 1);
const KIND: Record<ColumnType, 'instant' | 'wall' | 'date' | 'value'> = {
  string: 'value',
  int: 'value',
  instant: 'instant',
  wall: 'wall',
  date: 'date',
};

const time = (type: ColumnType) =>
  fc.option(
    fc.integer({ min: 0, max: 8_759 }).map((h) => (type === 'date' ? FROM + Math.floor(h / 24) * 24 * HOUR : FROM + h * HOUR)),
    { nil: null, freq: 6 },
  );

const table: fc.Arbitrary<Table> = fc
  .record({
    received: fc.constantFrom<ColumnType>('instant', 'wall', 'date'),
    contact: fc.constantFrom<ColumnType>('instant', 'wall', 'date'),
    size: fc.integer({ min: 0, max: 15 }),
  })
  .chain(({ received, contact, size }) => {
    const columns: Table['columns'] = [
      { name: 'lead_id', type: 'int' },
      { name: 'name', type: 'string' },
      { name: 'received_time', type: received },
      { name: 'first_contact_time', type: contact },
    ];
    const row = fc.tuple(
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('Ann', 'Smith, J', '"Q"', 'a\nb', ''),
      time(received),
      time(contact),
    );
    return fc.array(row, { minLength: size, maxLength: size }).map((rows) => ({ columns, rows }));
  });

describe('rowsInput', () => {
  it('loads as the CSV export of the same table: the same leads, issues and stats', async () => {
    await fc.assert(
      fc.asyncProperty(table, fc.boolean(), fc.constantFrom('UTC', 'America/New_York', 'Pacific/Chatham'), async (t, asDates, timeZone) => {
        const rows = t.rows.map((row) =>
          row.map((v, j) => (asDates && typeof v === 'number' && KIND[t.columns[j]!.type] === 'instant' ? new Date(v) : v)),
        );
        const columns = t.columns.map((c) => ({ name: c.name, kind: KIND[c.type] }));
        const fromRows = await loadFiles({ leads: rowsInput({ label: 'leads', columns, rows }), timeZone });
        const fromCsv = await loadFiles({ leads: { bytes: toCsv(t), format: 'csv', label: 'leads' }, timeZone });
        expect(fromRows).toEqual(fromCsv);
      }),
      { numRuns: 80 },
    );
  });

  it('reads the rows as they come, from an async iterable', async () => {
    async function* rows() {
      yield ['1', '2026-03-02T09:00:00Z'];
      yield ['1', 'later'];
    }
    const { leads, issues } = await loadFiles({
      leads: rowsInput({ label: 'sql.leads', columns: [{ name: 'lead_id' }, { name: 'received_time' }], rows: rows() }),
      timeZone: 'UTC',
    });
    expect(leads.map((l) => l.createdAt.toISOString())).toEqual(['2026-03-02T09:00:00.000Z']);
    expect(issues.map((i) => [i.file, i.line, i.code])).toEqual([
      ['sql.leads', 3, 'duplicate-id'],
      ['sql.leads', 3, 'unparseable-timestamp'],
    ]);
  });
});
