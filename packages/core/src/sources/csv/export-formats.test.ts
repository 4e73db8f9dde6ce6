import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../source.js';
import type { CsvFormatOptions } from './csv-format-options.js';
import { windows1252ToUtf8 } from './input-encoding.js';
import { loadFiles } from '../tables/load-files.js';

// One export, written in every way a CRM or a spreadsheet writes it, loads to the same leads.

interface Row {
  id: string;
  name: string;
  locator: string;
  received: number; // epoch ms, whole minutes
  contactAfter: number | null; // minutes
}

const TZ = 'Europe/Paris';
// Letters Windows-1252 can write (so that every encoding can hold the file), with the CSV's special characters.
const LETTERS = [...'abcXYZ019 éñüÅößçØ€’', ',', ';', '|', '\t', '"', '-'];
const text = (min: number) => fc.array(fc.constantFrom(...LETTERS), { minLength: min, maxLength: 12 }).map((a) => a.join(''));
const rowArb = fc.record({
  id: text(1).filter((s) => s.trim() !== ''),
  name: text(0),
  locator: text(1).filter((s) => s.trim() !== ''),
  // 2020–2030, whole minutes.
  received: fc.integer({ min: 26_298_720, max: 31_556_160 }).map((m) => m * 60_000),
  contactAfter: fc.option(fc.integer({ min: 0, max: 5000 })),
});
const rowsArb = fc.uniqueArray(rowArb, { minLength: 1, maxLength: 15, selector: (r) => r.id.trim() });

