/**
 * Puts a figure together as one `<svg>`: title, subtitle, legend and the chart Plot drew, stacked top to
 * bottom. Plot wraps titles and legends in an HTML `<figure>` (and draws ramps on a canvas); a single SVG is
 * what embeds everywhere — an HTML page, a file, an e-mail — and renders the same in Node.
 *
 * @internal
 * @module
 */
import { textWidth } from './format.js';
import { renderLegend, type LegendPart } from './legend.js';
import { NEUTRAL_COLORS } from './palette.js';
import { px, svgElement } from './svg.js';

export interface ComposeFigureInput {
  document: Document;
  /** Kebab-case figure name: the root gets `class="panopticon-figure panopticon-<name>"` and `data-figure="<name>"`. */
  name: string;
  title: string;
  subtitle?: string | null | undefined;
  width: number;
  legend?: readonly LegendPart[] | undefined;
  /** Elements for `<defs>` (patterns). */
  defs?: readonly Element[] | undefined;
  /** The chart: an `<svg>` from `Plot.plot`, whose content is moved into the figure. */
  plot?: SVGSVGElement | undefined;
  /** Or a body already drawn (the no-data frame), with its height. */
  body?: { node: SVGGElement; height: number } | undefined;
  /** Fill behind the figure; `null` for transparent. Default white. */
  background?: string | null | undefined;
}

const TITLE_SIZE = 15;
const SUBTITLE_SIZE = 11;
// Presentation attributes of Plot's root that its content inherits.
const INHERITED = ['fill', 'font-family', 'font-size', 'text-anchor'];

/** The composed `<svg>`. */
export function composeFigure(input: ComposeFigureInput): SVGSVGElement {
  const doc = input.document;
  const { width } = input;
  const svg = svgElement(doc, 'svg', {
    class: `panopticon-figure panopticon-${input.name}`,
    'data-figure': input.name,
    role: 'img',
    'aria-label': input.title,
    fill: 'currentColor',
    'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    'font-size': 10,
  });
  svg.append(svgElement(doc, 'title', {}, input.title));
  if (input.subtitle) svg.append(svgElement(doc, 'desc', {}, input.subtitle));
  svg.append(
    svgElement(
      doc,
      'style',
      {},
      ':where(.panopticon-figure) { display: block; height: auto; max-width: 100%; overflow: visible; }\n' +
        ':where(.panopticon-figure text) { white-space: pre; }',
    ),
  );
  if (input.defs?.length) {
    const defs = svgElement(doc, 'defs');
    defs.append(...input.defs);
    svg.append(defs);
  }
  const background = input.background === undefined ? 'white' : input.background;
  const backgroundRect = background
    ? svgElement(doc, 'rect', { class: 'panopticon-background', width: '100%', height: '100%', fill: background })
    : null;
  if (backgroundRect) svg.append(backgroundRect);

  let y = 0;
  for (const line of wrapText(input.title, width, TITLE_SIZE)) {
    y += TITLE_SIZE + (y === 0 ? 0 : 4);
    svg.append(svgElement(doc, 'text', { class: 'panopticon-title', x: 0, y, 'font-size': TITLE_SIZE, 'font-weight': 600 }, line));
  }
  y += 6;
  if (input.subtitle) {
    for (const line of wrapText(input.subtitle, width, SUBTITLE_SIZE)) {
      y += SUBTITLE_SIZE + 3;
      svg.append(
        svgElement(doc, 'text', { class: 'panopticon-subtitle', x: 0, y, 'font-size': SUBTITLE_SIZE, fill: NEUTRAL_COLORS.muted }, line),
      );
    }
    y += 3;
  }
  y += 6;
  if (input.legend?.length) {
    const legend = renderLegend(doc, input.legend, width);
    if (legend.height > 0) {
      legend.node.setAttribute('transform', `translate(0,${px(y)})`);
      svg.append(legend.node);
      y += legend.height + 8;
    }
  }
  if (input.plot) {
    const plot = input.plot;
    const g = svgElement(doc, 'g', { class: 'panopticon-plot', transform: `translate(0,${px(y)})` });
    for (const name of INHERITED) {
      const value = plot.getAttribute(name);
      if (value !== null) g.setAttribute(name, value);
    }
    for (const child of Array.from(plot.childNodes)) {
      // Plot's <style> targets its own root class, which the figure does not keep.
      if (child.nodeName.toLowerCase() !== 'style') g.append(child);
    }
    svg.append(g);
    y += Number(plot.getAttribute('height') ?? 0);
  } else if (input.body) {
    input.body.node.setAttribute('transform', `translate(0,${px(y)})`);
    svg.append(input.body.node);
    y += input.body.height;
  }
  const height = Math.ceil(y + 2);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return svg;
}

/**
 * Splits a text into lines that fit `width` at `fontSize` (estimated widths: nothing is measured in Node),
 * breaking at spaces; a word longer than a line stays whole.
 */
export function wrapText(text: string, width: number, fontSize: number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
