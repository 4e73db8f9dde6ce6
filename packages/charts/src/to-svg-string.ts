import { chartMessages } from './messages.js';
import { SVG_NS } from './svg.js';

/**
 * Serializes a figure to a standalone SVG string (with `xmlns`), ready to write to a `.svg` file or to
 * paste into an HTML page. Text from data (names, stages, locators) was set as text by the DOM and comes
 * out escaped. Uses the document's own `XMLSerializer` (a browser's, or jsdom's), so it works in both.
 *
 * @example
 * ```ts
 * const { document } = new JSDOM('').window;
 * writeFileSync('heatmap.svg', toSvgString(responseHeatmapFigure(cells, { document })));
 * ```
 */
export function toSvgString(figure: Element): string {
  if (!figure || typeof figure !== 'object' || typeof (figure as Partial<Element>).getAttribute !== 'function') {
    throw new TypeError(chartMessages.notAnElement(figure));
  }
  const view = figure.ownerDocument?.defaultView as (Window & { XMLSerializer?: typeof XMLSerializer }) | null | undefined;
  const Serializer = view?.XMLSerializer ?? (globalThis as { XMLSerializer?: typeof XMLSerializer }).XMLSerializer;
  if (Serializer) return new Serializer().serializeToString(figure);
  // A DOM without XMLSerializer: HTML serialization of an SVG subtree is well-formed XML except for the namespace.
  const markup = figure.outerHTML;
  return /^<svg\b[^>]*\sxmlns=/.test(markup) ? markup : markup.replace(/^<svg\b/, `<svg xmlns="${SVG_NS}"`);
}
