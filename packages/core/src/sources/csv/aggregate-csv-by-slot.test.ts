import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AggregateBySlotOptions } from '../../response/heatmap.js';
import { aggregateBySlot } from '../../response/heatmap.js';
import { DataQualityError } from '../source.js';
import type { AggregateCsvBySlotOptions } from './aggregate-csv-by-slot.js';
import { aggregateCsvBySlot } from './aggregate-csv-by-slot.js';
import { openCsvInput, setFileChunkSizeForTesting } from './csv-file-input.js';
import { readHeatmapInPieces } from './heatmap-pieces.js';
import { ID_HASH_BITS } from './id-hash.js';
import { setFastRowsForTesting } from './read-csv-table.js';
import { readResponseRows } from './read-response-rows.js';
import { repeatedIdHashes } from './repeated-id-hashes.js';

const dir = mkdtempSync(join(tmpdir(), 'panopticon-heatmap-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  setFileChunkSizeForTesting(1 << 20);
});
let fileCount = 0;

/** What readResponseRows (every row read by the text rules) and aggregateBySlot make of the file: the reference every reading must equal. */
async function reference(text: string, options: AggregateCsvBySlotOptions) {
  const reader = readResponseRows({ text }, { timeZone: options.timeZone, columns: options.columns, delimiter: options.delimiter });
  const leads = [];
  setFastRowsForTesting(false);
  for await (const row of reader) {
    leads.push({
      createdAt: new Date(row.createdAt),
      firstContactAt: row.firstContactAt === null ? null : new Date(row.firstContactAt),
      team: row.team,
      locator: row.locator,
    });
  }
  setFastRowsForTesting(true);
  return { cells: aggregateBySlot(leads, options), issues: reader.issues, stats: reader.stats };
}

/** The file read every way: as text, as cut byte chunks, and as a path read in tiny chunks, in one pass and in pieces. */
async function everyWay(text: string, options: AggregateCsvBySlotOptions, cuts: number[], chunkBytes: number) {
  const bytes = new TextEncoder().encode(text);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const cut of [...cuts].map((c) => c % (bytes.length + 1)).sort((a, b) => a - b)) {
    pieces.push(bytes.slice(from, cut));
    from = cut;
  }
  pieces.push(bytes.slice(from));
  const path = join(dir, `leads-${fileCount++}.csv`);
  writeFileSync(path, bytes);
  setFileChunkSizeForTesting(chunkBytes);
  const label = { label: 'leads.csv' };
  return [
    await aggregateCsvBySlot({ text }, { ...options, ...label }),
    await aggregateCsvBySlot({ chunks: pieces }, { ...options, ...label }),
    await aggregateCsvBySlot(path, { ...options, ...label }),
    await aggregateCsvBySlot(path, { ...options, ...label, workers: 3 }),
  ];
}

const ZONES = ['UTC', 'America/New_York', 'Asia/Kathmandu', 'Europe/London'];

