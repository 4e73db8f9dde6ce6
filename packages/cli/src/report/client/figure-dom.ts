/**
 * A figure drawn in the browser, made fit for the page as figures.ts makes the server's: its `<style>`
 * elements and `style` attributes removed (the page's CSP allows only its own hashed style sheet, which
 * already holds the figures' CSS), and the `aria-label` of a `<g>` without a role dropped (prohibited
 * ARIA inside a figure that is one labelled image).
 *
 * @module
 */
export function fitFigure(svg: SVGSVGElement): SVGSVGElement {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  for (const node of Array.from(svg.querySelectorAll('[style]'))) node.removeAttribute('style');
  for (const g of Array.from(svg.querySelectorAll('g[aria-label]'))) if (!g.hasAttribute('role')) g.removeAttribute('aria-label');
  return svg;
}

/** Puts `svg` where the page's figure named `name` (`data-figure`) is. */
export function replaceFigure(name: string, svg: SVGSVGElement): void {
  const old = document.querySelector(`svg[data-figure="${name}"]`);
  if (old) old.replaceWith(fitFigure(svg));
}
