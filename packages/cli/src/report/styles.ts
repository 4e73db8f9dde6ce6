import { CATEGORY_COLORS, REASON_COLORS, STATUS_COLORS } from '@panopticon/charts';
import { reportAssets } from './assets.js';

/** `.s-<status>`, `.r-<reason>` and `.c-<category>` classes setting `--c` to the shared palette's colour. */
function paletteClasses(): string {
  const rules: string[] = [];
  for (const [k, v] of Object.entries(STATUS_COLORS)) rules.push(`.s-${k}{--c:${v}}`);
  for (const [k, v] of Object.entries(REASON_COLORS)) rules.push(`.r-${k}{--c:${v}}`);
  for (const [k, v] of Object.entries(CATEGORY_COLORS)) rules.push(`.c-${k}{--c:${v}}`);
  return rules.join('\n');
}

/**
 * The page's one style sheet (allowed by its hash in the CSP): styles.css, then the palette classes, then
 * the figures' own CSS (moved out of their SVG, so the page has a single `<style>`).
 */
export function pageCss(figureCss: string): string {
  return `${reportAssets().css}\n${paletteClasses()}\n${figureCss}`.trim();
}
