// Property: parquetAsCsv (INT64 times decoded as their integers and converted by parquet-table.ts, cells written
// by CsvBytesWriter) writes exactly the CSV of the simple reading: hyparquet converting every value itself (times
// to epoch milliseconds by the same formulas), each cell written by cellText and csvLine. Over generated
// files: nulls, required columns, times in ms, µs and ns (adjusted to UTC or not, with a converted type or
// only a logical one, before 1970 and beyond the year 9999), dates, strings needing quotes or not ASCII,
// whole numbers, several row groups and pages, dictionary pages, any delimiter the reader takes.
import fc from 'fast-check';
import { parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import type { CellKind } from './csv-cells.js';
import { cellText, csvLine } from './csv-cells.js';
import { parquetAsCsv } from './parquet-table.js';
import { ALL_COLUMNS } from './read-columns.js';
import { memoryBytes } from './table-bytes.js';

type Unit = 'MILLIS' | 'MICROS' | 'NANOS';
type Spec =
  | { type: 'string' | 'int' | 'date'; required: boolean }
  | { type: 'time'; required: boolean; unit: Unit; utc: boolean; converted: boolean };

const PER_MS: Record<Unit, bigint> = { MILLIS: 1n, MICROS: 1_000n, NANOS: 1_000_000n };

const spec: fc.Arbitrary<Spec> = fc.oneof(
  fc.record({ type: fc.constantFrom('string' as const, 'int' as const, 'date' as const), required: fc.boolean() }),
  fc.record({
    type: fc.constant('time' as const),
    required: fc.boolean(),
    unit: fc.constantFrom<Unit>('MILLIS', 'MICROS', 'NANOS'),
    utc: fc.boolean(),
    converted: fc.boolean(),
  }),
);

/** A value of a column: few distinct ones at times (then written with a dictionary). */
function value(s: Spec): fc.Arbitrary<unknown> {
  const per = s.type === 'time' ? PER_MS[s.unit] : 1n;
  const v: fc.Arbitrary<unknown> =
    s.type === 'string'
      ? fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.string({ unit: 'grapheme', maxLength: 4 }),
          fc.constantFrom('Smith, J', '"Q" Ltd', 'a;b|c\td', 'x\r\ny', 'Zoë', '', 'East'),
        )
      : s.type === 'int'
        ? fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n })
        : s.type === 'date'
          ? fc.integer({ min: -800_000, max: 3_000_000 })
          : fc
              .oneof(
                // Around the present, in whole and fractional milliseconds; around the years 0000 and 9999; anything.
                fc.bigInt({ min: 1_700_000_000_000n, max: 1_800_000_000_000n }).map((ms) => ms * per),
                fc.bigInt({ min: 1_700_000_000_000n * per, max: 1_700_000_100_000n * per }),
                fc.bigInt({ min: -62_200_000_000_000n * per, max: -62_100_000_000_000n * per }),
                fc.bigInt({ min: 253_300_000_000_000n, max: 253_500_000_000_000n }).map((ms) => ms * per),
                fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }),
              )
              .map((t) => BigInt.asIntN(64, t as bigint)); // nanoseconds of the year 0000 are beyond 64 bits
  return s.required ? v : fc.option(v, { nil: null, freq: 4 });
}

function element(name: string, s: Spec) {
  const base = { name, repetition_type: s.required ? ('REQUIRED' as const) : ('OPTIONAL' as const) };
  if (s.type !== 'time') {
    if (s.type === 'string') return { ...base, type: 'BYTE_ARRAY' as const, converted_type: 'UTF8' as const };
    if (s.type === 'int') return { ...base, type: 'INT64' as const };
    return { ...base, type: 'INT32' as const, converted_type: 'DATE' as const };
  }
  const converted = s.converted && s.unit !== 'NANOS' ? { converted_type: `TIMESTAMP_${s.unit}` as const } : {};
  return {
    ...base,
    type: 'INT64' as const,
    ...converted,
    logical_type: { type: 'TIMESTAMP' as const, isAdjustedToUTC: s.utc, unit: s.unit },
  };
}

const kindOf = (s: Spec): CellKind => (s.type === 'date' ? 'date' : s.type === 'time' ? (s.utc ? 'instant' : 'wall') : 'value');

// The simple reading: hyparquet converts each value (times to epoch milliseconds, as parquet-table.ts does).
const SIMPLE_PARSERS = {
  timestampFromMilliseconds: (ms: bigint) => Number(ms),
  timestampFromMicroseconds: (us: bigint) => Number(us) / 1000,
  timestampFromNanoseconds: (ns: bigint) => Number(ns / 1_000_000n),
  dateFromDays: (days: number) => days * 86_400_000,
};

const file = fc
  .record({ specs: fc.array(spec, { minLength: 1, maxLength: 5 }), size: fc.integer({ min: 0, max: 14 }) })
  .chain(({ specs, size }) =>
    fc.record({
      specs: fc.constant(specs),
      rows: fc.array(fc.tuple(...specs.map(value)), { minLength: size, maxLength: size }),
      rowGroupSize: fc.integer({ min: 1, max: 6 }),
      // Small pages: a column of several pages in a row group (a required column's come as a chunk each).
      pageSize: fc.constantFrom(undefined, 16, 64),
      delimiter: fc.constantFrom(',', ';', '\t', '|'),
    }),
  );

async function concatenated(chunks: AsyncIterable<string | Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('parquetAsCsv', () => {
  it('writes the CSV of hyparquet converting every value, cell by cell (cellText, csvLine)', async () => {
    let rows = 0;
    await fc.assert(
      fc.asyncProperty(file, async ({ specs, rows: table, rowGroupSize, pageSize, delimiter }) => {
        const names = specs.map((_, j) => `c${j}`);
        const buffer = parquetWriteBuffer({
          columnData: specs.map((s, j) => ({ name: names[j]!, data: table.map((row) => row[j]) })),
          schema: [{ name: 'root', num_children: specs.length }, ...specs.map((s, j) => element(names[j]!, s))],
          rowGroupSize,
          ...(pageSize === undefined ? {} : { pageSize }),
        } as Parameters<typeof parquetWriteBuffer>[0]);
        const objects = await parquetReadObjects({ file: buffer, parsers: SIMPLE_PARSERS });
        let expected = csvLine(names, delimiter);
        for (const object of objects)
          expected += csvLine(
            names.map((name, j) => cellText(object[name], kindOf(specs[j]!))),
            delimiter,
          );
        const written = await concatenated(parquetAsCsv(memoryBytes(new Uint8Array(buffer)), delimiter, ALL_COLUMNS));
        expect(new TextDecoder().decode(written)).toBe(expected);
        expect(written).toEqual(new TextEncoder().encode(expected));
        rows += objects.length;
      }),
      { numRuns: 150 },
    );
    expect(rows).toBeGreaterThan(0);
  });
});
