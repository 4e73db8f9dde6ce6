/** Small queries over a rendered figure. */

/** The `<rect>`s of Plot's cell marks, in drawing order. */
export function cellRects(svg: Element): Element[] {
  return [...svg.querySelectorAll('g[aria-label="cell"]')].flatMap((g) => [...g.querySelectorAll('rect')]);
}

/** The effective fill of an element: its own, else its nearest ancestor's. */
export function fillOf(el: Element): string | null {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const fill = node.getAttribute('fill');
    if (fill !== null) return fill;
  }
  return null;
}

/** The `<title>` text of an element (the tooltip). */
export function tipOf(el: Element): string {
  return el.querySelector(':scope > title')?.textContent ?? '';
}

/** The first cell rect whose tooltip starts with `heading`. */
export function cellByHeading(svg: Element, heading: string): Element {
  const found = cellRects(svg).find((r) => tipOf(r).startsWith(heading));
  if (!found) throw new Error(`no cell titled "${heading}…"`);
  return found;
}

/** The texts of the `<text>` elements under groups with this aria-label (without their tooltips). */
export function texts(svg: Element, ariaLabel: string): string[] {
  return [...svg.querySelectorAll(`g[aria-label="${ariaLabel}"] text`)].map((t) =>
    [...t.childNodes]
      .filter((n) => n.nodeName.toLowerCase() !== 'title')
      .map((n) => n.textContent ?? '')
      .join(''),
  );
}
