/**
 * Small colour arithmetic on "#rrggbb" strings: readable text on a fill, and shades of one hue.
 *
 * @internal
 * @module
 */

function rgb(hex: string): [number, number, number] | null {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return null;
  const n = Number.parseInt(m[1]!, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function hex([r, g, b]: readonly number[]): string {
  return `#${[r, g, b]
    .map((v) =>
      Math.round(Math.min(255, Math.max(0, v!)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Near-black or white, whichever reads better on `fill` (WCAG relative luminance). */
export function textColorOn(fill: string): string {
  const c = rgb(fill);
  if (!c) return '#111111';
  const [r, g, b] = c.map((v) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.3 ? '#ffffff' : '#111111';
}

/** `count` shades of a colour, from the colour itself towards white (at most 60 % of the way). */
export function shadesOf(color: string, count: number): string[] {
  const c = rgb(color);
  if (!c || count <= 1) return Array.from({ length: Math.max(0, count) }, () => color);
  return Array.from({ length: count }, (_, i) => {
    const t = (i / (count - 1)) * 0.6;
    return hex(c.map((v) => v + (255 - v) * t));
  });
}
