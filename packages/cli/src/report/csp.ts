import { createHash } from 'node:crypto';

/** A CSP source expression for an inline `<script>` or `<style>` whose text is exactly `text`. */
export function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page's Content-Security-Policy: nothing may be fetched (no `connect-src`, fonts, frames or external
 * scripts, styles or images), images only as `data:` URLs, and only the page's own inline script and
 * style, each allowed by the hash of its exact text.
 */
export function contentSecurityPolicy(inline: { scripts: readonly string[]; styles: readonly string[] }): string {
  return [
    "default-src 'none'",
    'img-src data:',
    `style-src ${inline.styles.map(cspHash).join(' ')}`,
    `script-src ${inline.scripts.map(cspHash).join(' ')}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
