import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packCodes, packNullable, unpackCodes, unpackNullable } from './codes.js';

/** The plain reading of a packed column (the format as codes.ts describes it): the oracle of the fast reader. */
function simpleUnpack(codes: string): number[] {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-.!#$%()*+/:;=?@[]^{|}';
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === '~') {
      const end = codes.indexOf(',', i);
      out.push(Number.parseInt(codes.slice(i + 1, end), 36));
      i = end;
    } else out.push(alphabet.indexOf(codes[i]!) - 1);
  }
  return out;
}

const wholeNumber = fc.oneof(
  fc.integer({ min: -3, max: 100 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.maxSafeInteger(),
  fc.maxSafeInteger().map((n) => (n === 0 ? 0 : -n)),
);

describe('packed columns', () => {
  it('read as the plain reading of the format reads them (property)', () => {
    fc.assert(
      fc.property(fc.array(wholeNumber, { maxLength: 200 }), (values) => {
        const packed = packCodes(values);
        if (typeof packed === 'string') expect(unpackCodes(packed)).toEqual(simpleUnpack(packed));
        expect(unpackCodes(packed)).toEqual(values);
      }),
    );
  });

  it('with nulls come back as given (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.option(wholeNumber), { maxLength: 200 }), (values) => {
        expect(unpackNullable(JSON.parse(JSON.stringify(packNullable(values))))).toEqual(values);
      }),
    );
  });

  it('read a column written by hand', () => {
    expect(unpackCodes('016}~2c,~-2,0')).toEqual([-1, 0, 5, 83, 84, -2, -1]);
    expect(unpackNullable('0~-3,1')).toEqual([null, -2, 0]);
  });
});
