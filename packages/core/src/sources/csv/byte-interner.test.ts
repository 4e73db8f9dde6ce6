import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteInterner } from './byte-interner.js';

describe('ByteInterner', () => {
  it('gives the trimmed text of the bytes, for values it keeps and past its limit (property)', () => {
    const encoder = new TextEncoder();
    const textArb = fc.oneof(fc.constantFrom('New', ' Won ', '', 'Chloé', 'Ne', 'New\t'), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (texts, limit) => {
        const interner = new ByteInterner(limit);
        for (const text of texts) {
          const bytes = encoder.encode(`,${text},`);
          expect(interner.get(bytes, 1, bytes.length - 1)).toBe(text.trim());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('numbers each distinct run of bytes in order of first sight, and -1 past its limit (lastIndex, property)', () => {
    const encoder = new TextEncoder();
    const textArb = fc.oneof(fc.constantFrom('New', ' New', 'Won', ''), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(textArb, { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (texts, limit) => {
        const interner = new ByteInterner(limit);
        const seen: string[] = [];
        for (const text of texts) {
          const bytes = encoder.encode(`,${text},`);
          interner.get(bytes, 1, bytes.length - 1);
          if (!seen.includes(text)) seen.push(text);
          const k = seen.indexOf(text);
          expect(interner.lastIndex).toBe(k < limit ? k : -1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
