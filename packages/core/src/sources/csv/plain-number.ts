/**
 * Lead ids that are plain numbers (1–15 digits, no leading zero): their text is exactly `String(value)`,
 * so the readers of large files keep the number instead of a string per row. @internal
 * @module
 */

const ZERO = 48;

/** The value of an id made of 1–15 digits without a leading zero (so the number gives back the same text), else −1. @internal */
export function plainNumber(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15 || (n > 1 && id.charCodeAt(0) === ZERO)) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = id.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** The value of an id of 1–15 ASCII digits without a leading zero (its text is then `String(value)`), else −1. @internal */
export function plainNumberBytes(buf: Uint8Array, s: number, e: number): number {
  const n = e - s;
  if (n === 0 || n > 15 || (n > 1 && buf[s] === 48)) return -1;
  let value = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}
