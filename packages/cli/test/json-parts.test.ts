import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderJson, renderJsonParts } from '../src/format.js';

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
