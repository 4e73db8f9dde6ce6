import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ATTENTION_JSON_FIELDS, attentionJsonRow } from '../src/csv-columns.js';
import { renderJson } from '../src/format.js';
import { type JsonRowField, jsonRowOf, renderJsonRowBytes, textParts } from '../src/json-rows.js';

interface Row {
  s: string | null | undefined;
  n: number | null;
  at: Date | null;
}

const FIELDS: readonly JsonRowField<Row>[] = [
  { key: 'text', kind: 'string', value: (r) => r.s },
  { key: 'n "é"', kind: 'number', value: (r) => r.n },
  { key: 'at', kind: 'instant', value: (r) => r.at },
];

const rowArb: fc.Arbitrary<Row> = fc.record({
  s: fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }), // any UTF-16 unit: control characters, quotes, lone surrogates
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.stringMatching(/^[ -~]{0,40}$/),
    fc.constantFrom(null, undefined, '', '\u007f', '"\\'),
  ),
  n: fc.oneof(
    fc.integer({ min: 0, max: 2_000_000_000 }),
    fc.double(),
    fc.constantFrom(null, -0, 0, 9, 10, 99, 100, 999_999_999, 1e9, 1e21, Number.NaN, Number.POSITIVE_INFINITY, -1),
  ),
  at: fc.oneof(
    fc.integer({ min: -8.64e15, max: 8.64e15 }).map((ms) => new Date(ms)),
    fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms)),
    fc.constantFrom(null, new Date(-1), new Date(0), new Date(253_402_300_799_999), new Date(253_402_300_800_000)),
  ),
});

describe('renderJsonRowBytes (property: the text renderJsonParts makes of the rows as objects)', () => {
  it('for any rows of strings, numbers, instants and nulls, in parts of any size', () => {
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 20 }),
        fc.constantFrom({}, { asOf: '2026-03-31T00:00:00.000Z', zone: 'UTC' }),
        (rows, head) => {
          const text = [...textParts(renderJsonRowBytes(head, 'rows', rows, FIELDS))].join('');
          expect(text).toBe(renderJson({ ...head, rows: rows.map((r) => jsonRowOf(FIELDS, r)) }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('splits a long list into parts of about a megabyte, which join to the whole', () => {
    const rows: Row[] = Array.from({ length: 30_000 }, (_, i) => ({
      s: `lead ${i} ${'x'.repeat(i % 50)}`,
      n: i,
      at: new Date(i * 7_919_000),
    }));
    const parts = [...textParts(renderJsonRowBytes({ asOf: 'now' }, 'rows', rows, FIELDS))];
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('')).toBe(renderJson({ asOf: 'now', rows: rows.map((r) => jsonRowOf(FIELDS, r)) }));
  });

  it('throws for an invalid instant, as toISOString does', () => {
    expect(() => [...renderJsonRowBytes({}, 'rows', [{ s: 'a', n: 1, at: new Date(Number.NaN) }], FIELDS)]).toThrow(RangeError);
  });

  it('states the needs-attention row: its keys in order, the appointment as an ISO string', () => {
    const row = {
      leadId: 'L1',
      name: 'Zoë "Z"',
      locator: null,
      team: 'North',
      stage: 'Appointment Set',
      category: 'active' as const,
      appointmentAt: new Date('2026-03-01T14:30:00Z'),
      status: 'stale' as const,
      reason: 'stale' as const,
      days: 30,
    };
    expect(attentionJsonRow(row)).toStrictEqual({
      leadId: 'L1',
      name: 'Zoë "Z"',
      locator: null,
      team: 'North',
      stage: 'Appointment Set',
      appointmentAt: '2026-03-01T14:30:00.000Z',
      status: 'stale',
      reason: 'stale',
      days: 30,
    });
    const text = [...textParts(renderJsonRowBytes({}, 'rows', [row, { ...row, appointmentAt: null }], ATTENTION_JSON_FIELDS))].join('');
    expect(text).toBe(renderJson({ rows: [attentionJsonRow(row), attentionJsonRow({ ...row, appointmentAt: null })] }));
  });
});
