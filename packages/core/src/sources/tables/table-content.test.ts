// A file read as what its first bytes say it is, from a path, from bytes and from chunks: gzip and ZIP read as the file they hold,
// Parquet and Arrow under any name, workbooks, PDFs and binary bytes refused with a message naming the file and what it is.
import fc from 'fast-check';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CsvReadError } from '../csv/csv-read-error.js';
import type { LoadFilesOptions } from './load-files.js';
import { aggregateFileBySlot, loadFiles, loadFilesColumnar, loadScheduleFile } from './load-files.js';
import type { TableFileInput } from './open-table-input.js';
import type { Table } from './tables.test-helper.js';
import { EVERY_ISSUE, tempFiles, toArrow, toCsv, toParquet } from './tables.test-helper.js';
import { ODS, XLSX, zipOf } from '../../../test/fixtures/zip-archives.js';

const { dir, file } = tempFiles('panopticon-content-');

const NY = 'America/New_York';
const LEADS: Table = EVERY_ISSUE.leads;
const CSV = toCsv(LEADS);
const load = (leads: TableFileInput, extra: Partial<LoadFilesOptions> = {}) => loadFiles({ leads, timeZone: NY, ...extra });
/** The load of the CSV text, with the leads file labelled `label` (so that issues and stats compare whole). */
const expected = (label: string) => load({ bytes: CSV, format: 'csv', label });
/** A load without its issues and stats, whose file names differ with the input's label. */
const content = async (input: TableFileInput) => ({ ...(await load(input)), issues: undefined, stats: undefined, cannotJudge: undefined });

/** Chunks of `bytes` cut at the given offsets (any of them, any order), as a stream. */
async function* cut(bytes: Uint8Array, at: readonly number[] = [1, 3, 7]): AsyncGenerator<Uint8Array> {
  let from = 0;
  for (const to of [...new Set(at)].filter((n) => n < bytes.length).sort((a, b) => a - b)) {
    yield bytes.slice(from, to);
    from = to;
  }
  yield bytes.slice(from);
}

/** What loading `input` throws, and its message. */
async function failure(input: TableFileInput, extra: Partial<LoadFilesOptions> = {}): Promise<{ error: unknown; message: string }> {
  const error = await load(input, extra).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, message: String((error as Error | undefined)?.message) };
}

