/**
 * The dashboard's built script and style sheet, as the page embeds them.
 *
 * Run from the TypeScript sources (the tests), they are compiled on first use (compile-assets.ts, with the
 * repository's esbuild), so a test never sees a stale script. The package build compiles them once and
 * replaces this module in its bundles by one returning that result (packages/cli/tsup.config.ts): the
 * built command carries them, and neither reads a file nor needs esbuild when it writes a page.
 *
 * @module
 */
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { compileReportAssets, type Esbuild, type ReportAssets } from './compile-assets.js';

let fromSources: ReportAssets | undefined;

/** The page's inline script and the static part of its style sheet. */
export function reportAssets(): ReportAssets {
  return (fromSources ??= compileFromSources());
}

function compileFromSources(): ReportAssets {
  // esbuild is the repository's build tool (through tsup), not a dependency of the package: the built
  // package never runs this function.
  const esbuild = createRequire(import.meta.url)('esbuild') as Esbuild;
  return compileReportAssets(esbuild, fileURLToPath(new URL('.', import.meta.url)));
}
