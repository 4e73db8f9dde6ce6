import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as arrow from 'apache-arrow';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { spawnBuilt } from './fixtures/built-cli.js';

// Parquet, Arrow IPC and NDJSON in (--leads/--history/--owners by extension) and out (--format … --out),
// run as a user does: the built command, on the sample data.
const sample = (name: string) => fileURLToPath(new URL(`../../../examples/data/${name}`, import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'panopticon-columnar-'));

const run = (...args: string[]) => spawnBuilt(args);

/** RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) into rows of fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** A CSV file's table written as Parquet, Arrow IPC and NDJSON (every column text, empty cells null), beside it in tmp. */
function convert(name: string): Record<'parquet' | 'arrow' | 'ndjson', string> {
  const [header, ...rows] = parseCsv(readFileSync(sample(`${name}.csv`), 'utf8'));
  const column = (j: number) => rows.map((r) => (r[j] === '' ? null : r[j]!));
  const base = join(tmp, name);
  writeFileSync(
    `${base}.parquet`,
    new Uint8Array(parquetWriteBuffer({ columnData: header!.map((h, j) => ({ name: h, data: column(j), type: 'STRING' })) })),
  );
  const vectors = Object.fromEntries(header!.map((h, j) => [h, arrow.vectorFromArray(column(j), new arrow.Utf8())]));
  writeFileSync(`${base}.feather`, arrow.tableToIPC(new arrow.Table(vectors), 'file'));
  const ndjson = rows.map((r) => JSON.stringify(Object.fromEntries(header!.map((h, j) => [h, r[j] === '' ? null : r[j]])))).join('\n');
  writeFileSync(`${base}.ndjson`, `${ndjson}\n`);
  return { parquet: `${base}.parquet`, arrow: `${base}.feather`, ndjson: `${base}.ndjson` };
}

const leads = convert('leads');
const stages = convert('stage_history');
const owners = convert('owner_history');
const COMMON = ['--tz', 'America/New_York', '--pipeline', sample('pipeline.json')];
/** The flags of a command: all judge as of one date but check, which judges nothing. */
const COMMANDS = ['heatmap', 'attention', 'kpis', 'survival', 'check'];
const flags = (command: string) => (command === 'check' ? COMMON : [...COMMON, '--as-of', '2026-12-01']);

