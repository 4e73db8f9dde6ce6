/**
 * Escaping for the dashboard page. Every string that came from a CRM (names, stages, locators, teams, file
 * names, data-quality values) goes through one of these before it reaches the HTML.
 *
 * @module
 */

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for HTML element content or a quoted attribute value: `& < > " '` escaped. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for a `<script type="application/json">` block. `<`, `>` and `&` are written as `\u003c`, `\u003e`
 * and `\u0026` (so `</script>` or `<!--` in a CRM string cannot end the block or open a comment), and the
 * line separators U+2028 and U+2029 as `\u2028` / `\u2029`. The result is still JSON that `JSON.parse`
 * reads back to the same value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
