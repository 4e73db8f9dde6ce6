/** The length of a UUID's packed key: a 0xFF, then its 16 bytes. @internal */
export const UUID_KEY_LENGTH = 17;

const DASH = 45;
/** Each byte's value as a lowercase hex digit, or -1. */
const HEX_VALUE = Int8Array.from({ length: 256 }, (_, b) => (b >= 48 && b <= 57 ? b - 48 : b >= 97 && b <= 102 ? b - 87 : -1));

/**
 * Packs the id `buf[s, e)` into `out` when it is a UUID in lowercase hex (`8-4-4-4-12`), most exports' id but numbers: its 16 bytes after
 * a 0xFF (a byte no UTF-8 text holds, so no other id has that key). Returns whether it did (`out` is then the id's key). @internal
 */
export function packUuid(buf: Uint8Array, s: number, e: number, out: Uint8Array): boolean {
  if (e - s !== 36 || buf[s + 8] !== DASH || buf[s + 13] !== DASH || buf[s + 18] !== DASH || buf[s + 23] !== DASH) return false;
  let o = 1;
  let high = -1;
  for (let i = s; i < e; i++) {
    if (i - s === 8 || i - s === 13 || i - s === 18 || i - s === 23) continue;
    const nibble = HEX_VALUE[buf[i]!]!;
    if (nibble < 0) return false;
    if (high < 0) high = nibble;
    else {
      out[o++] = (high << 4) | nibble;
      high = -1;
    }
  }
  out[0] = 0xff;
  return true;
}