describe('gzip', () => {
  const gz = gzipSync(CSV);
  it('a .csv.gz path, gzip bytes and gzip chunks read as the CSV they hold, whatever their name', async () => {
    const path = file('leads.csv.gz', gz);
    expect(await load(path)).toEqual(await expected(path));
    expect(await load({ bytes: gz, format: 'csv', label: 'upload.csv.gz' })).toEqual(await expected('upload.csv.gz'));
    expect(await load({ chunks: cut(gz), label: 'stream' })).toEqual(await expected('stream'));
    const dat = file('export.dat', gz);
    expect(await load(dat)).toEqual(await expected(dat));
  });

  it('a gzip holding Parquet is read as Parquet, by its inner name or its content', async () => {
    const parquet = gzipSync(toParquet(LEADS));
    const want = await load({ bytes: toParquet(LEADS), format: 'parquet', label: 'x' });
    expect(await load({ path: file('leads.parquet.gz', parquet), label: 'x' })).toEqual(want);
    expect(await load({ bytes: parquet, format: 'csv', label: 'x' })).toEqual(want);
  });

  it('the other readers take gzip too: columns, the heatmap, the schedule, the histories', async () => {
    const path = file('columns.csv.gz', gzipSync(CSV));
    const plain = { bytes: CSV, format: 'csv' as const, label: path };
    expect(await loadFilesColumnar({ leads: path, timeZone: NY })).toEqual(await loadFilesColumnar({ leads: plain, timeZone: NY }));
    const asOf = new Date(Date.UTC(2025, 5, 1));
    const heat = await aggregateFileBySlot(path, { timeZone: NY, asOf });
    expect(heat).toEqual(await aggregateFileBySlot(plain, { timeZone: NY, asOf }));
    expect(heat.stats.accepted).toBeGreaterThan(0);
    const schedule = 'rep,day_of_week,shift_start,shift_end\nAna,Mon,09:00,17:00\n';
    const shifts = await loadScheduleFile(file('schedule.csv.gz', gzipSync(schedule)));
    expect(shifts.schedule).toEqual((await loadScheduleFile({ text: schedule })).schedule);
    expect(shifts.schedule).toHaveLength(1);
    const stages = toCsv(EVERY_ISSUE.stageHistory);
    const history = await load(path, { stageHistory: file('stages.csv.gz', gzipSync(stages)) });
    const want = await load(path, { stageHistory: { bytes: stages, format: 'csv' } });
    expect(history.leads).toEqual(want.leads);
    expect(history.leads.some((lead) => lead.stageHistory.length > 0)).toBe(true);
  });

  it('property: gzip of any CSV text, cut into any chunks before and after compression, reads as the text', async () => {
    const cell = fc.constantFrom('1', '2', '', 'x,y', '2025-03-03 09:00', 'soon', 'é');
    const rows = fc.array(fc.tuple(cell, cell), { maxLength: 20 });
    await fc.assert(
      fc.asyncProperty(rows, fc.array(fc.nat(400)), fc.array(fc.nat(400)), async (table, cutsText, cutsGzip) => {
        const line = (row: string[]) => row.map((v) => (v.includes(',') ? `"${v}"` : v)).join(',');
        const bytes = new TextEncoder().encode(`lead_id,received_time\n${table.map(line).join('\n')}\n`);
        const want = await load({ bytes, format: 'csv', label: 'f' });
        // Each piece of the text gzipped on its own, the members concatenated: one gzip stream (RFC 1952 allows several members).
        const members: Uint8Array[] = [];
        for await (const piece of cut(bytes, cutsText)) members.push(gzipSync(piece));
        const gz = new Uint8Array(Buffer.concat(members));
        expect(await load({ chunks: cut(gz, cutsGzip), label: 'f' })).toEqual(want);
        expect(await load({ bytes: gz, format: 'csv', label: 'f' })).toEqual(want);
        expect(await load({ path: file('p.csv.gz', gz), label: 'f' })).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it('a corrupt or cut-short gzip is a CsvReadError naming the file', async () => {
    const short = file('short.csv.gz', gz.subarray(0, gz.length - 12));
    const { error, message } = await failure(short);
    expect(error).toBeInstanceOf(CsvReadError);
    expect(message).toBe(
      `Cannot read ${short}: it is a gzip file that is corrupt or cut short (unexpected end of file); compress it again, or give the file uncompressed.`,
    );
    const bad = new Uint8Array([...gz.subarray(0, 12), ...new Uint8Array(40).fill(7)]);
    const fromBytes = await failure({ bytes: bad, format: 'csv', label: 'up.gz' });
    expect(fromBytes.error).toBeInstanceOf(CsvReadError);
    expect(fromBytes.message).toMatch(/^Cannot read up\.gz: it is a gzip file that is corrupt or cut short \(/);
  });
});

describe('Parquet and Arrow by their content', () => {
  it('Parquet named .csv, Arrow named .bin, in bytes said to be CSV, or in chunks, are read as what they are', async () => {
    const want = await load({ bytes: toParquet(LEADS), format: 'parquet', label: 'L' });
    expect(await load({ path: file('really-parquet.csv', toParquet(LEADS)), label: 'L' })).toEqual(want);
    expect(await load({ bytes: toParquet(LEADS), format: 'csv', label: 'L' })).toEqual(want);
    expect(await load({ chunks: cut(toParquet(LEADS)), label: 'L' })).toEqual(want);
    expect(await load({ path: file('export.bin', toArrow(LEADS, 'file')), label: 'L' })).toEqual(
      await load({ bytes: toArrow(LEADS, 'file'), format: 'arrow', label: 'L' }),
    );
  });

  it('an encoding forced on content that is not CSV is refused, as for a name that says so', async () => {
    const path = file('parquet-named.csv', toParquet(LEADS));
    const { error, message } = await failure(path, { encoding: 'windows-1252' });
    expect(error).toBeInstanceOf(CsvReadError);
    expect(message).toBe(
      `Cannot read ${path}: encoding windows-1252 applies to CSV files only; a parquet file's text is UTF-8. Drop --encoding, or give CSV files.`,
    );
    const gz = file('latin1.csv.gz', gzipSync(Buffer.from('lead_id,received_time,name\n1,2025-03-03 09:00,Jos\xe9\n', 'latin1')));
    const latin1 = await load(gz, { encoding: 'windows-1252' });
    expect(latin1.leads.map((lead) => lead.name)).toEqual(['José']);
  });

  it('a name or format that says Parquet or Arrow wins: other content is "not a readable … file"', async () => {
    expect((await failure(file('text.parquet', CSV))).message).toMatch(/^Cannot read .*text\.parquet: not a readable Parquet file/);
    expect((await failure(file('gz.parquet', gzipSync(toParquet(LEADS))))).message).toMatch(/not a readable Parquet file/);
    const arrow = await failure({ bytes: toParquet(LEADS), format: 'arrow', label: 'a' });
    expect(arrow.message).toMatch(/^Cannot read a: not a readable Arrow IPC file/);
  });
});

describe('ZIP archives', () => {
  const inputs = (name: string, bytes: Uint8Array): [string, TableFileInput, string][] => [
    ['path', file(name, bytes), join(dir, name)],
    ['bytes', { bytes, format: 'csv', label: name }, name],
    ['chunks', { chunks: cut(bytes, [2, 40, 100]), label: name }, name],
  ];

  it('a workbook (.xlsx, .ods) under any name is refused, saying what it is and what to do', async () => {
    for (const [how, input, label] of [...inputs('leads.xlsx', zipOf(XLSX)), ...inputs('leads-xlsx.csv', zipOf(XLSX))]) {
      const { error, message } = await failure(input);
      expect(error, how).toBeInstanceOf(CsvReadError);
      expect(message, how).toBe(
        `Cannot read ${label}: it is an Excel workbook (.xlsx), not CSV. Save the sheet as CSV UTF-8, or export the module from the CRM as CSV.`,
      );
    }
    const ods = await failure(file('sheet.ods', zipOf(ODS)));
    expect(ods.message).toContain('it is an OpenDocument spreadsheet (.ods), not CSV. Save the sheet as CSV UTF-8');
  });

  it('an archive of one table file (deflated, stored, written streaming) is read as that file', async () => {
    for (const entry of [{}, { method: 0 as const }, { descriptor: true }]) {
      const zip = zipOf([
        { name: '__MACOSX/._123.csv', data: 'x' },
        { name: 'folder/', data: '' },
        { name: 'folder/123.csv', data: CSV, ...entry },
      ]);
      for (const [how, input, label] of inputs('zoho.zip', zip)) expect(await load(input), how).toEqual(await expected(label));
    }
    const parquet = zipOf([
      { name: 'readme.md', data: '#' },
      { name: 'leads.parquet', data: toParquet(LEADS) },
    ]);
    expect(await content(file('p.zip', parquet))).toEqual(await content({ bytes: toParquet(LEADS), format: 'parquet' }));
    const gz = zipOf([{ name: 'leads.csv.gz', data: gzipSync(CSV), method: 0 }]);
    const g = file('g.zip', gz);
    expect(await load(g)).toEqual(await expected(g));
  });

  it('an archive of several table files or none is refused, listing its entries (the first ten)', async () => {
    const two = zipOf([
      { name: 'leads.csv', data: CSV },
      { name: 'stage_history.csv', data: 'lead_id\n' },
    ]);
    for (const [how, input, label] of inputs('two.zip', two)) {
      expect((await failure(input)).message, how).toBe(
        `Cannot read ${label}: it is a ZIP archive holding 2 files of a format Panopticon reads (CSV, Parquet, Arrow IPC, NDJSON) where it reads one: "leads.csv", "stage_history.csv". Unzip it, and give the file to read.`,
      );
    }
    const many = zipOf(Array.from({ length: 12 }, (_, i) => ({ name: `photo${i}.jpg\u0001`, data: 'x' })));
    const { message } = await failure(file('photos.zip', many));
    expect(message).toContain('holding no files of a format Panopticon reads');
    expect(message).toContain('"photo9.jpg\\u0001" and 2 more.');
    expect(message).not.toContain('\u0001');
  });

  it('a cut-short archive, an encrypted entry, an unknown method and corrupt data are refused, saying so', async () => {
    const zip = zipOf([{ name: 'leads.csv', data: CSV }]);
    const directory = zip.length - 22 - 46 - 'leads.csv'.length; // the one entry of the central directory
    const cutShort = await failure(file('cut.zip', zip.subarray(0, zip.length - 30)));
    expect(cutShort.message).toContain('it is a ZIP archive Panopticon cannot read (no central directory');
    const encrypted = zip.slice();
    encrypted[directory + 8]! |= 1;
    expect((await failure({ bytes: encrypted, format: 'csv', label: 'e.zip' })).message).toContain('"leads.csv" is encrypted');
    const bzip2 = zip.slice();
    bzip2[directory + 10] = 12;
    expect((await failure({ bytes: bzip2, format: 'csv', label: 'b.zip' })).message).toContain('compressed with method 12, not deflate');
    // Stored bytes that the central directory says are deflated: they do not inflate.
    const stored = zipOf([{ name: 'leads.csv', data: CSV, method: 0 }]);
    stored[stored.length - 22 - 46 - 'leads.csv'.length + 10] = 8;
    for (const input of [file('c.zip', stored), { bytes: stored, format: 'csv' as const, label: 'c.zip' }]) {
      const { error, message } = await failure(input);
      expect(error).toBeInstanceOf(CsvReadError);
      expect(message).toMatch(/^Cannot read .*c\.zip: it is a ZIP archive whose file is corrupt or cut short \(/);
    }
  });
});

describe('what is not a table', () => {
  const XLS = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(504)]);
  const PDF = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n');
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const cases: [string, Uint8Array, string][] = [
    [
      'leads.xls',
      XLS,
      'it is an Excel 97-2003 workbook (.xls), not CSV. Save the sheet as CSV UTF-8, or export the module from the CRM as CSV.',
    ],
    ['report.pdf', PDF, 'it is a PDF document, not CSV. Export the module from the CRM as CSV, or save the report as CSV.'],
    ['leads.csv', PNG, 'it is binary data, not CSV text (it holds NUL bytes)'],
  ];
  it.each(cases)('%s is refused, naming the file and what it appears to be, with no byte of it', async (name, bytes, says) => {
    for (const input of [file(name, bytes), { bytes, format: 'csv' as const, label: name }, { chunks: cut(bytes), label: name }]) {
      const label = typeof input === 'string' ? input : name;
      const { error, message } = await failure(input);
      expect(error).toBeInstanceOf(CsvReadError);
      expect(message.startsWith(`Cannot read ${label}: ${says}`), message).toBe(true);
      expect([...message].filter((c) => c < ' ' || c === '\ufffd')).toEqual([]);
    }
  });

  it('UTF-16 text without a mark, with the encoding said, is still read', async () => {
    const text = 'lead_id,received_time\n1,2025-03-03 09:00\n';
    const got = await load(file('utf16.csv', new Uint8Array(Buffer.from(text, 'utf16le'))), { encoding: 'utf-16le' });
    expect(got.leads.map((lead) => lead.id)).toEqual(['1']);
  });

  it('CSV text is read as it always was: a path stays a path, text chunks pass as they came', async () => {
    const path = file('plain.csv', CSV);
    expect(await load(path)).toEqual(await expected(path));
    // A character cut between two text chunks: the CSV reader gets them as they came, and joins them as it always did.
    const chunks = ['lead_id,received_time,first_contact_time\n1,2025-03-03 09:00,\ud83d', '\ude00\n'];
    expect(await load({ chunks, label: 'L' })).toEqual(await load({ text: chunks.join(''), label: 'L' }));
    // Chunks and bytes said to be CSV are CSV text whatever their label's extension, as they always were.
    for (const label of ['leads.parquet', 'leads.ndjson', 'leads.arrow']) {
      expect(await load({ chunks: cut(CSV), label })).toEqual(await expected(label));
      expect(await load({ bytes: CSV, format: 'csv', label })).toEqual(await expected(label));
      expect(await load({ chunks: cut(gzipSync(CSV)), label })).toEqual(await expected(label));
    }
  });
});