describe('reading Parquet, Arrow and NDJSON files', () => {
  const csvFiles = ['--leads', sample('leads.csv'), '--history', sample('stage_history.csv'), '--owners', sample('owner_history.csv')];
  it.each(COMMANDS)(
    '%s answers as it does from the CSV files',
    (command) => {
      {
        const csv = run(command, ...csvFiles, ...flags(command), '--format', 'csv');
        expect([0, 1], csv.stderr).toContain(csv.code);
        for (const format of ['parquet', 'arrow', 'ndjson'] as const) {
          const files = ['--leads', leads[format], '--history', stages[format], '--owners', owners[format]];
          const other = run(command, ...files, ...flags(command), '--format', 'csv');
          expect(other.code, `${command} ${format}: ${other.stderr}`).toBe(csv.code);
          // The files are named by their own paths (kpis' source, check's file column); everything else is equal.
          const named = other.stdout
            .replaceAll(leads[format], sample('leads.csv'))
            .replaceAll(stages[format], sample('stage_history.csv'))
            .replaceAll(owners[format], sample('owner_history.csv'))
            .replaceAll(`leads.${format === 'arrow' ? 'feather' : format}`, 'leads.csv');
          expect(named, `${command} ${format}`).toBe(csv.stdout);
        }
      }
    },
    60_000,
  );

  it('says which file it cannot read', () => {
    const bad = join(tmp, 'bad.parquet');
    writeFileSync(bad, 'lead_id,received_time\n');
    const r = run('heatmap', '--leads', bad, '--tz', 'UTC');
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Cannot read ${bad}: not a readable Parquet file`);
  });
});

/** A typed value as the CSV writes it: instants compared as instants, numbers as numbers, text as text. */
function same(typed: unknown, csv: string): boolean {
  if (typed === null || typed === undefined) return csv === '';
  if (typed instanceof Date) return typed.getTime() === Date.parse(csv);
  if (typeof typed === 'number' || typeof typed === 'bigint') return Number(typed) === Number(csv);
  if (typeof typed === 'boolean') return String(typed) === csv;
  return typed === csv;
}

async function readBack(
  format: 'parquet' | 'arrow' | 'ndjson',
  path: string,
): Promise<{ columns: string[]; rows: Record<string, unknown>[] }> {
  const bytes = readFileSync(path);
  if (format === 'ndjson') {
    const rows = bytes
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return {
      columns: Object.keys(rows[0] ?? {}),
      rows: rows.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' && /^\d{4}-\d\d-\d\dT/.test(v) ? new Date(v) : v])),
      ),
    };
  }
  if (format === 'parquet') {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    const rows = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
    return { columns: Object.keys(rows[0] ?? {}), rows };
  }
  const table = arrow.tableFromIPC(bytes);
  const columns = table.schema.fields.map((f) => f.name);
  const instants = table.schema.fields.filter((f) => arrow.DataType.isTimestamp(f.type)).map((f) => f.name);
  for (const f of table.schema.fields) if (arrow.DataType.isTimestamp(f.type)) expect((f.type as arrow.Timestamp).timezone).toBe('UTC');
  const rows = table.toArray().map((row) => {
    const record = row.toJSON() as Record<string, unknown>;
    for (const name of instants) if (record[name] !== null) record[name] = new Date(record[name] as number);
    return record;
  });
  return { columns, rows };
}

describe('--format ndjson|parquet|arrow', () => {
  const files = ['--leads', sample('leads.csv'), '--history', sample('stage_history.csv'), '--owners', sample('owner_history.csv')];

  it.each(COMMANDS)(
    '%s writes the columns and cells of --format csv, typed, atomically to --out; read back, they equal the CSV',
    async (command) => {
      {
        const csv = run(command, ...files, ...flags(command), '--format', 'csv');
        expect([0, 1], csv.stderr).toContain(csv.code);
        const [header, ...cells] = parseCsv(csv.stdout);
        expect(cells.length, command).toBeGreaterThan(0);
        for (const format of ['parquet', 'arrow', 'ndjson'] as const) {
          const out = join(tmp, `${command}.${format}`);
          const r = run(command, ...files, ...flags(command), '--format', format, '--out', out);
          expect(r.code, `${command} ${format}: ${r.stderr}`).toBe(csv.code);
          expect(r.stdout).toBe('');
          const back = await readBack(format, out);
          expect(back.columns, `${command} ${format}`).toEqual(header);
          expect(back.rows).toHaveLength(cells.length);
          back.rows.forEach((row, i) => {
            header!.forEach((column, j) => {
              const csvCell = cells[i]![j]!;
              expect(same(row[column], csvCell), `${command} ${format} row ${i} ${column}: ${String(row[column])} vs ${csvCell}`).toBe(
                true,
              );
            });
          });
        }
      }
    },
    60_000,
  );

  it('keeps numbers as numbers and instants as UTC timestamps', async () => {
    const out = join(tmp, 'attention-types.parquet');
    expect(run('attention', ...files, ...flags('x'), '--format', 'parquet', '--out', out).code).toBe(0);
    const { rows } = await readBack('parquet', out);
    const withAppointment = rows.find((r) => r['appointmentAt'] !== null)!;
    expect(withAppointment['appointmentAt']).toBeInstanceOf(Date);
    expect(typeof withAppointment['days']).toBe('number');
    expect(typeof withAppointment['leadId']).toBe('string');
  });

  it('writes NDJSON to stdout, and refuses binary output without --out, --out with table or json, --out over an input, and the data formats for zoho fields', () => {
    const ndjson = run('heatmap', ...files, ...flags('x'), '--format', 'ndjson', '--quiet');
    expect(ndjson.code).toBe(0);
    const first = JSON.parse(ndjson.stdout.split('\n')[0]!) as Record<string, unknown>;
    expect(typeof first['total']).toBe('number');
    for (const format of ['parquet', 'arrow']) {
      const r = run('heatmap', ...files, ...flags('x'), '--format', format);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--format ${format} is binary and is not written to the terminal; give --out FILE`);
      expect(r.stdout).toBe('');
    }
    const table = run('kpis', ...files, ...flags('x'), '--out', join(tmp, 'k.txt'));
    expect(table.code).toBe(2);
    expect(table.stderr).toContain('--out writes --format csv, ndjson, parquet or arrow, not table');
    const fields = run('zoho', 'fields', '--format', 'parquet');
    expect(fields.code).toBe(2);
    expect(fields.stderr).toContain('--format parquet is not one of table, json, csv');
    const over = run('attention', ...files, ...flags('x'), '--format', 'parquet', '--out', sample('leads.csv'));
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('it is an input of this command');
  });
});