const idArb = fc.constantFrom(
  '1',
  '2',
  '3',
  '10',
  '007',
  '7',
  '0',
  'L-1',
  'l-1',
  ' 2',
  '2 ',
  'é1',
  '',
  '  ',
  '1234567890123456',
  '99999999999999',
  'A\tB',
);
const timeArb = fc.constantFrom(
  // The form exports write, read in one pass (DST gap and overlap, and a contact before arrival among them).
  '2025-06-02 08:44:59',
  '2025-06-02 09:15:00',
  '2025-06-02 07:00:00',
  '2025-11-02 01:30:00',
  '2025-03-09 02:30:00',
  '2025-06-02 8:44:59',
  '2025-03-09 01:30:00',
  '2025-03-09 02:30',
  '2025-03-09 07:15:10',
  '2025-11-02 01:30',
  '2025-06-02 08:44:59.999',
  '2025-06-02T08:44:00Z',
  '2025-06-02 08:44:00+05:30',
  ' 2025-06-03 23:59 ',
  '2025-06-04',
  '2025-02-30 10:00',
  'soon',
  '',
  ' ',
);
const nameArb = fc.constantFrom('East', 'West', ' East ', '', 'Ana', 'Zoë', 'ana');
const notesArb = fc.constantFrom('ok', '', 'a "b"', 'x,y', 'two\nlines', 'é', 'q"q');
const rowArb = fc.record({
  id: idArb,
  received: timeArb,
  contact: fc.oneof(timeArb, fc.constant('')),
  team: nameArb,
  locator: nameArb,
  notes: notesArb,
  shape: fc.constantFrom('ok', 'ok', 'ok', 'ok', 'ok', 'ok', 'short', 'long', 'blank-after', 'malformed', 'quoted-short'),
});
const styleArb = fc.record({
  columns: fc.shuffledSubarray(['first_contact_time', 'team', 'locator', 'notes'], { minLength: 0 }),
  delimiter: fc.constantFrom(',', ',', ';', '\t'),
  quote: fc.constantFrom('none', 'none', 'all', 'some'),
  lineEnd: fc.constantFrom('\n', '\n', '\r\n', '\r'),
  bom: fc.boolean(),
  blankFirst: fc.boolean(),
  finalEnd: fc.boolean(),
  mapped: fc.boolean(),
});
const optionsArb = fc.record({
  timeZone: fc.constantFrom(...ZONES),
  slotMinutes: fc.constantFrom(15, 30, 60),
  slaMinutes: fc.constantFrom(0, 30, 60),
  // Mostly no filter: rows without team and locator filters take the one-pass reading.
  team: fc.constantFrom(undefined, undefined, undefined, 'East', ['East', 'West'], 'Zoë'),
  locator: fc.constantFrom(undefined, undefined, undefined, 'Ana', ['Ana', 'Zoë']),
  from: fc.constantFrom(undefined, undefined, new Date(Date.UTC(2025, 2, 9, 7))),
  to: fc.constantFrom(undefined, undefined, new Date(Date.UTC(2025, 5, 3))),
  // Between the arrivals and the first contacts of 2 June (in UTC and in New York): some contacts are after asOf.
  asOf: fc.constantFrom(undefined, undefined, new Date(Date.UTC(2025, 5, 2, 9)), new Date(Date.UTC(2025, 5, 2, 13))),
});

type Row = { id: string; received: string; contact: string; team: string; locator: string; notes: string; shape: string };
type Style = {
  columns: string[];
  delimiter: string;
  quote: string;
  lineEnd: string;
  bom: boolean;
  blankFirst: boolean;
  finalEnd: boolean;
  mapped: boolean;
};

function render(rows: Row[], style: Style): string {
  const columns = ['lead_id', 'received_time', ...style.columns];
  const header = columns.map((c) => (c === 'lead_id' && style.mapped ? 'Record Id' : c));
  const quote = (value: string, i: number) => {
    const needs = value.includes('"') || value.includes(style.delimiter) || value.includes('\n') || value.includes('\r');
    if (needs || style.quote === 'all' || (style.quote === 'some' && i % 2 === 1)) return `"${value.replaceAll('"', '""')}"`;
    return value;
  };
  const lines = [header.map(quote).join(style.delimiter)];
  for (const row of rows) {
    const values: Record<string, string> = {
      lead_id: row.id,
      received_time: row.received,
      first_contact_time: row.contact,
      team: row.team,
      locator: row.locator,
      notes: row.notes,
    };
    let fields = columns.map((c, i) => quote(values[c]!, i));
    if (row.shape === 'short') fields = fields.slice(0, -1);
    if (row.shape === 'long') fields = [...fields, 'extra'];
    // One field short, with a quoted delimiter where the last two should be: the count only looks right unquoted.
    if (row.shape === 'quoted-short' && fields.length >= 4) fields = [...fields.slice(0, -2), `"p${style.delimiter}q"`];
    let line = fields.join(style.delimiter);
    if (row.shape === 'malformed') line = `"${row.id}"x${style.delimiter}${fields.slice(1).join(style.delimiter)}`;
    lines.push(line);
    if (row.shape === 'blank-after') lines.push(' ');
  }
  let text = (style.blankFirst ? style.lineEnd : '') + lines.join(style.lineEnd) + (style.finalEnd ? style.lineEnd : '');
  if (style.bom) text = `\uFEFF${text}`;
  return text;
}

