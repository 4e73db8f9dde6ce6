/**
 * The one way the dashboard page writes markup: the `html` tagged template. Every interpolated value is
 * HTML-escaped, unless it is already markup: a fragment built by `html` itself, or a string explicitly
 * trusted with {@link unsafeHtml} (the figures' SVG, the style sheet, the script). So a CRM string (a name,
 * a stage, a locator, a file name) cannot become markup however it is placed.
 *
 * @module
 */
import { escapeHtml } from './escape.js';

/** The only way to make an {@link Html}: kept in this module, so markup is trusted only here. */
let trusted: (markup: string) => Html;

/** Markup that is safe to write as is: the result of `html`, or a string trusted with {@link unsafeHtml}. */
export class Html {
  readonly #markup: string;

  private constructor(markup: string) {
    this.#markup = markup;
  }

  static {
    trusted = (markup) => new Html(markup);
  }

  /** The markup. */
  toString(): string {
    return this.#markup;
  }
}

/**
 * What may be interpolated: text (escaped), a number (written as `String(n)`), markup ({@link Html}), a
 * list of these (written one after the other), or nothing (`null`, `undefined` or `false` write nothing,
 * so `${cond && html`…`}` reads naturally).
 */
export type HtmlValue = Html | string | number | false | null | undefined | readonly HtmlValue[];

function write(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return value.map(write).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(value);
}

/** Markup from a template: the literal parts as written, every interpolated value as {@link HtmlValue} says. */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): Html {
  let markup = strings[0]!;
  for (let i = 0; i < values.length; i++) markup += write(values[i]!) + strings[i + 1]!;
  return trusted(markup);
}

/**
 * A string trusted as markup, written without escaping. Only for text the page itself produced: the
 * figures' serialized SVG (their text was set as DOM text), the style sheet, the built script, the JSON block.
 */
export function unsafeHtml(markup: string): Html {
  return trusted(markup);
}

/** Fragments written one after the other with `separator` (text, escaped) between them. */
export function joinHtml(parts: readonly HtmlValue[], separator: string): Html {
  return trusted(parts.map(write).join(escapeHtml(separator)));
}
