import { asOfText } from './format.js';
import { chartMessages } from './messages.js';

/**
 * Options every figure takes. Each figure's own options extend these.
 *
 * @example
 * ```ts
 * const { document } = new JSDOM('').window;
 * const common: FigureOptions = { document, width: 900, background: null };
 * const svg = pipelineSnapshotFigure(rows, { ...common, title: 'Pipeline today', subtitle: null });
 * ```
 */
export interface FigureOptions {
  /**
   * The document the figure's elements are created in. Default: the global `document` (browsers). In Node,
   * pass a DOM implementation's document, for example `new JSDOM('').window.document`.
   */
  document?: Document;
  /** The title drawn at the top of the figure (and its accessible name). Default: per figure. */
  title?: string;
  /** One line under the title; `null` for none. Default: per figure (what is measured, and "as of" where dated). */
  subtitle?: string | null;
  /** Total width in pixels. Default: per figure (640 for most). */
  width?: number;
  /** The message of the "no data" figure drawn for empty input. Default: per figure. */
  emptyMessage?: string;
  /** Fill behind the figure, so it reads on any page or viewer; `null` for transparent. Default `'white'`. */
  background?: string | null;
}

/** The document to render into: the option, else the global one, else a helpful error. */
export function resolveDocument(options: { document?: Document | undefined }): Document {
  const doc = options.document ?? (globalThis as { document?: Document }).document;
  if (!doc) throw new TypeError(chartMessages.noDocument());
  return doc;
}

/** What every figure starts from: the document to draw in, the width and the title, each the option or the figure's default. */
export interface ResolvedFigureOptions {
  doc: Document;
  width: number;
  title: string;
}

/** The document, width and title of a figure; throws as {@link resolveDocument} and {@link resolveWidth} do. */
export function resolveFigureOptions(options: FigureOptions, defaults: { width: number; title: string }): ResolvedFigureOptions {
  const doc = resolveDocument(options);
  const width = resolveWidth(options.width, defaults.width);
  return { doc, width, title: options.title ?? defaults.title };
}

/** The width option, validated. */
export function resolveWidth(width: number | undefined, fallback: number): number {
  if (width === undefined) return fallback;
  if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0) throw new RangeError(chartMessages.invalidWidth(width));
  return Math.round(width);
}

/**
 * "as of <date> (<zone>)" for a subtitle when `asOf` is given; "" otherwise. Throws when `asOf` is not a
 * valid Date, or comes without the `timeZone` its date must be read in.
 */
export function datedText(figure: string, options: { asOf?: Date | undefined; timeZone?: string | undefined }): string {
  if (options.asOf === undefined) return '';
  if (!(options.asOf instanceof Date) || Number.isNaN(options.asOf.getTime()))
    throw new RangeError(chartMessages.invalidAsOf(figure, options.asOf));
  if (!options.timeZone) throw new TypeError(chartMessages.asOfNeedsTimeZone(figure));
  return asOfText(options.asOf, options.timeZone);
}