describe('aggregateCsvBySlot', () => {
  it('gives the cells of aggregateBySlot over the rows readResponseRows accepts, with its issues and stats, read any way (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 25 }),
        styleArb,
        optionsArb,
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.constantFrom(1, 7, 40, 4096),
        async (rows, style, options, cuts, chunkBytes) => {
          const text = render(rows, style);
          const all: AggregateCsvBySlotOptions = {
            ...options,
            delimiter: style.delimiter,
            ...(style.mapped ? { columns: { leads: { lead_id: 'Record Id' } } } : {}),
          };
          const expected = await reference(text, all);
          for (const actual of await everyWay(text, all, cuts, chunkBytes)) {
            expect(actual.stats).toEqual(expected.stats);
            expect(actual.issues).toEqual(expected.issues);
            expect(actual.cells).toEqual(expected.cells);
          }
        },
      ),
      { numRuns: 400 },
    );
  }, 60_000); // 400 files read four ways each: room for a busy machine

  it('reads the rows of a plain export in one pass exactly as the text reader does (property)', async () => {
    // Mostly what exports hold (plain ids, `YYYY-MM-DD HH:MM:SS`), with the odd row that must fall back.
    const stamp = fc
      .record({
        day: fc.integer({ min: 1, max: 28 }),
        month: fc.constantFrom(3, 6, 11),
        minutes: fc.integer({ min: 0, max: 1439 }),
        second: fc.integer({ min: 0, max: 59 }),
      })
      .map(
        ({ day, month, minutes, second }) =>
          `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}`,
      );
    const row = fc.record({
      id: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 60 }).map(String) },
        { weight: 1, arbitrary: fc.constantFrom('007', 'A1', ' 5', '') },
      ),
      received: fc.oneof(
        { weight: 8, arbitrary: stamp },
        { weight: 1, arbitrary: fc.constantFrom('2025-06-02 9:00:00', '2025-06-02', ' 2025-06-02 09:00:00', 'x') },
      ),
      contact: fc.oneof({ weight: 4, arbitrary: stamp }, { weight: 1, arbitrary: fc.constantFrom('', '', 'later', '2025-06-02 09:00') }),
      rep: fc.constantFrom('Ana', 'Ben', '', 'a"b', 'x y'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 30 }),
        fc.constantFrom('\n', '\r\n'),
        fc.constantFrom(...ZONES),
        fc.constantFrom(1, 50, 4096),
        fc.constantFrom('none', 'from', 'asOf'),
        async (rows, eol, timeZone, chunkBytes, period) => {
          const text = `lead_id,received_time,first_contact_time,rep${eol}${rows.map((r) => `${r.id},${r.received},${r.contact},${r.rep}`).join(eol)}${eol}`;
          const options: AggregateCsvBySlotOptions = {
            timeZone,
            ...(period === 'from' ? { from: new Date(Date.UTC(2025, 5, 10)) } : {}),
            // Mid-June: arrivals on both sides, and first contacts after it of leads that arrived before.
            ...(period === 'asOf' ? { asOf: new Date(Date.UTC(2025, 5, 15, 12)) } : {}),
          };
          const expected = await reference(text, options);
          for (const actual of await everyWay(text, options, [17], chunkBytes)) expect(actual).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000); // 300 files read five ways each: room for a busy machine

  it('decides duplicate ids across chunks in file order: the first row keeps the id, wherever the chunks fall', async () => {
    const rows = ['lead_id,received_time,first_contact_time'];
    for (let i = 0; i < 300; i++) rows.push(`${i % 120},2025-06-02 0${i % 10}:00,2025-06-02 0${i % 10}:30`);
    const text = `${rows.join('\n')}\n`;
    const expected = await reference(text, { timeZone: 'UTC' });
    expect(expected.stats).toMatchObject({ rows: 300, accepted: 120, rejected: 180 });
    for (const chunkBytes of [16, 100, 1000]) {
      for (const actual of await everyWay(text, { timeZone: 'UTC' }, [33, 1200], chunkBytes)) {
        expect(actual.issues).toEqual(expected.issues);
        expect(actual.stats).toEqual(expected.stats);
        expect(actual.cells).toEqual(expected.cells);
      }
    }
  });

  it('reads on in one pass when a quoted line end crosses a chunk boundary', async () => {
    const notes = `"${'long note\n'.repeat(20)}"`;
    const text = `lead_id,received_time,notes\n1,2025-06-02 09:00,${notes}\n2,2025-06-02 09:10,x\n1,2025-06-02 10:00,y\n`;
    const expected = await reference(text, { timeZone: 'UTC' });
    for (const actual of await everyWay(text, { timeZone: 'UTC' }, [], 50)) {
      expect(actual).toEqual(expected);
    }
    expect(expected.issues.map((i) => [i.code, i.line])).toEqual([
      ['column-not-read', 1],
      ['duplicate-id', 24],
    ]);
  });

  it('counts ids that are not plain numbers (leading zeros, letters, long, non-ASCII) as the text reader does', async () => {
    const ids = ['007', '7', 'L-1', 'l-1', '12345678901234567890', 'é', ' 7', 'é', '007', '12345678901234567890'];
    const text = `lead_id,received_time\n${ids.map((id) => `${id},2025-06-02 09:00`).join('\n')}\n`;
    const expected = await reference(text, { timeZone: 'UTC' });
    expect(expected.issues.map((i) => i.recordId)).toEqual(['7', 'é', '007', '12345678901234567890']);
    for (const actual of await everyWay(text, { timeZone: 'UTC' }, [], 20)) expect(actual).toEqual(expected);
  });

  it('reports an empty file, and a header-only file, like readResponseRows', async () => {
    for (const text of ['', '\n\n', 'lead_id,received_time\n']) {
      const expected = await reference(text, { timeZone: 'UTC' });
      for (const actual of await everyWay(text, { timeZone: 'UTC' }, [], 8)) expect(actual).toEqual(expected);
    }
  });

  it('throws one DataQualityError listing the errors in strict mode', async () => {
    const text = 'lead_id,received_time\n1,2025-06-02 09:00\n1,2025-06-02 10:00\n2,soon\n';
    const error = await aggregateCsvBySlot({ text }, { timeZone: 'UTC', strict: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataQualityError);
    expect((error as DataQualityError).issues.map((i) => [i.code, i.line])).toEqual([
      ['duplicate-id', 3],
      ['unparseable-timestamp', 4],
    ]);
  });

  it('throws for a missing column, an unknown zone or a bad option, naming it', async () => {
    await expect(aggregateCsvBySlot({ text: 'key,when\n' }, { timeZone: 'UTC' })).rejects.toThrow(/lead_id/);
    await expect(aggregateCsvBySlot({ text: '' }, { timeZone: 'Mars/Olympus' })).rejects.toThrow(/Mars\/Olympus/);
    await expect(aggregateCsvBySlot({ text: '' }, { timeZone: 'UTC', slotMinutes: 7 })).rejects.toThrow(/got 7/);
    await expect(aggregateCsvBySlot(join(dir, 'missing.csv'), { timeZone: 'UTC' })).rejects.toThrow(/missing\.csv/);
    await expect(aggregateCsvBySlot(dir, { timeZone: 'UTC' })).rejects.toMatchObject({
      name: 'CsvReadError',
      code: 'csv-read',
      systemCode: 'EISDIR',
    });
    await expect(aggregateCsvBySlot(join(dir, 'missing.csv'), { timeZone: 'UTC', workers: 1.5 })).rejects.toThrow(
      /workers must be a whole number/,
    );
  });

  it('counts business-hours minutes with clock: business', async () => {
    const text = 'lead_id,received_time,first_contact_time\n1,2025-06-06 16:30,2025-06-09 09:30\n';
    const options: AggregateBySlotOptions = { timeZone: 'America/New_York', clock: 'business' };
    const [cell] = (await aggregateCsvBySlot({ text }, options)).cells;
    expect(cell).toMatchObject({ day: 'Friday', slot: '16:30', withinSla: 1, medianMinutes: 60 });
    expect(await everyWay(text, options, [], 10)).toEqual(Array(4).fill(await reference(text, options)));
  });

  /**
   * A file read in pieces (merged or not, as expected; its ids' hashes repeated or not, as expected) and with aggregateCsvBySlot, which
   * equals one pass either way.
   */
  async function readInPieces(text: string, merged: boolean, repeated = false) {
    const path = join(dir, `pieces-${fileCount++}.csv`);
    writeFileSync(path, text);
    setFileChunkSizeForTesting(64);
    const spill = { dir: mkdtempSync(join(dir, 'spill-')), bits: ID_HASH_BITS };
    const pieces = await readHeatmapInPieces(path, 'leads.csv', { timeZone: 'UTC' }, 3, spill);
    expect(pieces !== null).toBe(merged);
    if (pieces !== null) expect((await repeatedIdHashes(pieces.spills)) !== null).toBe(repeated);
    const expected = await reference(text, { timeZone: 'UTC' });
    expect(await aggregateCsvBySlot(path, { timeZone: 'UTC', label: 'leads.csv', workers: 3 })).toEqual(expected);
    return { path, pieces: repeated ? null : pieces, expected };
  }

  it('merges pieces only when they can equal one pass (boundaries between records), and tells from their id hashes whether they do', async () => {
    const plain = ['lead_id,received_time,first_contact_time,notes'];
    for (let i = 0; i < 200; i++)
      plain.push(`${i},2025-06-0${2 + (i % 5)} ${String(i % 24).padStart(2, '0')}:15,,${i % 7 === 0 ? 'x' : ''}`);
    // Issues in later pieces, with their lines as one pass numbers them.
    plain[121] = '120,soon,,';
    plain[171] = '170,2025-06-02 09:00,,,extra';
    plain.splice(150, 0, '', '  ');
    plain.push('77,2025-06-02 09:00,,'); // a duplicate in the last piece
    const quoted = [...plain.slice(0, 100), `100,2025-06-02 09:00,,"${'line\n'.repeat(400)}"`, ...plain.slice(101, 200)];
    for (const [lines, merged, repeated] of [
      [plain.slice(0, 200), true, false],
      [plain, true, true],
      [quoted, false, false],
    ] as const) {
      const { path, pieces, expected } = await readInPieces(`${lines.join('\n')}\n`, merged, repeated);
      if (pieces !== null) {
        // Line 1: the notes column is not read (said once, by the first piece).
        expect(pieces.issues.map((i) => i.line)).toEqual([1, 122, 174]);
        expect(pieces.heatmap.cells()).toEqual(expected.cells);
        expect(pieces.issues).toEqual(expected.issues);
        expect(openCsvInput(path, 'leads.csv').label).toBe(path);
      }
    }
  });

  it('merges pieces of ids in any order (L0000001…, 9 before 10, out of order); a repeated id repeats a hash', async () => {
    const row = (id: string, i: number) => `${id},2025-06-0${2 + (i % 5)} ${String(i % 24).padStart(2, '0')}:15,2025-06-09 10:00`;
    const lines = (ids: string[]) => `lead_id,received_time,first_contact_time\n${ids.map(row).join('\n')}\n`;
    const increasing = Array.from({ length: 300 }, (_, i) => `L${String(i + 1).padStart(7, '0')}`);
    const widths = Array.from({ length: 300 }, (_, i) => `${i + 5}`);
    const unordered = [...increasing.slice(150), ...increasing.slice(0, 150)];
    const repeated = [...increasing.slice(0, 299), increasing[10]!];
    for (const [ids, twice] of [
      [increasing, false],
      [widths, false],
      [unordered, false],
      [repeated, true],
    ] as const) {
      const { pieces, expected } = await readInPieces(lines([...ids]), true, twice);
      if (pieces !== null) expect(pieces.heatmap.cells()).toEqual(expected.cells);
    }
    expect((await reference(lines(repeated), { timeZone: 'UTC' })).issues.map((i) => i.code)).toEqual(['duplicate-id']);
  });
});
