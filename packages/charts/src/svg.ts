/**
 * Tiny helpers to build SVG elements in a given document (no globals: the document is an argument).
 *
 * @internal
 * @module
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

export type Attributes = Record<string, string | number | null | undefined>;

/** An SVG element with attributes (null/undefined skipped) and an optional text content (escaped by the DOM). */
export function svgElement<K extends keyof SVGElementTagNameMap>(
  doc: Document,
  name: K,
  attributes: Attributes = {},
  text?: string,
): SVGElementTagNameMap[K] {
  const node = doc.createElementNS(SVG_NS, name) as SVGElementTagNameMap[K];
  for (const [key, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Rounds a coordinate to two decimals so that layout arithmetic does not leak float noise into the markup. */
export function px(value: number): number {
  return Math.round(value * 100) / 100;
}
