import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cellsOf, embedCells, type CellKind } from './cell-columns.js';
import { packCodes, unpackCodes } from './codes.js';
import { embedPageData, readPageData, splitPageData, type PageDataRows } from './embedded-data.js';
import { DEFERRED_DATA_PARTS, type AppointmentTuple, type AttentionTuple, type DeferredDataPart } from './page-data.js';
import { SharedTablesBuilder } from './page-tables.js';

// Whole minutes between 2000 and 2040, as an instant and as its wall-clock text in a zone 0 to 14 hours off.
const minute = fc.integer({ min: Date.UTC(2000, 0, 1) / 60_000, max: Date.UTC(2040, 0, 1) / 60_000 });
const wall = (m: number) => new Date(m * 60_000).toISOString().slice(0, 16).replace('T', ' ');
const text = fc.constantFrom('New', 'Appointment Set', 'Ana Souza', 'Équipe Nord', '=cmd', '', '0', 'null', '</script>');
const id = fc.oneof(fc.string(), fc.constantFrom('1', '2', '3'));

const attention: fc.Arbitrary<AttentionTuple> = fc
  .tuple(
    id,
    fc.oneof(fc.string(), text),
    fc.option(text),
    fc.option(text),
    text,
    fc.constantFrom('open', 'green', 'delivery', 'won', 'lost'),
    fc.constantFrom('upcoming', 'awaiting', 'at-risk', 'stale', 'progressed', 'won', 'lost'),
    fc.constantFrom('stale', 'at-risk', 'stuck-in-green', 'stalled'),
    fc.integer({ min: 0, max: 5000 }),
    fc.option(fc.tuple(minute, fc.integer({ min: -14 * 60, max: 14 * 60 }), fc.integer({ min: 0, max: 59_999 }))),
    fc.constantFrom<0 | 1>(0, 1),
    fc.constantFrom('new', 'worse', null),
    fc.option(fc.constantFrom('stale', 'at-risk', 'stuck-in-green', 'stalled')),
  )
  .map(([i, name, locator, team, stage, category, status, reason, days, appt, newToday, change, was]) => [
    i,
    name,
    locator,
    team,
    stage,
    category,
    status,
    reason,
    days,
    appt === null ? null : wall(appt[0]),
    newToday,
    appt === null ? null : (appt[0] + appt[1]) * 60_000 + appt[2],
    change,
    was,
  ]) as fc.Arbitrary<AttentionTuple>;

const appointments: fc.Arbitrary<AppointmentTuple[]> = fc
  .array(fc.tuple(id, fc.string(), fc.option(text), text, fc.constantFrom('upcoming', 'awaiting', 'stale', 'won'), minute), {
    maxLength: 30,
  })
  .map((rows) =>
    rows
      .sort((a, b) => a[5] - b[5])
      .map(([i, name, locator, stage, status, m]) => [i, name, locator, stage, status, wall(m).slice(0, 10), wall(m).slice(11)]),
  ) as fc.Arbitrary<AppointmentTuple[]>;

const rows = (a: AttentionTuple[], b: AppointmentTuple[]) =>
  ({ attention: a, appointments: b, leads: [], survivalCsv: {}, tableRows: {} }) as unknown as PageDataRows;