/** Wall-clock fields of an instant in `TZ`. */
function wall(ms: number): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}
const pad = (n: number) => String(n).padStart(2, '0');
type DateStyle = 'iso' | 'us' | 'eu-dots' | 'excel';
function formatTime(ms: number, style: DateStyle): string {
  const { y, mo, d, h, mi } = wall(ms);
  if (style === 'iso') return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00`;
  if (style === 'us') return `${mo}/${d}/${y} ${h % 12 === 0 ? 12 : h % 12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`;
  if (style === 'eu-dots') return `${pad(d)}.${pad(mo)}.${y} ${pad(h)}:${pad(mi)}`;
  const days = Date.UTC(y, mo - 1, d) / 86_400_000 + 25_569;
  return String(days + (h * 60 + mi) / 1440);
}

const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
/** The rows as CSV text with CRM-style headers. */
function write(rows: readonly Row[], delimiter: string, style: DateStyle): string {
  const lines = [['Record Id', 'Full Name', 'Lead Owner', 'Created Time', 'First Contact Time'].join(delimiter)];
  for (const r of rows) {
    const contact = r.contactAfter === null ? '' : formatTime(r.received + r.contactAfter * 60_000, style);
    lines.push([quote(r.id), quote(r.name), quote(r.locator), formatTime(r.received, style), contact].join(delimiter));
  }
  return `${lines.join('\r\n')}\r\n`;
}

type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';
function encode(csv: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf-8') return new TextEncoder().encode(csv);
  if (encoding === 'utf-8-bom') return new TextEncoder().encode(`\uFEFF${csv}`);
  if (encoding === 'windows-1252') {
    // Invert the decoder's table: every letter above is one byte.
    const table = new Map<string, number>();
    for (let b = 0; b < 256; b++) table.set(new TextDecoder().decode(windows1252ToUtf8(Uint8Array.of(b))), b);
    return Uint8Array.from([...csv], (c) => table.get(c)!);
  }
  const out = new Uint8Array(2 + csv.length * 2);
  const le = encoding === 'utf-16le';
  out.set(le ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < csv.length; i++) {
    const c = csv.charCodeAt(i);
    out[2 + 2 * i + (le ? 0 : 1)] = c & 0xff;
    out[2 + 2 * i + (le ? 1 : 0)] = c >> 8;
  }
  return out;
}

/** The bytes in pieces cut at the given points (a character may be split between two). */
function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let from = 0;
  for (const p of [...points, bytes.length]) {
    if (p > from) out.push(bytes.slice(from, p));
    from = Math.max(from, p);
  }
  return out;
}

function validUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

async function load(bytes: Uint8Array[], format: CsvFormatOptions = {}) {
  const { leads, issues } = await loadFiles({ leads: { chunks: bytes }, timeZone: TZ, ...format });
  const notInfo = issues.filter((i: DataIssue) => i.severity !== 'info');
  return { leads, notInfo };
}

describe('one export written every way', () => {
  it('loads the same leads whatever its delimiter, encoding and pieces', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, delimiter, encoding, cuts) => {
          const expected = await load([encode(write(rows, ',', 'iso'), 'utf-8')]);
          expect(expected.notInfo).toEqual([]);
          expect(expected.leads).toHaveLength(rows.length);
          const bytes = encode(write(rows, delimiter, 'iso'), encoding);
          // Windows-1252 bytes that happen to be valid UTF-8 too ("ß€" is DF 80, also U+07C0) cannot be told
          // apart by their bytes: there the encoding must be named, as the docs say.
          const first = bytes.findIndex((b) => b >= 0x80);
          const ambiguous = encoding === 'windows-1252' && first >= 0 && validUtf8(bytes.subarray(first, first + 2));
          const copy = await load(pieces(bytes, cuts), ambiguous ? { encoding: 'windows-1252' } : {});
          expect(copy.notInfo).toEqual([]);
          expect(copy.leads).toEqual(expected.leads);
          expect(JSON.stringify(copy.leads)).not.toContain('\uFFFD');
        },
      ),
      { numRuns: 150 },
    );
  });

  it('loads the same leads whatever its date style (US 12-hour, European dots, Excel serials)', async () => {
    await fc.assert(
      fc.asyncProperty(rowsArb, fc.constantFrom<DateStyle>('us', 'eu-dots', 'excel'), async (rows, style) => {
        const expected = await load([encode(write(rows, ',', 'iso'), 'utf-8')]);
        // The order of day and month is given: a sample may hold no day above 12.
        const format: CsvFormatOptions =
          style === 'us' ? { dateFormat: 'MM/DD/YYYY' } : style === 'eu-dots' ? { dateFormat: 'DD/MM/YYYY' } : {};
        const copy = await load([encode(write(rows, ';', style), 'utf-8')], format);
        // Excel keeps times to the second, so minutes come back exact; a spring-forward wall time cannot occur (written from instants).
        expect(copy.notInfo).toEqual([]);
        expect(copy.leads).toEqual(expected.leads);
      }),
      { numRuns: 120 },
    );
  });
});

describe('the "sep=" first line Excel writes', () => {
  it('names the delimiter, whatever the encoding and pieces: the same leads as without it', async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.constantFrom(',', ';', '\t', '|'),
        fc.constantFrom<Encoding>('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (rows, delimiter, encoding, cuts) => {
          const expected = await load([encode(write(rows, delimiter, 'iso'), 'utf-8')], { delimiter });
          const hinted = await loadFiles({
            leads: { chunks: pieces(encode(`sep=${delimiter}\r\n${write(rows, delimiter, 'iso')}`, encoding), cuts) },
            timeZone: TZ,
          });
          expect(hinted.issues.filter((i) => i.severity !== 'info')).toEqual([]);
          expect(hinted.leads).toEqual(expected.leads);
          const said = hinted.issues.find((i) => i.code === 'delimiter-detected');
          expect(said?.message).toContain(`"sep=${delimiter}"`);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('makes the header line 2: issues name the lines of the file', async () => {
    const text = 'sep=;\nRecord Id;Lead Owner;Created Time\nL1;Ann;2026-03-02 09:00\nL2;Bob\n';
    const { leads, issues } = await loadFiles({ leads: { text }, timeZone: TZ });
    expect(leads.map((l) => l.id)).toEqual(['L1']);
    expect(issues.find((i) => i.code === 'wrong-field-count')?.line).toBe(4);
    expect(issues.find((i) => i.code === 'column-read-as')?.line).toBe(2);
  });

  it('gives way to a --delimiter that says otherwise, and says so', async () => {
    const text = 'sep=;\nRecord Id|Created Time\nL1|2026-03-02 09:00\n';
    const { leads, issues } = await loadFiles({ leads: { text }, timeZone: TZ, delimiter: '|' });
    expect(leads.map((l) => l.id)).toEqual(['L1']);
    expect(issues.find((i) => i.code === 'delimiter-detected')?.message).toContain('as --delimiter says');
  });

  it('is only a whole first line: a header that starts "sep" is a header', async () => {
    const text = 'sep=;x,lead_id,received_time\n1,L1,2026-03-02 09:00\n';
    const { leads } = await loadFiles({ leads: { text }, timeZone: TZ });
    expect(leads.map((l) => l.id)).toEqual(['L1']);
  });
});
