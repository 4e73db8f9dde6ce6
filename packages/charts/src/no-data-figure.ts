import { composeFigure } from './compose.js';
import type { FigureOptions } from './options.js';
import type { ResolvedFigureOptions } from './options.js';
import { resolveFigureOptions } from './options.js';
import { NEUTRAL_COLORS } from './palette.js';
import { svgElement } from './svg.js';

/**
 * Options of {@link noDataFigure}.
 *
 * @example
 * ```ts
 * const options: NoDataFigureOptions = { document, title: 'Appointments', message: 'Nothing booked this week', frameHeight: 80 };
 * const svg = noDataFigure(options); // svg.getAttribute('data-empty') === 'true'
 * ```
 */
export interface NoDataFigureOptions extends FigureOptions {
  /** Title of the figure that has nothing to show. Default "No data". */
  title?: string;
  /** The message in the middle of the frame. Default "No data to show". */
  message?: string;
  /** Height of the empty frame in pixels. Default 120. */
  frameHeight?: number;
  /** Kebab-case name of the figure this stands in for (root class and `data-figure`). Default "no-data". */
  name?: string;
}

/**
 * A clear "no data" figure: the title, an outlined frame and a message in the middle. Every figure returns
 * one for empty input; the root carries `data-empty="true"`.
 *
 * @example
 * ```ts
 * const svg = noDataFigure({ title: 'Pipeline snapshot', message: 'No leads yet', document });
 * ```
 */
export function noDataFigure(options: NoDataFigureOptions = {}): SVGSVGElement {
  const { doc, width, title } = resolveFigureOptions(options, { width: 640, title: 'No data' });
  const height = options.frameHeight ?? 120;
  const body = svgElement(doc, 'g', { class: 'panopticon-no-data' });
  body.append(
    svgElement(doc, 'rect', {
      x: 0.5,
      y: 0.5,
      width: width - 1,
      height: height - 1,
      rx: 4,
      fill: NEUTRAL_COLORS.empty,
      stroke: NEUTRAL_COLORS.outline,
      'stroke-dasharray': '4,3',
    }),
  );
  body.append(
    svgElement(
      doc,
      'text',
      { x: width / 2, y: height / 2, dy: '0.32em', 'text-anchor': 'middle', 'font-size': 13, fill: NEUTRAL_COLORS.muted },
      options.message ?? options.emptyMessage ?? 'No data to show',
    ),
  );
  const svg = composeFigure({
    document: doc,
    background: options.background,
    name: options.name ?? 'no-data',
    title,
    subtitle: options.subtitle,
    width,
    body: { node: body, height },
  });
  svg.setAttribute('data-empty', 'true');
  return svg;
}

/**
 * What a figure returns for empty input: the no-data figure with the figure's name, size and title, its
 * subtitle (`options.subtitle`, else `subtitle`) and message (`options.emptyMessage`, else `message`).
 * Internal to the figures.
 */
export function emptyFigure(
  name: string,
  { doc, width, title }: ResolvedFigureOptions,
  options: FigureOptions,
  subtitle: string | null | undefined,
  message: string,
): SVGSVGElement {
  return noDataFigure({
    document: doc,
    width,
    background: options.background,
    name,
    title,
    subtitle: options.subtitle === undefined ? subtitle : options.subtitle,
    message: options.emptyMessage ?? message,
  });
}