describe("the page's rows in columns", () => {
  it('pack any whole numbers and give them back (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.integer({ min: -3, max: 100 }),
            fc.maxSafeInteger(),
            // Not -0: JSON writes it as 0, as it writes any -0 of the page's data.
            fc.maxSafeInteger().map((n) => (n === 0 ? 0 : -n)),
          ),
        ),
        (values) => {
          expect(unpackCodes(JSON.parse(JSON.stringify(packCodes(values))))).toEqual(values);
        },
      ),
    );
  });

  it('come back exactly as given, through JSON (property)', () => {
    fc.assert(
      fc.property(fc.array(attention, { maxLength: 30 }), appointments, (a, b) => {
        const embedded = JSON.parse(JSON.stringify(embedPageData(rows(a, b))));
        const back = readPageData(embedded);
        expect(back.attention).toEqual(a);
        expect(back.appointments).toEqual(b);
      }),
    );
  });

  it('name each lead once for every table, and pack small numbers one character each', () => {
    const appointment: AppointmentTuple = ['7', 'Ana', null, 'New', 'awaiting', '2026-03-08', '09:30'];
    const row: AttentionTuple = [
      '7',
      'Ana',
      null,
      null,
      'New',
      'open',
      'stale',
      'stale',
      12,
      '2026-03-08 09:30',
      0,
      Date.parse('2026-03-08T14:30:00.000Z'),
      null,
      null,
    ];
    const embedded = embedPageData(rows([row], [appointment, ['8', 'Ben', null, 'New', 'awaiting', '2026-03-08', '09:30']]));
    expect(embedded.shared.leads).toEqual({ id: ['7', '8'], name: ['Ana', 'Ben'] });
    expect(embedded.attention.lead).toEqual([0]);
    expect(embedded.appointments.lead).toBe('12'); // deltas 0 and 1
    expect(embedded.attention.days).toBe('D'); // 12
    expect(packCodes([-1, 0, 5, 83])).toBe('016}');
    // Larger and negative values escaped in base 36; shorter as plain numbers, or not whole: as they are.
    expect(packCodes([0, 0, 0, 0, 0, 84, -2])).toBe('11111~2c,~-2,');
    expect(unpackCodes(packCodes([0, 0, 0, 0, 0, 84, -2]))).toEqual([0, 0, 0, 0, 0, 84, -2]);
    expect(packCodes([84])).toEqual([84]);
    expect(packCodes([1.5])).toEqual([1.5]);
  });
});

describe("the page data's deferred parts", () => {
  it('are in blocks of their own, read only when first used, and decode as from the whole data', () => {
    const data = {
      ...rows([], [['7', 'Ana', 'Ben Carter', 'New', 'stale', '2026-03-08', '09:30']]),
      timeZone: 'UTC',
      tablesCsv: {},
      // The dialog's facts decode as lead-detail-columns.test.ts checks; here: read only when asked.
      leads: [],
      survivalCsv: { 'first-contact-curve': null, 'appointment-progress-curve': null, 'speed-to-lead': null },
      tableRows: {
        'green-to-delivery': [['7', 'Ana', 'Ben Carter', 'New', 'green', Date.parse('2026-03-02T10:00:00Z'), null, 3.5, false, true]],
      },
    } as unknown as PageDataRows;
    const whole = JSON.parse(JSON.stringify(embedPageData(data)));
    const { start, parts } = splitPageData(whole);
    expect(Object.keys(start).filter((k) => (DEFERRED_DATA_PARTS as readonly string[]).includes(k))).toEqual([]);
    expect(Object.keys(parts).sort()).toEqual([...DEFERRED_DATA_PARTS].sort());
    const asked: DeferredDataPart[] = [];
    const back = readPageData(start, (part) => {
      asked.push(part);
      return parts[part];
    });
    const expected = readPageData(whole);
    // Opening: the rows, no deferred part.
    expect(back.appointments).toEqual(expected.appointments);
    expect(asked).toEqual([]);
    expect(back.leads.ids).toEqual(expected.leads.ids);
    expect(asked).toEqual(['leads']);
    expect(back.tablesCsv['green-to-delivery']).toBe(expected.tablesCsv['green-to-delivery']);
    expect(back.tablesCsv['green-to-delivery']!.split('\n').length).toBeGreaterThan(1);
    expect(back.survivalCsv['speed-to-lead']).toBeNull();
    expect(new Set(asked)).toEqual(new Set(DEFERRED_DATA_PARTS));
  });
});

describe("a download's rows in columns", () => {
  const kinds: CellKind[] = ['lead', 'text', 'instant', 'number', 'flag'];
  const row = fc.tuple(
    id,
    fc.string(),
    fc.option(text),
    fc.option(fc.integer({ min: 0, max: 4e12 }).map((ms) => new Date(ms))),
    // JSON has no -0 (and the CSV writes it 0): any other finite number.
    fc.option(
      fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
      ),
    ),
    fc.boolean(),
  );
  it('come back exactly as given, through JSON (property)', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), (rows) => {
        const shared = new SharedTablesBuilder();
        const embedded = JSON.parse(JSON.stringify(embedCells(rows, kinds, shared)));
        expect('columns' in embedded).toBe(true);
        expect(cellsOf(embedded, JSON.parse(JSON.stringify(shared.done())))).toEqual(rows);
      }),
    );
  });
  it('are kept as they are when a cell does not fit its kind', () => {
    const rows = [['1', 'Ana', null, 'not a date', 3, true]];
    expect(embedCells(rows, kinds, new SharedTablesBuilder())).toEqual({ cells: rows });
  });
});
