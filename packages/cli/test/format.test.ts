import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoString, renderJson, renderJsonParts } from '../src/format.js';

const keyArb = fc.stringMatching(/^[a-z][a-zA-Z0-9 "\\é]{0,8}$/);

describe('renderJsonParts (property: its parts join to renderJson of the whole)', () => {
  it('for any head, items, item mapping and batch size', () => {
    fc.assert(
      fc.property(
        fc.dictionary(keyArb, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
        fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 5 }),
        (head, items, wrap, batch) => {
          const key = 'rows';
          delete head[key];
          const jsonOf = wrap ? (item: unknown) => ({ item, at: new Date(0) }) : (item: unknown) => item;
          const parts = [...renderJsonParts(head, key, items, jsonOf, batch)];
          expect(parts.join('')).toBe(renderJson({ ...head, [key]: items.map(jsonOf) }));
          expect(parts.length).toBe(items.length === 0 ? 1 : 2 + Math.ceil(items.length / batch));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('isoString (property: it writes what Date#toISOString writes)', () => {
  it('for any instant, four-digit years or not', () => {
    const instantArb = fc.oneof(
      fc.integer({ min: -62_167_219_200_000 - 1000, max: 253_402_300_799_999 + 1000 }),
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.constantFrom(-62_167_219_200_000, -62_167_219_200_001, 253_402_300_799_999, 253_402_300_800_000, 0, -1),
    );
    fc.assert(
      fc.property(instantArb, (ms) => {
        expect(isoString(new Date(ms))).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 2000 },
    );
  });

  it('throws for an invalid date, as toISOString does', () => {
    expect(() => isoString(new Date(Number.NaN))).toThrow(RangeError);
  });
});
